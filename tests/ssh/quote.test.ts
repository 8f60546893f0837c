import { execFileSync } from "child_process";
import { quote, quoteArgv, withEnv } from "../../provider/ssh/quote";

const NASTY = ["", "two words", "it's", '"dq"', "$(touch /tmp/pwned)", "`id`", "a;b", "x\ny", "*", "~", "#c", "a|b&c", "{a,b}", "$HOME", "\\", "--opt=v a"];

describe("quote", () => {
  it("leaves plain words readable", () => {
    expect(quoteArgv(["systemctl", "is-active", "openstack-nova-api", "--answer-file=/root/a.txt"])).toBe(
      "systemctl is-active openstack-nova-api --answer-file=/root/a.txt",
    );
  });

  it("single-quotes everything else, escaping embedded quotes", () => {
    expect(quote("")).toBe("''");
    expect(quote("it's")).toBe("'it'\\''s'");
    expect(quote("$(id)")).toBe("'$(id)'");
    expect(quote("~root")).toBe("'~root'");
  });

  it("round-trips nasty arguments through a real POSIX shell", () => {
    const out = execFileSync("/bin/sh", ["-c", quoteArgv(["printf", "%s\\0", ...NASTY])]).toString();
    expect(out.split("\0").slice(0, -1)).toEqual(NASTY);
  });

  it("never lets the first word become a variable assignment", () => {
    expect(quoteArgv(["A=1", "x"])).toBe("'A=1' x");
  });

  it("refuses NUL bytes, which no command can receive", () => {
    expect(() => quote("a\0b")).toThrow(/NUL/);
  });

  it("passes env through `env` and rejects bad names", () => {
    expect(withEnv(["cmd"], { LANG: "C.UTF-8" })).toEqual(["env", "LANG=C.UTF-8", "cmd"]);
    expect(() => withEnv(["cmd"], { "BAD NAME": "x" })).toThrow(/BAD NAME/);
  });
});
