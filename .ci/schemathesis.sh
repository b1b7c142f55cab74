#!/usr/bin/env bash
# Schemathesis against the local runtime: requests generated from api/openapi.yaml, as the runtime
# serves it at /_local/openapi.yaml, and every answer checked against the document (status, content
# type, headers, body schema, no 5xx), stateful sequences following the document's links included.
# Two runs on one fresh start: as the seeded admin, then as the seeded shopper. Prints per run the
# operations tested, requests sent and failures; exits non-zero if either run found a failure or
# could not run; stops the runtime either way. Reports: target/schemathesis/<account>/.
#
# Tunable: KIOSK_SCHEMATHESIS_EXAMPLES (test cases per operation and phase, default 100),
# KIOSK_SCHEMATHESIS_BUDGET (seconds a run may take before it is stopped as failed, default 330),
# KIOSK_SCHEMATHESIS_SEED (to replay a run), KIOSK_SCHEMATHESIS_CHECKS (instead of the list below),
# KIOSK_SCHEMATHESIS_RUNTIME (more local/run options, such as --parameter CheckoutRateLimit=off).
set -euo pipefail
cd "$(dirname "$0")/.."

version=4.32.5
venv=.venv-tools
examples=${KIOSK_SCHEMATHESIS_EXAMPLES:-100}
budget=${KIOSK_SCHEMATHESIS_BUDGET:-330}
checks=${KIOSK_SCHEMATHESIS_CHECKS:-not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance}
reports=target/schemathesis

if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q " $version\$"; then
  echo "schemathesis: installing $version into $venv"
  { [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"; } >/dev/null
  "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$version"
fi

. .ci/local-run.sh
work=$(mktemp -d)
trap 'stop_runtime; rm -rf "$work"' EXIT

# shellcheck disable=SC2086 # options, split on purpose
start_runtime schemathesis "$work" ${KIOSK_SCHEMATHESIS_RUNTIME:-}
echo "schemathesis: the runtime is up at $url"

# The access token of a seeded account (15 minutes: longer than a run). POST /auth/logout stays in
# the runs: it revokes the refresh-token family in its body, and the authorizer checks access tokens
# by signature and expiry alone, so nothing a run sends can revoke the token it runs with.
token() {
  python3 - "$url" "$work/data/$1.json" <<'EOF'
import json, sys, urllib.request
url, credentials = sys.argv[1], json.load(open(sys.argv[2]))
request = urllib.request.Request(url + "/auth/login", method="POST", headers={"content-type": "application/json"},
                                 data=json.dumps({"email": credentials["email"], "password": credentials["password"]}).encode())
print(json.load(urllib.request.urlopen(request, timeout=30))["accessToken"])
EOF
}

# Operations, requests and failures of a run, from its JSON report and its HAR of every exchange.
summarize() {
  python3 - "$1" "$2" <<'EOF'
import json, os, sys
name, folder = sys.argv[1], sys.argv[2]
try:
    report = json.load(open(os.path.join(folder, "report.json")))
except (OSError, ValueError):
    print(f"schemathesis {name}: no report (the run did not finish); see {folder}/output.txt")
    sys.exit(1)
try:
    requests = len(json.load(open(os.path.join(folder, "requests.har")))["log"]["entries"])
except (OSError, ValueError, KeyError):
    requests = "?"
operations = report.get("operations") or {}
failures = report.get("failures") or []
errors = report.get("errors") or []
print(f"schemathesis {name}: {operations.get('tested', 0)} of {operations.get('total', 0)} operations tested, "
      f"{requests} requests sent, {report['test_cases']['generated']} test cases, "
      f"{sum(f['count'] for f in failures)} failures ({len(failures)} kinds), {sum(e['count'] for e in errors)} errors, "
      f"seed {report.get('seed')}, {report.get('running_time', 0):.0f} s")
for failure in failures:
    print(f"  failure: {failure['title']} x{failure['count']}: {', '.join(failure['operations'])}")
for error in errors:
    print(f"  error: {error['title']} x{error['count']}")
bad = failures or errors or report.get("exit_code", 1) != 0 or not operations.get("tested")
sys.exit(1 if bad else 0)
EOF
}

# Schemathesis keeps the crashes it found (for `st replay`) with the reports, not in the work tree.
cat >"$work/schemathesis.toml" <<TOML
[cache]
directory = "$PWD/$reports/cache"
TOML

# Both tokens before either run: a run's fuzzing of POST /auth/login counts against 127.0.0.1's
# 100 sign-in attempts per 15 minutes (any emails, by design), so a sign-in after the admin run
# could be refused 429. 2 x 330 s of budget stays inside the tokens' 15 minutes.
declare -A bearers
for account in admin shopper; do
  bearers[$account]=$(token "$account")
done

failed=false
for account in admin shopper; do
  folder="$reports/$account"
  rm -rf "$folder"
  mkdir -p "$folder"
  bearer=${bearers[$account]}
  seed=()
  [ -n "${KIOSK_SCHEMATHESIS_SEED:-}" ] && seed=(--seed "$KIOSK_SCHEMATHESIS_SEED")
  set +e
  timeout -s INT -k 30 "$budget" "$venv/bin/schemathesis" --config-file "$work/schemathesis.toml" run \
    "$url/_local/openapi.yaml" --url "$url" \
    -H "Authorization: Bearer $bearer" --checks "$checks" --phases examples,coverage,fuzzing,stateful \
    --max-examples "$examples" --workers 1 --generation-database none --no-color "${seed[@]}" \
    --report json,har,junit --report-json-path "$folder/report.json" --report-har-path "$folder/requests.har" \
    --report-junit-path "$folder/junit.xml" >"$folder/output.txt" 2>&1
  status=$?
  set -e
  [ "$status" -eq 124 ] && echo "schemathesis $account: stopped after $budget s"
  summarize "$account" "$folder" || failed=true
  [ "$status" -eq 0 ] || failed=true
done

stop_runtime
if $failed; then
  echo "schemathesis: failures; each run's output, JUnit and HAR are in $reports/" >&2
  exit 1
fi
echo "schemathesis: no failures"
