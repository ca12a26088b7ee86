"""Autosave on the asyncio loop: prompt after a quiet spell, at most one write an interval, the
last change always written (at exit too), a failing disk reported, never a thread."""

from __future__ import annotations

import asyncio
import itertools
import subprocess
import sys
import textwrap
import threading
import time

from workshop_lib.canvas import autosave
from workshop_lib.canvas.autosave import Autosaver

INTERVAL = 0.3
"""The autosaver's interval in these tests (a canvas uses one second)."""


class Disk:
    """What a save wrote, and when (monotonic seconds)."""

    def __init__(self):
        self.text = ""
        self.written: list[tuple[float, str]] = []

    def save(self) -> None:
        self.written.append((time.monotonic(), self.text))


def test_without_a_loop_every_change_is_written_at_once():
    disk = Disk()
    saver = Autosaver(disk.save, interval=INTERVAL)
    for text in ("a", "ab"):
        disk.text = text
        saver.changed()
    assert [text for _, text in disk.written] == ["a", "ab"]
    assert saver.saves == 2 and not saver.pending


def test_typing_is_written_promptly_then_at_most_once_an_interval_and_ends_on_the_last_text():
    disk = Disk()
    saver = Autosaver(disk.save, interval=INTERVAL)
    threads = threading.active_count()

    async def type_for_a_while():
        disk.text = "a"
        saver.changed()
        assert disk.written == []  # not inside the widget's callback
        await asyncio.sleep(0.01)
        assert [text for _, text in disk.written] == ["a"]  # the first change: promptly
        for i in range(40):  # 2 s of typing, a key every 50 ms
            disk.text = "a" * (i + 2)
            saver.changed()
            await asyncio.sleep(0.05)
        await asyncio.sleep(2 * INTERVAL)

    asyncio.run(type_for_a_while())
    times = [moment for moment, _ in disk.written]
    assert all(later - earlier >= 0.95 * INTERVAL for earlier, later in itertools.pairwise(times))
    assert disk.written[-1][1] == "a" * 41
    assert threading.active_count() == threads


def test_flush_writes_a_pending_change_now():
    disk = Disk()
    saver = Autosaver(disk.save, interval=INTERVAL)

    async def change_twice_then_flush():
        disk.text = "first"
        saver.changed()
        await asyncio.sleep(0.01)
        disk.text = "second"
        saver.changed()
        assert saver.pending
        saver.flush()
        assert disk.written[-1][1] == "second" and not saver.pending

    asyncio.run(change_twice_then_flush())
    assert len(disk.written) == 2


def test_a_failing_save_is_reported_not_raised():
    failures = []

    def full_disk():
        raise OSError(28, "No space left on device")

    saver = Autosaver(full_disk, interval=INTERVAL, on_error=failures.append)
    saver.changed()
    assert isinstance(failures[0], OSError) and saver.saves == 0


def test_flush_all_writes_every_pending_change():
    disks = [Disk(), Disk()]
    savers = [Autosaver(disk.save, interval=INTERVAL) for disk in disks]

    async def change_both_twice():
        for saver in savers:
            saver.changed()
        await asyncio.sleep(0.01)
        for disk, saver in zip(disks, savers, strict=True):
            disk.text = "last"
            saver.changed()
        autosave.flush_all()

    asyncio.run(change_both_twice())
    assert [disk.written[-1][1] for disk in disks] == ["last", "last"]


def test_a_change_pending_when_the_process_exits_is_written(tmp_path):
    """The loop stops before the write is due (as a kernel told to shut down does)."""
    target = tmp_path / "plan.txt"
    script = textwrap.dedent(
        f"""
        import asyncio
        from pathlib import Path
        from workshop_lib.canvas.autosave import Autosaver

        target = Path({str(target)!r})
        text = ["first"]
        saver = Autosaver(lambda: target.write_text(text[0], "utf-8"), interval=60)

        async def type_then_stop():
            saver.changed()
            await asyncio.sleep(0.01)
            text[0] = "最后一句"
            saver.changed()

        asyncio.run(type_then_stop())
        assert target.read_text("utf-8") == "first"
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    assert target.read_text("utf-8") == "最后一句"
