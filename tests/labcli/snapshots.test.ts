/** `npm run lab -- snapshots`: VBoxManage's machine-readable list (real capture) with the dates the stack recorded. */
import { parseSnapshotList, withDates } from "../../cli/restore";

// the-pleiades__vbox7.2.20-win11__snapshot-list-machinereadable-one.stdout (/work/shared/vbox-samples), CRLF as on Windows
const ONE = 'SnapshotName="fixture-snap"\r\nSnapshotUUID="5732a952-0b85-4e3a-820a-1a568f31166b"\r\nSnapshotDescription="fixture"\r\nCurrentSnapshotName="fixture-snap"\r\nCurrentSnapshotUUID="5732a952-0b85-4e3a-820a-1a568f31166b"\r\nCurrentSnapshotNode="SnapshotName"\r\n';

test("the list: names, uuids, descriptions, the current one (nested names included)", () => {
  expect(parseSnapshotList(ONE)).toEqual([{ name: "fixture-snap", uuid: "5732a952-0b85-4e3a-820a-1a568f31166b", description: "fixture", current: true }]);
  const two = `${ONE}SnapshotName-1="after-packstack"\nSnapshotUUID-1="0f0e0d0c-0000-4000-8000-000000000001"\nCurrentSnapshotUUID="0f0e0d0c-0000-4000-8000-000000000001"\n`;
  expect(parseSnapshotList(two).map((s) => [s.name, s.current])).toEqual([["fixture-snap", false], ["after-packstack", true]]);
});

test("dates come from the stack's Snapshot resources; one taken by hand has none", () => {
  const list = parseSnapshotList(ONE);
  const view = { resources: [{ urn: "u", type: "pulumi-nodejs:dynamic/virtualbox:Snapshot", outputs: { uuid: "5732a952-0b85-4e3a-820a-1a568f31166b" }, created: "2026-12-06T10:00:00.000Z" }], pending: [] };
  expect(withDates(list, view as never)[0].takenAt).toBe("2026-12-06T10:00:00.000Z");
  expect(withDates(list, { resources: [], pending: [] })[0].takenAt).toBeUndefined();
});
