#!/bin/sh
# Runs a command as in a KDE Plasma 5 session, inside the private desktop of tests/with-desktop.sh
# (Xvfb, a tray host, the accessibility bus, a private session bus, an unlocked gnome-keyring, a
# throwaway HOME):
#
#   tests/with-desktop.sh tests/with-kde.sh COMMAND…
#
# It adds what KDE adds: the desktop's name in the environment (XDG_CURRENT_DESKTOP=KDE,
# KDE_SESSION_VERSION=5, KDE_FULL_SESSION=true), by which qtkeychain chooses KWallet, and the
# KDE Wallet itself: Debian's kwalletd5 on the private bus, with its wallet "kdewallet" open.
#
# The wallet opens without a dialog the way a Plasma login opens it: pam_kwallet5 starts kwalletd5
# with --pam-login and hands it a key over a pipe; kwalletd5 then creates the wallet if there is
# none and opens it with that key. Here the key is random: nothing needs to open this throwaway
# wallet again. kwalletrc turns off the first-use wizard and the "allow this application?"
# question, keeps one wallet for everything and keeps it open.
#
# gnome-keyring stays the Secret Service (org.freedesktop.secrets): kwalletd5's own Secret Service
# is turned off, so the session has two stores, KWallet and the Secret Service, as a KDE session
# with GNOME Keyring installed has. The runner fails, and the command is not run, when kwalletd5
# cannot be started with its wallet open. For the command: WGC_KWALLETD_PID.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
fail() {
    echo "with-kde: $*" >&2
    exit 1
}
if [ -z "${WGC_DESKTOP_INNER:-}" ] || [ -z "${WGC_KEYRING_INNER:-}" ]; then
    fail "run it inside tests/with-desktop.sh: $here/with-desktop.sh $0 COMMAND…"
fi
command -v kwalletd5 >/dev/null 2>&1 || fail "kwalletd5 is not installed (libkf5wallet-bin; scripts/setup.sh installs it)"

scratch="$XDG_RUNTIME_DIR/kde"
mkdir -p "$scratch"
kwalletd=""
cleanup() {
    if [ -n "$kwalletd" ]; then
        kill "$kwalletd" 2>/dev/null || true
    fi
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

export XDG_CURRENT_DESKTOP=KDE KDE_SESSION_VERSION=5 KDE_FULL_SESSION=true DESKTOP_SESSION=plasma

cat >"$XDG_CONFIG_HOME/kwalletrc" <<'EOF'
[Wallet]
Enabled=true
First Use=false
Use One Wallet=true
Default Wallet=kdewallet
Local Wallet=kdewallet
Prompt on Open=false
Leave Open=true
Close When Idle=false
Launch Manager=false

[org.freedesktop.secrets]
apiEnabled=false
EOF

# Who owns a name on the bus: asked of the bus, so nothing is started through D-Bus activation
# (a kwalletd5 activated before this one registers would open its wallet with a dialog).
owner_pid() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetConnectionUnixProcessID "string:$1" 2>/dev/null | awk '/uint32/ { print $2 }'
}
[ -z "$(owner_pid org.kde.kwalletd5)" ] || fail "a kwalletd5 already runs on this bus"

# The PAM handshake of kwalletd5 (KF5 5.103): with PAM_KWALLET5_LOGIN set, "--pam-login PIPE
# SOCKET" names a pipe the 56-byte key arrives on, then a listening Unix socket it accepts one
# connection on and reads environment lines from until it closes.
kwalletd=$(
    python3 - "$scratch" <<'EOF'
import os, socket, subprocess, sys
scratch = sys.argv[1]
key_read, key_write = os.pipe()
path = os.path.join(scratch, "kwalletd-environment.socket")
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind(path)
listener.listen(1)
log = open(os.path.join(scratch, "kwalletd.log"), "wb")
daemon = subprocess.Popen(
    ["kwalletd5", "--pam-login", str(key_read), str(listener.fileno())],
    pass_fds=(key_read, listener.fileno()), stdin=subprocess.DEVNULL, stdout=log, stderr=log,
    env=dict(os.environ, PAM_KWALLET5_LOGIN=path, QT_QPA_PLATFORM="xcb"), start_new_session=True)
os.close(key_read)
listener.close()
os.write(key_write, os.urandom(56))
os.close(key_write)
environment = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
environment.connect(path)
environment.close()  # nothing to add: it inherited this environment
os.unlink(path)
print(daemon.pid)
EOF
) || fail "could not start kwalletd5"

tries=0
until [ "$(owner_pid org.kde.kwalletd5)" = "$kwalletd" ]; do
    tries=$((tries + 1))
    if ! kill -0 "$kwalletd" 2>/dev/null || [ "$tries" -gt 600 ]; then
        cat "$scratch/kwalletd.log" >&2
        fail "kwalletd5 did not register org.kde.kwalletd5 within 60 s"
    fi
    sleep 0.1
done
tries=0
until dbus-send --session --print-reply --dest=org.kde.kwalletd5 /modules/kwalletd5 org.kde.KWallet.isOpen \
    string:kdewallet 2>/dev/null | grep -q 'boolean true'; do
    tries=$((tries + 1))
    if [ "$tries" -gt 300 ]; then
        cat "$scratch/kwalletd.log" >&2
        fail "kwalletd5 runs, but its wallet kdewallet did not open"
    fi
    sleep 0.1
done
secrets=$(owner_pid org.freedesktop.secrets)
[ -n "$secrets" ] && [ "$secrets" != "$kwalletd" ] ||
    fail "gnome-keyring should provide the Secret Service (owner: ${secrets:-nobody})"

export WGC_KWALLETD_PID="$kwalletd"
status=0
"$@" || status=$?
if ! kill -0 "$kwalletd" 2>/dev/null; then
    echo "with-kde: kwalletd5 ended during the test:" >&2
    cat "$scratch/kwalletd.log" >&2
    [ "$status" != 0 ] || status=1
fi
exit "$status"
