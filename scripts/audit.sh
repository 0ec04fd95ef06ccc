#!/usr/bin/env bash
# `make audit`: check the installed requirements (the venv `make install` built from
# requirements.txt: every pin and what they pull in) against known vulnerabilities with
# pip-audit and the PyPI advisory database. It needs the network; CI does not run it.
#
# It says plainly how many packages it really checked: pip-audit itself reports "No known
# vulnerabilities found" even when it could reach nothing and skipped every package. Exit 0:
# checked, none found (any package it could not check is listed); 1: vulnerabilities found;
# 2: nothing could be checked at all.
set -uo pipefail
cd "$(dirname "$0")/.."

report=$(mktemp)
trap 'rm -f "$report"' EXIT
.venv/bin/pip-audit --progress-spinner off --format json --output "$report" >/dev/null 2>&1
.venv/bin/python - "$report" <<'PY'
import json
import sys

try:
    with open(sys.argv[1]) as file:
        dependencies = json.load(file)["dependencies"]
except (OSError, ValueError, KeyError):
    print("audit: NOTHING WAS CHECKED: pip-audit gave no report (no network?).")
    sys.exit(2)
checked = [d for d in dependencies if "skip_reason" not in d]
skipped = [d for d in dependencies if "skip_reason" in d]
found = [(d, v) for d in checked for v in d.get("vulns", [])]
for dependency, vulnerability in found:
    fixes = ", ".join(vulnerability.get("fix_versions", [])) or "none yet"
    print(f"{dependency['name']} {dependency['version']}: {vulnerability['id']} (fixed in {fixes})")
if not checked:
    print(
        f"audit: NOTHING WAS CHECKED: all {len(skipped)} packages were skipped "
        f"({skipped[0]['skip_reason'] if skipped else 'no packages'})."
    )
    sys.exit(2)
if skipped:
    names = ", ".join(d["name"] for d in skipped)
    print(f"audit: {len(skipped)} packages could NOT be checked: {names}")
print(f"audit: {len(checked)} packages checked, {len(found)} known vulnerabilities.")
sys.exit(1 if found else 0)
PY
