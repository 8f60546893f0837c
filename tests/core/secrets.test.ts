/**
 * The one module of secret rules (provider/core/secrets.ts): the lab CLI's report and PackstackInstall find the
 * same secret answers in an answer file, and mask() hides a password it was never given.
 */
import { gatherSecrets } from "../../cli/report/secrets";
import { answerFileSecrets, collectSecrets, mask } from "../../provider/core/secrets";
import { answerSecrets } from "../../provider/lab/packstack/answerFile";

const ANSWERS = [
  "[general]",
  "CONFIG_MARIADB_PW=maria-secret-1",
  "CONFIG_NOVA_SSH_KEY=ssh-rsa-private-ish",
  "CONFIG_SSH_KEY=/root/.ssh/id_rsa.pub",
  "CONFIG_KEYSTONE_ADMIN_TOKEN=tok-123456",
  "CONFIG_DEBUG_MODE=n",
  "CONFIG_DEFAULT_PASSWORD=default-pw-9",
].join("\n");

test("the report and PackstackInstall find the same secret answers (paths and plain settings are none)", () => {
  expect(answerFileSecrets(ANSWERS).sort()).toEqual(answerSecrets(ANSWERS).sort());
  expect(answerFileSecrets(ANSWERS).sort()).toEqual(["default-pw-9", "maria-secret-1", "ssh-rsa-private-ish", "tok-123456"]);
  const report = gatherSecrets({ config: { "lab:answers": { value: ANSWERS, secret: true } } });
  for (const s of answerSecrets(ANSWERS)) expect(report).toContain(s);
  expect(report).not.toContain("/root/.ssh/id_rsa.pub");
});

test("strings under secret-looking keys are collected, others not", () => {
  expect(collectSecrets({ cloud: { password: "pw-1", username: "admin" }, extraAnswers: { CONFIG_X: "x-val" }, name: "lab" }).sort()).toEqual(["pw-1", "x-val"]);
});

test("mask hides the given secrets and any value written after a password-like name", () => {
  const out = mask("login with pw-given-1, then password=never-given and CONFIG_NOVA_DB_PW=other-9", ["pw-given-1"]);
  expect(out).not.toMatch(/pw-given-1|never-given|other-9/);
  expect(out).toContain("password=***");
});
