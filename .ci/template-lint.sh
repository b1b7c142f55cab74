#!/usr/bin/env bash
# The template's security and serverless lint, as CI runs it and anyone can:
#   bash .ci/template-lint.sh
# 1. cfn-lint with the serverless rules (cfn-lint-serverless): any finding fails.
# 2. checkov on template.yaml: any failed check fails. Each check Kiosk does not follow is skipped
#    in the resource's Metadata with its reason beside it; a new resource or a new check that
#    fails must be fixed or skipped the same way. Versions are pinned so that a release of either
#    tool with new checks does not fail CI unannounced: raise them on purpose.
# Each tool has a venv of its own (ignored by git): checkov pins boto3 and packaging versions that
# the SAM CLI cannot live with.
set -euo pipefail
cd "$(dirname "$0")/.."

tools=.venv-tools
checkov_env=.venv-checkov
if [ ! -x "$tools/bin/cfn-lint" ] || ! "$tools/bin/python" -c 'import cfn_lint_serverless' 2>/dev/null; then
  { [ -x "$tools/bin/pip" ] || python3 -m venv "$tools"; } >/tmp/kiosk-lint-venv.log 2>&1
  "$tools/bin/pip" install -q --disable-pip-version-check 'cfn-lint>=1.58,<2' 'cfn-lint-serverless==0.3.6' >/tmp/kiosk-lint-pip.log 2>&1 \
    || { echo "template lint: cannot install cfn-lint: $(tail -n 1 /tmp/kiosk-lint-pip.log)" >&2; exit 1; }
fi
if [ ! -x "$checkov_env/bin/checkov" ]; then
  { [ -x "$checkov_env/bin/pip" ] || python3 -m venv "$checkov_env"; } >/tmp/kiosk-checkov-venv.log 2>&1
  "$checkov_env/bin/pip" install -q --disable-pip-version-check 'checkov==3.3.30' >/tmp/kiosk-checkov-pip.log 2>&1 \
    || { echo "template lint: cannot install checkov: $(tail -n 1 /tmp/kiosk-checkov-pip.log)" >&2; exit 1; }
fi

"$tools/bin/cfn-lint" template.yaml --append-rules cfn_lint_serverless.rules
echo "template lint: cfn-lint $("$tools/bin/cfn-lint" --version 2>&1 | awk '{print $2}') with the serverless rules: no findings"

json=$(mktemp)
status=0
"$checkov_env/bin/checkov" -f template.yaml --framework cloudformation -o json >"$json" 2>/tmp/kiosk-checkov.log || status=$?
"$checkov_env/bin/python" - "$json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
data = data[0] if isinstance(data, list) else data
summary = data["summary"]
failed = data["results"]["failed_checks"]
skipped = data["results"]["skipped_checks"]
reasons = sum(1 for s in skipped if (s.get("check_result", {}).get("suppress_comment") or "").strip())
print(f"template lint: checkov {summary['checkov_version']}: {summary['passed']} passed, {summary['failed']} failed, "
      f"{summary['skipped']} skipped ({reasons} with a reason)")
for check in failed:
    print(f"  FAILED {check['check_id']} {check['resource']}: {check['check_name']}")
if failed or reasons != len(skipped):
    sys.exit(1)
PY
[ "$status" -eq 0 ] || { echo "template lint: checkov failed" >&2; exit 1; }
