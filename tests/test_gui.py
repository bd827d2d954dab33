"""The inbox window with real widgets: views, selection, thread, actions, undo, live updates."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from inbox.domain import ChannelKind, Direction, IngestBatch, Status, View
from inbox.sandbox import XSandbox
from inbox.store import SqlStore
from inbox.timeutil import utcnow
from tests.conftest import contact, msg
from tests.gui_helpers import desk_window, live_window, settled
from ui.main_window import VIEW_ORDER, MainWindow
from ui.queue_model import QueueModel

HOSTILE = "<b>not bold</b> <a href='x'>link</a> \u202eevil مرحبا 👋"


@pytest.fixture
def window(qtbot: QtBot, store: SqlStore, account_id: int, data_dir: Path) -> Iterator[MainWindow]:
    store.ingest(account_id, IngestBatch(
        messages=[
            msg("1", thread="old", minutes=0, text="my order never arrived"),
            msg("2", thread="old", minutes=5, direction=Direction.OUT, author="100",
                text="Sorry! Can you DM us the order number?"),
            msg("3", thread="old", minutes=9, text="sent it"),
            msg("4", thread="new", minutes=30, author="300", text=HOSTILE),
            msg("5", thread="100-400", minutes=20, author="400", kind=ChannelKind.DM,
                text="السلام عليكم، عندي مشكلة في الفاتورة"),
        ],
        contacts=[contact(), contact("300", "omar", "Omar <i>x</i>"),
                  contact("400", "noura", "نورة")],
    ))
    w = desk_window(qtbot, store, data_dir)
    settled(qtbot, w)
    yield w
    w.close()


def row_text(w: MainWindow, row: int, column: int) -> str:
    return str(w.model.data(w.model.index(row, column)))


def test_needs_reply_lists_longest_waiting_first_with_channel_and_customer(
    window: MainWindow,
) -> None:
    assert window.model.rowCount() == 3
    customers = [row_text(window, r, QueueModel.CUSTOMER) for r in range(3)]
    assert customers[0].startswith("Sara") and "@sara" in customers[0]
    assert customers[1].startswith("نورة")
    assert [row_text(window, r, QueueModel.CHANNEL) for r in range(3)] == ["Public", "DM", "Public"]
    assert row_text(window, 0, QueueModel.PREVIEW) == "sent it"
    assert row_text(window, 0, QueueModel.WAITING) != "—"


def test_selecting_shows_whole_thread_and_contact_card(window: MainWindow, qtbot: QtBot) -> None:
    window.select_row(0)
    assert window.card.name.text() == "Sara"
    assert "12 followers" in window.card.details.text()
    bodies = [b.body.text() for b in window.thread_view.bubbles]
    assert bodies == ["my order never arrived", "Sorry! Can you DM us the order number?", "sent it"]
    assert [b.property("outbound") for b in window.thread_view.bubbles] == [False, True, False]


def test_message_markup_is_shown_as_typed_never_rendered(window: MainWindow) -> None:
    window.select_row(2)
    (bubble,) = window.thread_view.bubbles
    assert bubble.body.textFormat() == Qt.TextFormat.PlainText
    assert bubble.body.text() == HOSTILE
    assert window.card.name.textFormat() == Qt.TextFormat.PlainText
    assert window.card.name.text() == "Omar <i>x</i>"
    for label in window.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_resolve_moves_to_resolved_and_undo_brings_it_back(
    window: MainWindow, qtbot: QtBot, store: SqlStore
) -> None:
    window.select_row(0)
    conv_id = window.current_id
    assert conv_id is not None
    window.resolve_action.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert store.conversation(conv_id).status is Status.RESOLVED
    assert window.undo_button.isVisible()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    assert store.conversation(conv_id).status is Status.OPEN


def test_snooze_and_reopen(window: MainWindow, qtbot: QtBot, store: SqlStore) -> None:
    window.select_row(0)
    conv_id = window.current_id
    assert conv_id is not None
    window.snooze_current(utcnow() + timedelta(hours=2))
    qtbot.waitUntil(lambda: store.conversation(conv_id).status is Status.SNOOZED)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    window.views.setCurrentRow(VIEW_ORDER.index(View.SNOOZED))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.select_row(0)
    assert "Snoozed until" in window.status_label.text()
    window.reopen_action.trigger()
    qtbot.waitUntil(lambda: store.conversation(conv_id).status is Status.OPEN)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)


def test_selection_survives_a_live_refresh_in_right_to_left(
    window: MainWindow, qtbot: QtBot, store: SqlStore, account_id: int
) -> None:
    window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    window.select_row(1)
    chosen = window.current_id
    assert chosen is not None and window.thread_view.bubbles
    store.ingest(account_id, IngestBatch(messages=[msg("9", thread="newest", minutes=40)]))
    window.refresh(frozenset())
    settled(qtbot, window)
    assert window.model.rowCount() == 4
    selected = window.table.selectionModel().selectedRows()
    assert [window.model.conversation_id(i.row()) for i in selected] == [chosen]
    assert window.current_id == chosen


def test_views_show_counts(window: MainWindow) -> None:
    assert window.views.item(0).text().endswith("(3)")
    assert window.views.item(VIEW_ORDER.index(View.RESOLVED)).text() == "Resolved"


def test_new_messages_appear_live_from_x(qtbot: QtBot, data_dir: Path) -> None:
    with XSandbox() as sandbox:
        desk = live_window(qtbot, sandbox, data_dir, poll_ms=200)
        w, store, brand, customer = desk.window, desk.store, desk.brand, desk.customer
        assert w.model.rowCount() == 0
        sandbox.post_tweet(customer.id, "@brand وين طلبي؟ 😡")
        qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=10_000)
        assert "ليلى" in row_text(w, 0, QueueModel.CUSTOMER)
        sandbox.send_dm(customer.id, brand.id, "hello in DM")
        qtbot.waitUntil(lambda: w.model.rowCount() == 2, timeout=10_000)
        w.close()
        store.close()


def test_many_qt_calls_do_not_corrupt_none_refcount(qtbot: QtBot) -> None:
    """PySide6 6.12 on Python < 3.12 decrements None's refcount per call (QT_NOTES)."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(10_000):
        label.setText(str(i))
        label.update()
    assert abs(sys.getrefcount(None) - before) < 100
