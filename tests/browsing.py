"""Helpers for the browser tests: the system Chromium, a ``workshop`` server, screenshots.

Pages are opened offline (requests that leave 127.0.0.1 are refused, as in a classroom without
internet) and every page records what went wrong in it: uncaught script errors and console
errors. Screenshots go to ``artifacts/browser/`` (ignored by git; CI keeps them as artifacts).
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from serving import serving, wait_for

from workshop_lib import groups
from workshop_lib.pages import CHROMIUM_QUIET

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "browser"

CHROMIUM_ARGS = list(CHROMIUM_QUIET)

FRONT_END_NOISE = (
    # a JupyterLab extension installed for JupyterLab (e.g. jupytext) that Voilà's page
    # cannot load; it does not take part in the course pages
    "/voila/labextensions/",
    # failed requests are recorded with their address by Problems.response
    "Failed to load resource",
    # JupyterLab's debugger panel, when a test restarts the kernel under it
    "Could not restore the debugger state",
)


def chromium_path() -> str | None:
    """The system Chromium (or Chrome), as the workshop's PDF export finds it."""
    named = os.environ.get("WORKSHOP_CHROMIUM")
    if named:
        return named
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    """A TCP port nobody listens on at the moment."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def workshop_command() -> list[str]:
    exe = shutil.which("workshop")
    return [exe] if exe else [sys.executable, "-m", "workshop_lib"]


def server_environment() -> dict[str, str]:
    """The server's environment: the groups' plans in the workspace, not in a shared folder."""
    env = dict(os.environ)
    env.pop(groups.GROUPS_ENV_VAR, None)
    env.pop("WORKSHOP_LANG", None)
    return env


@dataclass
class Server:
    """A running ``workshop`` server: its address and its workspace folder."""

    url: str
    root: Path


@dataclass
class Problems:
    """What went wrong in a page: script errors, console errors (front-end noise aside),
    requests the server refused, and requests that tried to leave the machine."""

    errors: list[str] = field(default_factory=list)
    left_machine: list[str] = field(default_factory=list)

    def refuse(self, route) -> None:
        """Refuse a request for an address off this machine, and note the address."""
        self.left_machine.append(route.request.url)
        route.abort()

    def console(self, message) -> None:
        if message.type == "error" and not any(n in message.text for n in FRONT_END_NOISE):
            self.errors.append(f"console: {message.text}")

    def page_error(self, error) -> None:
        self.errors.append(f"page error: {error}")

    def response(self, response) -> None:
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.request.method} {response.url}")


def start(
    verb: str, tmp_path_factory, ready: str, options: tuple[str, ...] = ()
) -> Iterator[Server]:
    """Run ``workshop <verb> <new workspace> --no-browser --port N`` while the caller needs it.

    ``ready`` is the path that answers 200 once the server is up.
    """
    folder = tmp_path_factory.mktemp(verb)
    root = folder / "ws"
    port = free_port()
    command = [*workshop_command(), verb, str(root), "--no-browser", "--port", str(port), *options]
    url = f"http://127.0.0.1:{port}"
    with serving(command, cwd=folder, env=server_environment()) as process:
        wait_for(url + ready, 120, process)
        yield Server(url, root)


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot as ``artifacts/browser/<name>.png``."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
