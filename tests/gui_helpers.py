"""Helpers the GUI tests share: typing as a person would, a window on a live sandbox,
waiting for the queue's rows (read on the window's reader thread)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from inbox.credentials import MemoryCredentials
from inbox.sandbox import SandboxUser, XSandbox
from inbox.store import SqlStore, open_sqlite
from tests.sandbox_fixtures import connect
from ui.main_window import MainWindow


def type_into(qtbot: QtBot, editor: QWidget, text: str) -> None:
    """Type as a person would; Arabic through an input method (keyClicks aborts on it)."""
    editor.setFocus()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(editor, event)


def settled(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the queue's ids and the views' counts asked for so far are shown."""
    qtbot.waitUntil(lambda: not window.model.loading and not window.read_worker.pending,
                    timeout=10_000)


def desk_window(qtbot: QtBot, store: SqlStore, data_dir: Path) -> MainWindow:
    """The inbox window on ``store`` (no credentials, no timed sync), shown: a window
    never shown gets no close event, and its worker threads would outlive it."""
    window = MainWindow(store, lambda: open_sqlite(data_dir), MemoryCredentials(),
                        poll_ms=600_000)
    qtbot.addWidget(window)
    window.show()
    return window


@dataclass
class LiveDesk:
    window: MainWindow
    store: SqlStore
    brand: SandboxUser
    customer: SandboxUser


def live_window(qtbot: QtBot, sandbox: XSandbox, data_dir: Path, *,
                poll_ms: int) -> LiveDesk:
    """The inbox window on a brand account of ``sandbox``, first sync done."""
    brand = sandbox.add_user("brand", "Brand")
    customer = sandbox.add_user("layla", "ليلى", followers=3200)
    creds = MemoryCredentials()
    store = open_sqlite(data_dir)
    connect(store, sandbox, creds, brand, "brand")
    window = MainWindow(store, lambda: open_sqlite(data_dir), creds, poll_ms=poll_ms)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "Up to date" in window.sync_label.text(), timeout=10_000)
    settled(qtbot, window)
    return LiveDesk(window, store, brand, customer)
