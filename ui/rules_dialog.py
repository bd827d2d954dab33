"""Rules → Escalation rules…: the supervisor's list of rules and the form to edit one.

The list shows each rule's name, trigger, whether it is on and when it last
fired. Every change (save, delete, switch on/off, import) goes through the
writer worker and can be undone once: the dialog remembers what the touched
rules looked like before. The dry run ("Test against the last 7 days") also
runs on the worker, because replaying a week of messages can take a moment
and must not freeze the window; it changes nothing.

A malformed import file changes nothing either: ``read_rules_file`` rejects
it whole with one line naming the rule, shown under the list.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inbox.rules import Rule, RuleError, read_rules_file, rules_to_json
from inbox.rules_run import RuleMatch, dry_run, ensure_starter_pack, load_rules, save_rules
from inbox.sla import SlaPolicy
from inbox.store import SqlStore
from inbox.timeutil import from_ms, utcnow
from ui.conversation_view import plain_label
from ui.rule_editor import RuleEditor, trigger_label
from ui.sla_dialog import SlaDialog, VipDialog
from ui.text import count, local_time, tr
from ui.urgency import because, short_time
from ui.worker import StoreWorker

DRY_RUN_DAYS = 7
SHOWN_MATCHES = 200
# name -> the rule as it was before a change (None: it did not exist)
Snapshot = dict[str, Rule | None]


def restore(store: SqlStore, snapshot: Snapshot) -> None:
    """Put the rules of ``snapshot`` back as they were (the dialog's undo)."""
    with store.transaction():
        for name, rule in snapshot.items():
            if rule is None:
                store.delete_rule(name)
            else:  # by name: an edited rule keeps its place in the evaluation order
                save_rules(store, [rule])


class RulesDialog(QDialog):
    def __init__(self, reader: SqlStore, writer: StoreWorker, parent: QWidget | None = None,
                 *, clock: Callable[[], datetime] = utcnow) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Escalation rules"))
        self.reader, self.writer, self.clock = reader, writer, clock
        self.rules: list[Rule] = []
        self.editing: str | None = None  # name of the stored rule in the form
        self.undo_snapshot: Snapshot | None = None
        self.matches: list[RuleMatch] = []
        self._build()
        self.resize(1280, 760)
        self.writer.submit(lambda s: ensure_starter_pack(s, self.clock()),
                           lambda _: self.reload(), self._failed)

    # -- layout -------------------------------------------------------------------

    def _build(self) -> None:
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("rules")
        self.table.setHorizontalHeaderLabels([tr("Rule"), tr("When"), tr("On"),
                                              tr("Last fired")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._select(row))
        self.table.itemChanged.connect(self._item_changed)

        self.new_button = QPushButton(tr("New rule"))
        self.new_button.clicked.connect(self.new_rule)
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.clicked.connect(self.delete_current)
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        self.import_button = QPushButton(tr("Import…"))
        self.import_button.clicked.connect(self._choose_import)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.clicked.connect(self._choose_export)
        self.vip_button = QPushButton(tr("VIP list…"))
        self.vip_button.clicked.connect(lambda: VipDialog(self.reader, self.writer, self).open())
        self.sla_button = QPushButton(tr("SLA targets…"))
        self.sla_button.clicked.connect(lambda: SlaDialog(self.reader, self.writer, self).open())
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for b in (self.new_button, self.delete_button, self.undo_button):
            row1.addWidget(b)
        row1.addStretch(1)
        for b in (self.import_button, self.export_button, self.vip_button, self.sla_button):
            row2.addWidget(b)
        row2.addStretch(1)
        self.message = plain_label()
        self.message.setObjectName("rulesMessage")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(row1)
        left_layout.addLayout(row2)
        left_layout.addWidget(self.message)

        self.editor = RuleEditor()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        self.save_button = QPushButton(tr("Save rule"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_current)
        self.editor.validity.connect(self.save_button.setEnabled)
        self.test_button = QPushButton(tr("Test against the last 7 days"))
        self.test_button.clicked.connect(self.test_current)
        self.editor.validity.connect(self.test_button.setEnabled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.summary = plain_label()
        self.results = QTableWidget(0, 3)
        self.results.setObjectName("dryRun")
        self.results.setHorizontalHeaderLabels([tr("When"), tr("Message"), tr("Why")])
        self.results.verticalHeader().hide()
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setWordWrap(False)
        rh = self.results.horizontalHeader()
        rh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        rh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 3)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.results, 2)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([470, 810])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- the list -------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Re-read the rules (GUI-thread store: a few small rows) and keep the selection."""
        select = select if select is not None else self.editing
        self.rules = load_rules(self.reader)
        fired = self.reader.rule_last_fired()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rules))
        for row, rule in enumerate(self.rules):
            last = fired.get(rule.name)
            cells = [rule.name, trigger_label(rule.when), "",
                     short_time(from_ms(last), self.clock()) if last else tr("never")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if column == 2:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setCheckState(Qt.CheckState.Checked if rule.enabled
                                       else Qt.CheckState.Unchecked)
                item.setFlags(flags)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        names = [r.name for r in self.rules]
        if select in names:
            self.table.blockSignals(True)
            self.table.setCurrentCell(names.index(select), 0)
            self.table.blockSignals(False)
        elif self.editing is not None:
            self.new_rule()
        self.delete_button.setEnabled(self.editing is not None)

    def _select(self, row: int) -> None:
        if 0 <= row < len(self.rules):
            rule = self.rules[row]
            self.editing = rule.name
            self.editor.set_rule(rule)
            self.delete_button.setEnabled(True)
            self._clear_results()

    def new_rule(self) -> None:
        self.editing = None
        self.table.clearSelection()
        self.editor.set_rule(None)
        self.delete_button.setEnabled(False)
        self._clear_results()
        self.editor.name.setFocus()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 2 or not 0 <= item.row() < len(self.rules):
            return
        rule = self.rules[item.row()]
        on = item.checkState() == Qt.CheckState.Checked
        if on != rule.enabled:
            message = tr("“%1” switched on") if on else tr("“%1” switched off")
            self._change({rule.name: rule}, [replace(rule, enabled=on)], [],
                         message.replace("%1", rule.name), rule.name)

    # -- changes (all through the writer, all undoable once) ----------------------------

    def _change(self, before: Snapshot, save: list[Rule], delete: list[str], message: str,
                select: str | None) -> None:
        def job(store: SqlStore) -> None:
            with store.transaction():
                for name in delete:
                    store.delete_rule(name)
                save_rules(store, save, now=self.clock())

        def done(_: Any) -> None:
            self.undo_snapshot = before
            self.undo_button.show()
            self.message.setText(message)
            self.editing = select
            self.reload(select)

        self.writer.submit(job, done, self._failed)

    def save_current(self) -> None:
        if not self.editor.validate():
            return
        rule = self.editor.rule()
        assert rule is not None
        by_name = {r.name: r for r in self.rules}
        if rule.name != self.editing and rule.name in by_name:
            self.editor.error.setText(tr("Not saved yet: another rule is already called “%1”.")
                                      .replace("%1", rule.name))
            return
        before: Snapshot = {rule.name: by_name.get(rule.name)}
        delete = []
        if self.editing is not None and self.editing != rule.name:  # renamed
            before[self.editing] = by_name.get(self.editing)
            delete.append(self.editing)
        self._change(before, [rule], delete, tr("“%1” saved").replace("%1", rule.name),
                     rule.name)

    def delete_current(self) -> None:
        rule = next((r for r in self.rules if r.name == self.editing), None)
        if rule is None:
            return
        self._change({rule.name: rule}, [], [rule.name],
                     tr("“%1” deleted").replace("%1", rule.name), None)

    def undo(self) -> None:
        snapshot, self.undo_snapshot = self.undo_snapshot, None
        self.undo_button.hide()
        if snapshot is None:
            return
        select = next(iter(snapshot))

        def done(_: Any) -> None:
            self.message.setText(tr("Undone"))
            self.editing = select if snapshot.get(select) else None
            self.reload(select)
            if self.editing is None:
                self.new_rule()

        self.writer.submit(lambda s: restore(s, snapshot), done, self._failed)

    def _failed(self, exc: Any) -> None:
        self.message.setText(tr("Could not do that: %1").replace("%1", str(exc)))

    # -- dry run -----------------------------------------------------------------------

    def _clear_results(self) -> None:
        self.matches = []
        self.results.setRowCount(0)
        self.summary.setText("")

    def test_current(self) -> None:
        """What the rule in the form would have matched; nothing is changed or saved."""
        rule = self.editor.rule()
        if rule is None:
            return
        now = self.clock()
        self.test_button.setEnabled(False)
        self.summary.setText(tr("Testing…"))
        self.writer.submit(lambda s: dry_run(s, rule, DRY_RUN_DAYS, now=now),
                           self._tested, self._test_failed)

    def _test_failed(self, exc: Any) -> None:
        self.test_button.setEnabled(True)
        self._failed(exc)

    def _tested(self, matches: list[RuleMatch]) -> None:
        self.test_button.setEnabled(self.editor.rule() is not None)
        self.matches = matches
        conversations = len({m.conversation_id for m in matches})
        if not matches:
            self.summary.setText(tr("It would not have matched anything in the last 7 days."))
        else:
            self.summary.setText(tr("Matches in the last 7 days: %1 · conversations: %2")
                                 .replace("%1", count(len(matches)))
                                 .replace("%2", count(conversations)))
        shown = matches[-SHOWN_MATCHES:][::-1]  # newest first
        self.results.setRowCount(len(shown))
        for row, m in enumerate(shown):
            for column, text in enumerate((local_time(m.at), " ".join(m.text.split()),
                                           because(m.reason))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.results.setItem(row, column, item)
        self.results.setColumnWidth(0, 130)
        self.results.setColumnWidth(1, 300)

    # -- import / export ------------------------------------------------------------------

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import rules"), "",
                                              tr("Rules (*.json)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """All or nothing: a malformed file is named in one line and nothing changes."""
        try:
            rules = read_rules_file(path)
            raw: Any = json.loads(path.read_text(encoding="utf-8"))
            policy = (SlaPolicy.from_json(raw["sla"])
                      if isinstance(raw, dict) and "sla" in raw else None)
        except (RuleError, OSError, UnicodeDecodeError) as exc:
            self.message.setText(tr("Nothing imported: %1").replace("%1", str(exc)))
            return
        by_name = {r.name: r for r in self.rules}
        before: Snapshot = {r.name: by_name.get(r.name) for r in rules}
        self._change(before, rules, [],
                     tr("Imported %1 rules").replace("%1", count(len(rules))), self.editing)
        if policy is not None:
            self.writer.submit(policy.save)

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export rules"), "rules.json",
                                              tr("Rules (*.json)"))
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        try:
            path.write_text(rules_to_json(load_rules(self.reader)), encoding="utf-8")
        except OSError as exc:
            self.message.setText(tr("Could not do that: %1").replace("%1", str(exc)))
            return
        self.message.setText(tr("Exported %1 rules").replace("%1", count(len(self.rules))))
