"""Start JupyterLab or Voilà on a workspace, for one laptop (listening on 127.0.0.1 only).

The command lines are built by pure functions, so they can be checked without starting a
server; :func:`run` starts one and waits for it, passing the workspace and language on to the
notebooks' kernels through the environment (``WORKSHOP_HOME``), so that their data choice,
groups and remembered group are the workspace's (:func:`workshop_lib.workspace.home`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from . import workspace
from .files import write_atomic
from .i18n import get_language

HOST = "127.0.0.1"
DEFAULT_LAB_PORT = 8888
DEFAULT_APP_PORT = 8866

JUPYTER_DATA = Path(__file__).parent / "jupyter_data"
"""Jupyter data files the course brings, put first on ``JUPYTER_PATH`` by :func:`environment`."""

VOILA_TEMPLATE = "workshop"
"""Voilà's lab page without links to a CDN (``jupyter_data/voila/templates/workshop``)."""


def _is_root() -> bool:
    """Whether this process runs as root (containers and hub images often do)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def welcome_path(lang: str | None = None) -> str:
    """The welcome notebook of the active edition, relative to the course root."""
    return f"notebooks/{lang or get_language()}/00_welcome.ipynb"


def lab_command(
    root: Path, *, port: int | None = None, browser: bool = True, token: str | None = None
) -> list[str]:
    """The command line that serves JupyterLab on ``root``, opening at the welcome notebook.

    ``token`` fixes the access token (tests, scripts); by default JupyterLab makes a random one
    and prints the link that carries it.
    """
    return [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.ip={HOST}",
        f"--ServerApp.port={port or DEFAULT_LAB_PORT}",
        f"--ServerApp.open_browser={browser}",
        f"--LabApp.default_url=/lab/tree/{welcome_path()}",
        *([f"--IdentityProvider.token={token}"] if token is not None else []),
        *(["--ServerApp.allow_root=True"] if _is_root() else []),
    ]


def app_command(
    root: Path, *, port: int | None = None, browser: bool = True, preheat: bool = True
) -> list[str]:
    """The command line that serves the course code-free with Voilà, tree at ``root``.

    Pages live under ``/voila/render/<path>``, e.g. ``/voila/render/notebooks/zh/00_welcome.ipynb``.
    With ``preheat`` (the default) the active edition's notebooks are preheated: Voilà keeps one
    kernel per notebook that has already run everything up to the group picker (imports, data,
    the unit's diagrams), so a page appears without waiting for a kernel to start; the picker
    and the canvases wait for the page request
    (:func:`workshop_lib.canvas.session.wait_for_page`), so they show the group remembered at
    that moment.
    """
    return [
        sys.executable,
        "-m",
        "voila",
        str(root),
        f"--Voila.ip={HOST}",
        f"--Voila.port={port or DEFAULT_APP_PORT}",
        f"--Voila.open_browser={browser}",
        f"--template={VOILA_TEMPLATE}",
        "--show_tracebacks=False",
        # Voilà's page asks the server to stop its kernel when it is closed or reloaded, but
        # the page never receives the _xsrf cookie that request must carry, so every visit
        # would leave a kernel running. The server listens on loopback only, has no login,
        # and a kernel can only be stopped by its random id.
        "--Voila.tornado_settings=disable_check_xsrf=True",
        *(
            [
                "--preheat_kernel=True",
                "--pool_size=1",
                # the active edition only (not the other language, exercises, solutions)
                "--VoilaKernelManager.preheat_denylist="
                f"^(?!(.*/)?notebooks/{get_language()}/[^/]+$)",
            ]
            if preheat
            else []
        ),
    ]


LAB_LOCALES = {"zh": "zh_CN", "en": "en"}
"""JupyterLab's own menus follow the course language (the zh_CN language pack is a dependency)."""

_LAB_SETTINGS = {
    # (plugin settings file, settings, rewritten on every start?)
    "@jupyterlab/translation-extension/plugin": (lambda lang: {"locale": LAB_LOCALES[lang]}, True),
    "@jupyterlab/apputils-extension/notification": (
        lambda lang: {"fetchNews": "false", "checkForUpdates": False},
        False,
    ),
}


def lab_settings(root: Path, lang: str | None = None) -> Path:
    """Write the workspace's JupyterLab user settings; return their folder.

    The menus follow the course language on every start; the news pop-up is off unless
    someone turned it back on in this workspace.
    """
    lang = lang or get_language()
    folder = workspace.home(root) / workspace.SETTINGS / "lab-settings"
    for plugin, (settings, always) in _LAB_SETTINGS.items():
        target = folder / f"{plugin}.jupyterlab-settings"
        if always or not target.exists():
            write_atomic(target, json.dumps(settings(lang), indent=2).encode("utf-8"))
    return folder


def environment(root: Path) -> dict[str, str]:
    """The environment for the server and its kernels.

    The workspace (``WORKSHOP_HOME``, so a kernel's :func:`workshop_lib.workspace.home` is
    ``root`` whatever its current folder), the language, the Lab settings, and the course's
    Jupyter data files (the Voilà template) first on ``JUPYTER_PATH``.
    """
    root = workspace.home(root)
    env = dict(os.environ)
    env[workspace.HOME_ENV_VAR] = str(root)
    env["WORKSHOP_LANG"] = get_language()
    env["JUPYTERLAB_SETTINGS_DIR"] = str(lab_settings(root))
    paths = [str(JUPYTER_DATA), env.get("JUPYTER_PATH")]
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, paths))
    return env


def run(command: list[str], root: Path) -> int:
    """Run a server in ``root`` until it exits or the user presses Ctrl+C; return its exit code."""
    process = subprocess.Popen(command, cwd=root, env=environment(root))
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            return process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()
