"""Rule notifications on the desktop, and webhook delivery after a sync.

A rule's ``notify`` action writes a notification row during sync; after each
sync the window shows the ones meant for this agent (or for supervisors, or
for the assignee when that is this agent or nobody yet) as a desktop
notification when a system tray exists, otherwise as a banner inside the
window that never blocks work. Every notification fetched is marked seen:
today's store is one desktop's own database, so there is nobody else to
leave them for.

Webhooks go out on the sync worker right after the sync (``deliver_due``):
never on the GUI thread, never inside ingest.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QStyle, QSystemTrayIcon, QWidget

from inbox import webhooks
from inbox.store import SqlStore
from inbox.store.rules import Notification
from inbox.webhooks import WebhookResult
from ui.conversation_view import plain_label
from ui.text import tr
from ui.urgency import because

BANNER_MS = 20_000
WEBHOOKS_PER_SYNC = 5  # a dead endpoint costs at most this many timeouts per sync


def deliver_due(store: SqlStore) -> list[WebhookResult]:
    """The sync worker's webhook pass, a few per sync so a dead endpoint stays cheap."""
    return webhooks.deliver_due(store, limit=WEBHOOKS_PER_SYNC)


def for_me(notes: list[Notification], agent: str, assignees: dict[int, str | None]) -> list[
        Notification]:
    """Which notifications this agent should see."""
    out = []
    for n in notes:
        if n.recipient in ("supervisors", agent):
            out.append(n)
        elif n.recipient == "assignee":
            owner = assignees.get(n.conversation_id) if n.conversation_id is not None else None
            if owner in (None, agent):
                out.append(n)
    return out


class Notifier(QObject):
    """Shows notifications: the system tray when there is one, else an in-window banner."""

    def __init__(self, banner_parent: QWidget) -> None:
        super().__init__(banner_parent)
        self.banner: QLabel = plain_label()
        self.banner.setObjectName("notice")
        self.banner.setStyleSheet("QLabel#notice { background: #fef0c7; color: #7a2e0e;"
                                  " padding: 6px; border-radius: 4px; }")
        self.banner.hide()
        self.shown: list[str] = []
        self._hide = QTimer(self)
        self._hide.setSingleShot(True)
        self._hide.timeout.connect(self.banner.hide)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = banner_parent.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.show()

    def show(self, notes: list[Notification]) -> None:
        if not notes:
            return
        title = tr("Community Inbox: %1").replace("%1", notes[-1].rule)
        if len(notes) > 1:
            title = tr("Community Inbox: %1 alerts").replace("%1", str(len(notes)))
        body = "\n\n".join(n.text for n in notes[-3:])
        self.shown.append(f"{title}\n{body}")
        if self.tray is not None:
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Warning, BANNER_MS)
            return
        newest = notes[-1]
        self.banner.setText(f"⚠ {title} · {newest.rule}: {because(newest.text.splitlines()[0])}")
        self.banner.show()
        self._hide.start(BANNER_MS)
