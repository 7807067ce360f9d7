#!/usr/bin/python3
"""The tray's menu, for the keyboard and a screen reader, on an XEmbed tray (trayer).

Starts the real app in the private desktop of tests/with-desktop.sh and finds it on the
accessibility bus (AT-SPI). Opens the tray icon's menu with a right click on the icon, as a
person does, and checks that the open menu is in the app's accessibility tree with its entries;
Escape closes it. Then, from the keyboard alone: F10 in the window opens the same menu, and its
Quit (by its mnemonic, Q) ends the app cleanly.

    atspi_tray_menu.py APP_EXECUTABLE SCREENSHOT_DIR

Run it with Debian's /usr/bin/python3 (python3-pyatspi) inside tests/with-desktop.sh. The app
reaches no server (every URL under .invalid): the menu is the same signed out.
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from atspi_signin import (TestFailure, descendants, find_app, log, run_test, screenshot, states,  # noqa: E402
                          wait_for)

import pyatspi  # noqa: E402
from gi.repository import Atspi  # noqa: E402

ENTRIES = ["Open WebinarGeek Connect", "Refresh now", "Sign in", "Quit"]
MENU_ROLES = (pyatspi.ROLE_POPUP_MENU, pyatspi.ROLE_MENU)
KEY_F10, KEY_ESCAPE, KEY_Q = 0xFFC7, 0xFF1B, 0x0071  # X keysyms


def open_menu(root):
    """The app's menu that is showing, as the accessibility tree has it, or None."""
    for node in descendants(root):
        if node.getRole() in MENU_ROLES and states(node).contains(pyatspi.STATE_SHOWING):
            return node
    return None


def entries_of(menu):
    return [menu.getChildAtIndex(i).name for i in range(menu.childCount)
            if menu.getChildAtIndex(i) is not None and menu.getChildAtIndex(i).getRole() == pyatspi.ROLE_MENU_ITEM]


def xdotool(*args):
    return subprocess.run(["xdotool"] + list(args), capture_output=True, text=True).stdout


def geometry(window):
    values = dict(line.split("=", 1) for line in xdotool("getwindowgeometry", "--shell", window).split() if "=" in line)
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def tray_icon_window(pid):
    """The app's small window embedded in trayer: the tray icon."""
    for window in xdotool("search", "--onlyvisible", "--pid", str(pid)).split():
        x, y, width, height = geometry(window)
        if width <= 64 and height <= 64:
            return window, (x + width // 2, y + height // 2)
    return None


def main_window(pid):
    for window in xdotool("search", "--onlyvisible", "--pid", str(pid)).split():
        x, y, width, height = geometry(window)
        if width > 200 and height > 200:
            return window, (x + width // 2, y + height // 2)
    return None


def extents(node):
    """(x, y, width, height) on the screen."""
    box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return box.x, box.y, box.width, box.height


def overlaps(a, b):
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def press(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: atspi_tray_menu.py APP_EXECUTABLE SCREENSHOT_DIR")
    app_path, shots_dir = (os.path.abspath(a) for a in sys.argv[1:])
    if not os.environ.get("WGC_KEYRING_INNER") or not os.environ.get("DISPLAY") or os.environ.get("WGC_SNI"):
        sys.exit("atspi_tray_menu.py: run it inside tests/with-desktop.sh (an XEmbed tray)")
    os.makedirs(shots_dir, exist_ok=True)
    scratch = os.path.join(os.environ["XDG_RUNTIME_DIR"], "atspi-tray-menu")
    return run_test(scratch, lambda processes: run(processes, app_path, shots_dir))


def run(processes, app_path, shots_dir):
    env = dict(os.environ)
    env.update({
        "WEBINARGEEK_AUTHORIZE_URL": "https://auth.example.invalid/oauth/authorize",
        "WEBINARGEEK_TOKEN_URL": "https://auth.example.invalid/oauth/token",
        "WEBINARGEEK_API_URL": "https://api.example.invalid/api/v2",
        "WEBINARGEEK_CLIENT_ID": "webinargeek-connect-tray-menu",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "QT_QPA_PLATFORM": "xcb",
    })
    env.pop("WEBINARGEEK_CLIENT_SECRET", None)
    app = processes.start("app", [app_path], env=env)

    def alive(probe):
        def checked():
            if app.poll() is not None:
                raise TestFailure("the app exited with %s" % app.returncode)
            return probe()
        return checked

    root = wait_for("the app (pid %d) on the accessibility bus" % app.pid, alive(lambda: find_app(app.pid)), 60)
    root.set_cache_mask(Atspi.Cache.NONE)
    window, window_centre = wait_for("the window on screen", alive(lambda: main_window(app.pid)), 60)
    if open_menu(root):
        raise TestFailure("a menu is open before anyone opened one")

    # The mouse: a right click on the tray icon opens its menu; the tree has it while it is open.
    icon, centre = wait_for("the tray icon in trayer", alive(lambda: tray_icon_window(app.pid)), 60)
    xdotool("mousemove", str(centre[0]), str(centre[1]), "click", "3")
    menu = wait_for("the tray icon's menu in the accessibility tree", alive(lambda: open_menu(root)))
    found = wait_for("the menu's entries", alive(lambda: entries_of(menu) == ENTRIES and entries_of(menu)))
    parent = menu.parent
    log("tray icon's menu: %r, a child of %r (%s)" % (found, parent.name if parent else None,
                                                     parent.getRoleName() if parent else "-"))
    screenshot(shots_dir, "tray-menu-open")
    press(KEY_ESCAPE)
    wait_for("Escape to close the menu, and the tree to lose it", alive(lambda: open_menu(root) is None))

    # The keyboard alone: F10 in the window opens the same menu; Q is its Quit.
    xdotool("mousemove", str(window_centre[0]), str(window_centre[1]))
    xdotool("windowfocus", "--sync", window)
    focused = wait_for("a control of the window to have the keyboard focus",
                       alive(lambda: next((node for node in descendants(root)
                                           if states(node).contains(pyatspi.STATE_FOCUSED)), None)))
    heading = wait_for("the window's heading", alive(lambda: next(
        (node for node in descendants(root) if node.getRole() == pyatspi.ROLE_LABEL
         and node.name == "WebinarGeek Connect"), None)))
    focused_box, heading_box = extents(focused), extents(heading)
    press(KEY_F10)
    menu = wait_for("F10 to open the menu in the window", alive(lambda: open_menu(root)))
    if entries_of(menu) != ENTRIES:
        raise TestFailure("the menu F10 opens holds %r, not %r" % (entries_of(menu), ENTRIES))
    # Where it opens: just below the focused control (or above it, near the screen's bottom),
    # covering neither that control nor the heading.
    menu_box = wait_for("the menu to have its place on screen", alive(lambda: extents(menu)[2] > 0 and extents(menu)))
    log("F10: menu at %r; focused %r (%s) at %r; heading at %r"
        % (menu_box, focused.name, focused.getRoleName(), focused_box, heading_box))
    if overlaps(menu_box, heading_box):
        raise TestFailure("the menu F10 opens covers the window's heading: %r over %r" % (menu_box, heading_box))
    if overlaps(menu_box, focused_box):
        raise TestFailure("the menu F10 opens covers the focused control %r" % focused.name)
    if abs(menu_box[1] - (focused_box[1] + focused_box[3])) > 2 and menu_box[1] + menu_box[3] > focused_box[1]:
        raise TestFailure("the menu F10 opens is neither just below nor above the focused control: %r, control %r"
                          % (menu_box, focused_box))
    selected = wait_for("an entry to have the keyboard's focus",
                        alive(lambda: [menu.getChildAtIndex(i).name for i in range(menu.childCount)
                                       if states(menu.getChildAtIndex(i)).contains(pyatspi.STATE_FOCUSED)
                                       or states(menu.getChildAtIndex(i)).contains(pyatspi.STATE_SELECTED)]))
    log("F10 opened the menu, %r selected" % selected)
    screenshot(shots_dir, "tray-menu-keyboard")
    press(KEY_Q)
    try:
        app.wait(15)
    except subprocess.TimeoutExpired:
        raise TestFailure("Q in the menu did not quit the app within 15 s")
    if app.returncode != 0:
        raise TestFailure("the app ended with %s after Quit from the keyboard" % app.returncode)
    log("Quit from the keyboard: the app ended (exit 0)")


if __name__ == "__main__":
    sys.exit(main())
