#!/usr/bin/python3
"""In a KDE session, the window and the command line keep the session in one store: KWallet.

Runs inside tests/with-kde.sh (a KDE Plasma 5 environment with a real kwalletd5 and its wallet
open, gnome-keyring as the Secret Service beside it) inside tests/with-desktop.sh:

    tests/with-desktop.sh tests/with-kde.sh /usr/bin/python3 kde_session.py APP_EXECUTABLE SANDBOX_DIR

1. Outside KDE (no desktop in the environment) `login` signs in as morgan@example.com, which the
   app keeps in the Secret Service: the entry a person brings from another desktop, or from an
   older version. In the KDE session it is a stale entry in a second store, and the command line
   must not answer from it.
2. In the KDE session the window (a real process of the app, under Xvfb, driven over AT-SPI)
   signs in as jane@example.com; KDE's opener (kde-open5, here a stand-in running the sandbox's
   browser) plays the browser. The session lands in KWallet, nothing new in the Secret Service.
3. `status` (text and --json) and `token` answer jane's session, from that KWallet entry: the
   token `token` prints is the one KWallet holds, and the API takes it as jane's.
4. The window signs out: the KWallet entry goes, and `status`/`token` say signed out.
5. The other way round: `login` in the KDE session, and a window started afterwards shows it.

Tokens are never printed; they are compared in this process only.
"""

import base64
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# The AT-SPI helpers of the sign-in test: finding the app and its widgets, pressing buttons.
import atspi_signin as desk  # noqa: E402
from gi.repository import Atspi, Gio, GLib  # noqa: E402

import pyatspi  # noqa: E402

TestFailure = desk.TestFailure
log = desk.log
SERVICE = "WebinarGeek Connect"  # the name the app files its keychain entries under
CLIENT_ID = "webinargeek-connect-sandbox"
WALLET = "kdewallet"
KWALLET_APP_ID = "wgc-kde-session-test"
JANE = "jane@example.com"
MORGAN = "morgan@example.com"


# ---- the session bus

_bus = None


def bus():
    """One connection for the whole test: a Secret Service session belongs to the connection that
    opened it (GLib keeps its shared connection only while someone holds it)."""
    global _bus
    if _bus is None:
        _bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    return _bus


def call(name, path, interface, method, signature=None, args=None, timeout=10000):
    parameters = GLib.Variant(signature, args) if signature else None
    return bus().call_sync(name, path, interface, method, parameters, None, Gio.DBusCallFlags.NO_AUTO_START,
                           timeout, None).unpack()


def owner_pid(name):
    """The process that owns `name` on the bus, or 0. Asked of the bus: never starts anything."""
    try:
        return call("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                    "GetConnectionUnixProcessID", "(s)", (name,))[0]
    except GLib.Error:
        return 0


def program_of(pid):
    try:
        return os.path.basename(os.readlink("/proc/%d/exe" % pid))
    except OSError:
        return ""


class KWallet:
    """The test's own look into the wallet, over kwalletd5's D-Bus interface (org.kde.KWallet)."""

    def __init__(self):
        self.handle = self.call("open", "(sxs)", (WALLET, 0, KWALLET_APP_ID))[0]
        if self.handle < 0:
            raise TestFailure("kwalletd5 did not open %s for the test (%d)" % (WALLET, self.handle))

    @staticmethod
    def call(method, signature, args):
        return call("org.kde.kwalletd5", "/modules/kwalletd5", "org.kde.KWallet", method, signature, args)

    def entries(self):
        """{key: bytes} of the app's folder: what qtkeychain keeps for it."""
        if not self.call("hasFolder", "(iss)", (self.handle, SERVICE, KWALLET_APP_ID))[0]:
            return {}
        keys = self.call("entryList", "(iss)", (self.handle, SERVICE, KWALLET_APP_ID))[0]
        return {key: bytes(self.call("readEntry", "(isss)", (self.handle, SERVICE, key, KWALLET_APP_ID))[0])
                for key in keys}

    def holds(self, secret):
        """Whether an entry of the app holds `secret`, as stored or base64-encoded."""
        needle = secret.encode()
        for value in self.entries().values():
            try:
                decoded = base64.b64decode(value, validate=True)
            except ValueError:
                decoded = b""
            if needle in value or needle in decoded:
                return True
        return False


class SecretService:
    """The Secret Service's items filed under the app's name, as {path: digest of the secret}."""

    NAME = "org.freedesktop.secrets"
    ROOT = "/org/freedesktop/secrets"

    @classmethod
    def items(cls):
        unlocked, locked = call(cls.NAME, cls.ROOT, "org.freedesktop.Secret.Service", "SearchItems", "(a{ss})",
                                ({"server": SERVICE},))
        if locked:
            raise TestFailure("the Secret Service has locked items of the app: %r" % locked)
        if not unlocked:
            return {}
        session = call(cls.NAME, cls.ROOT, "org.freedesktop.Secret.Service", "OpenSession", "(sv)",
                       ("plain", GLib.Variant("s", "")))[1]
        try:
            secrets = call(cls.NAME, cls.ROOT, "org.freedesktop.Secret.Service", "GetSecrets", "(aoo)",
                           (unlocked, session))[0]
        finally:
            call(cls.NAME, session, "org.freedesktop.Secret.Session", "Close")
        return {path: hashlib.sha256(bytes(secret[2])).hexdigest() for path, secret in secrets.items()}


# ---- the app and the sandbox

class Apps:
    def __init__(self, app_path, sandbox_dir, base, scratch):
        self.app_path = app_path
        self.sandbox_dir = sandbox_dir
        self.base = base
        self.scratch = scratch

    def environment(self, kde):
        env = dict(os.environ)
        env.update({
            "WEBINARGEEK_AUTHORIZE_URL": self.base + "/oauth/authorize",
            "WEBINARGEEK_TOKEN_URL": self.base + "/oauth/token",
            "WEBINARGEEK_REVOKE_URL": self.base + "/oauth/revoke",
            "WEBINARGEEK_API_URL": self.base + "/api/v2",
            "WEBINARGEEK_CLIENT_ID": CLIENT_ID,
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_QPA_PLATFORM": "xcb",
            # KDE's opener for links (xdg-open runs kde-open5 in a Plasma 5 session): the stand-in.
            "PATH": os.path.join(self.scratch, "bin") + ":" + os.environ["PATH"],
        })
        for name in ("WEBINARGEEK_CLIENT_SECRET", "WEBINARGEEK_SCOPE", "BROWSER", "DEFAULT_BROWSER"):
            env.pop(name, None)
        if not kde:
            for name in ("XDG_CURRENT_DESKTOP", "KDE_SESSION_VERSION", "KDE_FULL_SESSION", "DESKTOP_SESSION"):
                env.pop(name, None)
        return env

    def run(self, kde, *arguments, timeout=60):
        result = subprocess.run([self.app_path] + list(arguments), env=self.environment(kde),
                                stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
        return result.returncode, result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")

    def status(self, kde):
        code, out, err = self.run(kde, "status", "--json")
        try:
            return code, json.loads(out)
        except ValueError:
            raise TestFailure("status --json printed no JSON (exit %d): %s" % (code, err.strip()[-400:]))

    def token(self, kde):
        """The exit code and what `token` printed on stdout; never printed here."""
        code, out, err = self.run(kde, "token")
        return code, out.strip(), err

    def login(self, kde, login):
        """`login --no-browser`, with the sandbox's browser playing the person."""
        process = subprocess.Popen([self.app_path, "login", "--no-browser", "--timeout", "60"],
                                   env=self.environment(kde), stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        url = process.stdout.readline().decode().strip()
        if not url.startswith("http://127.0.0.1:"):
            process.kill()
            raise TestFailure("login printed no sign-in address: %r %s" % (url, process.stderr.read()[-400:]))
        browser = subprocess.run(["node", "browser.mjs", "--login", login, url], cwd=self.sandbox_dir,
                                 capture_output=True, timeout=90)
        out, err = process.communicate(timeout=60)
        email = login + "@example.com"
        if browser.returncode != 0 or process.returncode != 0 or ("Signed in as " + email).encode() not in err:
            raise TestFailure("login as %s failed (exit %s, browser %s): %s %s" % (
                email, process.returncode, browser.returncode, err.decode()[-400:], browser.stderr.decode()[-200:]))

    def account_of(self, token):
        """(HTTP status, email) the sandbox's API answers for this token."""
        request = urllib.request.Request(self.base + "/api/v2/account", headers={"Authorization": "Bearer " + token})
        try:
            with urllib.request.urlopen(request, timeout=15) as reply:
                return reply.status, json.loads(reply.read()).get("email")
        except urllib.error.HTTPError as error:
            return error.code, None


def install_kde_opener(scratch, sandbox_dir, login):
    """kde-open5 on PATH: the sandbox's browser signs in as `login`; its result goes to a log."""
    bin_dir = os.path.join(scratch, "bin")
    os.makedirs(bin_dir, exist_ok=True)
    opener = os.path.join(bin_dir, "kde-open5")
    result = os.path.join(scratch, "browser.log")
    if os.path.exists(result):
        os.remove(result)
    with open(opener, "w") as f:
        f.write("#!/bin/sh\n# Written by kde_session.py: KDE's link opener for the test session.\n")
        f.write("cd %s && node browser.mjs --login %s \"$1\" > %s.tmp 2>&1\n" % (
            desk.sh_quote(sandbox_dir), desk.sh_quote(login), desk.sh_quote(result)))
        f.write("echo \"EXIT $?\" >> %s.tmp && mv %s.tmp %s\n" % (
            desk.sh_quote(result), desk.sh_quote(result), desk.sh_quote(result)))
    os.chmod(opener, 0o755)
    return result


# ---- the window

class Window:
    def __init__(self, processes, apps, name):
        self.process = processes.start(name, [apps.app_path], env=apps.environment(kde=True))
        self.root = desk.wait_for("the window (pid %d) on the accessibility bus" % self.process.pid,
                                  self.alive(lambda: desk.find_app(self.process.pid)), 60)
        self.root.set_cache_mask(Atspi.Cache.NONE)
        self.sign_in = self.widget(pyatspi.ROLE_PUSH_BUTTON, "Sign in")
        self.sign_out = self.widget(pyatspi.ROLE_PUSH_BUTTON, "Sign out")
        self.email = self.widget(None, "Email")

    def alive(self, probe):
        def checked():
            if self.process.poll() is not None:
                raise TestFailure("the window exited with %s" % self.process.returncode)
            return probe()
        return checked

    def widget(self, role, name):
        return desk.wait_for("a widget named %r" % name, self.alive(lambda: desk.find(self.root, role, name)))

    def enabled(self, button):
        return desk.states(button).contains(pyatspi.STATE_ENABLED)

    def shows_email(self, email, timeout=desk.STEP_TIMEOUT):
        desk.wait_for("the window's Email to show %r" % email,
                      self.alive(lambda: desk.text_of(self.email) == email or None), timeout)

    def quit(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            raise TestFailure("the window did not quit within 15 s of SIGTERM")


# ---- the test

def check(condition, message, problems):
    """A finding that does not stop the test: all of them are reported at the end."""
    if not condition:
        log("PROBLEM: " + message)
        problems.append(message)


def run(processes, app_path, sandbox_dir, scratch):
    problems = []
    kwalletd = int(os.environ["WGC_KWALLETD_PID"])
    if owner_pid("org.kde.kwalletd5") != kwalletd or program_of(kwalletd) != "kwalletd5":
        raise TestFailure("org.kde.kwalletd5 is not the runner's kwalletd5")
    secret_service = owner_pid(SecretService.NAME)
    if program_of(secret_service) != "gnome-keyring-daemon":
        raise TestFailure("the Secret Service is %r, not gnome-keyring" % program_of(secret_service))
    wallet = KWallet()
    log("KWallet (kwalletd5, pid %d) is open; the Secret Service is gnome-keyring (pid %d)"
        % (kwalletd, secret_service))

    sandbox, base = desk.start_sandbox(processes, sandbox_dir)
    log("sandbox ready at %s" % base)
    apps = Apps(app_path, sandbox_dir, base, scratch)
    browser_log = install_kde_opener(scratch, sandbox_dir, "jane")

    # 1. The entry from another desktop: in the Secret Service.
    apps.login(False, "morgan")
    code, status = apps.status(False)
    if code != 0 or (status.get("account") or {}).get("email") != MORGAN:
        raise TestFailure("outside KDE, status does not answer the session just stored (exit %d)" % code)
    stale = SecretService.items()
    if not stale:
        raise TestFailure("outside KDE, login stored nothing in the Secret Service")
    if wallet.entries():
        raise TestFailure("outside KDE, login stored in KWallet")
    log("outside KDE: signed in as %s, %d Secret Service item(s), nothing in KWallet" % (MORGAN, len(stale)))

    # The KDE session, nobody signed in there yet.
    code, status = apps.status(True)
    check(code == 1 and status.get("state") == "signed_out",
          "in the KDE session, before any sign-in there, status --json says %r (exit %d, account %r), "
          "not signed_out: it answers from the Secret Service, not KWallet"
          % (status.get("state"), code, (status.get("account") or {}).get("email")), problems)
    code, token, _ = apps.token(True)
    check(code == 1 and not token,
          "in the KDE session, before any sign-in there, token exits %d%s" % (
              code, " and prints a token" if token else ""), problems)

    # 2. The window signs in.
    window = Window(processes, apps, "window")
    desk.wait_for("Sign in to be enabled", window.alive(lambda: window.enabled(window.sign_in)))
    if window.enabled(window.sign_out):
        check(False, "the KDE window starts signed in (from the Secret Service's entry?), Email %r"
              % desk.text_of(window.email), problems)
        desk.press(window.sign_out, "Sign out")
        desk.wait_for("Sign in to be enabled", window.alive(lambda: window.enabled(window.sign_in)))
    desk.press(window.sign_in, "Sign in")
    log("pressed Sign in over AT-SPI")
    desk.wait_for("Sign out to be enabled after signing in", window.alive(lambda: window.enabled(window.sign_out)),
                  desk.BROWSER_TIMEOUT)
    window.shows_email(JANE)
    # The window has its code before the browser has finished reading the app's page.
    browser_said = desk.wait_for("kde-open5's browser to finish", lambda: desk.read(browser_log))
    if "EXIT 0" not in browser_said:
        raise TestFailure("signed in, but not through kde-open5: %r" % browser_said[-300:])
    log("the window signed in as %s (opened through kde-open5)" % JANE)

    entries = desk.wait_for("the window's session in KWallet", lambda: wallet.entries(), 15)
    log("KWallet holds %d entr%s of the app" % (len(entries), "y" if len(entries) == 1 else "ies"))
    check(SecretService.items() == stale, "the window's sign-in changed the Secret Service", problems)

    # 3. status and token answer the window's session, from KWallet.
    code, status = apps.status(True)
    check(code == 0 and status.get("state") == "signed_in" and (status.get("account") or {}).get("email") == JANE,
          "after the window signed in, status --json says %r for %r (exit %d), not %s"
          % (status.get("state"), (status.get("account") or {}).get("email"), code, JANE), problems)
    code, out, err = apps.run(True, "status")
    check(code == 0 and ("Signed in as " + JANE) in err,
          "after the window signed in, status says (exit %d): %s" % (code, err.strip().splitlines()[:1]), problems)
    code, token, err = apps.token(True)
    check(code == 0 and token, "after the window signed in, token exits %d: %s" % (code, err.strip()[-300:]),
          problems)
    if code == 0 and token:
        http, email = apps.account_of(token)
        check(http == 200 and email == JANE,
              "the token `token` prints is %s's, not %s's (API: %d)" % (email, JANE, http), problems)
        check(wallet.holds(token), "the token `token` prints is not the one KWallet holds", problems)
        check(apps.token(True)[1] == token, "a second `token` printed another token", problems)
    check(SecretService.items() == stale, "status or token changed the Secret Service", problems)

    # 4. The window signs out.
    desk.press(window.sign_out, "Sign out")
    window.shows_email(desk.NONE)
    desk.wait_for("the KWallet entries to go", lambda: not wallet.entries() or None, 15)
    code, status = apps.status(True)
    check(code == 1 and status.get("state") == "signed_out",
          "after the window signed out, status --json says %r for %r (exit %d)"
          % (status.get("state"), (status.get("account") or {}).get("email"), code), problems)
    code, token, _ = apps.token(True)
    check(code == 1 and not token, "after the window signed out, token exits %d%s" % (
        code, " and prints a token" if token else ""), problems)
    window.quit()
    log("the window signed out; KWallet holds nothing of the app")

    # 5. The command line signs in in the KDE session; a window started afterwards shows it.
    apps.login(True, "jane")
    check(bool(wallet.entries()), "login in the KDE session stored nothing in KWallet", problems)
    check(SecretService.items() == stale, "login in the KDE session changed the Secret Service", problems)
    code, token, _ = apps.token(True)
    check(code == 0 and token and wallet.holds(token), "token after login in the KDE session is not KWallet's",
          problems)
    again = Window(processes, apps, "window-again")
    window_shows = True
    try:
        again.shows_email(JANE, 60)
    except TestFailure as failure:
        window_shows = False
        check(False, "a window started after `login` in the KDE session: %s" % failure, problems)
    if window_shows:
        log("a window started after `login` shows %s" % JANE)
    again.quit()
    code, _, err = apps.run(True, "logout")
    check(code == 0 and not wallet.entries(), "logout in the KDE session left KWallet entries (exit %d)" % code,
          problems)

    # Both services are the ones the test started with.
    if owner_pid("org.kde.kwalletd5") != kwalletd or owner_pid(SecretService.NAME) != secret_service:
        raise TestFailure("kwalletd5 or gnome-keyring changed during the test")
    if problems:
        raise TestFailure("%d problem(s):\n  - %s" % (len(problems), "\n  - ".join(problems)))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: kde_session.py APP_EXECUTABLE SANDBOX_DIR")
    app_path, sandbox_dir = (os.path.abspath(a) for a in sys.argv[1:])
    if not os.environ.get("WGC_KWALLETD_PID") or os.environ.get("XDG_CURRENT_DESKTOP") != "KDE":
        sys.exit("kde_session.py: run it inside tests/with-desktop.sh tests/with-kde.sh (a KDE session with KWallet)")
    scratch = tempfile.mkdtemp(prefix="kde-session.", dir=os.environ["XDG_RUNTIME_DIR"])
    return desk.run_test(scratch, lambda processes: run(processes, app_path, sandbox_dir, scratch))


if __name__ == "__main__":
    sys.exit(main())
