"""``workshop lab`` and ``workshop app`` serve the course on localhost (real servers)."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from serving import fetch, serving, wait_for

from workshop_lib import data, groups, i18n, servers, workspace

pytestmark = pytest.mark.slow

OUTPUT_JSON = re.compile(
    r'<script type="application/vnd.voila.cell-output\+json">\s*(.*?)\s*</script>', re.S
)


def workshop_command() -> list[str]:
    exe = shutil.which("workshop")
    return [exe] if exe else [sys.executable, "-m", "workshop_lib"]


def test_lab_serves_jupyterlab_within_40_seconds(tmp_path):
    root = tmp_path / "ws"
    port = 18931
    with serving(
        [*workshop_command(), "lab", str(root), "--no-browser", "--port", str(port)], cwd=tmp_path
    ) as process:
        wait_for(f"http://127.0.0.1:{port}/api", 40, process)
        status, body = fetch(f"http://127.0.0.1:{port}/api")
        assert status == 200 and '"version"' in body
    assert (root / "notebooks" / "zh" / "00_welcome.ipynb").is_file()
    first = process.stdout.readline().strip()
    assert first.startswith(f"工作区：{root}；"), first


def test_app_renders_the_welcome_page_code_free(tmp_path):
    root = tmp_path / "ws"
    port = 18932
    with serving(
        [
            *workshop_command(),
            "--lang",
            "en",
            "app",
            str(root),
            "--no-browser",
            "--port",
            str(port),
        ],
        cwd=tmp_path,
    ) as process:
        wait_for(f"http://127.0.0.1:{port}/", 60, process)
        status, body = fetch(
            f"http://127.0.0.1:{port}/voila/render/notebooks/en/00_welcome.ipynb", timeout=120
        )
    assert status == 200
    assert "Welcome to the Marketing Excellence workshop" in html.unescape(body)
    outputs = [json.loads(m) for m in OUTPUT_JSON.findall(body)]
    plain = [o["data"]["text/plain"] for o in outputs if "data" in o]
    # the live check ran in the kernel, in the language the app was started with
    assert any(p.startswith("Pre-workshop laptop check") for p in plain)
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert "doctor.report()" not in body  # no code on the page


def test_a_kernel_of_lab_loads_the_data_chosen_with_data_use(tmp_path, monkeypatch):
    """Outside a checkout, ``data use X`` and the kernels of ``lab`` agree on the workspace."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for var in (workspace.HOME_ENV_VAR, groups.GROUPS_ENV_VAR, "WORKSHOP_DATA", "WORKSHOP_LANG"):
        monkeypatch.delenv(var, raising=False)
    (tmp_path / "home").mkdir()
    here = tmp_path / "class"
    here.mkdir()
    client = tmp_path / "acme"
    client.mkdir()
    data.load_sample("hcps").head(100).to_csv(client / "hcps.csv", index=False)

    def workshop(*args: str) -> list[str]:
        done = subprocess.run(
            [*workshop_command(), "--lang", "en", *args],
            cwd=here,
            env=dict(os.environ),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout.splitlines()

    root = here / workspace.DEFAULT_DIRNAME  # where `workshop lab` run here serves the course
    where = i18n.t("cli.where", "en", root=root, groups=root / "groups")
    assert workshop("data", "use", str(client))[0] == where
    assert workshop("init")[0] == where  # lab prepares the same workspace, then serves it

    from jupyter_client.manager import start_new_kernel

    # as `lab` starts a notebook's kernel: the server's environment, in the notebook's folder
    manager, kernel = start_new_kernel(
        kernel_name="python3", env=servers.environment(root), cwd=str(root / "notebooks" / "en")
    )
    lines: list[str] = []

    def collect(message: dict) -> None:
        if message["msg_type"] == "stream":
            lines.extend(message["content"]["text"].splitlines())
        elif message["msg_type"] == "error":
            lines.append("\n".join(message["content"]["traceback"]))

    try:
        kernel.execute_interactive(
            "from workshop_lib import data, workspace\n"
            "print(workspace.home())\n"
            "print(data.active_folder())\n"
            "print(len(data.load('hcps')))\n",
            output_hook=collect,
            timeout=180,
        )
    finally:
        kernel.stop_channels()
        manager.shutdown_kernel(now=True)
    assert lines == [str(root), str(client), "100"]
