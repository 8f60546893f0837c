/** The real captures recorded beside the VBoxManage stand-in (tests/standins/vboxmanage/samples/SOURCES.md). */
import * as fs from "fs";
import * as path from "path";

export const SAMPLES = path.resolve(__dirname, "../../standins/vboxmanage/samples");
export const readSample = (name: string) => fs.readFileSync(path.join(SAMPLES, name), "utf8");
export const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");
