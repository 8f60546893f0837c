/** `list hostinfo`: the real 7.x capture byte for byte (CRLF as VBoxManage.exe), or another capture by file. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { standin } from "./run";

const SAMPLE = path.join(__dirname, "samples", "list-hostinfo.macos-intel-7.x.stdout");

test("prints the recorded capture byte for byte; Windows mode prints it with CRLF", () => {
  const s = standin();
  try {
    expect(s.ok(["list", "hostinfo"])).toBe(fs.readFileSync(SAMPLE, "utf8"));
    expect(s.ok(["list", "hostinfo"], { VBOX_STANDIN_OS: "windows" })).toBe(fs.readFileSync(SAMPLE, "utf8").replace(/\n/g, "\r\n"));
  } finally {
    s.cleanup();
  }
});

test("VBOX_STANDIN_HOSTINFO names another host's capture", () => {
  const other = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hostinfo-")), "no-vtx.stdout");
  fs.writeFileSync(other, fs.readFileSync(SAMPLE, "utf8").replace("Processor supports HW virtualization: yes", "Processor supports HW virtualization: no"));
  const s = standin();
  try {
    expect(s.ok(["list", "hostinfo"], { VBOX_STANDIN_HOSTINFO: other })).toContain("Processor supports HW virtualization: no\n");
  } finally {
    s.cleanup();
  }
});
