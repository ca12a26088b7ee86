#!/usr/bin/env bash
# Regenerates requirements/lock.txt from pyproject.toml: one set of versions for Linux, Windows
# and macOS, Python 3.11 to 3.13, the package's dependencies and its test extra; then checks
# that every locked package has a wheel for each of those machines (nothing to compile there).
#
#   bash requirements/lock.sh             keeps the versions already locked where they still fit
#   bash requirements/lock.sh --upgrade   moves to the newest releases within pyproject's bounds
#
# Needs uv (python -m pip install uv). After a change, .ci/run must pass on the new lock.
set -euo pipefail
cd "$(dirname "$0")/.."
lock=requirements/lock.txt

uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
    --constraint requirements/wheels.txt --no-header --quiet --output-file "$lock" "$@"

body=$(cat "$lock")
cat >"$lock" <<HEADER
# The versions the workshop is tested with, on Linux, Windows and macOS, Python 3.11 to 3.13:
# .ci/run installs exactly these in a fresh virtual environment and runs the fast tests on them.
# Workshop machines install them with:  python -m pip install -c requirements/lock.txt .
# Generated from pyproject.toml by requirements/lock.sh (uv pip compile --universal); do not edit.
$body
HEADER

for platform in x86_64-unknown-linux-gnu x86_64-pc-windows-msvc aarch64-apple-darwin \
    x86_64-apple-darwin; do
    for python in 3.11 3.12 3.13; do
        uv pip compile pyproject.toml --extra test --constraint "$lock" --only-binary :all: \
            --python-platform "$platform" --python-version "$python" --quiet >/dev/null ||
            { echo "no wheel of a locked version for $platform, Python $python" >&2; exit 1; }
    done
done
