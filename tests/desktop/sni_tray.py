#!/usr/bin/python3
"""The tray as today's desktops host it: a StatusNotifierItem over D-Bus, and the desktop's own
notifications.

Runs inside `tests/with-desktop.sh --sni`: a StatusNotifierWatcher (status-notifier-watcher), a
host (gtk-sni-tray-standalone) and a notification daemon (dunst). Starts the sandbox and the real
app, hidden in the tray, and checks everything over D-Bus, as the host sees it:

- the item is registered with the watcher;
- its Status, ToolTip and icon follow the session: signed out, signed in, refreshing (the
  sandbox stopped mid-refresh), offline (the sandbox gone), needs sign-in (the sandbox back
  without its memory, so it rejects the refresh token);
- its menu (com.canonical.dbusmenu) holds the actions in the app's language, and clicking them
  does what they say: Open shows the window, Sign in signs in through the session's browser,
  Refresh now refreshes, Quit quits;
- a rejected session gives one notification (not one per attempt) that names the account, with
  a Sign in button; it is withdrawn (CloseNotification) once the person signs in from the menu;
  a real click on it in dunst shows the window and starts the sign-in;
- with the keyring locked, Refresh now brings gnome-keyring's real unlock prompt: cancelled, the
  item says the keychain is unavailable and still names the account; unlocked, Refresh now
  connects it again;
- a second account added from the menu: the tooltip names both with their states, the menu holds
  a submenu per account (radio items, the active one on) with its own actions; Make active and
  Sign out there do what they say, and with one account left the menu is as before.

    sni_tray.py APP_EXECUTABLE SOURCE_DIR SCREENSHOT_DIR

WGC_TEST_LANGUAGE=nl or de runs the app in Dutch or German; the expected words come from the
project's translations (translations/*.ts).
"""

import ctypes
import ctypes.util
import os
import signal
import subprocess
import sys
import threading
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_signin import (STEP_TIMEOUT, TestFailure, log, read, run_test, screenshot, sh_quote,  # noqa: E402
                          start_sandbox, wait_for)

from gi.repository import Gio, GLib  # noqa: E402

WATCHER = ("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher", "org.kde.StatusNotifierWatcher")
ITEM_INTERFACE = "org.kde.StatusNotifierItem"
MENU_INTERFACE = "com.canonical.dbusmenu"
NOTIFICATIONS = ("org.freedesktop.Notifications", "/org/freedesktop/Notifications", "org.freedesktop.Notifications")
EMAIL = "jane@example.com"


class Texts:
    """The app's words in the language of this run, from translations/webinargeek-connect_LANG.ts."""

    def __init__(self, source_dir, language):
        self.table = {}
        if not language:
            return
        path = os.path.join(source_dir, "translations", "webinargeek-connect_%s.ts" % language)
        for context in ElementTree.parse(path).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.text and translation.get("type") is None:
                    self.table[(name, message.findtext("source"))] = translation.text

    def tr(self, context, source):
        if (context, source) not in self.table and self.table:
            raise TestFailure("no translation of %r (%s)" % (source, context))
        return self.table.get((context, source), source)

    def label(self, context, source):
        """A menu entry's label as dbusmenu carries it: the mnemonic marked with _, not &."""
        return self.tr(context, source).replace("_", "__").replace("&", "_")


class Bus:
    """The session bus, as the tray host and the notification daemon see the app."""

    def __init__(self):
        self.connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    def call(self, destination, path, interface, method, args=None, signature=None):
        parameters = GLib.Variant(signature, args) if signature else None
        reply = self.connection.call_sync(destination, path, interface, method, parameters, None,
                                          Gio.DBusCallFlags.NO_AUTO_START, 10000, None)
        return reply.unpack()

    def property(self, destination, path, interface, name):
        return self.call(destination, path, "org.freedesktop.DBus.Properties", "Get", (interface, name), "(ss)")[0]

    def pid_of(self, name):
        try:
            return self.call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                             "GetConnectionUnixProcessID", (name,), "(s)")[0]
        except GLib.GError:
            return 0


KEYRING_PASSWORD = "wgc-test-keyring"  # tests/with-keyring.sh made the keyring with it


def lock_keyring(bus):
    """Locks the default collection, as a screen lock or the person does."""
    bus.call("org.freedesktop.secrets", "/org/freedesktop/secrets", "org.freedesktop.Secret.Service", "Lock",
             (["/org/freedesktop/secrets/aliases/default"],), "(ao)")


def unlock_keyring(bus):
    """Unlocks it with its password through gnome-keyring's own interface, as Seahorse does
    (the Secret Service's Unlock would prompt)."""
    service = ("org.freedesktop.secrets", "/org/freedesktop/secrets")
    _, session = bus.call(*service, "org.freedesktop.Secret.Service", "OpenSession",
                          ("plain", GLib.Variant("s", "")), "(sv)")
    collection = bus.call(*service, "org.freedesktop.Secret.Service", "ReadAlias", ("default",), "(s)")[0]
    bus.call(*service, "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface", "UnlockWithMasterPassword",
             (collection, (session, b"", KEYRING_PASSWORD.encode(), "text/plain")), "(o(oayays))")


def keyring_prompt():
    """gnome-keyring's unlock prompt (gcr-prompter) on the screen, or None."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", "Gcr-prompter"], capture_output=True,
                           text=True)
    windows = found.stdout.split()
    return windows[0] if windows else None


def answer_prompt(window, key):
    """Presses a key in the prompt as a person does: the focus on it first, then the key from
    the keyboard (XTest). Not `key --window`: that sends press and release to the window itself,
    and when the press closes the prompt quickly the release finds no window (BadWindow)."""
    subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
    subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)


class NotificationLog:
    """Every call to and signal of org.freedesktop.Notifications, seen by a bus monitor
    (org.freedesktop.DBus.Monitoring): Notify with the id dunst answered, CloseNotification,
    ActionInvoked, NotificationClosed."""

    def __init__(self, bus):
        address = Gio.dbus_address_get_for_bus_sync(Gio.BusType.SESSION, None)
        self.monitor = Gio.DBusConnection.new_for_address_sync(
            address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
            None, None)
        self.lock = threading.Lock()
        self.events = []  # (kind, sender, values)
        self.pending = {}  # Notify's serial -> its event, until the answer names the id
        self.monitoring = False
        self.asked = False
        self.monitor.add_filter(self._filter)
        rules = ["interface='org.freedesktop.Notifications'", "type='method_return'"]
        self.asked = True
        self.monitor.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.Monitoring",
                               "BecomeMonitor", GLib.Variant("(asu)", (rules, 0)), None,
                               Gio.DBusCallFlags.NONE, 10000, None)

    def _filter(self, connection, message, incoming):
        if not self.monitoring:
            # The answer to BecomeMonitor (and the bus's greeting before it) go to GDBus; from
            # then on, every message is only watched: a monitor that answered one would be cut off.
            if message.get_message_type() == Gio.DBusMessageType.METHOD_RETURN and self.asked:
                self.monitoring = True
            return message
        kind = message.get_message_type()
        body = message.get_body()
        values = body.unpack() if body is not None else ()
        with self.lock:
            if kind == Gio.DBusMessageType.METHOD_CALL and message.get_interface() == NOTIFICATIONS[2]:
                event = {"kind": message.get_member(), "sender": message.get_sender(), "values": values}
                self.events.append(event)
                if message.get_member() == "Notify":
                    self.pending[(message.get_sender(), message.get_serial())] = event
            elif kind == Gio.DBusMessageType.METHOD_RETURN:
                event = self.pending.pop((message.get_destination(), message.get_reply_serial()), None)
                if event is not None and values:
                    event["id"] = values[0]
            elif kind == Gio.DBusMessageType.SIGNAL and message.get_interface() == NOTIFICATIONS[2]:
                self.events.append({"kind": message.get_member(), "sender": message.get_sender(), "values": values})
        return None  # a monitor only watches

    def of(self, kind, senders=None):
        with self.lock:
            return [dict(e) for e in self.events if e["kind"] == kind and (senders is None or e["sender"] in senders)]


# ---- X: the window, and a click on dunst's notification

def visible_windows(pid):
    result = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], capture_output=True, text=True)
    return [w for w in result.stdout.split() if w]


def close_window(window):
    """Asks the window to close, as a window manager's close button does (WM_DELETE_WINDOW).
    xdotool's windowclose would destroy it instead."""
    x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11"))
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]

    class ClientMessage(ctypes.Structure):
        _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                    ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                    ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]

    class Event(ctypes.Union):
        _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]

    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.POINTER(Event)]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = x11.XOpenDisplay(None)
    if not display:
        raise TestFailure("cannot open the X display")
    event = Event()
    event.xclient.type = 33  # ClientMessage
    event.xclient.window = int(window)
    event.xclient.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", 0)
    event.xclient.format = 32
    event.xclient.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
    x11.XSendEvent(display, int(window), 0, 0, ctypes.byref(event))
    x11.XFlush(display)
    x11.XCloseDisplay(display)


def click_notification():
    """A left click in the middle of dunst's window, as a person clicks a notification."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--class", "Dunst"], capture_output=True, text=True)
    windows = found.stdout.split()
    if not windows:
        return False
    geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", windows[0]], capture_output=True,
                              text=True).stdout
    values = dict(line.split("=", 1) for line in geometry.split() if "=" in line)
    if int(values["HEIGHT"]) < 20:
        return False  # dunst's window before it draws the notification: a line at the top
    x = int(values["X"]) + int(values["WIDTH"]) // 2
    y = int(values["Y"]) + int(values["HEIGHT"]) // 2
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
    return True


# ---- the sandbox and the session's browser

def install_default_browser(scratch, sandbox_dir):
    """The session's default web browser (a desktop entry and mimeapps.list, which xdg-open reads):
    tests/sandbox/browser.mjs, which signs in as the login named in the file `login` beside it
    (jane when there is none) and consents. Each run appends to browser.log."""
    script = os.path.join(scratch, "test-browser")
    log_path = os.path.join(scratch, "browser.log")
    login_path = os.path.join(scratch, "login")
    with open(script, "w") as f:
        f.write("#!/bin/sh\n# Written by sni_tray.py: the test session's web browser.\n")
        f.write("echo OPENED >> %s\n" % sh_quote(log_path))
        f.write("login=$(cat %s 2>/dev/null || echo jane)\n" % sh_quote(login_path))
        f.write("cd %s && exec node browser.mjs --login \"$login\" \"$1\" >> %s 2>&1\n"
                % (sh_quote(sandbox_dir), sh_quote(log_path)))
    os.chmod(script, 0o755)
    applications = os.path.join(os.environ["XDG_DATA_HOME"], "applications")
    os.makedirs(applications, exist_ok=True)
    with open(os.path.join(applications, "wgc-test-browser.desktop"), "w") as f:
        f.write("[Desktop Entry]\nType=Application\nName=Test browser\nExec=%s %%u\n"
                "MimeType=x-scheme-handler/http;x-scheme-handler/https;\nNoDisplay=true\n" % script)
    os.makedirs(os.environ["XDG_CONFIG_HOME"], exist_ok=True)
    with open(os.path.join(os.environ["XDG_CONFIG_HOME"], "mimeapps.list"), "w") as f:
        f.write("[Default Applications]\nx-scheme-handler/http=wgc-test-browser.desktop\n"
                "x-scheme-handler/https=wgc-test-browser.desktop\n")
    return log_path


def app_environment(base, language):
    env = dict(os.environ)
    env.update({
        "WEBINARGEEK_AUTHORIZE_URL": base + "/oauth/authorize",
        "WEBINARGEEK_TOKEN_URL": base + "/oauth/token",
        "WEBINARGEEK_REVOKE_URL": base + "/oauth/revoke",
        "WEBINARGEEK_API_URL": base + "/api/v2",
        "WEBINARGEEK_CLIENT_ID": "webinargeek-connect-sandbox",
        "QT_QPA_PLATFORM": "xcb",
        "LANGUAGE": language or "en",
    })
    for name in ("WEBINARGEEK_CLIENT_SECRET", "WEBINARGEEK_SCOPE", "BROWSER", "XDG_CURRENT_DESKTOP",
                 "DESKTOP_SESSION", "GNOME_DESKTOP_SESSION_ID", "KDE_FULL_SESSION"):
        env.pop(name, None)
    return env


# ---- the item

class Item:
    def __init__(self, bus, service, path):
        self.bus, self.service, self.path = bus, service, path

    def get(self, name):
        return self.bus.property(self.service, self.path, ITEM_INTERFACE, name)

    def tooltip(self):
        icon, images, title, text = self.get("ToolTip")
        return "\n".join(part for part in (title, text) if part)

    def icon(self):
        """The icon's pixels at 22x22 (what a panel shows), as ARGB32 bytes."""
        pixmaps = self.get("IconPixmap")
        for width, height, data in pixmaps:
            if width == 22 and height == 22:
                return bytes(data)
        raise TestFailure("no 22x22 icon among %r" % [(w, h) for w, h, _ in pixmaps])

    def menu(self):
        """The menu's entries: label -> (id, enabled), separators left out."""
        path = self.get("Menu")
        revision, (root, props, children) = self.bus.call(self.service, path, MENU_INTERFACE, "GetLayout",
                                                          (0, -1, []), "(iias)")
        entries = {}
        for child in children:
            ident, properties, _ = child
            if properties.get("type") == "separator" or not properties.get("visible", True):
                continue
            entries[properties.get("label", "")] = (ident, properties.get("enabled", True))
        return entries

    def submenus(self):
        """The visible submenus: label -> (toggle-state, {entry label -> (id, enabled)})."""
        path = self.get("Menu")
        revision, (root, props, children) = self.bus.call(self.service, path, MENU_INTERFACE, "GetLayout",
                                                          (0, -1, []), "(iias)")
        found = {}
        for ident, properties, grandchildren in children:
            if properties.get("children-display") != "submenu" or not properties.get("visible", True):
                continue
            if properties.get("toggle-type") != "radio":
                raise TestFailure("the submenu %r is not a radio item: %r" % (properties.get("label"), properties))
            entries = {}
            for child_id, child_properties, _ in grandchildren:
                if child_properties.get("type") == "separator" or not child_properties.get("visible", True):
                    continue
                entries[child_properties.get("label", "")] = (child_id, child_properties.get("enabled", True))
            found[properties.get("label", "")] = (properties.get("toggle-state"), entries)
        return found

    def click_in(self, submenu, label):
        menus = self.submenus()
        if submenu not in menus:
            raise TestFailure("the menu has no submenu %r: %r" % (submenu, sorted(menus)))
        entries = menus[submenu][1]
        if label not in entries or not entries[label][1]:
            raise TestFailure("%r has no enabled %r: %r" % (submenu, label, entries))
        self.bus.call(self.service, self.get("Menu"), MENU_INTERFACE, "Event",
                      (entries[label][0], "clicked", GLib.Variant("i", 0), 0), "(isvu)")

    def click(self, label):
        entries = self.menu()
        if label not in entries:
            raise TestFailure("the menu has no %r: %r" % (label, sorted(entries)))
        ident, enabled = entries[label]
        if not enabled:
            raise TestFailure("%r is disabled in the menu" % label)
        self.bus.call(self.service, self.get("Menu"), MENU_INTERFACE, "Event",
                      (ident, "clicked", GLib.Variant("i", 0), 0), "(isvu)")


def centre_colour(icon):
    """(red, green, blue) in the middle of a 22x22 ARGB32 icon (big-endian, as SNI sends it)."""
    offset = (11 * 22 + 11) * 4
    return icon[offset + 1], icon[offset + 2], icon[offset + 3]


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: sni_tray.py APP_EXECUTABLE SOURCE_DIR SCREENSHOT_DIR")
    app_path, source_dir, shots_dir = (os.path.abspath(a) for a in sys.argv[1:])
    if os.environ.get("WGC_SNI") != "1" or not os.environ.get("WGC_KEYRING_INNER"):
        sys.exit("sni_tray.py: run it inside tests/with-desktop.sh --sni")
    os.makedirs(shots_dir, exist_ok=True)
    scratch = os.path.join(os.environ["XDG_RUNTIME_DIR"], "sni-tray")

    def desktop_logs():
        for name in ("watcher.log", "host.log", "dunst.log"):
            text = read(os.path.join(os.environ["XDG_RUNTIME_DIR"], "sni", name))
            log("---- %s\n%s" % (name, "\n".join(text.splitlines()[-15:])))

    return run_test(scratch, lambda processes: run(processes, app_path, source_dir, shots_dir, scratch), desktop_logs)


def run(processes, app_path, source_dir, shots_dir, scratch):
    language = os.environ.get("WGC_TEST_LANGUAGE", "")
    texts = Texts(source_dir, language)
    tray = lambda s: texts.label("TrayIndicator", s)  # noqa: E731
    status = lambda s: texts.tr("TrayStatus", s)  # noqa: E731
    sandbox_dir = os.path.join(source_dir, "tests", "sandbox")
    bus = Bus()
    notifications = NotificationLog(bus)

    sandbox, base = start_sandbox(processes, sandbox_dir, 0, "sandbox")
    port = int(base.rsplit(":", 1)[1].split("/")[0])
    log("sandbox ready at %s" % base)
    browser_log = install_default_browser(scratch, sandbox_dir)
    # Hidden in the tray at start, as at login.
    app = processes.start("app", [app_path, "--background"], env=app_environment(base, language))

    def alive(probe):
        def checked():
            if app.poll() is not None:
                raise TestFailure("the app exited with %s" % app.returncode)
            return probe()
        return checked

    # ---- registered with the watcher
    def registered():
        for entry in bus.property(*WATCHER, "RegisteredStatusNotifierItems"):
            service, _, path = entry.partition("/")
            if bus.pid_of(service) == app.pid:
                return service, "/" + path if path else "/StatusNotifierItem"
        return None

    service, path = wait_for("the app's item among the watcher's RegisteredStatusNotifierItems",
                             alive(registered), 60)
    item = Item(bus, service, path)
    log("registered: %s %s (Id %r, Category %r)" % (service, path, item.get("Id"), item.get("Category")))
    if item.get("Category") != "ApplicationStatus":
        raise TestFailure("Category is %r" % item.get("Category"))
    app_connections = {service}

    def check_state(what, headline, menu_has, icon_not=(), timeout=STEP_TIMEOUT):
        """Waits until the item shows `headline` in its tooltip, with an icon unlike those of
        `icon_not` and the entries `menu_has` in its menu, all read together (the session may
        move on between two reads: a retry starts, say). Returns the icon."""
        seen = {}

        def shows():
            seen["tooltip"], seen["icon"], seen["menu"] = item.tooltip(), item.icon(), item.menu()
            # Qt keeps the item Active in every state (QSystemTrayIcon has no call for Passive),
            # so that a host never hides it.
            seen["status"] = item.get("Status")
            seen["same as"] = [name for name, other in icon_not if seen["icon"] == other]
            seen["missing"] = [label for label in menu_has if label not in seen["menu"]]
            return (headline in seen["tooltip"] and seen["status"] == "Active" and not seen["same as"]
                    and not seen["missing"])

        try:
            wait_for("%s: the tooltip to say %r" % (what, headline), alive(shows), timeout)
        except TestFailure as failure:
            raise TestFailure("%s; tooltip %r, Status %r, icon the same as when %r, missing in the menu %r"
                              % (failure, seen.get("tooltip"), seen.get("status"), seen.get("same as"),
                                 seen.get("missing")))
        log("%s: tooltip %r, menu %r" % (what, seen["tooltip"].replace("\n", " | "), sorted(seen["menu"])))
        return seen["icon"]

    def click(label):
        """Clicks a menu entry once it is enabled (a retry in progress disables Refresh now)."""
        wait_for("%r to be enabled in the menu" % label, alive(lambda: item.menu().get(label, (0, False))[1]))
        item.click(label)

    # ---- signed out, hidden in the tray
    signed_out = check_state("signed out", status("Signed out"),
                             [tray("&Open WebinarGeek Connect"), tray("&Refresh now"), tray("&Sign in"),
                              tray("&Quit")])
    if item.menu()[tray("&Refresh now")][1]:
        raise TestFailure("Refresh now is enabled with nobody signed in")
    if visible_windows(app.pid):
        raise TestFailure("the window shows although the app started with --background")

    # Open shows the window.
    click(tray("&Open WebinarGeek Connect"))
    windows = wait_for("the window to show after Open", alive(lambda: visible_windows(app.pid)))
    log("Open showed window %s" % windows)
    screenshot(shots_dir, "sni-window-open")
    close_window(windows[0])
    wait_for("the window to hide to the tray when closed", alive(lambda: not visible_windows(app.pid)))
    if app.poll() is not None:
        raise TestFailure("closing the window ended the app (%s) although the tray is there" % app.returncode)

    # ---- Sign in from the menu: the session's browser signs in.
    click(tray("&Sign in"))
    wait_for("the browser to be opened", lambda: "OPENED" in read(browser_log))
    signed_in = check_state("signed in", status("Connected"), [tray("Sign &out"), tray("&Refresh now")],
                            [("signed out", signed_out)])
    wait_for("the tooltip to name the account", alive(lambda: EMAIL in item.tooltip()))
    red, green, blue = centre_colour(signed_in)
    if not (green > red and green > blue):
        raise TestFailure("the signed-in icon is not green in the middle: %r" % ((red, green, blue),))
    if not item.menu()[tray("&Refresh now")][1]:
        raise TestFailure("Refresh now is disabled while signed in")
    screenshot(shots_dir, "sni-signed-in")

    # ---- Refreshing: the sandbox stops answering mid-refresh.
    sandbox.send_signal(signal.SIGSTOP)
    click(tray("&Refresh now"))
    refreshing = check_state("refreshing", status("Refreshing the token…"), [tray("Sign &out")],
                             [("signed out", signed_out), ("signed in", signed_in)])

    # ---- Offline: the sandbox is gone; Refresh now again tries and stays quiet.
    sandbox.send_signal(signal.SIGKILL)
    sandbox.wait(10)
    offline = check_state("offline", status("Offline, retrying"), [tray("Sign &out")],
                          [("signed out", signed_out), ("signed in", signed_in), ("refreshing", refreshing)])
    click(tray("&Refresh now"))
    wait_for("another attempt to fail", alive(lambda: status("Offline, retrying") in item.tooltip()))

    # ---- Needs sign-in: the sandbox is back without its memory, so the grant is unknown.
    sandbox, _ = start_sandbox(processes, sandbox_dir, port, "sandbox-again")
    click(tray("&Refresh now"))
    # The click, or else the next retry, finds the sandbox back.
    needs = check_state("needs sign-in", status("Needs sign-in"), [tray("&Sign in")],
                        [("signed out", signed_out), ("signed in", signed_in), ("refreshing", refreshing)], 120)
    if needs != offline:
        raise TestFailure("needs sign-in and offline have different icons: both need attention")

    # One notification for the event, none for the offline attempts before it.
    notify_title = texts.tr("NotificationPolicy", "Sign in again")
    told = wait_for("a notification", lambda: notifications.of("Notify") or None)
    if len(told) != 1:
        raise TestFailure("%d notifications, expected 1: %r" % (len(told), [t["values"][3] for t in told]))
    app_name, replaces, icon_name, title, body, actions, hints, timeout = told[0]["values"]
    app_connections.add(told[0]["sender"])
    if bus.pid_of(told[0]["sender"]) != app.pid:
        raise TestFailure("the notification did not come from the app")
    if title != notify_title or EMAIL not in body:
        raise TestFailure("the notification says %r / %r: not %r naming %s" % (title, body, notify_title, EMAIL))
    sign_in_button = texts.tr("TrayIndicator", "Sign in")
    if actions != ["default", sign_in_button]:
        raise TestFailure("the notification's actions are %r, expected a click and %r" % (actions, sign_in_button))
    if hints.get("urgency") != 2:
        raise TestFailure("the notification's urgency is %r, expected critical (2)" % hints.get("urgency"))
    first_id = wait_for("dunst to answer with the notification's id", lambda: notifications.of("Notify")[0].get("id"))
    log("notified (id %d): %r / %r, actions %r" % (first_id, title, body, actions))
    screenshot(shots_dir, "sni-notification")

    # Signing in from the menu withdraws it.
    click(tray("&Sign in"))
    wait_for("the notification to be withdrawn (CloseNotification %d)" % first_id,
             lambda: any(c["values"] == (first_id,) for c in notifications.of("CloseNotification", app_connections)))
    closed = wait_for("dunst to report it closed",
                      lambda: [c for c in notifications.of("NotificationClosed") if c["values"][0] == first_id])
    log("withdrawn: NotificationClosed %r" % (closed[0]["values"],))
    check_state("signed in again", status("Connected"), [tray("Sign &out")])
    if len(notifications.of("Notify")) != 1:
        raise TestFailure("more than one notification for one rejection: %r"
                          % [n["values"][3] for n in notifications.of("Notify")])

    # ---- Rejected again, with the window hidden: a click on the notification shows the window
    # and starts the sign-in.
    for window in visible_windows(app.pid):
        close_window(window)
    wait_for("the window to hide", alive(lambda: not visible_windows(app.pid)))
    sandbox.send_signal(signal.SIGKILL)
    sandbox.wait(10)
    sandbox, _ = start_sandbox(processes, sandbox_dir, port, "sandbox-third")
    opened_before = read(browser_log).count("OPENED")
    click(tray("&Refresh now"))
    check_state("needs sign-in again", status("Needs sign-in"), [tray("&Sign in")])
    second = wait_for("a second notification", lambda: len(notifications.of("Notify")) == 2
                      and notifications.of("Notify")[1].get("id"))
    wait_for("dunst's notification window", lambda: click_notification())
    invoked = wait_for("dunst to report the click",
                       lambda: [a for a in notifications.of("ActionInvoked") if a["values"][0] == second])
    log("clicked: ActionInvoked %r" % (invoked[0]["values"],))
    wait_for("the window to show after the click", alive(lambda: visible_windows(app.pid)))
    wait_for("the sign-in to open the browser", lambda: read(browser_log).count("OPENED") > opened_before)
    check_state("signed in after the click", status("Connected"), [tray("Sign &out")])
    wait_for("the tooltip to name the account", alive(lambda: EMAIL in item.tooltip()))
    screenshot(shots_dir, "sni-signed-in-again")

    # ---- Keychain unavailable: the keyring is locked under the app. Refresh now reads it again,
    # and gnome-keyring asks for its password (gcr-prompter, a real window); the person cancels.
    lock_keyring(bus)
    click(tray("&Refresh now"))
    prompt = wait_for("gnome-keyring's unlock prompt", keyring_prompt)
    screenshot(shots_dir, "sni-keyring-prompt")
    answer_prompt(prompt, "Escape")
    locked = check_state("keychain unavailable", status("Keychain unavailable"), [tray("Sign &out")],
                         [("signed in", signed_in), ("signed out", signed_out)])
    if locked != needs:
        raise TestFailure("keychain unavailable and needs sign-in have different icons: both need attention")
    # What to do, in the app's words, under the headline; the account is still named.
    advice = texts.tr("TrayStatus", "The system keychain cannot be read; unlock it or start it.")
    tooltip = item.tooltip()
    if advice not in tooltip:
        raise TestFailure("the tooltip does not say what to do about the keychain (%r): %r" % (advice, tooltip))
    if EMAIL not in tooltip:
        raise TestFailure("the tooltip no longer names the account while the keychain is locked: %r" % tooltip)
    screenshot(shots_dir, "sni-keychain-unavailable")

    # The app does not prompt again by itself (its retries stay quiet). The person unlocks the
    # keyring (in Seahorse, say), then chooses Refresh now: connected again.
    unlock_keyring(bus)
    click(tray("&Refresh now"))
    check_state("keychain unlocked again", status("Connected"), [tray("Sign &out")])

    # ---- A second account, added from the menu: John's.
    with open(os.path.join(scratch, "login"), "w") as f:
        f.write("john\n")
    opened_before = read(browser_log).count("OPENED")
    click(tray("&Add account…"))
    wait_for("the browser to be opened for the new account",
             lambda: read(browser_log).count("OPENED") > opened_before)
    company = "Sandbox Webinars B.V."

    def line(email, state):
        """An account's line in the tooltip and its submenu's label."""
        return (texts.tr("TrayStatus", "%1: %2").replace("%1", texts.tr("Accounts", "%1 (%2)")
                                                          .replace("%1", email).replace("%2", company))
                .replace("%2", status(state)))

    jane_line, john_line = line(EMAIL, "Connected"), line("john@example.com", "Connected")
    seen = {}

    def both_listed():
        seen["tooltip"], seen["submenus"] = item.tooltip(), item.submenus()
        return (jane_line in seen["tooltip"] and john_line in seen["tooltip"]
                and sorted(seen["submenus"]) == sorted([jane_line, john_line]))

    try:
        wait_for("both accounts in the tooltip and the menu", alive(both_listed))
    except TestFailure as failure:
        raise TestFailure("%s; tooltip %r, submenus %r" % (failure, seen.get("tooltip"), seen.get("submenus")))
    log("two accounts: tooltip %r, submenus %r" % (seen["tooltip"].replace("\n", " | "), seen["submenus"]))
    # The one account's entries have left the top level; the new account is the active one.
    if tray("&Refresh now") in item.menu() or tray("Sign &out") in item.menu():
        raise TestFailure("the top level still has one account's entries: %r" % sorted(item.menu()))
    menus = item.submenus()
    if (menus[john_line][0], menus[jane_line][0]) != (1, 0):
        raise TestFailure("the active account is not John's alone: %r" % menus)
    for label in (tray("&Refresh now"), tray("Sign &out")):
        if label not in menus[jane_line][1]:
            raise TestFailure("Jane's submenu has no %r: %r" % (label, menus[jane_line][1]))
    if tray("&Make active") in menus[john_line][1]:
        raise TestFailure("the active account's submenu offers Make active: %r" % menus[john_line][1])
    screenshot(shots_dir, "sni-two-accounts")

    # Make active moves the radio to Jane's account.
    item.click_in(jane_line, tray("&Make active"))
    wait_for("Jane's account to be the active one",
             alive(lambda: (item.submenus()[jane_line][0], item.submenus()[john_line][0]) == (1, 0)))
    # Sign out in John's submenu: one account again, and the menu as it was with one.
    item.click_in(john_line, tray("Sign &out"))
    wait_for("the tooltip to name Jane's account alone",
             alive(lambda: EMAIL in item.tooltip() and "john@" not in item.tooltip() and not item.submenus()))
    check_state("John's account signed out", status("Connected"), [tray("Sign &out"), tray("&Refresh now")])
    log("one account again: tooltip %r" % item.tooltip().replace("\n", " | "))

    # ---- Quit quits, and the item goes from the watcher.
    click(tray("&Quit"))
    try:
        app.wait(15)
    except subprocess.TimeoutExpired:
        raise TestFailure("the app did not quit within 15 s of Quit")
    if app.returncode != 0:
        raise TestFailure("the app ended with %s after Quit" % app.returncode)
    wait_for("the item to leave the watcher", lambda: registered() is None)
    log("Quit: the app ended (exit 0) and its item left the watcher")


if __name__ == "__main__":
    sys.exit(main())
