#!/usr/bin/env bash
# Install everything the tests need, then run them all.
#
#   ./scripts/test.sh              # everything
#   ./scripts/test.sh -k vectors   # extra arguments go to pytest
#
# Installs the pinned Python packages (requirements-test.txt) and, when it is
# missing, Debian's chromium for the browser tests (needs root or sudo). The
# browser tests never skip: without a browser they fail.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -r requirements-test.txt

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

export NO_MKDOCS_2_WARNING=1
python3 scripts/vendor_assets.py --check
python3 -m ruff check .
python3 -m ruff format --check .
python3 scripts/lint_lessons.py

# pytest exits 5 when it collected nothing; that is a failure too.
status=0
python3 -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests" >&2
fi
exit "$status"
