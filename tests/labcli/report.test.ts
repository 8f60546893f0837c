/**
 * The field report masks every secret whatever its source: secret config values, values inside secret wrappers of
 * the `--show-secrets` export, strings under secret-looking keys, the answer file's CONFIG_*_PW values, the lab's
 * private key, and `password=` values in log lines it never saw before.
 */
import { differing } from "../../cli/report/gather";
import { renderReport, ReportData } from "../../cli/report/render";
import { gatherSecrets } from "../../cli/report/secrets";
import { newEd25519KeyPair } from "../../cli/generate";
import { SECRET_SIG_KEY, SECRET_SIG_VALUE } from "../../provider/core/secrets";

const key = newEd25519KeyPair();
const answerFile = "CONFIG_KEYSTONE_ADMIN_PW=Adm1nPw-zz9\nCONFIG_NOVA_DB_PW=n0vaDbPw77\nCONFIG_CINDER_KS_PW=c1nderKs55\nCONFIG_DEFAULT_PASSWORD=\n";
const wrap = (v: unknown) => ({ [SECRET_SIG_KEY]: SECRET_SIG_VALUE, plaintext: JSON.stringify(v) });
const deployment = {
  deployment: {
    resources: [
      { urn: "urn:pulumi:lab::p::x:lab:PackstackInstall::lab-packstack", type: "pulumi-nodejs:dynamic/lab:PackstackInstall", inputs: { adminPassword: wrap("Adm1nPw-zz9"), hostIp: "10.0.2.15" }, outputs: { answerFile: wrap(answerFile), keystonerc: wrap({ password: "Adm1nPw-zz9", authUrl: "http://10.0.2.15:5000/v3" }), problems: [] } },
      { urn: "urn:pulumi:lab::p::x:virtualbox:VirtualMachine::lab-vm", type: "pulumi-nodejs:dynamic/virtualbox:VirtualMachine", inputs: { rootPassword: "R00tPw-plain-under-key" } },
    ],
  },
};
const config = { "pulumi-openstack-lab:rootPassword": { value: "R00tPw-plain-under-key", secret: true }, "pulumi-openstack-lab:adminPassword": { value: "Adm1nPw-zz9", secret: true }, "pulumi-openstack-lab:vmName": { value: "openstack-lab" } };
const ALL = ["Adm1nPw-zz9", "n0vaDbPw77", "c1nderKs55", "R00tPw-plain-under-key", key.privateKey.split("\n")[1], "neverSeenBefore9"];

function data(): ReportData {
  return {
    createdAt: "2026-12-01T20:00:00.000Z",
    versions: { "PC OS": "Windows_NT 10.0.26200", VirtualBox: "VirtualBox 7.1.4r165100" },
    doctor: [{ id: "iso", title: "CentOS Stream 9 ISO", status: "ok", what: "C:\\x.iso" }],
    resources: [
      { name: "lab-packstack", type: "PackstackInstall", op: "same", diffs: [], inputs: { adminPassword: wrap("Adm1nPw-zz9"), hostIp: "10.0.2.15", extraAnswers: { CONFIG_NOVA_DB_PW: "n0vaDbPw77" } } },
      { name: "lab-vm", type: "VirtualMachine", op: "update", diffs: ["memoryMb", "rootPassword"], changes: [{ field: "memoryMb", live: 8192, input: 16384 }, { field: "rootPassword", live: "R00tPw-plain-under-key", input: "[secret]" }], inputs: { rootPassword: "R00tPw-plain-under-key", memoryMb: 16384 } },
    ],
    packstackLog: "Applying 10.0.2.15_keystone.pp\nmysql -u nova -pn0vaDbPw77 failed\nkeystone password=neverSeenBefore9 used\nexport OS_PASSWORD='Adm1nPw-zz9'\n",
    lastRunLog: `sshPrivateKey: ${key.privateKey}\ncinder ks c1nderKs55\n`,
  };
}

test("no secret survives, from any source", () => {
  const secrets = gatherSecrets({ config, deployment, privateKey: key.privateKey });
  const md = renderReport(data(), secrets);
  for (const s of ALL) expect(md).not.toContain(s);
  expect(md).toContain("***");
  expect(md).toContain("[secret]");
});

test("what is not secret stays readable: versions, doctor, the resource table with the drifted field", () => {
  const md = renderReport(data(), gatherSecrets({ config, deployment, privateKey: key.privateKey }));
  expect(md).toContain("| VirtualBox | VirtualBox 7.1.4r165100 |");
  expect(md).toContain("| CentOS Stream 9 ISO | ok | C:\\x.iso |");
  expect(md).toContain('| lab-vm | VirtualMachine | update: memoryMb (live 8192, input 16384), rootPassword (live "[secret]", input "[secret]") | `{"rootPassword":"[secret]","memoryMb":16384}` |');
  expect(md).toContain("Applying 10.0.2.15_keystone.pp");
});

test("without the export's secrets the answer-file passwords would leak: gathering them is what masks them", () => {
  const md = renderReport(data(), gatherSecrets({ config }));
  expect(md).toContain("c1nderKs55"); // a password only the answer file knows, in a line without `password=`
});

test("a drifted field is found by comparing the live outputs with the inputs of the same name", () => {
  const fwd = (name: string, hostPort: number) => ({ name, protocol: "tcp", hostPort });
  expect(differing({ dhcp: true, cidr: "10.0.2.0/24", portForwards: [fwd("http", 8080), fwd("ssh", 2222)], extra: 1 }, { dhcp: false, cidr: "10.0.2.0/24", portForwards: [fwd("ssh", 2222), fwd("http", 8080)], __provider: "x", customTimeouts: {} })).toEqual(["dhcp"]);
  expect(differing({ portForwards: [fwd("ssh", 2222)] }, { portForwards: [fwd("ssh", 2223)] })).toEqual(["portForwards"]);
});
