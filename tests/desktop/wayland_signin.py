#!/usr/bin/python3
"""The window on Wayland, the way a person and a screen reader meet it there.

Starts the sandbox authorization server and the real app in the private Wayland session that
tests/with-wayland.sh makes (weston's headless backend, no X server), checks that the app
talks to weston and to no X server, presses "Sign in" over AT-SPI, and lets Debian's Chromium
sign in and consent (tests/sandbox/chromium.mjs, opened through xdg-open as the session's
default browser). Then it reads the account back from the window and quits with SIGTERM. The
next start shows the account from the keychain; weston's screenshooter takes a picture of the
screen; Sign out clears the account.

    wayland_signin.py APP_EXECUTABLE SANDBOX_DIR SCREENSHOT_DIR

The steps that are the same as on X come from atspi_signin.py. What the X test also does and
this one does not: keys. AT-SPI synthesizes them with XTest, which a Wayland session has not.

Run it with Debian's /usr/bin/python3 (python3-pyatspi) inside tests/with-wayland.sh.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

import atspi_signin as common  # first: it asks gi for the AT-SPI version pyatspi needs
from atspi_signin import TestFailure, log, press, shows, states, text_of, wait_for

import pyatspi
from gi.repository import Atspi


def weston_screenshot(shots_dir, name):
    """The screen as weston composes it: weston-screenshooter (weston's debug protocol) writes
    wayland-screenshot-<time>.png into its working folder."""
    folder = tempfile.mkdtemp(dir=os.environ["XDG_RUNTIME_DIR"])
    try:
        try:
            done = subprocess.run(["weston-screenshooter"], cwd=folder, capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            raise TestFailure("weston-screenshooter did not finish within 60 s")
        taken = [f for f in os.listdir(folder) if f.endswith(".png")]
        if done.returncode != 0 or len(taken) != 1:
            raise TestFailure("weston-screenshooter failed (exit %s, files %r): %s"
                              % (done.returncode, taken, done.stderr.strip()))
        path = os.path.join(shots_dir, name + ".png")
        shutil.move(os.path.join(folder, taken[0]), path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    log("screenshot %s" % path)
    return path


def pixels_changed(before, after):
    """How many pixels differ between two screenshots (ImageMagick's compare)."""
    done = subprocess.run(["compare", "-metric", "AE", before, after, "null:"], capture_output=True, text=True)
    # compare exits 1 when the pictures differ, 2 on an error; the count is on stderr.
    match = re.match(r"\s*(\d+)", done.stderr)
    if done.returncode == 2 or not match:
        raise TestFailure("compare failed: %s" % done.stderr.strip())
    return int(match.group(1))


def socket_inodes(pid):
    inodes = set()
    fd_dir = "/proc/%d/fd" % pid
    for fd in os.listdir(fd_dir):
        try:
            target = os.readlink(os.path.join(fd_dir, fd))
        except OSError:
            continue  # closed meanwhile
        match = re.fullmatch(r"socket:\[(\d+)\]", target)
        if match:
            inodes.add(match.group(1))
    return inodes


def connected_to(pid, socket_path):
    """Whether the process holds a connection to the Unix socket at socket_path: the
    listener's side of each accepted connection names the path and the client's inode."""
    own = socket_inodes(pid)
    listing = subprocess.run(["ss", "-x", "-n", "-a"], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines():
        fields = line.split()
        # Netid State Recv-Q Send-Q Local-Address Port Peer-Address Port
        if len(fields) >= 8 and fields[4] == socket_path and fields[7] in own:
            return True
    return False


def check_on_wayland(app):
    """The app is a client of this weston, and has no X display to fall back to."""
    with open("/proc/%d/environ" % app.pid, "rb") as f:
        environment = dict(entry.split(b"=", 1) for entry in f.read().split(b"\0") if b"=" in entry)
    if b"DISPLAY" in environment:
        raise TestFailure("the app was started with DISPLAY=%r" % environment[b"DISPLAY"].decode())
    if environment.get(b"QT_QPA_PLATFORM") != b"wayland":
        raise TestFailure("the app's QT_QPA_PLATFORM is %r" % environment.get(b"QT_QPA_PLATFORM"))
    socket_path = os.path.join(os.environ["XDG_RUNTIME_DIR"], os.environ["WAYLAND_DISPLAY"])
    if not connected_to(app.pid, socket_path):
        raise TestFailure("the app holds no connection to weston's socket %s" % socket_path)
    log("the app is connected to weston (%s) and has no DISPLAY" % socket_path)


def dump_weston_log():
    lines = common.read(os.environ.get("WGC_WESTON_LOG", "")).splitlines()[-40:]
    log("---- weston.log (last %d lines)" % len(lines))
    for line in lines:
        log("    " + line)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: wayland_signin.py APP_EXECUTABLE SANDBOX_DIR SCREENSHOT_DIR")
    app_path, sandbox_dir, shots_dir = (os.path.abspath(a) for a in sys.argv[1:])
    # The test writes the session's default browser into XDG_CONFIG_HOME: only in a throwaway one.
    if not os.environ.get("WGC_KEYRING_INNER") or not os.environ.get("WGC_WESTON_PID"):
        sys.exit("wayland_signin.py: run it inside tests/with-wayland.sh (a throwaway HOME and weston)")
    os.makedirs(shots_dir, exist_ok=True)
    scratch = os.path.join(os.environ["XDG_RUNTIME_DIR"], "wayland-signin")
    return common.run_test(scratch, lambda processes: run(processes, app_path, sandbox_dir, shots_dir, scratch),
                           dump_weston_log)


class Window:
    """One start of the app on weston, and the widgets of its window on the accessibility bus."""

    def __init__(self, processes, name, app_path, env, sandbox):
        self.app = processes.start(name, [app_path], env=env)
        self.sandbox = sandbox
        found = wait_for("the app (pid %d) on the accessibility bus" % self.app.pid,
                         self.alive(lambda: common.find_app(self.app.pid)), 60)
        # Live values, not a cache kept up to date by events this script does not listen to.
        found.set_cache_mask(Atspi.Cache.NONE)
        log("found %r (pid %d) on the accessibility bus" % (found.name, self.app.pid))
        check_on_wayland(self.app)

        def widget(role, name):
            kind = "push button" if role == pyatspi.ROLE_PUSH_BUTTON else "widget"
            return wait_for("a %s named %r" % (kind, name), self.alive(lambda: common.find(found, role, name)))

        self.sign_in = widget(pyatspi.ROLE_PUSH_BUTTON, "Sign in")
        self.sign_out = widget(pyatspi.ROLE_PUSH_BUTTON, "Sign out")
        self.email = widget(None, "Email")
        self.company = widget(None, "Company")
        self.state = widget(None, "State")

    def alive(self, probe):
        def checked():
            if self.app.poll() is not None:
                raise TestFailure("the app exited with %s" % self.app.returncode)
            if self.sandbox.poll() is not None:
                raise TestFailure("the sandbox exited with %s" % self.sandbox.returncode)
            return probe()
        return checked

    def wait(self, what, probe, timeout=common.STEP_TIMEOUT):
        return wait_for(what, self.alive(probe), timeout)

    def wait_signed_in(self):
        try:
            self.wait("the Email label to show %s" % common.EMAIL, lambda: text_of(self.email) == common.EMAIL or None)
        except TestFailure as failure:
            raise TestFailure("%s; Email shows %s" % (failure, shows(self.email)))
        self.wait("Company to show %s" % common.COMPANY, lambda: text_of(self.company) == common.COMPANY or None)
        self.wait('State to say "Connected"', lambda: text_of(self.state).strip().lower() == "connected")
        self.wait("Sign out to be enabled", lambda: states(self.sign_out).contains(pyatspi.STATE_ENABLED))
        log("signed in: Email %r, Company %r, State %r"
            % (text_of(self.email), text_of(self.company), text_of(self.state)))

    def wait_signed_out(self):
        self.wait("the Email label to show %r" % common.NONE, lambda: text_of(self.email) == common.NONE or None)
        self.wait("Company to show %r" % common.NONE, lambda: text_of(self.company) == common.NONE or None)
        self.wait('State to say "Signed out"', lambda: text_of(self.state).strip().lower() == "signed out")
        self.wait("Sign in to be enabled", lambda: states(self.sign_in).contains(pyatspi.STATE_ENABLED))
        if states(self.sign_out).contains(pyatspi.STATE_ENABLED):
            raise TestFailure("Sign out is enabled with nobody signed in")
        log("signed out: Email %r, State %r" % (text_of(self.email), text_of(self.state)))

    def quit(self):
        """A session ending: SIGTERM quits cleanly on Wayland too."""
        self.app.send_signal(signal.SIGTERM)
        common.expect_clean_exit(self.app, "SIGTERM")


def run(processes, app_path, sandbox_dir, shots_dir, scratch):
    sandbox, base = common.start_sandbox(processes, sandbox_dir)
    log("sandbox ready at %s" % base)
    common.install_default_browser(scratch, sandbox_dir, shots_dir, "wayland-browser", deny=False)
    empty = weston_screenshot(shots_dir, "wayland-desktop")
    env = common.app_environment(base)
    env["QT_QPA_PLATFORM"] = "wayland"
    env.pop("DISPLAY", None)

    # Sign in: the app opens the browser through xdg-open; Chromium signs in and consents.
    first = Window(processes, "app", app_path, env, sandbox)
    first.wait_signed_out()
    press(first.sign_in, "Sign in")
    log("pressed Sign in over AT-SPI")
    first.wait("Sign out to be enabled after signing in in the browser",
               lambda: states(first.sign_out).contains(pyatspi.STATE_ENABLED), common.BROWSER_TIMEOUT)
    first.wait_signed_in()
    chromium_log = os.path.join(scratch, "chromium.log")
    browser_said = wait_for("Chromium to report the app's page",
                            lambda: "\nFINAL " in common.read(chromium_log) and common.read(chromium_log))
    if "opened by test-browser" not in browser_said or "FINAL 200 " not in browser_said:
        raise TestFailure("signed in, but not through the test browser's page: %r" % browser_said[-400:])
    first.quit()

    # The next start finds the session in the keychain and shows the account at once. Its window
    # has the size it opens with, which weston placed fully on the screen.
    again = Window(processes, "app-again", app_path, env, sandbox)
    again.wait_signed_in()
    # What a person sees: weston's own picture of the screen shows the window.
    shown = weston_screenshot(shots_dir, "wayland-signed-in")
    changed = pixels_changed(empty, shown)
    # The window is far larger than 200 x 150 pixels; the panel's clock changes a few hundred.
    if changed < 200 * 150:
        raise TestFailure("weston's screen shows no window: only %d pixels differ from the empty desktop" % changed)
    log("weston's screen shows the window (%d pixels differ from the empty desktop)" % changed)

    press(again.sign_out, "Sign out")
    again.wait_signed_out()
    weston_screenshot(shots_dir, "wayland-signed-out")
    again.quit()


if __name__ == "__main__":
    sys.exit(main())
