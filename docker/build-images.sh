#!/usr/bin/env bash
# Builds the fleet's four service images the same way:
#   1. packages the runnable jars (<module>/target/<module>-<version>-exec.jar) with Maven,
#   2. extracts each jar's layers into <module>/target/docker/
#      (java -Djarmode=tools -jar app.jar extract --layers --launcher),
#   3. runs `docker build` with <module>/Dockerfile and the module as the context,
#      tagging llm-fleet/<service>:<version>.
#
# Usage: docker/build-images.sh [--skip-maven] [--tag TAG] [--registry PREFIX] [--dry-run] [service ...]
#   --skip-maven       use the jars already in target/ (built by ./mvnw package or verify)
#   --tag TAG          image tag; default: the project version from pom.xml
#   --registry PREFIX  image name prefix instead of llm-fleet (e.g. registry.example/llm-fleet)
#   --dry-run          print the docker commands instead of running them (no Docker engine needed)
#   service ...        a subset of the services below; default: all of them
# MAVEN_ARGS adds arguments to the Maven command (default: -DskipTests).
set -euo pipefail

# The services that ship as images; docker-compose.yml and deploy/k8s use exactly these.
SERVICES=(classifier-service dispatcher-service worker-ollama worker-vllm)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

skip_maven=false
dry_run=false
registry=llm-fleet
tag=""
selected=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-maven) skip_maven=true ;;
    --dry-run) dry_run=true ;;
    --tag) tag="${2:?--tag needs a value}"; shift ;;
    --registry) registry="${2:?--registry needs a value}"; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) echo "Unknown option $1 (see --help)" >&2; exit 2 ;;
    *)
      case " ${SERVICES[*]} " in
        *" $1 "*) selected+=("$1") ;;
        *) echo "Unknown service '$1'; known: ${SERVICES[*]}" >&2; exit 2 ;;
      esac
      ;;
  esac
  shift
done
[ ${#selected[@]} -gt 0 ] || selected=("${SERVICES[@]}")

# The project version, from the root pom's own <version> (the first one after </parent>).
version="$(sed -n '/<\/parent>/,$p' pom.xml | sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -n 1)"
if [ -z "$version" ]; then
  echo "Could not read the project version from pom.xml" >&2
  exit 1
fi
tag="${tag:-$version}"

if [ "$skip_maven" = false ]; then
  modules="$(IFS=,; echo "${selected[*]}")"
  # shellcheck disable=SC2086 # MAVEN_ARGS is a list of arguments
  ./mvnw -B -q -pl "$modules" -am package ${MAVEN_ARGS:--DskipTests}
fi

run() {
  if [ "$dry_run" = true ]; then
    printf '%q ' "$@"
    printf '\n'
  else
    "$@"
  fi
}

for service in "${selected[@]}"; do
  jar="$service/target/$service-$version-exec.jar"
  if [ ! -f "$jar" ]; then
    echo "No $jar: run without --skip-maven, or ./mvnw -pl $service -am package first" >&2
    exit 1
  fi
  layers="$service/target/docker"
  rm -rf "$layers"
  java -Djarmode=tools -jar "$jar" extract --layers --launcher --destination "$layers" >/dev/null
  # A layer with nothing in it (no snapshot dependencies in a release) is still copied.
  mkdir -p "$layers/dependencies" "$layers/spring-boot-loader" "$layers/snapshot-dependencies" "$layers/application"
  image="$registry/$service:$tag"
  echo "Building $image from $jar" >&2
  run docker build --build-arg "VERSION=$version" --tag "$image" --file "$service/Dockerfile" "$service"
done
