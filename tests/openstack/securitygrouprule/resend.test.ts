/**
 * A rule create whose answer is lost: how often it is sent again and how long it waits in between (the README
 * says so in the sentence `resendSentence()` renders from RULE_RESENDS and RULE_BACKOFF). Fake client, recorded
 * waits: no cloud, nothing slept.
 */
import * as fs from "fs";
import * as path from "path";
import { OpenStackHttpError } from "../../../provider/openstack/client";
import type { NetworkClient } from "../../../provider/openstack/common/rules";
import { createRule, resendSentence, RULE_RESENDS } from "../../../provider/openstack/securitygrouprule/requests";

const G = "0b5b2c1e-1111-4222-8333-444455556666";
const rule = { direction: "ingress", ethertype: "IPv4", protocol: "tcp", portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: null, remoteGroupId: null, description: "" } as any;

function client(answers: Array<() => unknown>) {
  const posts: unknown[] = [];
  const c = {
    projectId: "p",
    get: async () => ({ security_group_rules: [] }),
    put: async () => ({}),
    delete: async () => ({}),
    post: async (_s: string, _p: string, body: unknown) => {
      posts.push(body);
      const a = answers.shift();
      if (!a) throw new Error("no more answers");
      return a();
    },
  } as unknown as NetworkClient;
  return { c, posts };
}
const lost = () => {
  throw new OpenStackHttpError("network", "POST", "/v2.0/security-group-rules", 503, {});
};

test("a lost answer every time: the create is sent 1 + RULE_RESENDS times with the waits the README names, then fails", async () => {
  const { c, posts } = client([lost, lost, lost, lost, lost]);
  const waits: number[] = [];
  const progress: string[] = [];
  const err = await createRule(c, G, rule, { deadline: Date.now() + 60_000, progress: (m) => progress.push(m) }, async (ms) => void waits.push(ms)).catch((e) => e);
  expect(err).toMatchObject({ status: 503 });
  expect(posts).toHaveLength(1 + RULE_RESENDS);
  expect(waits).toEqual([1000, 2000]);
  expect(progress.join("\n")).toMatch(/sending it again in 1s[\s\S]*sending it again in 2s/);
});

test("a lost answer, then an answer: the rule is created by the resend", async () => {
  const { c, posts } = client([lost, () => ({ security_group_rule: { id: "r1" } })]);
  await expect(createRule(c, G, rule, { deadline: Date.now() + 60_000, progress: () => undefined }, async () => undefined)).resolves.toEqual({
    rule: { id: "r1" },
    adopted: false,
  });
  expect(posts).toHaveLength(2);
});

test("no time left before the deadline: the lost create is not sent again", async () => {
  const { c, posts } = client([lost, lost]);
  await expect(createRule(c, G, rule, { deadline: Date.now() + 10, progress: () => undefined }, async () => undefined)).rejects.toMatchObject({ status: 503 });
  expect(posts).toHaveLength(1);
});

test("the README states the resend count and the waits as the code has them", () => {
  const readme = fs.readFileSync(path.join(__dirname, "../../../provider/openstack/securitygrouprule/README.md"), "utf8").replace(/\s+/g, " ");
  expect(readme).toContain(resendSentence());
});
