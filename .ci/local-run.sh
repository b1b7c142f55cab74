# Sourced by the CI steps that test against a running local/run (schemathesis.sh, browser-tests.sh):
# start_runtime NAME DIR [local/run options...] starts one on fresh data in DIR/data with its log
# in DIR/runtime.log, waits for its ready line and sets `url` (exits, showing the log, if it never
# comes up); stop_runtime stops it and says so if it did not stop cleanly. NAME prefixes messages.
runtime_pid=""
runtime_name=""
runtime_dir=""
url=""

start_runtime() {
  runtime_name=$1
  runtime_dir=$2
  shift 2
  # A fresh data folder: the seeded accounts' credentials are kept there (<name>.json, owner-only).
  local/run --data "$runtime_dir/data" --port 0 "$@" >"$runtime_dir/runtime.log" 2>&1 &
  runtime_pid=$!
  url=""
  for _ in $(seq 1 600); do
    url=$(grep -o 'Kiosk ready at http://[0-9.:]*' "$runtime_dir/runtime.log" | awk '{print $4}' || true)
    [ -n "$url" ] && break
    kill -0 "$runtime_pid" 2>/dev/null || break
    sleep 0.5
  done
  if [ -z "$url" ]; then
    echo "$runtime_name: local/run did not come up:" >&2; tail -n 40 "$runtime_dir/runtime.log" >&2; exit 1
  fi
}

stop_runtime() {
  if [ -n "$runtime_pid" ] && kill -0 "$runtime_pid" 2>/dev/null; then
    kill -TERM "$runtime_pid"
    wait "$runtime_pid" || true
    grep -q "Kiosk stopped" "$runtime_dir/runtime.log" \
      || { echo "$runtime_name: the runtime did not stop cleanly" >&2; tail -n 20 "$runtime_dir/runtime.log" >&2; }
  fi
  runtime_pid=""
}
