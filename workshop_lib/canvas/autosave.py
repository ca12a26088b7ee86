"""Debounced saving: a burst of keystrokes becomes one write, and nothing typed is lost."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Autosaver:
    """Call ``save`` soon after changes, at most once every ``interval`` seconds.

    The first change after a quiet spell saves at once; changes that follow within
    ``interval`` are saved together when it has passed (a background timer), so the file on
    disk is never more than ``interval`` seconds behind what was typed.

    Parameters
    ----------
    save : callable
        Writes the current state; exceptions it raises are passed to ``on_error``.
    interval : float
        Seconds between two writes.
    on_error : callable, optional
        Receives the exception of a failed save (e.g. to show it beside the exercise).
    """

    def __init__(
        self,
        save: Callable[[], object],
        *,
        interval: float = 1.0,
        on_error: Callable[[Exception], object] | None = None,
    ):
        self._save = save
        self._interval = interval
        self._on_error = on_error
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._last = float("-inf")
        self.saves = 0

    def changed(self) -> None:
        """Note a change: save now, or schedule the save if one was made just before."""
        with self._lock:
            wait = self._last + self._interval - time.monotonic()
            if wait <= 0 and self._timer is None:
                self._write()
            elif self._timer is None:
                self._timer = threading.Timer(max(wait, 0.0), self._scheduled)
                self._timer.daemon = True
                self._timer.start()

    def flush(self) -> None:
        """Save pending changes now (e.g. before the kernel stops or in tests)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
                self._write()

    def _scheduled(self) -> None:
        with self._lock:
            self._timer = None
            self._write()

    def _write(self) -> None:
        self._last = time.monotonic()
        try:
            self._save()
            self.saves += 1
        except Exception as err:  # a full disk must not break the exercise; say so instead
            if self._on_error is None:
                raise
            self._on_error(err)
