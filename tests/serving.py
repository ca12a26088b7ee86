"""Start a ``workshop`` server in its own process group, wait for it, and stop it cleanly."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path


def fetch(url: str, timeout: float = 60.0) -> tuple[int, str]:
    """GET ``url``; return the status code and the body as text (errors included)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


def wait_for(url: str, deadline_s: float, process: subprocess.Popen) -> float:
    """Poll ``url`` until it answers 200; return the seconds it took.

    Raises AssertionError with the server's output when the process dies or time runs out.
    """
    start = time.monotonic()
    while time.monotonic() - start < deadline_s:
        if process.poll() is not None:
            raise AssertionError(f"server exited with {process.returncode}:\n{_output(process)}")
        with contextlib.suppress(OSError):
            if fetch(url, timeout=5)[0] == 200:
                return time.monotonic() - start
        time.sleep(0.25)
    stop(process)
    raise AssertionError(f"{url} did not answer within {deadline_s} s:\n{_output(process)}")


def _output(process: subprocess.Popen) -> str:
    with contextlib.suppress(Exception):
        return process.communicate(timeout=5)[0]
    return ""


def stop(process: subprocess.Popen) -> None:
    """Stop the server and every process it started."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextlib.contextmanager
def serving(
    command: list[str], cwd: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen]:
    """Run ``command`` (a ``workshop lab|app`` call) for the duration of a ``with`` block."""
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env or dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        yield process
    finally:
        stop(process)
