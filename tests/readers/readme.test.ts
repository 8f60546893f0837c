/** The limits the READMEs state are the code's: each stated number and rule is checked against the constant behind it. */
import * as fs from "fs";
import * as path from "path";
import { ROOT_PASSWORD_MAX_BYTES, ROOT_PASSWORD_MIN_CHARS } from "../../provider/virtualbox/virtualmachine/types";
import { ENVIRONMENT } from "../../provider/virtualbox/kickstart/centosStream9";

const read = (p: string) => fs.readFileSync(path.join(__dirname, "../..", p), "utf8");
const section = (text: string, name: string) => {
  const m = new RegExp(`<!-- limits:${name}[^>]*-->([\\s\\S]*?)<!-- /limits -->`).exec(text);
  if (!m) throw new Error(`no limits:${name} section`);
  return m[1].replace(/\s+/g, " ");
};

test("VM README: root password, key and package limits", () => {
  const s = section(read("provider/virtualbox/virtualmachine/README.md"), "rootPassword");
  expect(s).toContain(`at least ${ROOT_PASSWORD_MIN_CHARS} characters and at most ${ROOT_PASSWORD_MAX_BYTES} bytes in UTF-8`);
  expect(s).toContain(`@^${ENVIRONMENT}`);
  expect(s).toContain("U+0000-U+001F, U+007F-U+009F) and U+2028/U+2029");
});

test("PackstackInstall README: extraAnswers validation names the table's source commit and the l2Agent choices", async () => {
  const { ZED_SOURCE } = await import("../../provider/lab/packstack/zedOptions");
  const { SUPPORTED_L2_AGENTS } = await import("../../provider/lab/packstack/types");
  const text = read("provider/lab/packstack/README.md");
  const s = section(text, "extraAnswers");
  expect(s).toContain(ZED_SOURCE.commit);
  expect(s).toContain(`tag ${ZED_SOURCE.ref}`);
  expect(text).toContain(`\`${SUPPORTED_L2_AGENTS.join("` or `")}\` (\`linuxbridge\` is refused`);
});
