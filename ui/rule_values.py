"""The value editor a rule condition needs, chosen by its field and operator.

A supervisor never types JSON: a word list is a line of words separated by
commas (Latin or Arabic), a number is a spin box, yes/no and the closed sets
(kind, priority, status) are drop-downs or check boxes. Each editor turns its
contents into exactly the JSON value ``inbox.rules.parse_rule`` expects, and
back, so validation messages come from one place (the core).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from inbox.domain import ChannelKind, Status
from inbox.rules import PRIORITY_NAMES
from ui.text import priority_name, tr

# Latin comma, Arabic comma and semicolons all separate words in a list.
_SEPARATORS = re.compile(r"[,،;؛\n]")
LANGUAGES = ("ar", "en", "fr", "tr", "ur", "fa", "es", "de")


def kind_label(kind: str) -> str:
    return tr("Public mention") if kind == ChannelKind.MENTION.value else tr("Direct message")


def status_label(status: str) -> str:
    return {"open": tr("Open"), "pending": tr("Pending"), "snoozed": tr("Snoozed"),
            "resolved": tr("Resolved")}[status]


def priority_label(name: str) -> str:
    return priority_name(PRIORITY_NAMES[name]) or tr("None")


def split_words(text: str) -> list[str]:
    return [w.strip() for w in _SEPARATORS.split(text) if w.strip()]


class ValueEditor(QWidget):
    """Base: ``value()`` is the JSON value; ``changed`` fires on every edit."""

    changed = Signal()

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class _Row(ValueEditor):
    def __init__(self) -> None:
        super().__init__()
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)


class TextValue(_Row):
    """Free text, a word list or a regular expression."""

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode
        self.edit = QLineEdit()
        self.edit.setPlaceholderText({
            "words": tr("words or phrases, separated by commas"),
            "regex": tr("a regular expression, e.g. order\\s*#?\\d+"),
        }.get(mode, ""))
        self.edit.textChanged.connect(self.changed)
        self.row.addWidget(self.edit)

    def value(self) -> Any:
        text = self.edit.text()
        if self.mode == "words":
            return split_words(text)
        return text if self.mode == "regex" else text.strip()

    def set_value(self, value: Any) -> None:
        if isinstance(value, list):
            self.edit.setText(", ".join(str(v) for v in value))
        else:
            self.edit.setText("" if value is None else str(value))
        self.edit.setCursorPosition(0)  # a long list shows from its first word


class NumberValue(_Row):
    def __init__(self, suffix: str = "") -> None:
        super().__init__()
        self.spin = QSpinBox()
        self.spin.setRange(0, 2_000_000_000)
        self.spin.setGroupSeparatorShown(True)
        if suffix:
            self.spin.setSuffix(suffix)
        self.spin.valueChanged.connect(self.changed)
        self.row.addWidget(self.spin)

    def value(self) -> Any:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        self.spin.setValue(int(value) if isinstance(value, int | float) else 0)


class ChoiceValue(_Row):
    """One of a closed set; ``editable`` also takes a value not in the list (languages)."""

    def __init__(self, choices: list[tuple[str, Any]], editable: bool = False) -> None:
        super().__init__()
        self.combo = QComboBox()
        self.combo.setEditable(editable)
        for label, data in choices:
            self.combo.addItem(label, data)
        self.combo.currentIndexChanged.connect(self.changed)
        self.combo.editTextChanged.connect(self.changed)
        self.row.addWidget(self.combo)

    def value(self) -> Any:
        if self.combo.isEditable():
            text = self.combo.currentText().strip()
            index = self.combo.findText(text)
            return self.combo.itemData(index) if index >= 0 else text.lower()
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        elif self.combo.isEditable():
            self.combo.setEditText(str(value))


class ManyValue(_Row):
    """Several of a closed set (the ``in`` operator on kind, priority, status)."""

    def __init__(self, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.boxes: list[tuple[QCheckBox, str]] = []
        for label, data in choices:
            box = QCheckBox(label)
            box.toggled.connect(self.changed)
            self.row.addWidget(box)
            self.boxes.append((box, data))
        self.row.addStretch(1)

    def value(self) -> Any:
        return [data for box, data in self.boxes if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for box, data in self.boxes:
            box.setChecked(data in chosen)


class SpikeValue(_Row):
    """"more than N messages matching this rule in the last M minutes"."""

    def __init__(self) -> None:
        super().__init__()
        self.count = QSpinBox()
        self.count.setRange(1, 100_000)
        self.count.setValue(10)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 7 * 24 * 60)
        self.minutes.setValue(30)
        self.row.addWidget(self.count)
        self.row.addWidget(QLabel(tr("messages in")))
        self.row.addWidget(self.minutes)
        self.row.addWidget(QLabel(tr("minutes")))
        for spin in (self.count, self.minutes):
            spin.valueChanged.connect(self.changed)

    def value(self) -> Any:
        return {"count": self.count.value(), "minutes": self.minutes.value()}

    def set_value(self, value: Any) -> None:
        if isinstance(value, dict):
            self.count.setValue(int(value.get("count", 10)))
            self.minutes.setValue(int(value.get("minutes", 30)))


def _kinds() -> list[tuple[str, str]]:
    return [(kind_label(k.value), k.value) for k in ChannelKind]


def _priorities() -> list[tuple[str, str]]:
    return [(priority_label(name), name) for name in PRIORITY_NAMES]


def _statuses() -> list[tuple[str, str]]:
    return [(status_label(s.value), s.value) for s in Status]


def make_value_editor(field: str, op: str) -> ValueEditor:
    """The editor that suits ``field`` with ``op``."""
    if field == "spike":
        return SpikeValue()
    if op == "matches":
        return TextValue("regex")
    if op == "contains_any" or (op == "in" and field in ("language", "contact.handle", "tags")):
        return TextValue("words")
    if op == "in":
        return ManyValue({"kind": _kinds, "priority": _priorities, "status": _statuses}[field]())
    if field in ("contact.verified", "contact.vip"):
        return ChoiceValue([(tr("yes"), True), (tr("no"), False)])
    if field == "contact.followers":
        return NumberValue()
    if field == "waiting_minutes":
        return NumberValue(" " + tr("min"))
    if field == "kind":
        return ChoiceValue(list(_kinds()))
    if field == "priority":
        return ChoiceValue(list(_priorities()))
    if field == "status":
        return ChoiceValue(list(_statuses()))
    if field == "language":
        return ChoiceValue([(code, code) for code in LANGUAGES], editable=True)
    return TextValue("text")
