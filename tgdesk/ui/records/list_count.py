"""Every id of one list load, fetched once: on a pool thread after the first
page is painted, or on the window's thread when something needs them before that
thread has begun (scrolling past the first page, finding a record, printing). A
count already running is waited for rather than run twice."""

from __future__ import annotations

import threading
from collections.abc import Callable

Ids = tuple[list[int], int | None]      # (ids in order, phrase matches at the head)


class IdCount:
    def __init__(self, generation: int, fetch: Callable[[], Ids], stale: Callable[[], bool]):
        self.generation = generation     # the model's load this count belongs to
        self._fetch = fetch
        self._stale = stale
        self._claim = threading.Lock()   # taken by whichever thread runs the fetch
        self._finished = threading.Event()
        self._result: Ids | None = None

    def _run(self) -> Ids:
        try:
            self._result = self._fetch()
            return self._result
        finally:
            self._finished.set()

    def in_background(self) -> tuple[int, list[int], int | None] | None:
        """The pool thread's work: (generation, ids, phrase), or None when the
        list was loaded again before it began or the window's thread took it."""
        if self._stale() or not self._claim.acquire(blocking=False):
            return None
        return (self.generation, *self._run())

    def now(self) -> Ids:
        """The ids at once: fetched here if the pool thread has not begun, else
        its result, waited for (fetched here again if it failed)."""
        if self._claim.acquire(blocking=False):
            return self._run()
        self._finished.wait()
        return self._result if self._result is not None else self._fetch()
