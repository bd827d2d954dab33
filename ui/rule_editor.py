"""One escalation rule as a form: when, which conditions, what to do.

The form builds the rule's JSON (DESIGN.md) and hands it to
``inbox.rules.parse_rule`` after every edit, so the supervisor sees what is
wrong in words while typing and Save stays disabled until the rule is valid;
nothing here re-implements validation. Field and operator drop-downs only
offer what ``inbox.rules.FIELDS`` allows, so most mistakes cannot be made.

Webhook URLs can carry secret tokens: their field is masked except while it
is being edited, and only the host is shown beside it.
"""

from __future__ import annotations

import contextlib
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inbox.rules import ACTIONS, FIELDS, PRIORITY_NAMES, Rule, RuleError, Trigger, parse_rule
from ui.conversation_view import plain_label
from ui.rule_values import ValueEditor, make_value_editor, priority_label
from ui.text import tr


def trigger_label(trigger: Trigger) -> str:
    return {
        Trigger.MESSAGE_RECEIVED: tr("A message is received"),
        Trigger.WAITING: tr("A customer has waited without a human reply"),
        Trigger.SLA_WARNING: tr("An SLA target is about to be missed"),
        Trigger.SLA_BREACH: tr("An SLA target is missed"),
    }[trigger]


def field_label(field: str) -> str:
    return {
        "text": tr("Message text"),
        "kind": tr("Channel"),
        "language": tr("Language"),
        "contact.followers": tr("Followers"),
        "contact.verified": tr("Verified account"),
        "contact.vip": tr("On the VIP list"),
        "contact.handle": tr("Customer handle"),
        "tags": tr("Tags"),
        "priority": tr("Priority"),
        "status": tr("Status"),
        "waiting_minutes": tr("Waiting time"),
        "spike": tr("Spike: many matching messages"),
    }[field]


def op_label(field: str, op: str) -> str:
    if field == "spike":
        return tr("more than") if op == ">" else tr("at least")
    words = {
        "contains_any": tr("contains any of") if field != "tags" else tr("has any of"),
        "matches": tr("matches the pattern"),
        "in": tr("is one of"),
        "==": tr("is"),
        "!=": tr("is not"),
    }
    numbers = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}
    if field == "priority":
        numbers = {">=": tr("is at least"), "<=": tr("is at most"), ">": tr("is above"),
                   "<": tr("is below")}
    return words.get(op) or numbers[op]


def action_label(action: str) -> str:
    return {
        "set_priority": tr("Set priority"),
        "add_tag": tr("Add tag"),
        "assign": tr("Assign to"),
        "notify": tr("Notify"),
        "webhook": tr("Send a webhook"),
    }[action]


def _remove_button(tip: str) -> QToolButton:
    button = QToolButton()
    button.setText("✕")
    button.setToolTip(tip)
    return button


class ConditionRow(QWidget):
    """Field, operator and a value editor suited to both."""

    changed = Signal()
    remove = Signal(object)

    def __init__(self, field: str = "text", op: str | None = None, value: Any = None) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.field = QComboBox()
        for name in FIELDS:
            self.field.addItem(field_label(name), name)
        self.op = QComboBox()
        self.editor: ValueEditor | None = None
        self._holder = QHBoxLayout()
        remove = _remove_button(tr("Remove this condition"))
        remove.clicked.connect(lambda: self.remove.emit(self))
        row.addWidget(self.field)
        row.addWidget(self.op)
        row.addLayout(self._holder, 1)
        row.addWidget(remove)
        self.field.setCurrentIndex(self.field.findData(field))
        self._fill_ops(op)
        self._new_editor(value)
        self.field.currentIndexChanged.connect(self._field_changed)
        self.op.currentIndexChanged.connect(self._op_changed)

    def _fill_ops(self, op: str | None) -> None:
        field = str(self.field.currentData())
        self.op.blockSignals(True)
        self.op.clear()
        for name in FIELDS[field]:
            self.op.addItem(op_label(field, name), name)
        index = self.op.findData(op) if op is not None else 0
        self.op.setCurrentIndex(max(0, index))
        self.op.blockSignals(False)

    def _new_editor(self, value: Any = None) -> None:
        if self.editor is not None:
            self.editor.deleteLater()
        self.editor = make_value_editor(str(self.field.currentData()), str(self.op.currentData()))
        if value is not None:
            self.editor.set_value(value)
        self.editor.changed.connect(self.changed)
        self._holder.addWidget(self.editor)

    def _field_changed(self) -> None:
        self._fill_ops(None)
        self._new_editor()
        self.changed.emit()

    def _op_changed(self) -> None:
        old = self.editor.value() if self.editor is not None else None
        self._new_editor()
        assert self.editor is not None
        if old not in (None, "", []):
            with contextlib.suppress(TypeError, ValueError):
                self.editor.set_value(old)  # keep what was typed when it still fits
        self.changed.emit()

    def to_json(self) -> dict[str, Any]:
        assert self.editor is not None
        return {"field": self.field.currentData(), "op": self.op.currentData(),
                "value": self.editor.value()}


class ActionRow(QWidget):
    """What to do: the action and its value, in the editor that suits it."""

    changed = Signal()
    remove = Signal(object)

    def __init__(self, kind: str = "add_tag", value: str = "") -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        for name in ACTIONS:
            self.kind.addItem(action_label(name), name)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.choice = QComboBox()  # set_priority, notify
        self.text = QLineEdit()  # add_tag, assign, webhook
        self.host = plain_label(wrap=False)
        self.host.setObjectName("meta")
        remove = _remove_button(tr("Remove this action"))
        remove.clicked.connect(lambda: self.remove.emit(self))
        for w in (self.kind, self.choice):
            row.addWidget(w)
        row.addWidget(self.text, 1)
        row.addWidget(self.host)
        row.addWidget(remove)
        self._configure(value)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.choice.currentIndexChanged.connect(self.changed)
        self.choice.editTextChanged.connect(self.changed)
        self.text.textChanged.connect(self._text_changed)

    def _configure(self, value: str) -> None:
        kind = str(self.kind.currentData())
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.setEditable(False)
        if kind == "set_priority":
            for name in PRIORITY_NAMES:
                if name != "none":
                    self.choice.addItem(priority_label(name), name)
            self.choice.addItem(tr("one level higher"), "raise")
            self.choice.setCurrentIndex(max(0, self.choice.findData(value or "high")))
        elif kind == "notify":
            self.choice.setEditable(True)
            self.choice.addItem(tr("the assignee"), "assignee")
            self.choice.addItem(tr("supervisors"), "supervisors")
            index = self.choice.findData(value or "assignee")
            if index >= 0:
                self.choice.setCurrentIndex(index)
            else:
                self.choice.setEditText(value)
        self.choice.blockSignals(False)
        self.choice.setVisible(kind in ("set_priority", "notify"))
        self.text.setVisible(kind not in ("set_priority", "notify"))
        self.text.blockSignals(True)
        self.text.setText(value if kind not in ("set_priority", "notify") else "")
        self.text.blockSignals(False)
        self.text.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit if kind == "webhook"
                              else QLineEdit.EchoMode.Normal)
        self.text.setPlaceholderText({
            "add_tag": tr("tag, e.g. urgent"),
            "assign": tr("an agent's name, or team:NAME"),
            "webhook": tr("https://hooks.slack.com/… (kept secret)"),
        }.get(kind, ""))
        self._show_host()

    def _kind_changed(self) -> None:
        self._configure("")
        self.changed.emit()

    def _text_changed(self) -> None:
        self._show_host()
        self.changed.emit()

    def _show_host(self) -> None:
        """Beside a masked webhook URL: only where it goes, never the secret path."""
        host = urlsplit(self.text.text().strip()).hostname if self.kind.currentData() == \
            "webhook" else None
        self.host.setText(tr("to %1").replace("%1", host) if host else "")
        self.host.setVisible(bool(host))

    def to_json(self) -> dict[str, Any]:
        kind = str(self.kind.currentData())
        if kind == "set_priority":
            value: str = str(self.choice.currentData())
        elif kind == "notify":
            text = self.choice.currentText().strip()
            index = self.choice.findText(text)
            value = str(self.choice.itemData(index)) if index >= 0 else text
        else:
            value = self.text.text().strip()
        return {"type": kind, "value": value}


class RuleEditor(QFrame):
    """The whole rule; ``validity`` says whether it can be saved, and why not."""

    validity = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleEditor")
        outer = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("e.g. Refund requests"))
        self.trigger = QComboBox()
        for trigger in Trigger:
            self.trigger.addItem(trigger_label(trigger), trigger.value)
        self.after = QSpinBox()
        self.after.setRange(1, 7 * 24 * 60)
        self.after.setValue(60)
        self.after.setSuffix(" " + tr("min"))
        self.after_label = QLabel(tr("after"))
        when = QHBoxLayout()
        when.addWidget(self.trigger, 1)
        when.addWidget(self.after_label)
        when.addWidget(self.after)
        self.match = QComboBox()
        self.match.addItem(tr("all of these conditions hold"), "all")
        self.match.addItem(tr("any of these conditions holds"), "any")
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("When"), when)
        form.addRow(tr("If"), self.match)
        outer.addLayout(form)
        self.conditions_box = QVBoxLayout()
        outer.addLayout(self.conditions_box)
        self.add_condition_button = QPushButton(tr("Add a condition"))
        self.add_condition_button.clicked.connect(lambda: self.add_condition())
        outer.addWidget(self.add_condition_button)
        outer.addWidget(QLabel(tr("Then")))
        self.actions_box = QVBoxLayout()
        outer.addLayout(self.actions_box)
        self.add_action_button = QPushButton(tr("Add an action"))
        self.add_action_button.clicked.connect(lambda: self.add_action())
        outer.addWidget(self.add_action_button)
        self.error = plain_label()
        self.error.setObjectName("ruleError")
        self.error.setStyleSheet("color: #b42318;")
        outer.addWidget(self.error)
        outer.addStretch(1)
        self.condition_rows: list[ConditionRow] = []
        self.action_rows: list[ActionRow] = []
        self.enabled = True
        for signal in (self.name.textChanged, self.trigger.currentIndexChanged,
                       self.after.valueChanged, self.match.currentIndexChanged):
            signal.connect(self.validate)
        self.set_rule(None)

    # -- rows -------------------------------------------------------------------

    def add_condition(self, field: str = "text", op: str | None = None,
                      value: Any = None) -> ConditionRow:
        row = ConditionRow(field, op, value)
        row.changed.connect(self.validate)
        row.remove.connect(self._remove_condition)
        self.condition_rows.append(row)
        self.conditions_box.addWidget(row)
        self.validate()
        return row

    def add_action(self, kind: str = "add_tag", value: str = "") -> ActionRow:
        row = ActionRow(kind, value)
        row.changed.connect(self.validate)
        row.remove.connect(self._remove_action)
        self.action_rows.append(row)
        self.actions_box.addWidget(row)
        self.validate()
        return row

    def _remove_condition(self, row: ConditionRow) -> None:
        self.condition_rows.remove(row)
        row.deleteLater()
        self.validate()

    def _remove_action(self, row: ActionRow) -> None:
        self.action_rows.remove(row)
        row.deleteLater()
        self.validate()

    # -- the rule ---------------------------------------------------------------

    def set_rule(self, rule: Rule | None) -> None:
        """Show ``rule`` for editing, or a blank new rule (one condition, one action)."""
        for row in [*self.condition_rows, *self.action_rows]:
            row.hide()
            row.deleteLater()
        self.condition_rows, self.action_rows = [], []
        self.name.setText(rule.name if rule else "")
        trigger = rule.when if rule else Trigger.MESSAGE_RECEIVED
        self.trigger.setCurrentIndex(self.trigger.findData(trigger.value))
        self.after.setValue(rule.after_minutes or 60 if rule else 60)
        self.match.setCurrentIndex(self.match.findData(rule.match if rule else "all"))
        self.enabled = rule.enabled if rule else True
        if rule is None:
            self.add_condition()
            self.add_action()
        else:
            for c in rule.conditions:
                self.add_condition(c.field, c.op, c.value)
            for a in rule.actions:
                self.add_action(a.type, a.value)
        self.validate()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name.text().strip(),
                                "when": self.trigger.currentData(),
                                "match": self.match.currentData(),
                                "conditions": [r.to_json() for r in self.condition_rows],
                                "actions": [r.to_json() for r in self.action_rows],
                                "enabled": self.enabled}
        if data["when"] == Trigger.WAITING.value:
            data["after_minutes"] = self.after.value()
        return data

    def rule(self) -> Rule | None:
        try:
            return parse_rule(self.to_json())
        except RuleError:
            return None

    def validate(self) -> bool:
        waiting = self.trigger.currentData() == Trigger.WAITING.value
        self.after.setVisible(waiting)
        self.after_label.setVisible(waiting)
        try:
            parse_rule(self.to_json())
        except RuleError as exc:
            self.error.setText(tr("Not saved yet: %1").replace("%1", str(exc)))
            self.validity.emit(False)
            return False
        self.error.setText("")
        self.validity.emit(True)
        return True
