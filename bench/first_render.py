"""First render of unit 1 in Voilà: from navigation to the diagrams on screen, in Chromium.

Two servers are measured in the same run, one after the other, on a workspace whose group is
already chosen (as on a reloaded page or the second unit of the day): ``workshop app`` as
shipped (preheated kernels) and the baseline, the same server rendering on request (kernel
start, imports, every cell, then the page). For each, the server is left to settle, then unit 1
is opened ``--repeat`` times in a fresh browser page, with time for the pool to refill between
visits. Printed: seconds until the first diagram and until the group's first canvas picture are
visible, and the baseline's time as a ratio over the preheated one. Goal: first diagram <= 5 s.

Run: ``python bench/first_render.py [--repeat 2] [--settle 40]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from workshop_lib import groups, servers, workspace
from workshop_lib.pages import CHROMIUM_QUIET

PAGE = "/voila/render/notebooks/zh/01_market_scope.ipynb"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((servers.HOST, 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, deadline_s: float = 120) -> None:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError("the server exited")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer")


def visit(browser, url: str) -> tuple[float, float]:
    """Seconds from navigation to the first diagram, and to the first canvas picture."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.route(lambda u: not u.startswith(f"http://{servers.HOST}"), lambda r: r.abort())
    start = time.monotonic()
    page.goto(url, wait_until="commit", timeout=180_000)
    page.locator(".jp-OutputArea-output img").first.wait_for(timeout=180_000)
    diagram = time.monotonic() - start
    page.locator("img.widget-image").first.wait_for(timeout=180_000)
    canvas = time.monotonic() - start
    page.close()
    return diagram, canvas


def measure(browser, preheat: bool, repeat: int, settle: float) -> list[tuple[float, float]]:
    with tempfile.TemporaryDirectory(prefix="first-render-") as tmp:
        root = Path(tmp) / "ws"
        workspace.prepare(root)
        groups.open_group("第一组", root / "groups")
        groups.remember("第一组", root)
        port = free_port()
        env = servers.environment(root)
        env.pop(groups.GROUPS_ENV_VAR, None)
        command = servers.app_command(root, port=port, browser=False, preheat=preheat)
        process = subprocess.Popen(
            command,
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            base = f"http://{servers.HOST}:{port}"
            wait_until_up(base + "/", process)
            results = []
            for _ in range(repeat):
                time.sleep(settle)  # a trainer starts the server before the class arrives
                results.append(visit(browser, base + PAGE))
            return results
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=2, help="visits per server (default 2)")
    parser.add_argument(
        "--settle", type=float, default=40, help="seconds before each visit (default 40)"
    )
    args = parser.parse_args()
    chromium = os.environ.get("WORKSHOP_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        print("first-render benchmark skipped: no Chromium (apt-get install chromium)")
        return 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_QUIET))
        try:
            runs = {
                "preheated (as shipped)": measure(browser, True, args.repeat, args.settle),
                "on request (baseline)": measure(browser, False, args.repeat, args.settle),
            }
        finally:
            browser.close()
    medians = {}
    print(f"first render of unit 1 in Voilà, {args.repeat} visit(s) each, median seconds:")
    for name, results in runs.items():
        diagram = statistics.median(r[0] for r in results)
        canvas = statistics.median(r[1] for r in results)
        medians[name] = diagram
        print(f"  {name:24s} first diagram {diagram:5.1f} s, first canvas picture {canvas:5.1f} s")
    preheated, baseline = medians.values()
    print(
        f"  baseline / preheated: {baseline / preheated:.1f}x; goal <= 5 s: "
        f"{'met' if preheated <= 5 else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
