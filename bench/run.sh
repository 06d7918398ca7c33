#!/usr/bin/env bash
# Start the testbed if needed and measure the committed bundles (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash testbed/up.sh >/dev/null
node bench/bench.mjs
