# shellcheck shell=bash
# The build step every bin/ launcher shares; sourced, not run. After sourcing:
#   build_when_stale WHO MODULE [FILE...]
# sets root, target (MODULE's target directory), jar (MODULE's jar) and java, building MODULE and
# the modules it needs with Maven first when the jar or any FILE (relative to target) is missing,
# or any pom or main source of MODULE or a sluice module it depends on is newer than the jar.
# WHO names the launcher in messages. With SLUICE_PROFILE set (spark35), the build uses that Maven
# profile, whose output goes to MODULE/target/<profile>, beside the default build's.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  java="$(command -v java)"
else
  echo "$(basename "$0"): no java found; install a JDK 17+ or set JAVA_HOME" >&2
  exit 1
fi

# The project's version: the first <version> of the parent pom, which has no <parent> above it.
sluice_version() {
  sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1
}

# MODULE, then every sluice module its pom depends on, and theirs (a module may appear twice).
sluice_modules() {
  local dep
  echo "$1"
  for dep in $(sed -n 's:.*<artifactId>\(sluice-[a-z]*\)</artifactId>.*:\1:p' "$root/$1/pom.xml"); do
    if [[ $dep != "$1" && -f "$root/$dep/pom.xml" ]]; then
      sluice_modules "$dep"
    fi
  done
}

build_when_stale() {
  local who=$1 module=$2 profile=()
  shift 2
  target="$root/$module/target${SLUICE_PROFILE:+/$SLUICE_PROFILE}"
  [[ -n ${SLUICE_PROFILE:-} ]] && profile=(-P"$SLUICE_PROFILE")
  jar="$target/$module-$(sluice_version).jar"
  if ! sluice_stale "$module" "$@"; then
    return
  fi
  if ! command -v mvn >/dev/null 2>&1; then
    echo "$who: $jar is missing or stale and Maven (mvn) is not on the PATH to build it" >&2
    exit 1
  fi
  echo "$who: building $module (the first build downloads its dependencies through Maven;" \
    "a few minutes)..." >&2
  # package, not install: the launchers read the jars from each module's target directory.
  (cd "$root" && mvn -B -q -ntp "${profile[@]}" -DskipTests package -pl "$module" -am) >&2
  # Maven leaves an up-to-date jar untouched; mark it fresh so the next run does not rebuild.
  touch "$jar"
}

sluice_stale() {
  local module=$1 file m dirs=()
  shift
  [[ -f $jar ]] || return 0
  for file in "$@"; do
    [[ -f $target/$file ]] || return 0
  done
  [[ -n "$(find "$root/pom.xml" -newer "$jar" -print -quit)" ]] && return 0
  for m in $(sluice_modules "$module" | sort -u); do
    dirs+=("$root/$m/pom.xml" "$root/$m/src/main")
  done
  [[ -n "$(find "${dirs[@]}" -newer "$jar" -print -quit 2>/dev/null)" ]]
}
