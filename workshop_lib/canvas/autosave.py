"""Saving as people type: a burst of keystrokes becomes one write, and nothing typed is lost.

The writes run on the kernel's asyncio loop (see :mod:`.schedule`), on its main thread, so the
plan is never read while a widget callback changes it. A save still pending when the kernel
stops is written on the way out (``atexit``: a kernel asked to shut down exits normally).
"""

from __future__ import annotations

import atexit
import weakref
from collections.abc import Callable

from .schedule import Deferred

_SAVERS: weakref.WeakSet[Autosaver] = weakref.WeakSet()
"""Every autosaver of this process, flushed when it exits."""


class Autosaver:
    """Call ``save`` soon after changes, at most once every ``interval`` seconds.

    The first change after a quiet spell is saved as soon as the change's callback returns;
    changes that follow within ``interval`` are saved together when it has passed, so the file
    on disk is never more than ``interval`` seconds behind what was typed. Without a running
    asyncio loop every change is saved at once.

    Parameters
    ----------
    save : callable
        Writes the current state; exceptions it raises are passed to ``on_error``.
    interval : float
        Seconds between two writes.
    on_error : callable, optional
        Receives the exception of a failed save (e.g. to show it beside the exercise).

    Attributes
    ----------
    saves : int
        How many writes succeeded.
    """

    def __init__(
        self,
        save: Callable[[], object],
        *,
        interval: float = 1.0,
        on_error: Callable[[Exception], object] | None = None,
    ):
        self._save = save
        self._on_error = on_error
        self._later = Deferred(self._write, wait=interval)
        self.saves = 0
        _SAVERS.add(self)

    @property
    def pending(self) -> bool:
        """Whether a change waits to be written."""
        return self._later.pending

    def changed(self) -> None:
        """Note a change: it is written soon, at most ``interval`` after the previous write."""
        self._later.throttle()

    def flush(self) -> None:
        """Write pending changes now (before another page reads the file, or at exit)."""
        self._later.flush()

    def _write(self) -> None:
        try:
            self._save()
            self.saves += 1
        except Exception as err:  # a full disk must not break the exercise; say so instead
            if self._on_error is None:
                raise
            self._on_error(err)


@atexit.register
def flush_all() -> None:
    """Write every pending change of this process (run when the process exits)."""
    for saver in list(_SAVERS):
        saver.flush()
