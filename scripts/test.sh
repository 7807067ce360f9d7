#!/usr/bin/env bash
# Sets up, builds, and runs every test headless. Each test that needs a keychain gets a private
# session bus and gnome-keyring (tests/with-keyring.sh); each that needs a server starts the
# sandbox on a free port of 127.0.0.1. Ends with ctest's summary.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
cd "$root/build"
ctest -j2 --output-on-failure "$@"
