"""``workshop lab`` and ``workshop app`` serve the course on localhost (real servers)."""

from __future__ import annotations

import html
import json
import re
import shutil
import sys

import pytest
from serving import fetch, serving, wait_for

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
