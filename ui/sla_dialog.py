"""SLA targets and the VIP list: the two settings rules depend on, edited in small dialogs.

Both read from the GUI thread's store (tiny configuration tables) and save
through the writer worker, so a busy sync never freezes the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inbox.domain import ChannelKind, Priority
from inbox.sla import SlaPolicy, Targets
from inbox.store import SqlStore
from ui.rule_values import kind_label
from ui.text import priority_name, tr
from ui.worker import StoreWorker

MAX_MINUTES = 60 * 24 * 60  # 60 days


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SlaDialog(QDialog):
    """Response and resolution targets per channel and priority, and the warning window."""

    def __init__(self, reader: SqlStore, writer: StoreWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("SLA targets"))
        self.writer = writer
        policy = SlaPolicy.load(reader)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("How long a customer may wait, in minutes. The badge in "
                                   "the queue turns amber inside the warning window and red "
                                   "once a target is missed.")))
        self.keys = [(k, p) for k in ChannelKind for p in sorted(Priority, reverse=True)]
        self.table = QTableWidget(len(self.keys), 5)
        self.table.setHorizontalHeaderLabels([tr("Channel"), tr("Priority"),
                                              tr("First response"), tr("Next response"),
                                              tr("Resolution")])
        self.table.verticalHeader().hide()
        self.spins: list[tuple[QSpinBox, QSpinBox, QSpinBox]] = []
        warning = 80
        for row, (kind, priority) in enumerate(self.keys):
            t = policy.for_(kind, priority)
            if t is not None:
                warning = t.warning_percent
            for column, text in ((0, kind_label(kind.value)),
                                 (1, priority_name(priority) or tr("None"))):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
            values = (t.first_response_s, t.next_response_s, t.resolution_s) if t else (0, 0, 0)
            spins = []
            for column, seconds in enumerate(values, start=2):
                spin = QSpinBox()
                spin.setRange(1, MAX_MINUTES)
                spin.setValue(max(1, seconds // 60))
                self.table.setCellWidget(row, column, spin)
                spins.append(spin)
            self.spins.append((spins[0], spins[1], spins[2]))
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        line = QHBoxLayout()
        line.addWidget(QLabel(tr("Warn when this much of a target has passed:")))
        self.warning = QSpinBox()
        self.warning.setRange(1, 100)
        self.warning.setSuffix(" %")
        self.warning.setValue(warning)
        line.addWidget(self.warning)
        line.addStretch(1)
        layout.addLayout(line)
        layout.addWidget(_buttons(self))
        self.resize(720, 480)

    def policy(self) -> SlaPolicy:
        warn = self.warning.value()
        return SlaPolicy({key: Targets(first.value() * 60, nxt.value() * 60, res.value() * 60,
                                       warn)
                          for key, (first, nxt, res) in zip(self.keys, self.spins, strict=True)})

    def accept(self) -> None:
        policy = self.policy()
        self.writer.submit(policy.save)
        super().accept()


class VipDialog(QDialog):
    """The handles the ``On the VIP list`` condition looks for, one per line."""

    def __init__(self, reader: SqlStore, writer: StoreWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("VIP list"))
        self.writer = writer
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("X handles of customers to treat as VIPs, one per line "
                                   "(with or without @).")))
        self.edit = QPlainTextEdit()
        self.edit.setPlainText("\n".join("@" + h for h in sorted(reader.vip_handles())))
        layout.addWidget(self.edit)
        layout.addWidget(_buttons(self))
        self.resize(360, 420)

    def handles(self) -> list[str]:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]

    def accept(self) -> None:
        handles = self.handles()
        self.writer.submit(lambda s: s.set_vip_handles(handles))
        super().accept()
