# Sourced by ./helpdesk and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer, or fails with a clear message.
# Order: $JAVA_HOME, the java on PATH, then the newest JDK in the usual install folders.

_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

_pick_java_home() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  if [ -x /usr/libexec/java_home ]; then
    candidates+=("$(/usr/libexec/java_home -v 21+ 2>/dev/null || true)")
  fi
  local dir
  for dir in $(ls -d /usr/lib/jvm/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    candidates+=("$dir")
  done
  for dir in "${candidates[@]}"; do
    if [ -n "$dir" ] && [ -x "$dir/bin/javac" ]; then
      local major
      major=$(_java_major "$dir/bin/java")
      if [ -n "$major" ] && [ "$major" -ge 21 ]; then
        echo "$dir"
        return 0
      fi
    fi
  done
  return 1
}

if ! JAVA_HOME=$(_pick_java_home); then
  echo "Campus Helpdesk needs a JDK 21 or newer. Install one (e.g. Temurin 21) and set JAVA_HOME." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
