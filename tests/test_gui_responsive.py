"""The window stays usable while big reads and syncs run: the garbage collector is kept
out of the way of a sync. No timings here (bench/ has them)."""

from __future__ import annotations

import gc
import threading

from ui import gc_pauses


def test_a_sync_runs_without_automatic_collections_which_resume_after_it() -> None:
    assert gc.isenabled()
    seen: list[bool] = []
    entered, leave = threading.Event(), threading.Event()

    def other_job() -> None:  # another worker's job overlapping the first
        with gc_pauses.deferred():
            seen.append(gc.isenabled())
            entered.set()
            leave.wait(5)

    with gc_pauses.deferred():
        seen.append(gc.isenabled())
        thread = threading.Thread(target=other_job)
        thread.start()
        assert entered.wait(5)
    assert not gc.isenabled()  # the other job is still running
    leave.set()
    thread.join()
    assert seen == [False, False]
    assert gc.isenabled()


def test_deferring_never_switches_on_a_collector_someone_switched_off() -> None:
    gc.disable()
    try:
        with gc_pauses.deferred():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_start_up_objects_are_kept_out_of_later_collections() -> None:
    kept: list[int] = []  # a container: tracked by the collector
    try:
        gc_pauses.after_start_up()
        assert gc.get_freeze_count() > 0
        assert not any(o is kept for o in gc.get_objects())  # frozen: not walked
    finally:
        gc.unfreeze()
