"""A KPI's checks, run before its arithmetic or, on large inputs, beside it on a helper thread.

NumPy releases the GIL inside its loops, so a check of a million values (one pass over memory
each) can run on a second core while the caller's thread computes the formula. The result is
the same either way; only the wall-clock time differs. On small inputs handing work to a thread
costs more than the checks, so they run first, in line.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

import numpy as np

from ._arguments import Args

BESIDE_FROM = 300_000
"""Number of values from which a call's checks run on the helper thread."""


class _HelperThread:
    """One helper thread per process, made when first needed (again in a forked child)."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._pid = 0

    def submit(self, work: Callable[[], None]) -> Future:
        """Start ``work`` on the helper thread."""
        if self._pool is None or self._pid != os.getpid():
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kpi-checks")
            self._pid = os.getpid()
        return self._pool.submit(work)


_HELPER = _HelperThread()


class Checks:
    """Run a call's checks around the block that computes its result.

    Use as ``with Checks(args, check, ...) as found:`` around the arithmetic. Each check is a
    callable without arguments that raises :class:`ValueError` for impossible input and may
    return a value (say, the smallest denominator); after the block, ``found`` holds those
    values in order. A failed check raises its error at the end of the ``with`` statement (the
    first check's error if several fail), so the block's result is never used. The block must
    not rely on the checks having passed: on large inputs it runs while they do, the helper
    thread taking checks in order and the caller's thread, once the block is done, taking those
    the helper has not started. The block computes quietly (NumPy's floating-point warnings
    off): impossible input is reported by the checks, in the participant's language.

    Parameters
    ----------
    args : Args
        The call's arguments; their broadcast size decides where the checks run.
    *checks : callable
        The checks.
    """

    def __init__(self, args: Args, *checks: Callable[[], object]) -> None:
        self._checks = checks
        self._beside = args.size >= BESIDE_FROM
        self._future: Future | None = None
        self._lock = threading.Lock()
        self._started = 0
        self._errors: dict[int, ValueError] = {}
        self._quiet = np.errstate(all="ignore")
        self.found: list[object] = [None] * len(checks)

    def _next(self) -> int | None:
        """Claim the next check nobody has started: its position, or None when none is left."""
        with self._lock:
            if self._started == len(self._checks):
                return None
            self._started += 1
            return self._started - 1

    def _work(self) -> None:
        """Run checks until none is left, keeping values and errors by position."""
        while (position := self._next()) is not None:
            try:
                self.found[position] = self._checks[position]()
            except ValueError as error:
                self._errors[position] = error

    def __enter__(self) -> list[object]:
        if self._beside:
            self._future = _HELPER.submit(self._work)
        else:
            for position, check in enumerate(self._checks):
                self.found[position] = check()
        self._quiet.__enter__()
        return self.found

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._quiet.__exit__(kind, error, traceback)
        if self._future is None:
            return
        self._work()
        self._future.result()
        if self._errors:
            raise self._errors[min(self._errors)]
