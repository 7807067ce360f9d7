#!/bin/sh
# Runs a test with KeePassXC as the Secret Service, the way a person who keeps their passwords in
# KeePassXC has it: a private session bus, an X server (Xvfb) for KeePassXC's window, a throwaway
# HOME, and a throwaway KeePassXC database (made with keepassxc-cli, with a throwaway password)
# open in KeePassXC with its Secret Service integration on. Nothing else provides the Secret
# Service: no gnome-keyring is started (tests/with-keyring.sh is the runner with one).
#
#   tests/with-keepassxc.sh COMMAND…
#
# KeePassXC is set up so that it never waits for a person: no confirmation when a program reads
# or deletes an entry, no notification, no update check, and the database stays open (the one
# question Debian 12's KeePassXC asks anyway is answered by this runner: see
# allow_access_requests below). The database exposes its root group (how KeePassXC records that
# is described at expose_root_group below); its recycle bin is off, so an entry deleted over the
# Secret Service is gone from the file too. It saves after every change, so `keepassxc-cli ls`
# on the file shows what the Secret Service holds.
#
# For the command: WGC_KEEPASSXC_DATABASE (the .kdbx), WGC_KEEPASSXC_PASSWORD (its throwaway
# password, for keepassxc-cli), WGC_KEEPASSXC_PID (KeePassXC's process), WGC_KEEPASSXC_REQUESTS
# (a file with a line per access request answered). The runner fails, and the command is not
# run, when KeePassXC cannot be made the Secret Service; it fails too when KeePassXC ends before
# the command does.
set -eu
if [ -z "${WGC_KEEPASSXC_INNER:-}" ]; then
    export WGC_KEEPASSXC_INNER=1
    exec dbus-run-session -- "$0" "$@"
fi

fail() {
    echo "with-keepassxc: $*" >&2
    exit 1
}
for tool in keepassxc keepassxc-cli Xvfb xdotool dbus-send python3; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed (scripts/setup.sh installs it)"
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/wgc-keepassxc.XXXXXX")
pids=""
# Stops a process this script started: SIGTERM, and SIGKILL if it is still there 5 s later.
stop() {
    kill "$1" 2>/dev/null || return 0
    (sleep 5 && kill -9 "$1") >/dev/null 2>&1 &
    watchdog=$!
    wait "$1" 2>/dev/null || true
    kill "$watchdog" 2>/dev/null || true
}
cleanup() {
    for pid in $pids; do stop "$pid"; done
    rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" XDG_CONFIG_HOME="$scratch/home/.config" \
    XDG_DATA_HOME="$scratch/home/.local/share" XDG_CACHE_HOME="$scratch/home/.cache"
# Whatever desktop the caller runs in: on KDE, qtkeychain would pick KWallet over the Secret Service.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION GNOME_DESKTOP_SESSION_ID
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME/keepassxc" "$XDG_CACHE_HOME" "$scratch/tmp"
mkdir -m 700 "$XDG_RUNTIME_DIR"

# An X server of its own, which tells its display number through -displayfd (no race with other
# X servers starting at the same moment).
Xvfb -displayfd 3 -screen 0 1024x768x24 -nolisten tcp -noreset 3>"$scratch/display" >"$scratch/xvfb.log" 2>&1 &
xvfb=$!
pids="$pids $xvfb"
tries=0
until [ -s "$scratch/display" ]; do
    tries=$((tries + 1))
    if [ "$tries" -gt 200 ] || ! kill -0 "$xvfb" 2>/dev/null; then
        cat "$scratch/xvfb.log" >&2
        fail "Xvfb did not start"
    fi
    sleep 0.05
done
DISPLAY=:$(head -n 1 "$scratch/display")
export DISPLAY

# The database. keepassxc-cli cannot set which group KeePassXC shows over the Secret Service, so
# the new database goes through its XML form: exported, given that setting, imported again.
password="wgc-test-keepassxc-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
database="$scratch/secrets.kdbx"
# Cheap key derivation (-t: milliseconds to aim for): nothing here needs to resist guessing.
# keepassxc-cli asks for the password on stderr even with -q: that goes to a log, shown on failure.
cli() {
    what=$1
    shift
    if ! "$@" 2>>"$scratch/keepassxc-cli.log"; then
        cat "$scratch/keepassxc-cli.log" >&2
        fail "keepassxc-cli $what failed"
    fi
}
printf '%s\n%s\n' "$password" "$password" | cli db-create keepassxc-cli db-create -q -p -t 100 "$scratch/blank.kdbx"
printf '%s\n' "$password" | cli export keepassxc-cli export -q -f xml "$scratch/blank.kdbx" >"$scratch/blank.xml"

# expose_root_group: KeePassXC 2.7 keeps the group a database exposes over the Secret Service in
# the database itself, as the custom data FDO_SECRETS_EXPOSED_GROUP of its metadata, the group's
# UUID in braces ({xxxxxxxx-…}); with none, KeePassXC offers the database to no program. The XML
# names groups by UUID in base64. The recycle bin goes off here too.
python3 - "$scratch/blank.xml" "$scratch/exposed.xml" <<'EOF' || fail "could not edit the exported database"
import base64, sys, uuid
import xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1])
meta = tree.find("Meta")
root_group = tree.find("Root/Group")
group = uuid.UUID(bytes=base64.b64decode(root_group.find("UUID").text))
meta.find("RecycleBinEnabled").text = "False"
custom = meta.find("CustomData")
if custom is None:
    custom = ET.SubElement(meta, "CustomData")
item = ET.SubElement(custom, "Item")
ET.SubElement(item, "Key").text = "FDO_SECRETS_EXPOSED_GROUP"
ET.SubElement(item, "Value").text = "{%s}" % group
tree.write(sys.argv[2], encoding="UTF-8", xml_declaration=True)
EOF
printf '%s\n%s\n' "$password" "$password" |
    cli import keepassxc-cli import -q -p -t 100 "$scratch/exposed.xml" "$database" >/dev/null
rm -f "$scratch/blank.kdbx" "$scratch/blank.xml" "$scratch/exposed.xml"

# KeePassXC's settings (2.7's names): the Secret Service on, and nothing that waits for a person
# or reaches the network.
cat >"$XDG_CONFIG_HOME/keepassxc/keepassxc.ini" <<'EOF'
[General]
ConfigVersion=2
SingleInstance=false
RememberLastDatabases=false
RememberLastKeyFiles=false
OpenPreviousDatabasesOnStartup=false
AutoSaveAfterEveryChange=true
AutoReloadOnChange=false
UpdateCheckMessageShown=true

[GUI]
CheckForUpdates=false
ShowTrayIcon=false
MinimizeOnStartup=true

[Security]
LockDatabaseIdle=false
LockDatabaseScreenLock=false
LockDatabaseMinimize=false

[Browser]
Enabled=false

[SSHAgent]
Enabled=false

[FdoSecrets]
Enabled=true
ShowNotification=false
ConfirmAccessItem=false
ConfirmDeleteItem=false
UnlockBeforeSearch=false
EOF

# TMPDIR: KeePassXC's single-instance lock lives there; this one's is its own.
printf '%s\n' "$password" | TMPDIR="$scratch/tmp" QT_QPA_PLATFORM=xcb keepassxc --pw-stdin "$database" \
    >"$scratch/keepassxc.log" 2>&1 &
keepassxc=$!
pids="$keepassxc $pids"

# Ready when KeePassXC owns the Secret Service's name and its default collection is open. Asked
# of the bus and of the name's owner only, never of org.freedesktop.secrets before KeePassXC has
# it: that would start gnome-keyring through D-Bus activation.
owner_pid() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
        awk '/uint32/ { print $2 }'
}
tries=0
until [ "$(owner_pid)" = "$keepassxc" ]; do
    tries=$((tries + 1))
    # A cold start of KeePassXC on a busy machine can take a while.
    if ! kill -0 "$keepassxc" 2>/dev/null || [ "$tries" -gt 1200 ]; then
        cat "$scratch/keepassxc.log" >&2
        owner=$(owner_pid)
        [ -z "$owner" ] || echo "with-keepassxc: org.freedesktop.secrets is owned by pid $owner" >&2
        fail "KeePassXC did not become the Secret Service within 120 s"
    fi
    sleep 0.1
done
# The collection appears as soon as KeePassXC has the database's tab, still locked; the password
# from stdin unlocks it a moment later. A program that asks in between gets KeePassXC's unlock
# dialog, which stays up (and its call unanswered) after the database is open.
default_collection() {
    dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
        org.freedesktop.Secret.Service.ReadAlias string:default 2>/dev/null |
        sed -n 's|.*object path "\(/org/freedesktop/secrets/collection/[^"]*\)".*|\1|p'
}
unlocked() {
    dbus-send --session --print-reply --dest=org.freedesktop.secrets "$1" org.freedesktop.DBus.Properties.Get \
        string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null | grep -q 'boolean false'
}
tries=0
until collection=$(default_collection) && [ -n "$collection" ] && unlocked "$collection"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 600 ]; then
        cat "$scratch/keepassxc.log" >&2
        [ -n "$collection" ] || fail "KeePassXC's Secret Service has no default collection (is the database's exposed group set?)"
        fail "KeePassXC's database did not open within 60 s"
    fi
    sleep 0.1
done

# allow_access_requests: KeePassXC 2.7.4 (Debian 12's) asks "… is requesting access to the
# following entries" when a program replaces an entry another process stored (a refresh by a new
# `token` process, say), although ConfirmAccessItem=false: before 2.7.6 that setting is not
# consulted on this path, only whether this program was asked before. Such a request is answered
# here as the person would, with Allow (the dialog's default button, focused and pressed with
# xdotool), said on stderr, and counted in WGC_KEEPASSXC_REQUESTS (one line each) for the test
# to report. With KeePassXC 2.7.6 or later none comes.
requests="$scratch/access-requests"
: >"$requests"
allow_access_requests() {
    shown=""
    while kill -0 "$keepassxc" 2>/dev/null; do
        now=$(xdotool search --onlyvisible --pid "$keepassxc" --name 'Access Request' 2>/dev/null || true)
        for window in $now; do
            case " $shown " in
            *" $window "*) ;; # still up from the last round: pressed again below
            *)
                echo "$window" >>"$requests"
                echo "with-keepassxc: allowing KeePassXC's access request (KeePassXC < 2.7.6 asks despite ConfirmAccessItem=false)" >&2
                ;;
            esac
            if xdotool windowfocus "$window" 2>/dev/null; then
                sleep 0.1
                xdotool key --clearmodifiers Return 2>/dev/null || true
            fi
        done
        shown=$(echo $now)
        sleep 0.1
    done
}
allow_access_requests &
pids="$! $pids"

export WGC_KEEPASSXC_DATABASE="$database" WGC_KEEPASSXC_PASSWORD="$password" WGC_KEEPASSXC_PID="$keepassxc" \
    WGC_KEEPASSXC_REQUESTS="$requests"
status=0
"$@" || status=$?
if ! kill -0 "$keepassxc" 2>/dev/null; then
    echo "with-keepassxc: KeePassXC ended during the test:" >&2
    cat "$scratch/keepassxc.log" >&2
    [ "$status" != 0 ] || status=1
fi
exit "$status"
