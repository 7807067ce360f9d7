#!/usr/bin/env bash
# Sets up, builds, starts the local sandbox (a real OAuth server on 127.0.0.1) and opens the
# app pointed at it, so anyone can click through sign-in without a WebinarGeek account. Sign in
# with any name on the sandbox's page. Closing the window stops the sandbox and removes what
# the demo stored in the keychain.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"

if [[ $# -eq 0 && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "demo: no display; run this from a desktop session." >&2
    echo "demo: the command line works without one, e.g. build/bin/webinargeek-connect --help" >&2
    exit 1
fi

scratch=$(mktemp -d)
cleanup() {
    [[ -n "${app:-}" ]] && "$app" logout >/dev/null 2>&1 || true
    [[ -n "${sandbox_pid:-}" ]] && kill "$sandbox_pid" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

(cd "$root/tests/sandbox" && exec node server.mjs --port "${WGC_SANDBOX_PORT:-0}" >"$scratch/ready" 2>"$scratch/sandbox.log") &
sandbox_pid=$!
for _ in $(seq 100); do
    grep -q SANDBOX_READY "$scratch/ready" 2>/dev/null && break
    kill -0 "$sandbox_pid" 2>/dev/null || { cat "$scratch/sandbox.log" >&2; exit 1; }
    sleep 0.1
done
base=$(awk '/SANDBOX_READY/ {print $2}' "$scratch/ready")
echo "demo: sandbox at $base (sign in with any name)" >&2

export WEBINARGEEK_AUTHORIZE_URL="$base/oauth/authorize"
export WEBINARGEEK_TOKEN_URL="$base/oauth/token"
export WEBINARGEEK_REVOKE_URL="$base/oauth/revoke"
export WEBINARGEEK_API_URL="$base/api/v2"
export WEBINARGEEK_CLIENT_ID=webinargeek-connect-sandbox
app="$root/build/bin/webinargeek-connect"
"$app" "$@"
