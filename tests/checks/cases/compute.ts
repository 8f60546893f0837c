/** Bad and good inputs of openstack.Keypair, Flavor, Image and Server (issue 17). */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ResourceCorpus, SSH_PUBLIC_KEY, UUID } from "./corpus";

/** Common bad inputs of every OpenStack resource (as in ./openstack.ts). */
const common: ResourceCorpus["bad"] = [
  ["cloud.authUrl not a URL", { cloud: { authUrl: "keystone", username: "u", password: "p", projectName: "x" } }, "cloud.authUrl", /http\(s\) URL/],
  ["cloud without a password", { cloud: { authUrl: "http://127.0.0.1:5000/v3", username: "u", projectName: "x" } }, "cloud.password", /string/i],
  ["customTimeouts.create not a duration", { customTimeouts: { create: "soon" } }, "customTimeouts.create", /duration such as "90s"/],
  ["adopt without id or name", { adopt: {} }, "adopt", /id or the name/],
  ["inputs that are an unknown field", { colour: "red" }, "colour", /"colour" is not a field/],
];

/** A real RSA public key (ssh-keygen -t rsa -b 1024, test only). */
export const RSA_PUBLIC_KEY =
  "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDHsvWwEYUz0J+p8Cbk4a3wnmr8FT8dH4OjgvZ9Utsm8y2vyGfdYmlvsVw0i7kRDcrS+ZbpvHmUwFb3pKqfq3Qw2pDgBmv9k5cWbyqJ9nKwRy6oBMhpZxCuS8mF3PpuIVjlLm4iXvK2AVNTKzNsQe8J6HcE6jzPq6JRtA+P+3Z2+w== lab@rsa";

/** Small files the Image corpus points at: a raw one and one with a qcow2 header. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oslab-image-corpus-"));
export const RAW_FILE = path.join(dir, "disk.raw");
export const QCOW2_FILE = path.join(dir, "disk.qcow2");
fs.writeFileSync(RAW_FILE, Buffer.alloc(4096, 1));
fs.writeFileSync(QCOW2_FILE, Buffer.concat([Buffer.from("QFI\xfb", "latin1"), Buffer.alloc(4092)]));
const EMPTY_FILE = path.join(dir, "empty.img");
fs.writeFileSync(EMPTY_FILE, "");

export const keypair: ResourceCorpus = {
  key: "openstack.Keypair",
  base: () => ({ name: "lab-key", publicKey: SSH_PUBLIC_KEY }),
  bad: [
    ["name missing", { name: undefined }, "name", /required/],
    ["name empty", { name: "" }, "name", /must not be empty/],
    ["name too long", { name: "k".repeat(256) }, "name", /at most 255/],
    ["name with a slash", { name: "lab/key" }, "name", /letters, digits/],
    ["name with a dot", { name: "lab.key" }, "name", /letters, digits/],
    ["name with a leading space", { name: " lab" }, "name", /start or end with a space/],
    ["name a number", { name: 7 }, "name", /string/],
    ["publicKey missing", { publicKey: undefined }, "publicKey", /required/],
    ["publicKey empty", { publicKey: "" }, "publicKey", /key type/],
    ["publicKey without a type", { publicKey: "AAAAC3NzaC1lZDI1NTE5AAAAIHJ0ZXN0" }, "publicKey", /key type/],
    ["publicKey of an unknown type", { publicKey: "ssh-foo AAAA lab" }, "publicKey", /key type/],
    ["publicKey without base64", { publicKey: "ssh-ed25519" }, "publicKey", /base64/],
    ["publicKey with bad base64", { publicKey: "ssh-ed25519 !!!! lab" }, "publicKey", /base64/],
    ["publicKey truncated", { publicKey: SSH_PUBLIC_KEY.slice(0, 30) }, "publicKey", /does not hold a ssh-ed25519 key|base64/],
    ["publicKey type and blob disagree", { publicKey: SSH_PUBLIC_KEY.replace("ssh-ed25519", "ssh-rsa") }, "publicKey", /does not hold a ssh-rsa key/],
    ["publicKey of two lines", { publicKey: `${SSH_PUBLIC_KEY}\n${SSH_PUBLIC_KEY}` }, "publicKey", /one line/],
    ["publicKey a private key", { publicKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----" }, "publicKey", /private key/],
    ["publicKey a number", { publicKey: 5 }, "publicKey", /string|OpenSSH/],
    ["publicKey a list", { publicKey: [SSH_PUBLIC_KEY] }, "publicKey", /string|OpenSSH/],
    ["type unknown", { type: "rsa" }, "type", /ssh|x509/],
    ["type a boolean", { type: true }, "type", /ssh|x509/],
    ["public_key (API name)", { public_key: SSH_PUBLIC_KEY }, "public_key", /allowed: .*publicKey/],
    ["publickey (case)", { publickey: SSH_PUBLIC_KEY }, "publickey", /did you mean "publicKey"/],
    ["key (short)", { key: SSH_PUBLIC_KEY }, "key", /not a field/],
    ["privateKey (not taken)", { privateKey: "x" }, "privateKey", /not a field/],
    ["fingerprint (an output)", { fingerprint: "aa:bb" }, "fingerprint", /not a field/],
    ["userId (an output)", { userId: "u" }, "userId", /not a field/],
    ["nme (typo)", { nme: "x" }, "nme", /did you mean "name"/],
    ["tags (not supported)", { tags: [] }, "tags", /not a field/],
    ["keyType instead of type", { keyType: "ssh" }, "keyType", /allowed: .*type/],
    ...common,
  ],
  good: [
    { name: "lab-key", publicKey: SSH_PUBLIC_KEY },
    { name: "lab rsa", publicKey: RSA_PUBLIC_KEY },
    { name: "lab_key-2", publicKey: `  ${SSH_PUBLIC_KEY}\n` },
    { name: "lab-key", publicKey: SSH_PUBLIC_KEY.split(" ").slice(0, 2).join(" "), type: "ssh" },
    { name: "k", publicKey: RSA_PUBLIC_KEY, type: "ssh" },
  ],
};

export const flavor: ResourceCorpus = {
  key: "openstack.Flavor",
  base: () => ({ name: "lab.small", vcpus: 1, ram: 512 }),
  bad: [
    ["name missing", { name: undefined }, "name", /required/],
    ["name empty", { name: "" }, "name", /must not be empty/],
    ["name too long", { name: "f".repeat(256) }, "name", /at most 255/],
    ["name with a trailing space", { name: "small " }, "name", /start or end with a space/],
    ["vcpus missing", { vcpus: undefined }, "vcpus", /number/],
    ["vcpus 0", { vcpus: 0 }, "vcpus", /at least 1/],
    ["vcpus fractional", { vcpus: 1.5 }, "vcpus", /whole number/],
    ["vcpus a string", { vcpus: "2" }, "vcpus", /number/],
    ["ram missing", { ram: undefined }, "ram", /number/],
    ["ram 0", { ram: 0 }, "ram", /at least 1/],
    ["ram negative", { ram: -512 }, "ram", /at least 1/],
    ["ram too big", { ram: 2 ** 31 }, "ram", /too big/],
    ["ram in GB as a string", { ram: "1GB" }, "ram", /number/],
    ["disk negative", { disk: -1 }, "disk", /at least 0/],
    ["disk fractional", { disk: 0.5 }, "disk", /whole number/],
    ["ephemeral negative", { ephemeral: -1 }, "ephemeral", /at least 0/],
    ["swap negative", { swap: -1 }, "swap", /at least 0/],
    ["swap a string", { swap: "512" }, "swap", /number/],
    ["isPublic a string", { isPublic: "yes" }, "isPublic", /boolean/],
    ["flavorId empty", { flavorId: "" }, "flavorId", /must not be empty/],
    ["flavorId with a slash", { flavorId: "a/b" }, "flavorId", /letters, digits/],
    ["extra spec value a number", { extraSpecs: { "hw:cpu_policy": 1 } }, "extraSpecs.hw:cpu_policy", /must be a string/],
    ["extra spec key with a slash", { extraSpecs: { "hw/cpu": "x" } }, "extraSpecs.hw/cpu", /may hold only/],
    ["extra specs a list", { extraSpecs: ["hw:cpu_policy=shared"] }, "extraSpecs", /record|object/i],
    ["projectIds on a public flavor", { projectIds: ["p1"] }, "projectIds", /set isPublic: false/],
    ["duplicate project", { isPublic: false, projectIds: ["p1", "p1"] }, "projectIds[1]", /duplicate project/],
    ["empty project id", { isPublic: false, projectIds: [""] }, "projectIds[0]", /must not be empty/],
    ["memory instead of ram", { memory: 512 }, "memory", /not a field/],
    ["cpus instead of vcpus", { cpus: 1 }, "cpus", /allowed: .*vcpus/],
    ["is_public (API name)", { is_public: true }, "is_public", /allowed: .*isPublic/],
    ["extra_specs (API name)", { extra_specs: {} }, "extra_specs", /allowed: .*extraSpecs/],
    ["Ram (case)", { Ram: 512 }, "Ram", /did you mean "ram"/],
    ...common,
  ],
  good: [
    { name: "lab.small", vcpus: 1, ram: 512, disk: 1 },
    { name: "m1.nano", vcpus: 1, ram: 128, disk: 0, flavorId: "42" },
    { name: "private", vcpus: 2, ram: 2048, isPublic: false, projectIds: ["7d1c4d3e2f504b6c9d8e0f1a2b3c4d5e"] },
    { name: "pinned", vcpus: 2, ram: 1024, extraSpecs: { "hw:cpu_policy": "shared", "hw:mem_page_size": "small" }, description: "lab" },
    { name: "big", vcpus: 8, ram: 16384, disk: 40, ephemeral: 10, swap: 1024 },
  ],
};

export const image: ResourceCorpus = {
  key: "openstack.Image",
  base: () => ({ name: "cirros", file: RAW_FILE }),
  bad: [
    ["name missing", { name: undefined }, "name", /required/],
    ["name empty", { name: "" }, "name", /must not be empty/],
    ["name too long", { name: "i".repeat(256) }, "name", /at most 255/],
    ["file missing", { file: undefined }, "file", /required/],
    ["file empty", { file: "" }, "file", /must not be empty/],
    ["file that does not exist", { file: path.join(dir, "nope.img") }, "file", /no such file/],
    ["file a folder", { file: dir }, "file", /not a file/],
    ["file of 0 bytes", { file: EMPTY_FILE }, "file", /is empty/],
    ["file a number", { file: 3 }, "file", /string/],
    ["qcow2 declared for a raw file", { diskFormat: "qcow2" }, "diskFormat", /no qcow2 header/],
    ["raw declared for a qcow2 file", { file: QCOW2_FILE, diskFormat: "raw" }, "diskFormat", /is a qcow2 image/],
    ["vmdk declared for a qcow2 file", { file: QCOW2_FILE, diskFormat: "vmdk" }, "diskFormat", /is a qcow2 image/],
    ["unknown disk format", { diskFormat: "img" }, "diskFormat", /raw|qcow2/],
    ["unknown container format", { containerFormat: "tar" }, "containerFormat", /bare/],
    ["minDisk negative", { minDisk: -1 }, "minDisk", /at least 0/],
    ["minDisk fractional", { minDisk: 1.5 }, "minDisk", /whole number/],
    ["minRam negative", { minRam: -64 }, "minRam", /at least 0/],
    ["minRam a string", { minRam: "64" }, "minRam", /number/],
    ["visibility unknown", { visibility: "hidden" }, "visibility", /private|public/],
    ["isPublic (old API)", { isPublic: true }, "isPublic", /not a field/],
    ["property value a number", { properties: { hw_disk_bus: 1 } }, "properties.hw_disk_bus", /must be a string/],
    ["property that is a Glance attribute", { properties: { min_ram: "64" } }, "properties.min_ram", /Glance's own attributes/],
    ["property os_hash_value", { properties: { os_hash_value: "x" } }, "properties.os_hash_value", /Glance's own attributes/],
    ["properties a list", { properties: ["os_distro=cirros"] }, "properties", /record|object/i],
    ["disk_format (API name)", { disk_format: "raw" }, "disk_format", /allowed: .*diskFormat/],
    ["path instead of file", { path: RAW_FILE }, "path", /not a field/],
    ["sourceUrl with file", { sourceUrl: "http://127.0.0.1/disk.qcow2", diskFormat: "raw" }, "sourceUrl", /cannot be given with file/],
    ["sourceUrl without diskFormat", { file: undefined, sourceUrl: "http://127.0.0.1/disk.qcow2" }, "diskFormat", /required with sourceUrl/],
    ["sourceUrl ftp", { file: undefined, sourceUrl: "ftp://host/disk.qcow2", diskFormat: "qcow2" }, "sourceUrl", /http:\/\/ or https:\/\//],
    ["sourceUrl not a URL", { file: undefined, sourceUrl: "disk.qcow2", diskFormat: "qcow2" }, "sourceUrl", /not a URL/],
    ["sourceUrl with a password", { file: undefined, sourceUrl: "https://u:pw@host/disk.qcow2", diskFormat: "qcow2" }, "sourceUrl", /user name or password/],
    ["sourceUrl with a line break", { file: undefined, sourceUrl: "http://host/a\nb", diskFormat: "qcow2" }, "sourceUrl", /line breaks/],
    ["sourceUrl a number", { file: undefined, sourceUrl: 3, diskFormat: "qcow2" }, "sourceUrl", /string/],
    ["url (web-download not supported)", { url: "http://example.org/cirros.img" }, "url", /not a field/],
    ["fileHash (set by check)", { fileHash: "sha512:00" }, "fileHash", /not a field/],
    ["checksum (an output)", { checksum: "abc" }, "checksum", /not a field/],
    ["status (an output)", { status: "active" }, "status", /not a field/],
    ["Name (case)", { Name: "x" }, "Name", /did you mean "name"/],
    ...common,
  ],
  good: [
    { name: "cirros", file: RAW_FILE },
    { name: "cirros-qcow2", file: QCOW2_FILE },
    { name: "cirros-qcow2", file: QCOW2_FILE, diskFormat: "qcow2", containerFormat: "bare", minDisk: 1, minRam: 64 },
    { name: "raw", file: RAW_FILE, diskFormat: "raw", visibility: "public", properties: { os_distro: "cirros", hw_disk_bus: "virtio" } },
    { name: "shared", file: RAW_FILE, visibility: "shared", properties: {} },
    { name: "cirros-web", sourceUrl: "https://download.cirros-cloud.net/0.6.2/cirros-0.6.2-x86_64-disk.img", diskFormat: "qcow2" },
  ],
};

export const server: ResourceCorpus = {
  key: "openstack.Server",
  base: () => ({ name: "vm1", imageId: UUID.vm, flavorId: "1", networks: [{ networkId: UUID.net }] }),
  bad: [
    ["name missing", { name: undefined }, "name", /required/],
    ["name empty", { name: "" }, "name", /must not be empty/],
    ["name too long", { name: "s".repeat(256) }, "name", /at most 255/],
    ["image by name", { imageId: "cirros" }, "imageId", /image's id \(a UUID.*not a name/],
    ["image missing", { imageId: undefined }, "imageId", /required/],
    ["flavor missing", { flavorId: undefined }, "flavorId", /required/],
    ["flavor empty", { flavorId: "" }, "flavorId", /must not be empty/],
    ["flavor a number", { flavorId: 1 }, "flavorId", /string/],
    ["networks missing", { networks: undefined }, "networks", /required/],
    ["networks empty", { networks: [] }, "networks", /at least one/],
    ["network entry empty", { networks: [{}] }, "networks[0]", /exactly one of networkId/],
    ["network with both", { networks: [{ networkId: UUID.net, portId: UUID.port }] }, "networks[0]", /exactly one of networkId/],
    ["network by name", { networks: [{ networkId: "private" }] }, "networks[0].networkId", /network's id \(a UUID.*not a name/],
    ["port by name", { networks: [{ portId: "vm-port" }] }, "networks[0].portId", /port's id/],
    ["fixedIp not an address", { networks: [{ networkId: UUID.net, fixedIp: "10.0.0" }] }, "networks[0].fixedIp", /IPv4 or IPv6/],
    ["fixedIp with a port", { networks: [{ portId: UUID.port, fixedIp: "10.0.0.5" }] }, "networks[0].fixedIp", /needs networkId/],
    ["network entry with a typo", { networks: [{ networkID: UUID.net }] }, "networks[0].networkID", /did you mean "networkId"/],
    ["networks a string", { networks: UUID.net }, "networks", /list|array/i],
    ["keyPair empty", { keyPair: "" }, "keyPair", /must not be empty/],
    ["security group empty", { securityGroups: [""] }, "securityGroups[0]", /must not be empty/],
    ["duplicate security group", { securityGroups: ["default", "default"] }, "securityGroups[1]", /duplicate security group/],
    ["security groups with only ports", { networks: [{ portId: UUID.port }], securityGroups: ["default"] }, "securityGroups", /no effect when every network is an existing port/],
    ["userData too long", { userData: "x".repeat(60000) }, "userData", /at most 65535 bytes/],
    ["userData an object", { userData: { packages: [] } }, "userData", /string/],
    ["metadata value a number", { metadata: { role: 1 } }, "metadata.role", /must be a string/],
    ["metadata value too long", { metadata: { role: "r".repeat(256) } }, "metadata.role", /at most 255/],
    ["powerState unknown", { powerState: "paused" }, "powerState", /active|shutoff/],
    ["powerState in capitals", { powerState: "ACTIVE" }, "powerState", /active|shutoff/],
    ["availabilityZone empty", { availabilityZone: "" }, "availabilityZone", /must not be empty/],
    ["image (short)", { image: UUID.vm }, "image", /did you mean "imageId"|allowed: .*imageId/],
    ["flavor (short)", { flavor: "1" }, "flavor", /did you mean "flavorId"|allowed: .*flavorId/],
    ["key_name (API name)", { key_name: "k" }, "key_name", /not a field/],
    ["status (an output)", { status: "ACTIVE" }, "status", /not a field/],
    ["user_data (API name)", { user_data: "#!/bin/sh" }, "user_data", /allowed: .*userData/],
    ...common,
  ],
  good: [
    { name: "vm1", imageId: UUID.vm, flavorId: "1", networks: [{ networkId: UUID.net }] },
    { name: "vm2", imageId: UUID.vm, flavorId: UUID.router, networks: [{ portId: UUID.port }], keyPair: "lab-key" },
    { name: "web", imageId: UUID.vm, flavorId: "lab.small", networks: [{ networkId: UUID.net, fixedIp: "192.168.1.10" }], securityGroups: ["default", UUID.group], metadata: { role: "web" } },
    { name: "init", imageId: UUID.vm, flavorId: "1", networks: [{ networkId: UUID.net }], userData: "#cloud-config\npackages: [nginx]\n", powerState: "shutoff" },
    { name: "az", imageId: UUID.vm, flavorId: "1", networks: [{ networkId: UUID.net }, { networkId: UUID.subnet }], availabilityZone: "nova" },
  ],
};

export const COMPUTE = [keypair, flavor, image, server];
