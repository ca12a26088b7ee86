"""A class on one machine: a real JupyterHub, N users each running unit 1 in their own kernel.

The hub listens on 127.0.0.1 only, with the dummy authenticator and local processes (allowed
here because nothing leaves the loopback; never on a hub people reach, see deploy/). Each user
gets a single-user server from the hub, a kernel through the hub's proxy, and runs every code
cell of ``notebooks/zh/01_market_scope.ipynb`` over the kernel's websocket, then opens a group so
that the unit's canvases are built and drawn. A cell that raises or writes to stderr is a failure.

The baseline, measured in the same run, is one user doing the same alone: the class's total time
is printed as a ratio over it (N users on a 2-core machine cannot beat N/2 times the baseline)
together with the peak memory of each user (their server and kernel, resident set) and the
failures. Everything stops by itself: one overall deadline, and the hub with its servers is
stopped at the end whatever happened.

Needs ``pip install jupyterhub`` (the ``hub`` extra) and ``npm install -g
configurable-http-proxy``; Linux (memory is read from /proc).

Run: ``python bench/classroom.py --users 20 [--deadline 900]``
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "zh" / "01_market_scope.ipynb"
HOST = "127.0.0.1"
CELL_TIMEOUT_S = 300
OPEN_GROUP = "from workshop_lib.canvas.session import workbook\nworkbook().choose({group!r})"

HUB_CONFIG = """\
c = get_config()
c.JupyterHub.ip = {host!r}
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = {host!r}
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://{host}:{proxy_api_port}"
c.JupyterHub.db_url = "sqlite:///{folder}/hub.sqlite"
c.JupyterHub.cookie_secret_file = "{folder}/cookie_secret"
c.ConfigurableHTTPProxy.pid_file = "{folder}/proxy.pid"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.authenticator_class = "dummy"  # loopback-only benchmark
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.Spawner.ip = {host!r}
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {args!r}
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.Spawner.environment = {{
    "WORKSHOP_GROUPS": "{folder}/groups",
    "WORKSHOP_HOME": lambda spawner: "{folder}/home/" + spawner.user.name,
}}
c.SimpleLocalProcessSpawner.home_dir_template = "{folder}/home/{{username}}"
c.JupyterHub.services = [{{"name": "bench", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{
    "name": "bench",
    "scopes": ["admin:users", "admin:servers", "access:servers"],
    "services": ["bench"],
}}]
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Hub:
    """A JupyterHub process on loopback, driven through its REST API with a service token."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.token = secrets.token_hex(16)
        self.port = free_port()
        singleuser = shutil.which("jupyterhub-singleuser") or "jupyterhub-singleuser"
        config = HUB_CONFIG.format(
            host=HOST,
            port=self.port,
            hub_port=free_port(),
            proxy_api_port=free_port(),
            folder=folder,
            singleuser=singleuser,
            # containers and CI often run as root; a server refuses that unless told
            args=["--allow-root"] if os.geteuid() == 0 else [],
            token=self.token,
        )
        (folder / "groups").mkdir()
        (folder / "jupyterhub_config.py").write_text(config)
        self.log = open(folder / "hub.log", "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(folder / "jupyterhub_config.py")],
            cwd=folder,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.url = f"http://{HOST}:{self.port}"

    def api(self, method: str, path: str, body: dict | None = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            f"{self.url}/hub/api{path}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read()
        return json.loads(text) if text else {}

    def wait_ready(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub exited; see {self.folder / 'hub.log'}")
            with contextlib.suppress(OSError, ValueError):
                self.api("GET", "/")
                return
            time.sleep(0.5)
        raise TimeoutError("the hub did not start in time")

    def log_tail(self, lines: int = 30) -> str:
        """The end of the hub's log (it logs the users' servers too)."""
        self.log.flush()
        text = (self.folder / "hub.log").read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the hub (it stops the proxy and the users' servers), then anything left over."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


# -- memory, from /proc ------------------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                tree.setdefault(parent, []).append(int(entry))
    return tree


def _rss(pid: int) -> int:
    with contextlib.suppress(OSError, ValueError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def _user_of(pid: int) -> str | None:
    with contextlib.suppress(OSError):
        for item in Path(f"/proc/{pid}/environ").read_bytes().split(b"\0"):
            if item.startswith(b"JUPYTERHUB_USER="):
                return item.split(b"=", 1)[1].decode()
    return None


class MemoryWatch(threading.Thread):
    """Samples every user's server and kernel (summed resident sets) twice a second."""

    def __init__(self, users: set[str]):
        super().__init__(daemon=True)
        self.users = users
        self.peak: dict[str, int] = dict.fromkeys(users, 0)
        self.servers: dict[int, str] = {}
        self.total_peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.5):
            tree = _children()
            for parent, pids in tree.items():
                for pid in pids:
                    if pid in self.servers or (user := _user_of(pid)) not in self.users:
                        continue
                    if _user_of(parent) != user:  # a server, not a kernel it started
                        self.servers[pid] = user
            total = 0
            for pid, user in list(self.servers.items()):
                family, todo = [], [pid]
                while todo:
                    current = todo.pop()
                    family.append(current)
                    todo.extend(tree.get(current, []))
                rss = sum(_rss(p) for p in family)
                self.peak[user] = max(self.peak[user], rss)
                total += rss
            self.total_peak = max(self.total_peak, total)


# -- one user ----------------------------------------------------------------------------------


def _message(code: str, session: str) -> dict:
    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "session": session,
            "username": "bench",
            "msg_type": "execute_request",
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": {
            "code": code,
            "silent": False,
            "store_history": True,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
        "channel": "shell",
        "buffers": [],
    }


async def _execute(connection, code: str, session: str) -> list[str]:
    """Run one cell; return its problems (an exception, stderr output)."""
    request = _message(code, session)
    msg_id = request["header"]["msg_id"]
    await connection.write_message(json.dumps(request))
    problems, replied, idle = [], False, False
    while not (replied and idle):
        raw = await asyncio.wait_for(connection.read_message(), CELL_TIMEOUT_S)
        if raw is None:
            raise ConnectionError("the kernel's websocket closed")
        if isinstance(raw, bytes):
            continue  # binary frames carry widget buffers (the diagrams' PNG bytes)
        message = json.loads(raw)
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = message["msg_type"], message["content"]
        if kind == "error":
            problems.append(f"{content['ename']}: {content['evalue']}")
        elif kind == "stream" and content.get("name") == "stderr":
            problems.append(f"stderr: {content['text'].strip()[:200]}")
        elif kind == "execute_reply":
            replied = True
        elif kind == "status" and content["execution_state"] == "idle":
            idle = True
    return problems


async def run_user(hub: Hub, name: str, cells: list[str]) -> tuple[float, list[str]]:
    """Start ``name``'s server, run unit 1 in a new kernel; return seconds and problems."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    loop = asyncio.get_running_loop()
    start = time.monotonic()
    await loop.run_in_executor(None, hub.api, "POST", f"/users/{name}/server")
    while (
        not (await loop.run_in_executor(None, hub.api, "GET", f"/users/{name}"))["servers"]
        .get("", {})
        .get("ready")
    ):
        await asyncio.sleep(1)
    headers = {"Authorization": f"token {hub.token}", "Content-Type": "application/json"}
    base = f"{hub.url}/user/{name}/api/kernels"
    request = urllib.request.Request(
        base, data=b'{"name": "python3"}', method="POST", headers=headers
    )
    kernel = json.loads(
        await loop.run_in_executor(
            None, lambda: urllib.request.urlopen(request, timeout=120).read()
        )
    )
    session = uuid.uuid4().hex
    url = f"ws://{HOST}:{hub.port}/user/{name}/api/kernels/{kernel['id']}/channels"
    connection = await websocket_connect(
        HTTPRequest(f"{url}?session_id={session}", headers=headers),
        max_message_size=256 * 1024 * 1024,
    )
    problems = []
    try:
        for index, code in enumerate([*cells, OPEN_GROUP.format(group=f"组 {name}")]):
            problems += [f"cell {index}: {p}" for p in await _execute(connection, code, session)]
    finally:
        connection.close()
    return time.monotonic() - start, problems


async def run_class(hub: Hub, names: list[str], cells: list[str]) -> dict[str, object]:
    results = await asyncio.gather(
        *(run_user(hub, name, cells) for name in names), return_exceptions=True
    )
    return dict(zip(names, results, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20, help="participants (default 20)")
    parser.add_argument(
        "--deadline", type=float, default=900, help="stop everything after this many seconds"
    )
    args = parser.parse_args()
    if not 1 <= args.users <= 200:
        parser.error(f"--users must be between 1 and 200, not {args.users}")
    missing = [
        what
        for what, found in (
            ("jupyterhub (pip install jupyterhub)", shutil.which("jupyterhub-singleuser")),
            (
                "configurable-http-proxy (npm install -g configurable-http-proxy)",
                shutil.which("configurable-http-proxy"),
            ),
            ("Linux /proc", Path("/proc/self/status").exists()),
        )
        if not found
    ]
    if missing:
        print("classroom benchmark skipped; missing: " + ", ".join(missing))
        return 0

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    cells = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    names = [f"p{i:02d}" for i in range(1, args.users + 1)]
    with tempfile.TemporaryDirectory(prefix="classroom-") as tmp:
        hub = Hub(Path(tmp))
        watch = MemoryWatch({"baseline", *names})
        try:
            hub.wait_ready(time.monotonic() + 120)
            hub.api("POST", "/users", {"usernames": ["baseline", *names]})
            watch.start()
            deadline = args.deadline

            async def bounded(users: list[str]) -> dict[str, object]:
                return await asyncio.wait_for(run_class(hub, users, cells), deadline)

            start = time.monotonic()
            solo = asyncio.run(bounded(["baseline"]))["baseline"]
            if isinstance(solo, BaseException) or solo[1]:
                print(f"baseline user failed: {solo!r}\n{hub.log_tail()}")
                return 1
            baseline = time.monotonic() - start
            hub.api("DELETE", "/users/baseline/server")

            start = time.monotonic()
            results = asyncio.run(bounded(names))
            total = time.monotonic() - start
        finally:
            watch.done.set()
            hub.stop()
        failures = {
            name: result if isinstance(result, BaseException) else result[1]
            for name, result in results.items()
            if isinstance(result, BaseException) or result[1]
        }
        times = [r[0] for r in results.values() if not isinstance(r, BaseException)]
        peaks = [watch.peak[name] / 2**20 for name in names if watch.peak[name]]

    print(f"classroom: {args.users} users, unit 1 each in its own kernel, hub on {HOST}")
    solo_peak = watch.peak["baseline"] / 2**20
    print(f"  baseline (one user alone): {baseline:6.1f} s, peak {solo_peak:.0f} MB")
    print(f"  total time, {args.users} users at once: {total:6.1f} s")
    print(f"  ratio over the baseline: {total / baseline:.1f}x (serial would be {args.users}x)")
    if times:
        print(f"  per user: median {statistics.median(times):.1f} s, slowest {max(times):.1f} s")
    if peaks:
        print(
            f"  peak memory per user (server + kernel): median {statistics.median(peaks):.0f} MB, "
            f"max {max(peaks):.0f} MB; all users together at peak {watch.total_peak / 2**20:.0f} MB"
        )
    print(f"  failures: {len(failures)}")
    for name, problem in failures.items():
        print(f"    {name}: {problem}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
