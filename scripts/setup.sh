#!/bin/sh
# Set up Sourcebook in ./.venv on Debian or Ubuntu: the system libraries Qt needs, then the package.
#   sh scripts/setup.sh app    - what the app needs
#   sh scripts/setup.sh test   - that, plus the test tools (pytest, pytest-qt, hypothesis, pdftotext)
set -eu
mode=${1:-app}
cd "$(dirname "$0")/.."

# Qt's xcb platform plugin and its GL/font/D-Bus libraries; pdftotext for the PDF tests.
qt_libs="libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1 fonts-dejavu-core"
debs="python3-venv python3-pip $qt_libs"
[ "$mode" = test ] && debs="$debs poppler-utils"

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo=sudo; else
    echo "setup: not root and no sudo: install these Debian packages first: $debs" >&2; sudo=false; fi
  if [ "$sudo" != false ]; then
    $sudo apt-get update -q >/dev/null
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $debs >/dev/null
  fi
else
  echo "setup: no apt-get here; install Python 3.11+ with venv and Qt 6's system libraries ($qt_libs) yourself" >&2
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
if [ "$mode" = test ]; then
  .venv/bin/pip install -q --disable-pip-version-check ".[test]"
else
  .venv/bin/pip install -q --disable-pip-version-check .
fi
echo "setup: Sourcebook installed in .venv ($mode)" >&2
