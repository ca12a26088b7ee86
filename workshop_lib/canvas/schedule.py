"""Run an action later on the kernel's asyncio loop: after a pause, or at a steady pace.

The debounce and throttle recipes of the ipywidgets documentation ("Widget Events"), on the
loop's ``call_later``. A widget callback in a kernel runs on that loop, so the action runs on
the kernel's main thread between two messages from the page, never beside another callback.
Without a running loop (a plain script, a test) the action runs at once.

Examples
--------
>>> drawn = []
>>> later = Deferred(lambda: drawn.append("picture"), wait=0.2)
>>> later.debounce()  # no running loop here: at once
>>> drawn
['picture']
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class Deferred:
    """One action, run at most once at a time and always after the last request for it.

    Parameters
    ----------
    action : callable
        Called without arguments; it reads the current state itself, so one run covers every
        request made before it started.
    wait : float
        Seconds: the pause a :meth:`debounce` waits for, the least time between two runs a
        :meth:`throttle` keeps.

    Attributes
    ----------
    runs : int
        How many times the action has run.
    """

    def __init__(self, action: Callable[[], object], *, wait: float):
        self._action = action
        self._wait = wait
        self._handle: asyncio.TimerHandle | None = None
        self._started = float("-inf")
        self._running = False
        self._again = False
        self.runs = 0

    @property
    def pending(self) -> bool:
        """Whether a run is scheduled and has not happened yet."""
        return self._handle is not None

    def debounce(self) -> None:
        """Run once ``wait`` seconds have passed without another request (typing)."""
        loop = _running_loop()
        if loop is None:
            self._run()
            return
        if self._handle is not None:
            self._handle.cancel()
        self._handle = loop.call_later(self._wait, self._run)

    def throttle(self) -> None:
        """Run soon, but not sooner than ``wait`` seconds after the last run began (a drag).

        A request while a run is scheduled adds nothing: that run reads the newest state.
        """
        loop = _running_loop()
        if loop is None:
            self._run()
            return
        if self._handle is None:
            delay = max(0.0, self._started + self._wait - time.monotonic())
            self._handle = loop.call_later(delay, self._run)

    def flush(self) -> None:
        """Run now if a run is scheduled (before the state is read elsewhere, or at exit)."""
        if self._handle is not None:
            self._run()

    def _run(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._running:  # requested by the action itself (no loop): once more after it
            self._again = True
            return
        self._running = True
        try:
            self._again = True
            while self._again:
                self._again = False
                self._started = time.monotonic()
                self.runs += 1
                self._action()
        finally:
            self._running = False


def _running_loop() -> asyncio.AbstractEventLoop | None:
    """The asyncio loop running this code (a kernel's), or None in a plain script."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
