"""The queue as a Qt table model: it holds only conversation ids and pages rows in.

Per QT_NOTES, only a table with an id array and rows loaded in pages stays
cheap at large sizes; sorting and filtering happen in SQL, never in a proxy.
Every role returns plain strings: message text is never rendered as rich text.
A view's id list is read on a reader thread when the model has one (reading the
216,000 ids of "Resolved" at a million messages held the GUI for 120-175 ms);
the rows on screen stay until the new list arrives and is swapped in, and a view
just switched to shows its first page while the rest of its list is read.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from inbox.domain import ChannelKind, Conversation, Priority, View
from inbox.sla import SlaPolicy, queue_by_time_left
from inbox.store import SqlStore
from inbox.timeutil import utcnow
from ui.sla_badge import Badge, sla_badge
from ui.text import duration, isolate, priority_name, tr
from ui.worker import StoreWorker

PAGE = 100
# Rows kept in memory: scrolling a 300,000-row view end to end must not end with
# every conversation loaded (bench/: peak RSS while scrolling). Oldest pages go first.
MAX_CACHED_ROWS = 40 * PAGE
Index = QModelIndex | QPersistentModelIndex


Loaded = tuple[list[int], SlaPolicy]
FirstPage = tuple[list[Conversation], SlaPolicy]


def read_queue(store: SqlStore, view: View, by_time_left: bool) -> Loaded:
    """A view's ids in queue order and the SLA policy its badges use (any thread)."""
    ids = queue_by_time_left(store, view) if by_time_left else store.queue_ids(view)
    return ids, SlaPolicy.load(store)


class QueueModel(QAbstractTableModel):
    CHANNEL, CUSTOMER, PREVIEW, WAITING, PRIORITY, TAGS, SLA = range(7)
    ConversationIdRole = Qt.ItemDataRole.UserRole + 1
    # After a refresh's ids are in (the rows that changed, None: all): the window puts
    # the agent's place and selection back.
    refreshed = Signal(object)

    def __init__(self, store: SqlStore, parent: QObject | None = None,
                 reader: StoreWorker | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._reader = reader  # None: read on the calling thread (small stores, tests)
        self.view = View.NEEDS_REPLY
        self._ids: list[int] = []
        self._rows: dict[int, Conversation] = {}
        self._changed: frozenset[int] | None = frozenset()  # to drop when the ids arrive
        self.loading = False
        self.now: datetime = utcnow()
        # SLA badges: the policy read once per refresh, a badge per row until the next tick
        self.sort_by_time_left = False
        self.clock: Callable[[], datetime] = utcnow  # tests inject "now"
        self._policy: SlaPolicy | None = None
        self._badges: dict[int, Badge] = {}

    # -- loading ------------------------------------------------------------

    def set_view(self, view: View) -> None:
        """Show another view: the old view's rows go at once, the new ones follow."""
        self.view = view
        self.beginResetModel()
        self._ids = []
        self._rows.clear()
        self._changed = frozenset()  # nothing of the new view is cached yet
        self.endResetModel()
        self.refresh(frozenset())

    def refresh(self, changed: frozenset[int] | None = None) -> None:
        """Re-read the id list; drop cached rows that changed (all when None).

        With a reader the list is read there and swapped in when it arrives
        (``refreshed``); meanwhile the current rows stay. Only the latest of
        several refreshes asked in a row is read."""
        if changed is None or self._changed is None:
            self._changed = None
        else:
            self._changed |= changed
        view, by_time_left = self.view, self.sort_by_time_left
        if self._reader is None:
            self._swap(read_queue(self._store, view, by_time_left))
            return
        self.loading = True
        if not self._ids and not by_time_left:
            # A view just switched to shows its first page at once (one keyset page,
            # ~2 ms) while its whole id list is read behind it (the 216,000 ids of
            # "Resolved" at a million messages take ~150 ms: over the 100 ms an action
            # may take).
            self._reader.submit_latest(
                "queue-first-page",
                lambda store: (store.queue_page(view, None, PAGE).conversations,
                               SlaPolicy.load(store)),
                partial(self._show_first_page, view))
        self._reader.submit_latest("queue", lambda store: read_queue(store, view, by_time_left),
                                   self._swap, self._not_read)

    def _show_first_page(self, view: View, loaded: FirstPage) -> None:
        if self._ids or view is not self.view or self.sort_by_time_left:
            return  # the whole list is in already, or another view or order was asked
        conversations, policy = loaded
        self.beginResetModel()
        self.now = self.clock()
        self._ids = [c.id for c in conversations]
        self._rows.update((c.id, c) for c in conversations)
        self._policy = policy
        self._badges.clear()
        self.endResetModel()

    def _not_read(self, _exc: object) -> None:
        self.loading = False  # logged by the worker; the current rows stay

    def _swap(self, loaded: Loaded) -> None:
        self.loading = False
        changed, self._changed = self._changed, frozenset()
        self.beginResetModel()
        self.now = self.clock()
        self._ids, self._policy = loaded
        self._badges.clear()
        if changed is None:
            self._rows.clear()
        else:
            for conv_id in changed:
                self._rows.pop(conv_id, None)
        self.endResetModel()
        self.refreshed.emit(changed)

    def tick(self) -> None:
        """Waiting times move on: repaint that column without re-reading anything."""
        self.now = self.clock()
        self._badges.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, self.WAITING),
                                  self.index(len(self._ids) - 1, self.SLA))

    def _row(self, row: int) -> Conversation | None:
        conv_id = self._ids[row]
        found = self._rows.get(conv_id)
        if found is None:
            start = row - row % PAGE
            page = [i for i in self._ids[start : start + PAGE] if i not in self._rows]
            self._rows.update(self._store.conversations(page))
            found = self._rows.get(conv_id)
            if len(self._rows) > MAX_CACHED_ROWS:  # dicts keep insertion order: oldest first
                for stale in list(itertools.islice(self._rows, len(self._rows) - MAX_CACHED_ROWS)):
                    del self._rows[stale]
        return found

    def conversation_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, conversation_id: int) -> int | None:
        try:
            return self._ids.index(conversation_id)
        except ValueError:
            return None

    # -- Qt model interface --------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [tr("Channel"), tr("Customer"), tr("Message"), tr("Waiting"),
                tr("Priority"), tr("Tags"), tr("SLA")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == self.ConversationIdRole:
            return self._ids[index.row()]
        conv = self._row(index.row())
        if conv is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(conv, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PREVIEW:
            return conv.preview
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(conv, column)
        return None

    def badge(self, conv: Conversation) -> Badge:
        """The row's SLA badge, computed once per refresh or tick (data() is hot)."""
        found = self._badges.get(conv.id)
        if found is None:
            if self._policy is None:
                self._policy = SlaPolicy.load(self._store)
            found = self._badges[conv.id] = sla_badge(conv, self.now, self._policy)
        return found

    def _foreground(self, conv: Conversation, column: int) -> QBrush | None:
        if column == self.SLA:
            return self.badge(conv).brush
        if column == self.PRIORITY and conv.priority >= Priority.HIGH:
            return QBrush(QColor("#b42318"))
        waited = (self.now - conv.waiting_since).total_seconds() if conv.waiting_since else 0
        if column == self.WAITING and waited > 3600:
            return QBrush(QColor("#b54708"))
        return None

    def _display(self, conv: Conversation, column: int) -> str:
        if column == self.CHANNEL:
            return tr("DM") if conv.kind is ChannelKind.DM else tr("Public")
        if column == self.CUSTOMER:
            name = conv.contact.display_name or conv.contact.handle
            return f"{name}  {isolate('@' + conv.contact.handle)}"
        if column == self.PREVIEW:
            return conv.preview
        if column == self.WAITING:
            if conv.waiting_since is None:
                return "—"
            return duration((self.now - conv.waiting_since).total_seconds())
        if column == self.PRIORITY:
            return priority_name(conv.priority)
        if column == self.TAGS:
            return ", ".join(conv.tags)
        if column == self.SLA:
            return self.badge(conv).text
        return ""
