# Sourced by .ci/run and local/run: finds a JDK >= 21 (JAVA_HOME, beside the default java,
# /usr/lib/jvm, /opt), the newest first.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

pick_jdk() {
  local best="" best_major=0 candidate major
  local default_home=""
  if command -v java >/dev/null 2>&1; then
    default_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  for candidate in "${JAVA_HOME:-}" "$default_home" "$(dirname "${default_home:-/nonexistent}")"/* /usr/lib/jvm/* /opt/java/* /opt/*jdk*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate" || echo 0)
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  [ -n "$best" ] || return 1
  echo "$best"
}
