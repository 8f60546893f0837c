/**
 * jest setupFilesAfterEnv: each test file gets a create journal of its own (provider/core/createJournal.ts), so
 * records that one suite or an earlier run leaves never change what another finds. Programs and plugins the file
 * starts inherit it; it is removed after the file.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-create-journal-"));
process.env.OSLAB_CREATE_JOURNAL = dir;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
