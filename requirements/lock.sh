#!/usr/bin/env bash
# Regenerates requirements/lock.txt from pyproject.toml: one set of versions for Linux, Windows
# and macOS, Python 3.11 to 3.13, the package's dependencies and its test extra.
#
#   bash requirements/lock.sh             keeps the versions already locked where they still fit
#   bash requirements/lock.sh --upgrade   moves to the newest releases within pyproject's bounds
#
# Needs uv (python -m pip install uv). After a change, .ci/run must pass on the new lock.
set -euo pipefail
cd "$(dirname "$0")/.."
lock=requirements/lock.txt

uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
    --no-header --quiet --output-file "$lock" "$@"

body=$(cat "$lock")
cat >"$lock" <<EOF
# The versions the workshop is tested with, on Linux, Windows and macOS, Python 3.11 to 3.13:
# .ci/run installs exactly these in a fresh virtual environment and runs the fast tests on them.
# Workshop machines install them with:  python -m pip install -c requirements/lock.txt .
# Generated from pyproject.toml by requirements/lock.sh (uv pip compile --universal); do not edit.
$body
EOF
