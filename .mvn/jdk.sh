# Sourced by ./mvnw and ./report: exports JAVA_HOME pointing at a JDK 21 or newer.
# The 2026 Eclipse platform bundles and Tycho 5 need Java 21+, while a machine's default java
# may be older, so look in the usual install places before giving up with one clear sentence.

jdk_major() { # prints the feature version of the JDK at $1, or nothing
  local release="$1/release" version
  [ -x "$1/bin/javac" ] || return 0
  if [ -r "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  else
    version=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "$version"
}

find_jdk21() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    major=$(jdk_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  # An explicitly chosen JAVA_HOME that is new enough wins over a newer one found elsewhere.
  if [ -n "${JAVA_HOME:-}" ] && [ "$(jdk_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    best="$JAVA_HOME"
  fi
  echo "$best"
}

REPORT_JDK=$(find_jdk21)
if [ -z "$REPORT_JDK" ]; then
  echo "report.dsl needs a JDK 21 or newer and found none (looked at JAVA_HOME, PATH and /usr/lib/jvm): install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$REPORT_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
REPORT_JDK_MAJOR=$(jdk_major "$REPORT_JDK")
