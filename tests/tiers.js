/**
 * The fast tier: suites that need no OpenStack test cloud, no sshd guest, no root and no Pulumi CLI
 * (`npm run test:unit`, a few minutes). Every other suite is in the "integration" project, which
 * `npm test` runs beside this one (scripts/test.sh). A suite listed here that reaches for the cloud or the CLI
 * fails in `npm run test:unit` (the unit project has no globalSetup and the tier runs with the cloud and the
 * CLI fenced off: OSLAB_TEST_CLOUD=skip, OSLAB_PULUMI_CLI=/nonexistent); tests/tiers.test.ts checks the list.
 */
module.exports.unit = [
  "tests/checks/argsMatchSchema.test.ts",
  "tests/checks/corpus.lab.test.ts",
  "tests/checks/corpus.openstack.test.ts",
  "tests/checks/corpus.virtualbox.test.ts",
  "tests/checks/fixes.test.ts",
  "tests/checks/fuzz.test.ts",
  "tests/checks/readmeTable.test.ts",
  "tests/core/controller.test.ts",
  "tests/engine/serialization.test.ts",
  "tests/import/importOption.test.ts",
  "tests/lab/hostprep/check.test.ts",
  "tests/labcli/args.test.ts",
  "tests/labcli/bootstrap.test.ts",
  "tests/labcli/doctorChecks.test.ts",
  "tests/labcli/health.test.ts",
  "tests/labcli/hostParsers.test.ts",
  "tests/labcli/progress.test.ts",
  "tests/labcli/report.test.ts",
  "tests/openstack/client/units.test.ts",
  "tests/openstack/common/ip.test.ts",
  "tests/openstack/common/recover.test.ts",
  "tests/openstack/securitygrouprule/rule.check.test.ts",
  "tests/ssh/quote.test.ts",
  "tests/standins/vboxmanage/format.test.ts",
  "tests/standins/vboxmanage/hostinfo.test.ts",
  "tests/standins/vboxmanage/rules.test.ts",
  "tests/virtualbox/budget.test.ts",
  "tests/virtualbox/check.test.ts",
  "tests/virtualbox/driver.test.ts",
  "tests/virtualbox/natnetwork.adopt.test.ts",
  "tests/virtualbox/natnetwork.test.ts",
  "tests/virtualbox/parse/edges.test.ts",
  "tests/virtualbox/parse/samples.test.ts",
  "tests/virtualbox/snapshot.test.ts",
  "tests/virtualbox/virtualmachine.adopt.test.ts",
  "tests/virtualbox/virtualmachine.test.ts",
  "tests/virtualbox/windows.test.ts",
  "tests/tiers.test.ts",
];
