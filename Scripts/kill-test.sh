#!/usr/bin/env bash
# The long kill -9 run (issue 7): thousands of SIGKILLs at random moments while `kaishu bench drive`
# saves notes, payments, escalations and imports; after each, PRAGMA quick_check, every
# acknowledged write present once, the hash chain intact. The test suite runs 150 kills.
#
#   Scripts/kill-test.sh [KILLS] [MAX_SECONDS]      # default 2000 kills, at most 1800 s
set -euo pipefail
cd "$(dirname "$0")/.."
export KAISHU_KILLS="${1:-2000}"
export KAISHU_KILL_SECONDS="${2:-1800}"
swift build --build-tests
swift test --skip-build --filter KillTests 2>&1 | grep -E 'kill test:|✔|✘|passed|failed|error'
