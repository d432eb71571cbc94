#!/usr/bin/env bash
# Checks deploy/monitoring against docs/operations.md's metrics table (issue 15 item 4):
#   - grafana-dashboard.json parses, and every documented bar_* meter has a panel querying it;
#   - alerts.yml is valid: with promtool (`promtool check rules`, and `promtool test rules
#     alerts-test.yml`: the main alerts fire on BAR's series) when it is installed (Debian package
#     prometheus), otherwise a structural check (YAML-free: every rule has alert, expr, severity and a runbook anchor that
#     exists in docs/operations.md);
#   - neither uses a bar_* meter the table does not document.
# Needs python3. Exit status 0 when all holds; one line per problem otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - "$@" <<'PY'
import json, re, subprocess, shutil, sys

DOC = "docs/operations.md"
DASHBOARD = "deploy/monitoring/grafana-dashboard.json"
ALERTS = "deploy/monitoring/alerts.yml"
SUFFIX = re.compile(r"_(total|count|sum|max|bucket|created)$")
problems = []

def base(name):
    return SUFFIX.sub("", name)

doc = open(DOC, encoding="utf-8").read()
documented = {base(m) for m in re.findall(r"^\| `(bar_[a-z0-9_]+)` \|", doc, re.M)}
if not documented:
    problems.append(f"{DOC}: no metrics table rows (| `bar_…` | …)")

try:
    dashboard = json.load(open(DASHBOARD, encoding="utf-8"))
except ValueError as e:
    sys.exit(f"{DASHBOARD}: not JSON: {e}")
panel_meters = {}
for panel in dashboard.get("panels", []):
    for target in panel.get("targets", []):
        for name in re.findall(r"\b(bar_[a-z0-9_]+)", target.get("expr", "")):
            panel_meters.setdefault(base(name), []).append(panel.get("title", "?"))
for meter in sorted(documented - panel_meters.keys()):
    problems.append(f"{DASHBOARD}: no panel for documented meter {meter}")
for meter in sorted(panel_meters.keys() - documented):
    problems.append(f"{DASHBOARD}: panel {panel_meters[meter][0]!r} uses {meter}, which {DOC} does not document")

rules = open(ALERTS, encoding="utf-8").read()
for name in sorted({base(n) for n in re.findall(r"\b(bar_[a-z0-9_]+)", rules)} - documented):
    problems.append(f"{ALERTS}: uses {name}, which {DOC} does not document")
anchors = {re.sub(r"[^a-z0-9 -]", "", h.strip().lower()).replace(" ", "-")
           for h in re.findall(r"^#+ (.+)$", doc, re.M)}
promtool = shutil.which("promtool")
if promtool:
    result = subprocess.run([promtool, "check", "rules", ALERTS], capture_output=True, text=True)
    if result.returncode != 0:
        problems.append(f"{ALERTS}: promtool check rules failed:\n{result.stdout}{result.stderr}")
    else:
        print(f"promtool check rules {ALERTS}: ok")
    result = subprocess.run([promtool, "test", "rules", "deploy/monitoring/alerts-test.yml"], capture_output=True, text=True)
    if result.returncode != 0:
        problems.append(f"promtool test rules deploy/monitoring/alerts-test.yml failed:\n{result.stdout}{result.stderr}")
    else:
        print("promtool test rules deploy/monitoring/alerts-test.yml: ok")
else:
    print("promtool not installed: structural check of the rules only")
    if not re.search(r"^groups:\s*$", rules, re.M):
        problems.append(f"{ALERTS}: no top-level 'groups:'")
blocks = re.split(r"^\s*- alert: ", rules, flags=re.M)[1:]
if not blocks:
    problems.append(f"{ALERTS}: no alerts")
for block in blocks:
    name = block.split("\n", 1)[0].strip()
    for field in ("expr:", "severity:", "summary:", "runbook:"):
        if field not in block:
            problems.append(f"{ALERTS}: alert {name} has no {field[:-1]}")
    if block.count("(") != block.count(")") or block.count("{") != block.count("}"):
        problems.append(f"{ALERTS}: alert {name}: unbalanced brackets")
    anchor = re.search(r'runbook: "docs/operations.md#([a-z0-9-]+)"', block)
    if anchor and anchor.group(1) not in anchors:
        problems.append(f"{ALERTS}: alert {name}: runbook anchor #{anchor.group(1)} is not a heading of {DOC}")
    if anchor is None and "runbook:" in block:
        problems.append(f"{ALERTS}: alert {name}: runbook is not docs/operations.md#anchor")

for p in problems:
    print(p)
if problems:
    sys.exit(1)
print(f"monitoring ok: {len(documented)} documented meters, {len(dashboard['panels'])} panels, {len(blocks)} alerts")
PY
