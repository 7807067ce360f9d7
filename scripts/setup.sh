#!/usr/bin/env bash
# Installs what building, running and testing WebinarGeek Connect needs on Debian 12, then
# builds. Idempotent: a second run installs nothing and rebuilds only what changed.
#   scripts/setup.sh            install + build into ./build
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(
    # build
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-networkauth-dev qtkeychain-qt6-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-httpserver-dev qt6-websockets-dev libgl-dev
    # run: the keychain is reached over D-Bus; qtkeychain loads libsecret at run time
    dbus libsecret-1-0 xdg-utils
    # run: Qt's own texts in Dutch and German (qtbase_nl.qm, qtbase_de.qm), which the app loads
    # with its own translations and the language tests require
    qt6-translations-l10n
    # resources/icons/render-png.sh renders the icons' PNGs from their SVGs with rsvg-convert
    librsvg2-bin
    # test: a private Secret Service, a display for the window, the sandbox's runtime
    gnome-keyring libsecret-tools xvfb xauth
    # desktop tests: a tray host, the accessibility bus and its Python client, a real browser,
    # screenshots, the X client library of the start-up benchmark
    trayer at-spi2-core python3-pyatspi chromium imagemagick x11-utils libxcb1-dev ccache
    # the Wayland desktop test (tests/with-wayland.sh): Debian's weston as the compositor (its
    # headless backend, weston-info, weston-screenshooter), Qt's Wayland platform plugin, and
    # ss (iproute2) to see that the app is weston's client
    weston qt6-wayland iproute2
    # the tray as today's desktops host it, over D-Bus (tests/with-desktop.sh --sni): a
    # StatusNotifierWatcher, a standalone host, and dunst as the desktop's notification daemon
    haskell-status-notifier-item-utils haskell-gtk-sni-tray-utils dunst
    # the autostart entry's test checks it with desktop-file-validate
    desktop-file-utils
    # other keychains than gnome-keyring: KeePassXC as the Secret Service (tests/with-keepassxc.sh;
    # xdotool answers the access question Debian's KeePassXC 2.7.4 asks despite its settings), and
    # KDE's kwalletd5 for a KDE session's KWallet (tests/with-kde.sh)
    keepassxc xdotool libkf5wallet-bin
    # scripts/package-check.sh: CPack's .deb (dpkg-shlibdeps from dpkg-dev, file), its checkers
    # (lintian, appstreamcli from appstream, man from man-db), and a clean Debian 12 root to
    # install it in (debootstrap, with the archive's keyring; unshare and setpriv are util-linux)
    dpkg-dev file lintian appstream man-db debootstrap debian-archive-keyring util-linux
    # benchmarks (strace: bench/idle.sh's wake-up trace)
    hyperfine strace
    # scripts/test.sh's sanitizer and fuzzing stages: gcc's ASan/UBSan come with g++; libFuzzer
    # and clang's sanitizer runtimes are in libclang-rt-14-dev, llvm-symbolizer in llvm-14
    clang-14 libclang-rt-14-dev llvm-14
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)

if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    if [[ $(id -u) -ne 0 ]]; then
        echo "setup: installing packages needs root; run as root or with sudo" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v npm >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
fi

# The sandbox's packages, exactly as locked.
sandbox="$root/tests/sandbox"
if [[ ! -d "$sandbox/node_modules" || "$sandbox/package-lock.json" -nt "$sandbox/node_modules/.package-lock.json" ]]; then
    echo "setup: npm ci in tests/sandbox" >&2
    (cd "$sandbox" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [[ ! -f "$root/build/build.ninja" ]]; then
    cmake -S "$root" -B "$root/build" -G Ninja >/dev/null
fi
cmake --build "$root/build"
