"""Reply → Saved replies…: the team's library, searched, edited, shared as a file.

Reads (the list, search, usage) use the window's reader store on the GUI
thread: small indexed queries. Every write (save, duplicate, delete, undo,
import) goes through the window's writer worker, so the dialog never waits on
a writer's lock; the list is re-read when the write is done. A delete can be
undone from the status line for a while (``templates.restore``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inbox import template_files as tf
from inbox import templates as t
from inbox.store import SqlStore
from ui.conversation_view import plain_label
from ui.saved_reply_form import ReplyForm
from ui.text import count, isolate, tr
from ui.worker import StoreWorker

UNDO_MS = 15_000


class SavedRepliesDialog(QDialog):
    NAME, SHORTCUT, CATEGORY, USES = range(4)

    def __init__(self, reader: SqlStore, writer: StoreWorker, agent: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Saved replies"))
        self.resize(1150, 720)
        self.reader, self.writer, self.agent = reader, writer, agent
        self.current_id: int | None = None
        self.dirty = False
        self._deleted: t.Deleted | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search by shortcut, name or text"))
        self.search.setClearButtonEnabled(True)
        self.list = QTreeWidget()
        self.list.setObjectName("library")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([tr("Name"), tr("Shortcut"), tr("Category"), tr("Uses")])
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (self.SHORTCUT, self.CATEGORY, self.USES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.new_button = QPushButton(tr("New"))
        self.duplicate_button = QPushButton(tr("Duplicate"))
        self.delete_button = QPushButton(tr("Delete"))
        self.import_button = QPushButton(tr("Import…"))
        self.export_button = QPushButton(tr("Export…"))
        self.form = ReplyForm(agent)
        self.save_button = QPushButton(tr("Save"))
        self.save_button.setDefault(True)
        self.status = plain_label()
        self.status.setObjectName("status")
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 1)
        actions = QHBoxLayout()
        for b in (self.new_button, self.duplicate_button, self.delete_button):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (self.import_button, self.export_button):
            actions.addWidget(b)
        left_layout.addLayout(actions)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form, 1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        right_layout.addLayout(save_row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 590])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.undo_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.search.textChanged.connect(lambda _: self.reload(self.current_id))
        self.list.currentItemChanged.connect(self._selected)
        self.form.changed.connect(self._edited)
        self.new_button.clicked.connect(self.new_reply)
        self.duplicate_button.clicked.connect(self.duplicate_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.import_button.clicked.connect(self._choose_import)
        self.export_button.clicked.connect(self._choose_export)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self.undo_delete)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._expire_undo)
        self.reload(None)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)

    # -- the list -------------------------------------------------------------------------

    def replies(self) -> list[t.SavedReply]:
        query = self.search.text().strip()
        if query:
            return t.search(self.reader, query, agent=self.agent, limit=None)
        return t.library(self.reader, agent=self.agent)

    def reload(self, select: int | None) -> None:
        """Re-read the list (after a write or a new search), keeping ``select`` chosen."""
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QTreeWidgetItem | None = None
        for reply in self.replies():
            name = reply.name if reply.shared else f"{reply.name}  ({tr('only me')})"
            if reply.approved:
                name = "✔ " + name
            item = QTreeWidgetItem([name, isolate("/" + reply.shortcut), reply.category,
                                    count(reply.uses)])
            item.setData(0, Qt.ItemDataRole.UserRole, reply.id)
            item.setTextAlignment(self.USES, Qt.AlignmentFlag.AlignCenter)
            if reply.approved:
                item.setToolTip(self.NAME, tr("Approved statement"))
            self.list.addTopLevelItem(item)
            if reply.id == select:
                chosen = item
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        self.list.blockSignals(False)
        if select is not None and chosen is not None and not self.dirty:
            self.show_reply(select)
        self._update_buttons()

    def _selected(self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        if self.dirty and not self._confirm_discard():
            self.list.blockSignals(True)
            if previous is not None:
                self.list.setCurrentItem(previous)
            self.list.blockSignals(False)
            return
        self.show_reply(int(current.data(0, Qt.ItemDataRole.UserRole)))

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(self, tr("Saved replies"),
                                      tr("Discard the changes you have not saved?"))
        return answer == QMessageBox.StandardButton.Yes

    def categories(self) -> list[str]:
        found = {r.category for r in t.library(self.reader, agent=self.agent) if r.category}
        return sorted(found)

    def show_reply(self, reply_id: int | None) -> None:
        self.current_id = reply_id
        reply = None if reply_id is None else t.get(self.reader, reply_id)
        usage = None if reply_id is None else t.usage(self.reader, reply_id)
        self.form.load(reply, self.categories(), usage)
        self.dirty = False
        self._update_buttons()

    def _edited(self) -> None:
        self.dirty = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.dirty and not self.form.problems())
        self.duplicate_button.setEnabled(self.current_id is not None)
        self.delete_button.setEnabled(self.current_id is not None)

    def tell(self, message: str, *, error: bool = False) -> None:
        self.status.setText(message)
        self.status.setStyleSheet("color: #b42318;" if error else "")

    # -- writes, on the writer thread -------------------------------------------------------

    def _write(self, job: Callable[[SqlStore], Any], done: Callable[[Any], None]) -> None:
        self.writer.submit(job, done, lambda exc: self.tell(str(exc), error=True))

    def new_reply(self) -> None:
        if self.dirty and not self._confirm_discard():
            return
        self.list.clearSelection()
        self.show_reply(None)
        self.form.name.setFocus()
        self.tell(tr("New saved reply: fill in a name, a shortcut and its text."))

    def save(self) -> None:
        draft, reply_id = self.form.draft(), self.current_id
        if self.form.problems():
            return

        def job(s: SqlStore) -> t.SavedReply:
            return t.create(s, draft) if reply_id is None else t.update(s, reply_id, draft)

        def done(reply: t.SavedReply) -> None:
            self.dirty = False
            self.reload(reply.id)
            self.tell(tr("Saved “%1”.").replace("%1", reply.name))

        self._write(job, done)

    def duplicate_current(self) -> None:
        reply_id = self.current_id
        if reply_id is None:
            return

        def done(copy: t.SavedReply) -> None:
            self.dirty = False
            self.reload(copy.id)
            self.tell(tr("Duplicated as /%1: rename it and change what differs.")
                      .replace("%1", copy.shortcut))

        self._write(lambda s: t.duplicate(s, reply_id), done)

    def delete_current(self) -> None:
        reply_id = self.current_id
        if reply_id is None:
            return

        def done(deleted: t.Deleted) -> None:
            self._deleted = deleted
            self.dirty = False
            self.current_id = None
            self.reload(None)
            self.show_reply(None)
            self.tell(tr("Deleted “%1”.").replace("%1", deleted.name))
            self.undo_button.show()
            self._undo_timer.start(UNDO_MS)

        self._write(lambda s: t.delete(s, reply_id), done)

    def undo_delete(self) -> None:
        deleted, self._deleted = self._deleted, None
        self._expire_undo()
        if deleted is None:
            return

        def done(reply: t.SavedReply) -> None:
            self.dirty = False
            self.reload(reply.id)
            self.tell(tr("Restored “%1”.").replace("%1", reply.name))

        self._write(lambda s: t.restore(s, deleted), done)

    def _expire_undo(self) -> None:
        self._undo_timer.stop()
        self.undo_button.hide()

    # -- files ---------------------------------------------------------------------------

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import saved replies"), "",
                                              tr("Saved replies (*.json)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        """All or nothing: a wrong entry is named in the status line and nothing changes."""
        agent = self.agent

        def done(report: tf.ImportReport) -> None:
            self.reload(self.current_id)
            self.tell(tr("Imported: %1 new, %2 updated.").replace(
                "%1", count(report.created)).replace("%2", count(report.updated)))

        self._write(lambda s: tf.import_file(s, path, agent=agent), done)

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export saved replies"),
                                              "saved-replies.json",
                                              tr("Saved replies (*.json)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        text, n = tf.export_text(self.reader, agent=self.agent)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.tell(tr("Could not write %1: %2").replace("%1", str(path))
                      .replace("%2", exc.strerror or str(exc)), error=True)
            return
        self.tell(tr("Exported %1 saved replies to %2.").replace("%1", count(n))
                  .replace("%2", str(path)))
