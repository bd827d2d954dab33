"""Keeping Python's garbage collector from pausing the window (issue 8: no GUI stall > 50 ms).

A cyclic collection holds the GIL in whichever thread triggers it, so the GUI
thread waits for all of it. Measured at a million messages (bench/gui_probe.py
stall): a full collection walked the ~56,000 objects alive after start-up
(PySide6's and the window's) in 16-25 ms, and during a sync also the sync's
working set (up to 200,000 objects while the rule timers run): full
collections of 27-97 ms on the sync thread were the longest GUI stalls.

- ``after_start_up``: ``gc.freeze()`` moves everything start-up made out of
  every later collection (a full collection then takes about 1 ms).
- ``deferred``: a job that builds a large short-lived working set (a sync) runs
  without automatic collections; when it ends its objects are freed by
  reference counting and the next, young collection only sees what is left.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0  # deferred jobs under way, in any thread
_was_enabled = True


def after_start_up() -> None:
    """Collect once, then keep what start-up made out of every later collection."""
    gc.collect()
    gc.freeze()


@contextmanager
def deferred() -> Iterator[None]:
    """No automatic collection while the block runs (in any thread: the collector is
    the process's); collection resumes when the last such block ends."""
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _was_enabled:
                gc.enable()
