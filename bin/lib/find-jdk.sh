# The one place that finds a JDK 21 or newer, sourced by bin/, bench/ and .ci/run:
#
#   source "$root/bin/lib/find-jdk.sh"
#   use_jdk my-script       # exports JAVA_HOME and puts its bin/ first on PATH, or says why and exits 1
#   require_maven my-script # Maven 3.8+ on the PATH, or says why and exits 1
#
# Sourcing it also makes the script name the command that failed under `set -e`, so that no script
# ever exits without saying why. Run directly, it prints the export lines for a shell instead:
#
#   eval "$(bin/lib/find-jdk.sh)"   # then mvn -B verify runs on that JDK
#
# Where it looks, first match wins: $JAVA_HOME; the `java` on the PATH; then the newest JDK 21+
# among the usual install places (/usr/lib/jvm, /usr/java, /opt/java, /opt/jdk*, ~/.sdkman,
# ~/.jdks, macOS's /Library/Java/JavaVirtualMachines). BREACH_NOTICE_JDK_MIN raises the minimum.

# The feature version (17, 21, 25...) of the JDK at $1, or nothing when it is not a JDK.
jdk_version() {
  local home="$1" version=""
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  if [[ -f "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' "$home/release" | head -n 1)"
  fi
  if [[ -z "$version" ]]; then
    version="$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' | head -n 1)"
  fi
  printf '%s' "$version"
}

# Prints the home of the JDK to use, or fails after listing what it saw on stderr.
find_jdk() {
  local minimum="${BREACH_NOTICE_JDK_MIN:-21}" candidate version best="" best_version=0 on_path=""
  local -a seen=()
  if [[ -n "${JAVA_HOME:-}" ]]; then
    version="$(jdk_version "$JAVA_HOME")"
    if [[ -n "$version" && "$version" -ge "$minimum" ]]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
    seen+=("JAVA_HOME=$JAVA_HOME (${version:-not a JDK})")
  fi
  if command -v java > /dev/null 2>&1; then
    on_path="$(readlink -f "$(command -v java)")"
    on_path="${on_path%/bin/java}"
    version="$(jdk_version "$on_path")"
    if [[ -n "$version" && "$version" -ge "$minimum" ]]; then
      printf '%s\n' "$on_path"
      return 0
    fi
    seen+=("java on the PATH: $on_path (${version:-not a JDK})")
  fi
  shopt -s nullglob
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -L "$candidate" ]] && continue # aliases such as default-java point at a directory seen anyway
    version="$(jdk_version "$candidate")"
    [[ -n "$version" ]] || continue
    seen+=("$candidate ($version)")
    if [[ "$version" -ge "$minimum" && "$version" -gt "$best_version" ]]; then
      best="$candidate"
      best_version="$version"
    fi
  done
  shopt -u nullglob
  if [[ -n "$best" ]]; then
    printf '%s\n' "$best"
    return 0
  fi
  {
    echo "no JDK $minimum or newer found; looked at:"
    if [[ "${#seen[@]}" -eq 0 ]]; then
      echo "  (no JDK at all)"
    else
      printf '  %s\n' "${seen[@]}"
    fi
    echo "install one (for example Temurin 21 or 25) and set JAVA_HOME to it"
  } >&2
  return 1
}

# Exports JAVA_HOME and PATH for the JDK find_jdk picks, or exits 1 with the reason ($1 names the script).
use_jdk() {
  local who="${1:-breach-notice}" home
  if ! home="$(find_jdk)"; then
    echo "$who: cannot run without a JDK ${BREACH_NOTICE_JDK_MIN:-21} or newer (see above)" >&2
    exit 1
  fi
  export JAVA_HOME="$home"
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Exits 1 with the reason unless Maven 3.8+ is on the PATH ($1 names the script).
require_maven() {
  local who="${1:-breach-notice}" version
  if ! command -v mvn > /dev/null 2>&1; then
    echo "$who: needs Maven 3.8 or newer on the PATH (https://maven.apache.org/install.html)" >&2
    exit 1
  fi
  version="$(mvn -v 2> /dev/null | sed -n 's/^Apache Maven \([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p' | head -n 1)"
  if [[ -n "$version" ]] && ! printf '3.8\n%s\n' "$version" | sort -V -C; then
    echo "$who: needs Maven 3.8 or newer; the mvn on the PATH is $version" >&2
    exit 1
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  find_jdk_home="$(find_jdk)" || exit 1
  printf 'export JAVA_HOME=%q\nexport PATH="$JAVA_HOME/bin:$PATH"\n' "$find_jdk_home"
  exit 0
fi

# Under `set -e`, name the command that stopped the script (and its exit status) before it exits.
# Not inherited by functions and subshells (no errtrace): only the script's own steps are named.
trap 'find_jdk_status=$?; echo "${0##*/}: stopped at line $LINENO: $BASH_COMMAND (exit $find_jdk_status)" >&2' ERR
