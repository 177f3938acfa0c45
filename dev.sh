#!/usr/bin/env bash
# One entry point for developers and CI on Debian/Ubuntu (see README for Windows).
#   bash dev.sh run [PATH] [--lang en]   set up if needed, then open the app (demo district by default)
#   bash dev.sh test [pytest args]       set up if needed, then run the whole test suite headless
#   bash dev.sh bench [NAME]             set up (with benchmark extras), then run bench/ scripts
#   bash dev.sh package                  set up (with packaging extras), then build dist/OldCompoundPlanner/
#   bash dev.sh installer [FOLDER]       NSIS via apt, then the Windows installer of dist/OldCompoundPlanner
#                                        (or FOLDER) into dist/installer/; from the Linux folder it only
#                                        checks packaging/installer.nsi (--fast: zlib, quicker). With
#                                        PACKAGE_SMOKE=1 also wine and the zh_CN.UTF-8 locale, for
#                                        tests/test_installer.py
# Set-up is idempotent: system packages (CJK font, Xvfb/xcb libraries) via apt when missing,
# a virtual environment in .venv, and the project with its dependencies from pyproject.toml.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
VENV=.venv

APT_PACKAGES=(fonts-wqy-microhei xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0
              libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
              libxcb-image0 libxcb-shape0 libegl1 libgl1)

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

apt_setup() {  # [PACKAGE...]: these (default: APT_PACKAGES) when missing
  command -v dpkg >/dev/null 2>&1 || return 0
  local wanted=("$@") missing=()
  [ $# -gt 0 ] || wanted=("${APT_PACKAGES[@]}")
  for p in "${wanted[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

wine_setup() {  # wine runs the 32-bit NSIS installer; Chinese paths need the locale's UTF-8 code page
  command -v dpkg >/dev/null 2>&1 || return 0
  dpkg --print-foreign-architectures | grep -qx i386 || $SUDO dpkg --add-architecture i386
  apt_setup wine wine64 wine32:i386 locales
  locale -a | grep -qix 'zh_CN.utf8' || $SUDO localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
}

venv_setup() {
  local extras=$1
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  local stamp="$VENV/.installed-$extras-$(sha1sum pyproject.toml | cut -c1-12)"
  if [ ! -f "$stamp" ]; then
    echo "Installing Python packages into $VENV (first run takes a few minutes)"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[$extras]"
    touch "$stamp"
  fi
}

cmd=${1:-run}
[ $# -gt 0 ] && shift
case "$cmd" in
  run)
    apt_setup
    venv_setup test
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      out=${OCP_SCREENSHOT:-demo-screenshot.png}
      echo "No display found: opening the app offscreen and saving a screenshot to $out"
      echo "(on a desktop, the same command opens the window)"
      exec "$VENV/bin/python" main.py --screenshot "$out" "$@"
    fi
    exec "$VENV/bin/python" main.py "$@"
    ;;
  test)
    apt_setup
    venv_setup test
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  bench)
    apt_setup
    venv_setup "test,bench"
    if [ $# -gt 0 ]; then
      exec "$VENV/bin/python" "bench/bench_$1.py" "${@:2}"
    fi
    for b in bench/bench_*.py; do echo "== $b"; "$VENV/bin/python" "$b"; done
    ;;
  package)
    apt_setup
    venv_setup "test,package"
    exec "$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist \
      --workpath build/pyinstaller packaging/OldCompoundPlanner.spec "$@"
    ;;
  installer)
    apt_setup nsis
    [ "${PACKAGE_SMOKE:-}" = "1" ] && wine_setup
    py=$PY
    [ -x "$VENV/bin/python" ] && py="$VENV/bin/python"
    exec "$py" tools/build_installer.py "$@"
    ;;
  *)
    echo "usage: bash dev.sh run|test|bench|package|installer [args]" >&2
    exit 2
    ;;
esac
