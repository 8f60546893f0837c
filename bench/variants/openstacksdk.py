"""Variant "openstacksdk": the workload as a short openstacksdk script (Debian's python3-openstacksdk, run with
/usr/bin/python3). One Connection (one token, its own session and version discovery), the SDK's own bulk create
for the 100 rules (create_security_group_rules: one POST), one get_* per object, deletes of the subnet, the
network and both groups (a group's rules go with it). Credentials come from the OS_* variables run.ts sets.
Writes {"ok", "phasesMs", "phaseWindows", "details"} as JSON to the file BENCH_RESULT names (the windows, in epoch
milliseconds, let run.ts count the proxied requests of each phase)."""
import json
import os
import sys
import time

START = time.monotonic()
import openstack  # noqa: E402  (importing the SDK is part of what the script costs)

IMPORT_MS = (time.monotonic() - START) * 1000


def rule_attrs(group_id, r):
    attrs = {
        "security_group_id": group_id,
        "direction": r["direction"],
        "ether_type": r["ethertype"],
        "protocol": r["protocol"],
        "remote_ip_prefix": r["remoteIpPrefix"],
    }
    if r["portMin"] is not None:
        attrs["port_range_min"] = r["portMin"]
    if r["portMax"] is not None:
        attrs["port_range_max"] = r["portMax"]
    return attrs


def main():
    with open(os.environ["BENCH_WORKLOAD"]) as f:
        w = json.load(f)
    result = {"ok": True, "phasesMs": {}, "phaseWindows": {}, "details": {"importMs": IMPORT_MS}}
    ids = {"seed_rules": []}
    conn = None

    def create():
        nonlocal conn
        conn = openstack.connect()
        net = conn.network.create_network(
            name=w["network"]["name"],
            provider_network_type="flat",
            provider_physical_network=w["network"]["physnet"],
            is_router_external=True,
        )
        ids["network"] = net.id
        s = w["subnet"]
        sub = conn.network.create_subnet(
            name=s["name"],
            network_id=net.id,
            ip_version=4,
            cidr=s["cidr"],
            gateway_ip=s["gatewayIp"],
            is_dhcp_enabled=False,
            allocation_pools=[s["pool"]],
        )
        ids["subnet"] = sub.id
        ids["seed_group"] = conn.network.create_security_group(name=w["seedGroup"]).id
        for r in w["seedRules"]:
            ids["seed_rules"].append(conn.network.create_security_group_rule(**rule_attrs(ids["seed_group"], r)).id)
        ids["rules_group"] = conn.network.create_security_group(name=w["rulesGroup"]).id
        if w["rules"]:
            made = list(conn.network.create_security_group_rules([rule_attrs(ids["rules_group"], r) for r in w["rules"]]))
            if len(made) != len(w["rules"]):
                raise RuntimeError("bulk create made %d rules" % len(made))

    def read():
        conn.network.get_network(ids["network"])
        conn.network.get_subnet(ids["subnet"])
        conn.network.get_security_group(ids["seed_group"])
        for rid in ids["seed_rules"]:
            conn.network.get_security_group_rule(rid)
        g = conn.network.get_security_group(ids["rules_group"])
        result["details"]["rulesRead"] = len(g.security_group_rules or [])

    def delete():
        if ids.get("subnet"):
            conn.network.delete_subnet(ids.pop("subnet"), ignore_missing=True)
        if ids.get("network"):
            conn.network.delete_network(ids.pop("network"), ignore_missing=True)
        for key in ("seed_group", "rules_group"):
            if ids.get(key):
                conn.network.delete_security_group(ids.pop(key), ignore_missing=True)

    try:
        for name, fn in (("create", create), ("read", read), ("delete", delete)):
            t = time.monotonic()
            started = time.time() * 1000
            fn()
            result["phasesMs"][name] = (time.monotonic() - t) * 1000
            result["phaseWindows"][name] = [started, time.time() * 1000]
    except Exception as e:  # report, clean up, and let run.ts show it
        result["ok"] = False
        result["error"] = "%s: %s" % (type(e).__name__, e)
        try:
            if conn is not None:
                delete()
        except Exception as c:
            result["error"] += "; cleanup failed too: %s" % c
    with open(os.environ["BENCH_RESULT"], "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
    sys.exit(0)
