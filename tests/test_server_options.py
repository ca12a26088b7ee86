"""Server options for classrooms and tests: a fixed Lab token, preheated Voilà pages."""

from __future__ import annotations

import os
import re
from pathlib import Path

from workshop_lib import cli, servers
from workshop_lib.canvas import session


def test_lab_takes_a_fixed_token_only_when_asked(tmp_path):
    assert not any(p.startswith("--IdentityProvider") for p in servers.lab_command(tmp_path))
    command = servers.lab_command(tmp_path, token="s3cret")
    assert "--IdentityProvider.token=s3cret" in command


def test_the_lab_verb_passes_its_token_on(tmp_path, monkeypatch):
    started = {}

    def run(command: list[str], root) -> int:
        started["cmd"] = command
        return 0

    monkeypatch.setattr(servers, "run", run)
    assert cli.main(["lab", str(tmp_path / "ws"), "--no-browser", "--token", "abc"]) == 0
    assert "--IdentityProvider.token=abc" in started["cmd"]


def _denylist(command: list[str]) -> re.Pattern:
    (option,) = [p for p in command if p.startswith("--VoilaKernelManager.preheat_denylist=")]
    return re.compile(option.split("=", 1)[1])


def test_voila_preheats_the_active_editions_notebooks_only(tmp_path):
    denied = _denylist(servers.app_command(tmp_path))
    # Voilà matches the pattern against absolute or workspace-relative notebook paths
    for name in ("notebooks/zh/01_market_scope.ipynb", f"{tmp_path}/notebooks/zh/00_welcome.ipynb"):
        assert not denied.match(name)
    for name in (
        "notebooks/en/01_market_scope.ipynb",
        f"{tmp_path}/exercises/zh/01_market_scope.ipynb",
        f"{tmp_path}/solutions/zh/01_market_scope.ipynb",
        f"{tmp_path}/notebooks/zh/extra/01.ipynb",
    ):
        assert denied.match(name), name


def test_voila_without_preheating(tmp_path):
    command = servers.app_command(tmp_path, preheat=False)
    assert not any(p.startswith(("--preheat", "--VoilaKernelManager")) for p in command)
    assert "--Voila.ip=127.0.0.1" in command


def test_waiting_for_the_page_returns_at_once_outside_a_preheated_kernel(monkeypatch):
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    session.wait_for_page()
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    session.wait_for_page()


def test_voila_uses_the_courses_template_found_through_jupyter_path(tmp_path, monkeypatch):
    import json

    from voila.paths import collect_template_paths

    monkeypatch.setenv("JUPYTER_PATH", "/somewhere/else")
    env = servers.environment(tmp_path)
    first, rest = env["JUPYTER_PATH"].split(os.pathsep, 1)
    assert (Path(first), rest) == (servers.JUPYTER_DATA, "/somewhere/else")
    assert f"--template={servers.VOILA_TEMPLATE}" in servers.app_command(tmp_path)
    folder = servers.JUPYTER_DATA / "voila" / "templates" / servers.VOILA_TEMPLATE
    assert json.loads((folder / "conf.json").read_text())["base_template"] == "lab"
    # Voilà finds the template, then the lab template it builds on
    monkeypatch.setenv("JUPYTER_PATH", env["JUPYTER_PATH"])
    paths = collect_template_paths(["voila", "nbconvert"], servers.VOILA_TEMPLATE, prune=True)
    assert paths[0] == str(folder)
    assert any(p.endswith(os.path.join("voila", "templates", "lab")) for p in paths)
