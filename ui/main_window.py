"""The inbox window: views on the side, the queue in the middle, the conversation beside it.

Reads for display use the GUI thread's own store connection (small, indexed
queries); reads that grow with the store (a view's id list, the views' counts)
run on a reader thread. Writes (agent actions) and syncing run on worker threads
so the GUI never waits on the network or on a writer's lock.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QDateTime, QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inbox import outbox
from inbox import template_files as tf
from inbox import templates as t
from inbox.credentials import CredentialSource
from inbox.domain import ChannelKind, OutboxState, Status, View
from inbox.store import SqlStore
from inbox.sync import Syncer, SyncReport
from inbox.timeutil import to_ms, utcnow
from ui import gc_pauses
from ui.accounts_dialog import AccountsDialog
from ui.composer import Composer
from ui.conversation_view import ContactCard, ThreadView, plain_label
from ui.notify import Notifier, deliver_due, for_me
from ui.queue_model import QueueModel
from ui.reply_picker import ReplyPicker
from ui.rules_dialog import RulesDialog
from ui.saved_replies_dialog import SavedRepliesDialog
from ui.text import count, tr
from ui.urgency import why_urgent
from ui.worker import StoreWorker

VIEW_ORDER = [View.NEEDS_REPLY, View.ALL_OPEN, View.SNOOZED, View.RESOLVED]
UNDO_SETTING = "send/undo_seconds"
UNDO_CHOICES = (0, 5, 10, 30)
DEFAULT_UNDO_SECONDS = 5


def saved_undo_seconds() -> float:
    """The agent's undo window (default 5 s; 0 sends at once)."""
    value = QSettings().value(UNDO_SETTING, DEFAULT_UNDO_SECONDS)
    try:
        return max(0.0, float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_UNDO_SECONDS
UNDO_MS = 8000


def view_title(view: View) -> str:
    return {
        View.NEEDS_REPLY: tr("Needs reply"),
        View.ALL_OPEN: tr("All open"),
        View.SNOOZED: tr("Snoozed"),
        View.RESOLVED: tr("Resolved"),
    }[view]


class SnoozeDialog(QDialog):
    """Pick when a snoozed conversation comes back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Snooze until"))
        layout = QVBoxLayout(self)
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3 * 3600))
        self.when.setCalendarPopup(True)
        self.when.setMinimumDateTime(QDateTime.currentDateTime())
        layout.addWidget(self.when)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> datetime:
        chosen: datetime = self.when.dateTime().toPython()  # type: ignore[assignment]
        return chosen.astimezone()


def snooze_presets(now: datetime) -> list[tuple[str, datetime]]:
    local = now.astimezone()
    tomorrow = (local + timedelta(days=1)).replace(hour=9, minute=0, second=0, microsecond=0)
    monday = (local + timedelta(days=7 - local.weekday())).replace(
        hour=9, minute=0, second=0, microsecond=0)
    return [
        (tr("1 hour"), local + timedelta(hours=1)),
        (tr("3 hours"), local + timedelta(hours=3)),
        (tr("Tomorrow 9:00"), tomorrow),
        (tr("Next Monday 9:00"), monday),
    ]


class MainWindow(QMainWindow):
    def __init__(
        self,
        reader: SqlStore,
        open_store: Callable[[], SqlStore],
        credentials: CredentialSource,
        *,
        poll_ms: int = 60_000,
        demo: bool = False,
        agent: str | None = None,
        undo_seconds: float = 5.0,
    ) -> None:
        super().__init__()
        self.reader = reader
        self.credentials = credentials
        self.agent = agent or getpass.getuser()
        self.writer = StoreWorker(open_store, "inbox-writer")
        self.syncer = StoreWorker(open_store, "inbox-sync")
        self.send_worker = StoreWorker(open_store, "inbox-send")
        self.read_worker = StoreWorker(open_store, "inbox-reader")
        self._scroll = 0  # where the queue was scrolled when its ids were swapped
        self._switched = False  # a view change waits for its rows
        self._closed = False
        self.undo_seconds = undo_seconds
        self.current_id: int | None = None
        self.last_reports: list[SyncReport] = []
        self._undo: Callable[[], None] | None = None
        title = tr("Community Inbox")
        self.setWindowTitle(title + (" — " + tr("Demo") if demo else ""))
        self.resize(1400, 860)
        self.open_store = open_store
        self._build()
        self.replies = ReplyPicker(self.composer, self.reader, self.agent)
        self.writer.submit(tf.ensure_starter_library)  # first run: the team's starter answers
        self._build_actions(demo)
        self.model.set_view(View.NEEDS_REPLY)
        # after the first reset: a model reset puts interactive sections back to defaults
        for column, width in ((QueueModel.CHANNEL, 90), (QueueModel.CUSTOMER, 210),
                              (QueueModel.WAITING, 80), (QueueModel.PRIORITY, 70),
                              (QueueModel.TAGS, 90), (QueueModel.SLA, 135)):
            self.table.setColumnWidth(column, width)
        self.update_counts()
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.sync_now)
        self.poll_timer.start()
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(30_000)
        self.tick_timer.timeout.connect(self.model.tick)
        self.tick_timer.start()
        self.send_timer = QTimer(self)
        self.send_timer.setInterval(1000)
        self.send_timer.timeout.connect(self.deliver_now)
        self.send_timer.start()
        QTimer.singleShot(0, self.sync_now)

    # -- layout -----------------------------------------------------------------

    def _build(self) -> None:
        self.views = QListWidget()
        self.views.setObjectName("views")
        self.views.setMaximumWidth(220)
        for view in VIEW_ORDER:
            item = QListWidgetItem(view_title(view))
            item.setData(Qt.ItemDataRole.UserRole, view.value)
            self.views.addItem(item)
        self.views.setCurrentRow(0)
        self.views.currentRowChanged.connect(self._view_changed)

        self.model = QueueModel(self.reader, self, reader=self.read_worker)
        self.model.modelAboutToBeReset.connect(self._keep_place)
        self.model.refreshed.connect(self._rows_arrived)
        self.table = QTableView()
        self.table.setObjectName("queue")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()  # QT_NOTES: a visible one costs seconds on reset
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(QueueModel.PREVIEW, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.card = ContactCard()
        self.thread_view = ThreadView()
        self.thread_view.setObjectName("thread")
        self.resolve_button = QPushButton(tr("Resolve"))
        self.resolve_button.clicked.connect(self.resolve_current)
        self.reopen_button = QPushButton(tr("Reopen"))
        self.reopen_button.clicked.connect(self.reopen_current)
        self.snooze_button = QToolButton()
        self.snooze_button.setText(tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_menu.aboutToShow.connect(self._fill_snooze_menu)
        self.snooze_button.setMenu(self.snooze_menu)
        self.status_label = plain_label(wrap=False)
        actions = QHBoxLayout()
        for w in (self.resolve_button, self.snooze_button, self.reopen_button):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(self.status_label)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.card)
        self.why = plain_label()  # why it is urgent: the rules that fired
        self.why.setObjectName("why")
        self.why.setStyleSheet("color: #b42318;")
        right_layout.addWidget(self.why)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.thread_view, 1)
        self.composer = Composer()
        right_layout.addWidget(self.composer)
        self.composer.send_requested.connect(self.send_reply)
        self.composer.draft_changed.connect(self._save_draft)
        self.composer.move_to_dm_requested.connect(self.move_to_dm)
        self.thread_view.undo_requested.connect(self.undo_send)
        self.thread_view.retry_requested.connect(self.retry_send)
        self.thread_view.discard_requested.connect(self.discard_send)
        self.thread_view.dm_instead_requested.connect(self.send_as_dm_instead)
        self.empty = QLabel(tr("Select a conversation to read it."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right_layout.addWidget(self.empty)
        self._show_pane(False)

        splitter = QSplitter()
        splitter.addWidget(self.views)
        splitter.addWidget(self._queue_pane())
        splitter.addWidget(right)
        splitter.setSizes([170, 820, 510])
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        self.setCentralWidget(splitter)
        self.sync_label = QLabel()
        self.statusBar().addPermanentWidget(self.sync_label)
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo)
        self.statusBar().addWidget(self.undo_button)

    def _queue_pane(self) -> QWidget:
        """The queue with its sort choice and the banner rule notifications fall back to."""
        self.sort_choice = QComboBox()
        self.sort_choice.setObjectName("sortChoice")
        self.sort_choice.addItem(tr("Waiting longest"))
        self.sort_choice.addItem(tr("SLA time left"))
        self.sort_choice.currentIndexChanged.connect(self._sort_changed)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(QLabel(tr("Sort by:")))
        bar.addWidget(self.sort_choice)
        self.notifier = Notifier(self)
        self._noted: set[int] = set()
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notifier.banner)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        return pane

    def _sort_changed(self, index: int) -> None:
        """Least SLA time left first, sorted in SQL (``queue_by_time_left``)."""
        self.model.sort_by_time_left = index == 1
        self.refresh()

    def _build_actions(self, demo: bool) -> None:
        def action(text: str, keys: str, slot: Callable[[], Any]) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.resolve_action = action(tr("Resolve"), "Ctrl+E", self.resolve_current)
        self.reopen_action = action(tr("Reopen"), "Ctrl+Shift+O", self.reopen_current)
        self.snooze_action = action(tr("Snooze…"), "Ctrl+Shift+S", self.snooze_custom)
        self.sync_action = action(tr("Check for new messages"), "F5", self.sync_now)
        self.undo_action = action(tr("Undo"), "Ctrl+Z", self.undo)
        for number, view in enumerate(VIEW_ORDER):
            action(view_title(view), f"Ctrl+{number + 1}",
                   partial(self.views.setCurrentRow, number))
        self._build_undo_menu()
        view_menu = self.menuBar().addMenu(tr("View"))
        dash = view_menu.addAction(tr("Response times…"))
        dash.setShortcut(QKeySequence("Ctrl+Shift+D"))
        dash.triggered.connect(self.open_dashboard)
        rules_menu = self.menuBar().addMenu(tr("Rules"))
        rules_menu.addAction(tr("Escalation rules…")).triggered.connect(self.open_rules)
        if not demo:
            accounts_menu = self.menuBar().addMenu(tr("Accounts"))
            accounts_menu.addAction(tr("Manage X accounts…")).triggered.connect(
                self.manage_accounts)
        self.resolve_button.setToolTip(tr("Resolve (Ctrl+E)"))
        self.reopen_button.setToolTip(tr("Reopen (Ctrl+Shift+O)"))
        self.snooze_button.setToolTip(tr("Snooze (Ctrl+Shift+S)"))

    def open_rules(self) -> RulesDialog:
        """Rules → Escalation rules… (for supervisors): edits go through the writer."""
        dialog = RulesDialog(self.reader, self.writer, parent=self)
        dialog.finished.connect(lambda _: self.refresh())
        dialog.open()
        return dialog

    def open_dashboard(self) -> QMainWindow:
        """View → Response times… (supervisors): its own window and worker thread; its
        "oldest waiting" link shows that conversation here."""
        from ui.dashboard_window import DashboardWindow  # loaded when first opened

        def select(conversation_id: int) -> None:
            self.show_conversation(conversation_id)
            self.raise_()
            self.activateWindow()

        window = DashboardWindow(self.open_store, on_select=select, parent=self)
        window.show()
        return window

    def manage_accounts(self) -> None:
        dialog = AccountsDialog(self.open_store, parent=self)
        dialog.finished.connect(lambda _: self.sync_now())
        dialog.open()

    def _build_undo_menu(self) -> None:
        """Reply → Undo window: how long a sent reply can still be taken back (0: off)."""
        menu = self.menuBar().addMenu(tr("Reply"))
        sub = menu.addMenu(tr("Undo window"))
        group = QActionGroup(self)
        for seconds in UNDO_CHOICES:
            label = tr("Off") if seconds == 0 else tr("%1 seconds").replace("%1", str(seconds))
            act = sub.addAction(label)
            act.setCheckable(True)
            act.setChecked(seconds == self.undo_seconds)
            act.setData(seconds)
            group.addAction(act)
            act.triggered.connect(partial(self._set_undo_seconds, seconds))
        saved = menu.addAction(tr("Saved replies…"))
        saved.setShortcut(QKeySequence("Ctrl+Shift+R"))
        saved.triggered.connect(self.open_saved_replies)

    def open_saved_replies(self) -> SavedRepliesDialog:
        dialog = SavedRepliesDialog(self.reader, self.writer, self.agent, parent=self)
        dialog.open()
        return dialog

    def _set_undo_seconds(self, seconds: int) -> None:
        self.undo_seconds = seconds
        QSettings().setValue(UNDO_SETTING, seconds)

    # -- queue and selection --------------------------------------------------------

    def _view_changed(self, row: int) -> None:
        """The new view's rows arrive from the reader; the open conversation stays
        selected if it is in that view."""
        self._switched = True
        self.model.set_view(VIEW_ORDER[row])
        self.update_counts()

    def _row_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        self.show_conversation(self.model.conversation_id(current.row()))

    def select_row(self, row: int) -> None:
        """Select a queue row by index. ``QTableView.selectRow`` selects nothing in a
        right-to-left layout (it looks for the column at the viewport's far edge)."""
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def show_conversation(self, conversation_id: int | None) -> None:
        self.current_id = conversation_id
        if conversation_id is None:
            self._show_pane(False)
            return
        conv = self.reader.conversation(conversation_id)
        self.card.show_conversation(conv, utcnow())
        self.why.setText("\n".join(why_urgent(self.reader.events(conversation_id), utcnow())))
        self._show_thread(conversation_id)
        if self.composer.conversation_id != conversation_id:
            draft = self.reader.draft(conversation_id)
            self.composer.set_conversation(
                conversation_id, is_dm=conv.kind is ChannelKind.DM,
                draft=draft.text if draft else "", draft_dm=draft.dm if draft else None)
        self.resolve_button.setEnabled(conv.status is not Status.RESOLVED)
        self.reopen_button.setEnabled(conv.status in (Status.RESOLVED, Status.SNOOZED,
                                                      Status.PENDING))
        if conv.status is Status.SNOOZED and conv.snoozed_until:
            self.status_label.setText(tr("Snoozed until %1").replace(
                "%1", conv.snoozed_until.astimezone().strftime("%Y-%m-%d %H:%M")))
        else:
            self.status_label.setText({
                Status.OPEN: tr("Open"), Status.PENDING: tr("Pending"),
                Status.SNOOZED: tr("Snoozed"), Status.RESOLVED: tr("Resolved"),
            }[conv.status])
        self._show_pane(True)

    def _show_thread(self, conversation_id: int) -> None:
        waiting = [i for i in outbox.items(self.reader, conversation_id)
                   if i.state is not OutboxState.SENT]
        self.thread_view.show_messages(self.reader.thread(conversation_id), waiting)

    def _show_pane(self, visible: bool) -> None:
        widgets: list[QWidget] = [self.card, self.thread_view, self.resolve_button,
                                  self.snooze_button, self.reopen_button, self.status_label,
                                  self.composer]
        for w in widgets:
            w.setVisible(visible)
        self.why.setVisible(visible and bool(self.why.text()))
        self.empty.setVisible(not visible)

    def refresh(self, changed: frozenset[int] | None = None) -> None:
        """Re-read the queue (on the reader thread); when the rows arrive the agent's
        place and selection are put back (``_rows_arrived``)."""
        self.model.refresh(changed)
        self.update_counts()

    def _keep_place(self) -> None:
        self._scroll = self.table.verticalScrollBar().value()

    def _rows_arrived(self, changed: frozenset[int] | None) -> None:
        if self._closed:
            return  # a read still queued when the window closed
        self.table.verticalScrollBar().setValue(self._scroll)
        switched, self._switched = self._switched, False
        selected = self.current_id
        if switched and selected is not None and self.model.row_of(selected) is None:
            self.show_conversation(None)  # not in this view
        else:
            self._after_refresh(selected, changed)

    def _after_refresh(self, selected: int | None,
                       changed: frozenset[int] | None = None) -> None:
        row = None if selected is None else self.model.row_of(selected)
        if row is not None:
            self.table.selectionModel().blockSignals(True)
            self.select_row(row)
            self.table.selectionModel().blockSignals(False)
            if changed is None or selected in changed:
                self.show_conversation(selected)
        elif selected is not None and changed and selected in changed:
            self.show_conversation(selected)  # moved to another view: still shown
        elif selected is None:
            self.show_conversation(None)

    def update_counts(self) -> None:
        """Every view's count, read on the reader thread (only the latest of several
        asked in a row is read)."""
        self.read_worker.submit_latest(
            "counts", lambda store: [store.count(view) for view in VIEW_ORDER],
            self._show_counts)

    def _show_counts(self, counts: list[int]) -> None:
        if self._closed:
            return
        for row, (view, n) in enumerate(zip(VIEW_ORDER, counts, strict=True)):
            item = self.views.item(row)
            item.setText(f"{view_title(view)}  ({count(n)})" if n else view_title(view))

    # -- agent actions ----------------------------------------------------------------

    def _act(self, job: Callable[[SqlStore], Any], conv_id: int, message: str,
             undo: Callable[[SqlStore], Any] | None = None) -> None:
        def done(_: Any) -> None:
            self.refresh(frozenset({conv_id}))
            self.statusBar().showMessage(message, UNDO_MS)
            if undo is not None:
                self._undo = lambda: self._act(undo, conv_id, tr("Undone"))
                self.undo_button.show()
                QTimer.singleShot(UNDO_MS, self._expire_undo)

        self.writer.submit(job, done, self._failed)

    def _expire_undo(self) -> None:
        self._undo = None
        self.undo_button.hide()

    def undo(self) -> None:
        if self._undo is not None:
            action, self._undo = self._undo, None
            self.undo_button.hide()
            action()

    def _failed(self, exc: Any) -> None:
        self.statusBar().showMessage(tr("Could not do that: %1").replace("%1", str(exc)), 10_000)

    def resolve_current(self) -> None:
        conv_id, agent = self.current_id, self.agent
        if conv_id is None:
            return
        self._act(lambda s: s.resolve(conv_id, actor=agent), conv_id,
                  tr("Conversation resolved"), lambda s: s.reopen(conv_id, actor=agent))

    def reopen_current(self) -> None:
        conv_id, agent = self.current_id, self.agent
        if conv_id is None:
            return
        self._act(lambda s: s.reopen(conv_id, actor=agent), conv_id, tr("Conversation reopened"))

    def snooze_current(self, until: datetime) -> None:
        conv_id, agent = self.current_id, self.agent
        if conv_id is None:
            return
        self._act(lambda s: s.snooze(conv_id, until, actor=agent), conv_id,
                  tr("Snoozed until %1").replace("%1", until.strftime("%Y-%m-%d %H:%M")),
                  lambda s: s.reopen(conv_id, actor=agent))

    def _fill_snooze_menu(self) -> None:
        self.snooze_menu.clear()
        for label, until in snooze_presets(utcnow()):
            act = self.snooze_menu.addAction(label)
            act.triggered.connect(lambda _=False, u=until: self.snooze_current(u))
        self.snooze_menu.addSeparator()
        self.snooze_menu.addAction(tr("Choose a time…")).triggered.connect(self.snooze_custom)

    def snooze_custom(self) -> None:
        if self.current_id is None:
            return
        dialog = SnoozeDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.snooze_current(dialog.chosen())

    # -- sync ---------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.syncer.pending:
            return  # one poll at a time
        credentials = self.credentials

        def job(store: SqlStore) -> tuple[list[SyncReport], list[int]]:
            with gc_pauses.deferred():  # its working set is large and short-lived
                reports = Syncer(store, credentials).sync_all()
                deliver_due(store)  # webhooks rules queued: on this worker, never the GUI's
                return reports, store.wake_snoozed()

        self.syncer.submit(job, self._synced, self._failed)

    def _synced(self, result: tuple[list[SyncReport], list[int]]) -> None:
        reports, woken = result
        self.last_reports = reports
        changed: set[int] = set(woken)
        for r in reports:
            changed |= r.conversations
        if changed:
            self.refresh(frozenset(changed))
        errors = [f"{r.account}: {r.error}" for r in reports if r.error]
        if errors:
            self.sync_label.setText("⚠ " + "; ".join(errors))
            self.sync_label.setToolTip("\n".join(errors))
        elif reports:
            self.sync_label.setText(tr("Up to date · %1").replace(
                "%1", utcnow().astimezone().strftime("%H:%M:%S")))
            self.sync_label.setToolTip("")
        else:
            self.sync_label.setText(tr("No account connected"))
        self.show_notifications()

    def show_notifications(self) -> None:
        """Rule notifications for this agent (or supervisors), shown once, marked seen."""
        if not self.isVisible():
            return  # closed: a sync result still queued must not touch the closed store
        notes = [n for n in self.reader.unseen_notifications() if n.id not in self._noted]
        if not notes:
            return
        ids = [n.id for n in notes]
        self._noted.update(ids)
        convs = self.reader.conversations([n.conversation_id for n in notes
                                           if n.conversation_id is not None])
        self.notifier.show(for_me(notes, self.agent, {i: c.assignee for i, c in convs.items()}))
        at = to_ms(utcnow())
        self.writer.submit(lambda s: s.mark_notifications_seen(ids, at))

    # -- answering ------------------------------------------------------------------

    def send_reply(self, conversation_id: int, text: str, dm: bool) -> None:
        """Persist first (the outbox), show it at once, deliver in the background."""
        agent, undo = self.agent, self.undo_seconds
        uses = self.replies.take_uses(conversation_id)

        def job(s: SqlStore) -> None:
            outbox.enqueue(s, conversation_id, text, dm=dm, agent=agent, undo_seconds=undo)
            for reply_id, language in uses:  # counted when queued, not when inserted
                t.record_use(s, reply_id, agent, conversation_id, language)

        def queued(_: Any) -> None:
            if self.composer.conversation_id == conversation_id:
                self.composer.clear_sent()
            self.refresh(frozenset({conversation_id}))
            self.deliver_now()

        def refused(exc: Any) -> None:
            self.composer.show_notice(str(exc))

        self.writer.submit(job, queued, refused)

    def move_to_dm(self, conversation_id: int) -> None:
        """Answer publicly that we continue in private, then switch to the DM composer."""
        conv = self.reader.conversation(conversation_id)
        self.send_reply(conversation_id, outbox.dm_invite(conv.language, conv.preview), False)
        self.composer.set_dm(True)
        self.composer.editor.setFocus()

    def _save_draft(self, conversation_id: int, text: str, dm: bool) -> None:
        self.writer.submit(lambda s: s.save_draft(conversation_id, text, dm=dm))

    def _outbox_action(self, job: Callable[[SqlStore], Any]) -> None:
        conv_id = self.current_id

        def done(_: Any) -> None:
            if conv_id is not None:
                self.refresh(frozenset({conv_id}))

        self.writer.submit(job, done, self._failed)

    def undo_send(self, item_id: int) -> None:
        item = next((i for i in self.thread_view.pending if i.item.id == item_id), None)
        if item is not None and not self.composer.text().strip():
            self.composer.editor.setPlainText(item.item.text)  # back for editing
            self.composer.set_dm(item.item.kind is ChannelKind.DM)
        self._outbox_action(lambda s: outbox.cancel(s, item_id))

    def retry_send(self, item_id: int) -> None:
        self._outbox_action(lambda s: outbox.retry(s, item_id))
        self.deliver_now()

    def discard_send(self, item_id: int) -> None:
        self._outbox_action(lambda s: outbox.discard(s, item_id))

    def send_as_dm_instead(self, item_id: int) -> None:
        item = next((i.item for i in self.thread_view.pending if i.item.id == item_id), None)
        if item is None:
            return
        self.composer.editor.setPlainText(item.text)
        self.composer.set_dm(True)
        self.composer.editor.setFocus()
        self._outbox_action(lambda s: outbox.discard(s, item_id))

    def deliver_now(self) -> None:
        """Send what is due on the sender thread; keep countdowns in the thread current."""
        if self.current_id is not None and self.thread_view.pending:
            self._show_thread(self.current_id)
        if self.send_worker.pending or not any(
            i.state in (OutboxState.QUEUED, OutboxState.SENDING)
            for i in outbox.pending(self.reader)
        ):
            return
        credentials = self.credentials
        self.send_worker.submit(lambda s: outbox.Outbox(s, credentials).deliver_due(),
                           self._delivered, self._failed)

    def _delivered(self, results: list[outbox.OutboxResult]) -> None:
        changed = frozenset(r.conversation_id for r in results)
        if changed:
            self.refresh(changed)
        waiting = [i for i in outbox.pending(self.reader) if i.state is not OutboxState.FAILED]
        if waiting:
            self.statusBar().showMessage(
                tr("Replies waiting to be sent: %1").replace("%1", count(len(waiting))), 3000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.composer.flush_draft()
        self.poll_timer.stop()
        self.tick_timer.stop()
        self.send_timer.stop()
        self._closed = True
        self.syncer.stop()
        self.send_worker.stop()
        self.writer.stop()
        self.read_worker.stop()
        super().closeEvent(event)
