"""A canvas in a real kernel, driven over the Jupyter protocol as a page drives it.

Widget messages are handled on the kernel's asyncio loop, so a burst of typing reaches the page
as one picture after the pause, and a save still pending when the kernel is shut down is written.
"""

from __future__ import annotations

import queue
import textwrap
import time

import pytest
from jupyter_client.manager import start_new_kernel

from workshop_lib.plan import BrandPlan

pytestmark = pytest.mark.slow

SETUP = """
import asyncio
import workshop_lib.canvas.base as base
from workshop_lib import i18n
from workshop_lib.canvas import CANVASES
from workshop_lib.plan import BrandPlan

base.AUTOSAVE_SECONDS = 600  # the last change stays pending until the kernel stops
plan = BrandPlan(group="第一组")
plan.save({path!r})
canvas = CANVASES["persona"](plan, lang="zh")

def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)

label = i18n.t("canvas.field.persona_name", lang="zh")
name = next(w for w in walk(canvas.widget) if getattr(w, "description", "") == label)
loops = []

def note_the_loop(_change):
    try:
        asyncio.get_running_loop()
        loops.append(True)
    except RuntimeError:
        loops.append(False)

name.observe(note_the_loop, names="value")
print(name.model_id, canvas.image.model_id)
"""


def run(client, code: str) -> str:
    """Execute ``code`` in the kernel; return what it printed."""
    printed = []

    def keep(message):
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])
        elif message["msg_type"] == "error":
            raise AssertionError("\n".join(message["content"]["traceback"]))

    client.execute_interactive(code, output_hook=keep, timeout=120)
    return "".join(printed)


def type_into(client, model_id: str, text: str) -> None:
    """Send what a browser sends when a text field changes."""
    data = {"method": "update", "state": {"value": text}, "buffer_paths": []}
    client.shell_channel.send(client.session.msg("comm_msg", {"comm_id": model_id, "data": data}))


def image_updates(client, model_id: str, quiet: float = 2.0, patience: float = 60.0) -> int:
    """How many new pictures of the image ``model_id`` the page receives: waits up to
    ``patience`` seconds for the first, then until none came for ``quiet`` seconds."""
    count, deadline = 0, time.monotonic() + patience
    while time.monotonic() < deadline:
        try:
            message = client.get_iopub_msg(timeout=0.5)
        except queue.Empty:
            continue
        content = message["content"]
        if (
            message["msg_type"] == "comm_msg"
            and content.get("comm_id") == model_id
            and content["data"].get("method") == "update"
            and message.get("buffers")
        ):
            count += 1
            deadline = time.monotonic() + quiet
    return count


def test_typing_reaches_the_page_as_one_picture_and_shutdown_keeps_the_last_change(tmp_path):
    path = tmp_path / "groups" / "第一组.json"
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(tmp_path))
    manager.shutdown_wait_time = 120.0
    try:
        name_id, image_id = run(client, textwrap.dedent(SETUP).format(path=str(path))).split()
        for text in ("李", "李主", "李主任"):
            type_into(client, name_id, text)
        assert image_updates(client, image_id) == 1
        assert run(client, "print(all(loops), len(loops))") == "True 3\n"
        assert BrandPlan.load(path).persona.name in ("李", "李主", "李主任")  # the first write
        type_into(client, name_id, "李主任医师")
        assert image_updates(client, image_id) == 1
    finally:
        client.stop_channels()
        manager.shutdown_kernel()  # asks the kernel to shut down, as a closed page does
    assert BrandPlan.load(path).persona.name == "李主任医师"
