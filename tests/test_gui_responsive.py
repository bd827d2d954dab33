"""The window stays usable while big reads and syncs run: a view's ids are read on the
reader thread and swapped in, the agent's place and selection survive, and the
garbage collector is kept out of the way of a sync. No timings here (bench/ has them)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from inbox.domain import IngestBatch, View
from inbox.store import SqlStore
from tests.conftest import contact, msg
from tests.gui_helpers import desk_window, settled
from ui import gc_pauses, queue_model
from ui.main_window import VIEW_ORDER, MainWindow
from ui.queue_model import QueueModel

OPEN, RESOLVED = 150, 450


@pytest.fixture
def window(qtbot: QtBot, store: SqlStore, account_id: int,
           data_dir: Path) -> Iterator[MainWindow]:
    """A queue of 150 open conversations and a "Resolved" view three times as big."""
    store.ingest(account_id, IngestBatch(
        messages=[msg(str(n), thread=f"t{n}", minutes=n, author=str(1000 + n),
                      text=f"message {n}") for n in range(OPEN + RESOLVED)],
        contacts=[contact(str(1000 + n), f"customer{n}", f"Customer {n}")
                  for n in range(OPEN + RESOLVED)]))
    for conv_id in store.queue_ids(View.NEEDS_REPLY)[OPEN:]:
        store.resolve(conv_id, actor="test")
    w = desk_window(qtbot, store, data_dir)
    settled(qtbot, w)
    yield w
    w.close()


def switch_to(w: MainWindow, view: View) -> None:
    w.views.setCurrentRow(VIEW_ORDER.index(view))


def hold_reader(w: MainWindow) -> threading.Event:
    """Keep the reader thread busy until the returned event is set."""
    gate = threading.Event()
    w.read_worker.submit(lambda _store: gate.wait(10))
    return gate


def test_switching_to_a_big_view_leaves_the_window_working_until_its_rows_arrive(
    window: MainWindow, qtbot: QtBot
) -> None:
    gate = hold_reader(window)
    switch_to(window, View.RESOLVED)
    # the switch returned at once: the old view's rows are gone, the new ones are on their way
    assert window.model.loading and window.model.rowCount() == 0
    ticked = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked))  # the event loop runs meanwhile
    assert window.model.loading
    gate.set()
    qtbot.waitUntil(lambda: window.model.rowCount() == RESOLVED)
    assert not window.model.loading
    assert window.model.data(window.model.index(RESOLVED - 1, 1))  # the last row pages in
    settled(qtbot, window)
    assert window.views.item(VIEW_ORDER.index(View.RESOLVED)).text().endswith(f"({RESOLVED})")


def test_a_big_view_shows_its_first_page_while_the_rest_is_read(
    window: MainWindow, qtbot: QtBot, store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()
    real_read = queue_model.read_queue

    def slow_read(*args: object, **kwargs: object) -> object:
        gate.wait(10)  # the whole id list takes its time (150 ms at a million messages)
        return real_read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queue_model, "read_queue", slow_read)
    switch_to(window, View.RESOLVED)
    qtbot.waitUntil(lambda: window.model.rowCount() == queue_model.PAGE)
    assert window.model.loading  # the rest is still being read ...
    newest = store.queue_page(View.RESOLVED, None, 1).conversations[0]
    assert window.model.conversation_id(0) == newest.id  # ... and the top is the real top
    assert newest.contact.display_name in str(window.model.data(
        window.model.index(0, QueueModel.CUSTOMER)))
    gate.set()
    qtbot.waitUntil(lambda: window.model.rowCount() == RESOLVED)
    assert not window.model.loading and window.model.conversation_id(0) == newest.id


def test_only_the_last_of_quick_switches_is_shown(window: MainWindow, qtbot: QtBot) -> None:
    gate = hold_reader(window)
    switch_to(window, View.RESOLVED)
    switch_to(window, View.SNOOZED)
    switch_to(window, View.ALL_OPEN)
    gate.set()
    settled(qtbot, window)
    assert window.model.view is View.ALL_OPEN
    assert window.model.rowCount() == OPEN


def test_selection_follows_the_conversation_into_a_view_that_holds_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.select_row(7)
    chosen = window.current_id
    assert chosen is not None
    switch_to(window, View.ALL_OPEN)
    qtbot.waitUntil(lambda: window.model.rowCount() == OPEN)
    selected = window.table.selectionModel().selectedRows()
    assert [window.model.conversation_id(i.row()) for i in selected] == [chosen]
    assert window.current_id == chosen and window.thread_view.bubbles
    switch_to(window, View.RESOLVED)  # not there: nothing selected, nothing shown
    qtbot.waitUntil(lambda: window.model.rowCount() == RESOLVED)
    assert window.current_id is None
    assert not window.table.selectionModel().selectedRows()
    assert window.empty.isVisible()


def test_a_refresh_of_a_big_view_keeps_the_place_and_the_selection(
    window: MainWindow, qtbot: QtBot, store: SqlStore, account_id: int
) -> None:
    switch_to(window, View.RESOLVED)
    qtbot.waitUntil(lambda: window.model.rowCount() == RESOLVED)
    bar = window.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    assert place > 0
    window.select_row(window.table.rowAt(window.table.viewport().height() // 2))
    chosen = window.current_id
    gate = hold_reader(window)
    another = store.queue_ids(View.NEEDS_REPLY)[0]
    store.resolve(another, actor="test")  # a sync or a colleague changed the view
    window.refresh(frozenset({another}))
    assert window.model.rowCount() == RESOLVED  # the current rows stay until the new ones
    gate.set()
    qtbot.waitUntil(lambda: window.model.rowCount() == RESOLVED + 1)
    assert bar.value() == place
    selected = window.table.selectionModel().selectedRows()
    assert [window.model.conversation_id(i.row()) for i in selected] == [chosen]
    assert window.current_id == chosen


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


def test_the_agents_column_widths_stay_when_new_rows_arrive(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.table.setColumnWidth(QueueModel.CUSTOMER, 333)
    switch_to(window, View.RESOLVED)
    qtbot.waitUntil(lambda: window.model.rowCount() == RESOLVED)
    window.refresh()
    settled(qtbot, window)
    assert window.table.columnWidth(QueueModel.CUSTOMER) == 333
