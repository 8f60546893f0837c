#!/usr/bin/env python3
"""
Packstack Zed's answer-file options as data: reads packstack/plugins/*.py of a Packstack git checkout at a ref
(without running it: Python's ast over the source) and writes every option's CONF_NAME, validators, allowed values
(OPTION_LIST), default, processors and deprecated names to JSON, naming the source commit.

    python3 scripts/packstack-zed-options.py <packstack .git dir> zed-eol > provider/lab/packstack/zedOptionTable.json

The committed JSON came from github.com/redhat-openstack/packstack (the openstack/packstack mirror), tag zed-eol,
the end of stable/zed (fetched with the project's `fetch` tool).
"""
import ast
import json
import subprocess
import sys


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True, text=True).stdout


def literal(node, src):
    try:
        return ast.literal_eval(node)
    except Exception:
        return {"expr": ast.get_source_segment(src, node)}


def names(node):
    """validators.validate_x / processors.process_x -> validate_x."""
    if isinstance(node, (ast.List, ast.Tuple)):
        return [n.attr if isinstance(n, ast.Attribute) else getattr(n, "id", "?") for n in node.elts]
    return []


def main(gitdir, ref):
    commit = git(gitdir, "rev-parse", ref + "^{commit}").strip()
    files = [f for f in git(gitdir, "ls-tree", "--name-only", ref, "packstack/plugins/").split() if f.endswith(".py")]
    options = {}
    for f in sorted(files):
        src = git(gitdir, "show", "%s:%s" % (ref, f)).lstrip("\ufeff")
        tree = ast.parse(src)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
            if "CONF_NAME" not in keys:
                continue
            d = dict(zip(keys, node.values))
            name = literal(d["CONF_NAME"], src)
            entry = {
                "plugin": f.rsplit("/", 1)[1],
                "validators": names(d.get("VALIDATORS")),
                "optionList": literal(d["OPTION_LIST"], src) if "OPTION_LIST" in d else [],
                "default": literal(d["DEFAULT_VALUE"], src) if "DEFAULT_VALUE" in d else None,
                "processors": names(d.get("PROCESSORS")),
                "maskInput": literal(d["MASK_INPUT"], src) if "MASK_INPUT" in d else False,
            }
            if "DEPRECATES" in d:
                entry["deprecates"] = literal(d["DEPRECATES"], src)
            if name in options:
                raise SystemExit("duplicate CONF_NAME %s" % name)
            options[name] = entry
    out = {
        "source": {
            "repository": "https://github.com/openstack/packstack (mirror redhat-openstack/packstack)",
            "ref": ref,
            "commit": commit,
            "files": "packstack/plugins/*.py (option dicts), packstack/installer/validators.py (validator rules)",
            "generator": "scripts/packstack-zed-options.py",
        },
        "options": dict(sorted(options.items())),
    }
    json.dump(out, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
