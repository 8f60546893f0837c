/**
 * The test tiers (jest projects in jest.config.js):
 * - unit: suites that need nothing but Node: no OpenStack test cloud, no sshd guest, no root, no Pulumi CLI
 *   (`npm run test:unit`). tests/tiers.test.ts checks that none imports what reaches out.
 * - local: suites that need root, the sshd guests, the stand-ins or the real Pulumi CLI, but not the test cloud.
 * - cloud: every other suite (the default for a new one): they share the one test cloud and its flat physnets, so
 *   they run one at a time.
 * `npm test` (scripts/test.sh) runs unit then local in a network namespace of their own, where the test cloud
 * cannot be reached (so a suite listed here that needs it fails there), beside the cloud suites.
 */
module.exports.unit = [
  "tests/checks/argsMatchSchema.test.ts",
  "tests/checks/corpus.lab.test.ts",
  "tests/checks/corpus.openstack.test.ts",
  "tests/checks/corpus.compute.test.ts",
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
  "tests/openstack/compute/units.test.ts",
  "tests/openstack/securitygrouprule/rule.check.test.ts",
  "tests/readers/ifcfg.test.ts",
  "tests/readers/kickstart.test.ts",
  "tests/readers/packstack.test.ts",
  "tests/readers/readme.test.ts",
  "tests/readers/shaCrypt.test.ts",
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

module.exports.local = [
  "examples/openstack-networks/program.test.ts",
  "tests/import/virtualboxImport.cli.test.ts",
  "tests/lab/hostprep/bridged.test.ts",
  "tests/lab/hostprep/hostprep.test.ts",
  "tests/lab/hostprep/prechecks.test.ts",
  "tests/lab/hostprep/reboot.test.ts",
  "tests/lab/hostprep/secrets.test.ts",
  "tests/lab/openStackLab.program.test.ts",
  "tests/lab/packstack/adopt.test.ts",
  "tests/lab/packstack/bridge.test.ts",
  "tests/lab/packstack/check.test.ts",
  "tests/lab/packstack/faults.test.ts",
  "tests/lab/packstack/units.test.ts",
  "tests/labcli/pulumiCli.test.ts",
  "tests/labcli/sshKey.test.ts",
  "tests/labcli/windows.test.ts",
  "tests/ssh/connection.test.ts",
  "tests/virtualbox/lifecycle.test.ts",
  "tests/virtualbox/virtualmachine.unattended.test.ts",
];
