"""One saved reply in the editor: its fields, a tab per language, problems and previews.

Everything is checked as the person types (``inbox.templates.check``): a wrong
``{{variable}}`` is named with its position and highlighted in the variant,
and each variant is previewed for a sample customer with the length X will
count, so nobody learns at send time that the approved wording is 290 long.
Arabic variants are written and previewed right to left.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from inbox import templates as t
from inbox.xtext import MAX_POST_WEIGHT, utf16_index
from ui.conversation_view import plain_label
from ui.text import count, isolate, tr

LANGUAGES = ("ar", "en")  # every reply gets these tabs; others appear when a reply has them
RTL_LANGUAGES = ("ar", "fa", "ur", "he")


def language_name(code: str) -> str:
    names = {"ar": tr("Arabic"), "en": tr("English")}
    return names.get(code, code)


def make_rtl(editor: QPlainTextEdit) -> None:
    """Right to left for typing Arabic: layout, paragraph direction and alignment."""
    editor.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    option = editor.document().defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight)
    editor.document().setDefaultTextOption(option)


class VariantPane(QWidget):
    """One language's text, with its preview and X length under it."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.editor = QPlainTextEdit()
        self.editor.setObjectName(f"variant_{language}")
        self.editor.setPlaceholderText(tr(
            "The reply in this language; variables: {{contact.name}}, {{contact.handle}}, "
            "{{agent.name}}, {{account.handle}}, with a fallback: {{contact.name|there}}"))
        self.preview = plain_label()
        self.preview.setObjectName("preview")
        self.preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.preview.setMargin(6)
        self.length = plain_label(wrap=False)
        self.warning = plain_label()
        self.warning.setStyleSheet("color: #b42318;")
        rtl = language in RTL_LANGUAGES
        if rtl:
            make_rtl(self.editor)
            self.preview.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            self.preview.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 2)
        layout.addWidget(QLabel(tr("Preview for a sample customer:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.length)
        layout.addWidget(self.warning)

    def text(self) -> str:
        return self.editor.toPlainText()

    def show_preview(self, draft: t.ReplyDraft, problems: list[t.DraftProblem]) -> None:
        text = self.text()
        if not text.strip():
            self.preview.setText(tr("(no text in this language)"))
            self.length.setText("")
            self.warning.setText("")
        else:
            shown = t.preview(draft, self.language)
            self.preview.setText(isolated(shown.rendered))
            self.length.setText(tr("X length: %1 of %2").replace(
                "%1", count(shown.weighted_length)).replace("%2", count(MAX_POST_WEIGHT)))
            if not shown.fits_280:
                self.warning.setText(tr("Too long for a public reply: it can only be sent "
                                        "as a DM."))
            elif not shown.worst_case_fits:
                self.warning.setText(tr(
                    "May not fit a public reply: up to %1 of %2 for customers with long "
                    "names.").replace("%1", count(shown.worst_case_length)).replace(
                        "%2", count(MAX_POST_WEIGHT)))
            else:
                self.warning.setText("")
        self.warning.setVisible(bool(self.warning.text()))
        selections = []
        for p in problems:
            if p.language == self.language and p.start is not None and p.end is not None:
                selection = QTextEdit.ExtraSelection()
                fmt = QTextCharFormat()
                fmt.setBackground(QColor("#fdd5d1"))
                selection.format = fmt
                cursor = QTextCursor(self.editor.document())
                cursor.setPosition(utf16_index(text, p.start))
                cursor.setPosition(utf16_index(text, p.end), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selections.append(selection)
        self.editor.setExtraSelections(selections)


def isolated(rendered: t.Rendered) -> str:
    """The rendered text for display, each value in its own direction: ``@AcmeHelp`` at the
    end of an Arabic sentence would otherwise show as ``AcmeHelp@`` (the length shown
    is measured on the text itself)."""
    out, at = [], 0
    for span in rendered.spans:
        out += [rendered.text[at:span.start], isolate(rendered.text[span.start:span.end])]
        at = span.end
    return "".join([*out, rendered.text[at:]])


def describe(problem: t.DraftProblem) -> str:
    """A problem in words: which field or language, the character, what is wrong."""
    if problem.field == "name":
        return tr("Name: %1").replace("%1", problem.message)
    if problem.field == "shortcut":
        return tr("Shortcut: %1").replace("%1", problem.message)
    if problem.language is None:
        return tr("Languages: %1").replace("%1", problem.message)
    where = language_name(problem.language)
    if problem.start is None:
        return tr("%1: %2").replace("%1", where).replace("%2", problem.message)
    return tr("%1, character %2: %3").replace("%1", where).replace(
        "%2", count(problem.start + 1)).replace("%3", problem.message)


class ReplyForm(QWidget):
    """Edits a draft; ``changed`` fires on every edit, ``problems`` says what blocks saving."""

    changed = Signal()

    def __init__(self, agent: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agent = agent
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.shortcut = QLineEdit()
        self.shortcut.setObjectName("shortcut")
        self.shortcut.setPlaceholderText(tr("e.g. order-dm (typed as /order-dm)"))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.scope = QComboBox()
        self.scope.addItem(tr("Shared with the team"), True)
        self.scope.addItem(tr("Personal (only me)"), False)
        self.approved = QCheckBox(tr("Approved statement (the wording crisis mode keeps "
                                     "everyone on)"))
        self.tabs = QTabWidget()
        self.panes: dict[str, VariantPane] = {}
        self.problem_list = plain_label()
        self.problem_list.setObjectName("problems")
        self.problem_list.setStyleSheet("color: #b42318;")
        self.usage = plain_label()
        self.usage.setObjectName("usage")
        fields = QFormLayout()
        fields.addRow(tr("Name"), self.name)
        fields.addRow(tr("Shortcut"), self.shortcut)
        fields.addRow(tr("Category"), self.category)
        fields.addRow(tr("Who sees it"), self.scope)
        fields.addRow("", self.approved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(fields)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem_list)
        layout.addWidget(self.usage)
        for widget in (self.name, self.shortcut):
            widget.textChanged.connect(self._edited)
        self.category.currentTextChanged.connect(self._edited)
        self.scope.currentIndexChanged.connect(self._edited)
        self.approved.toggled.connect(self._edited)
        self._loading = False
        self.load(None, [])

    def _pane(self, language: str) -> VariantPane:
        if language not in self.panes:
            pane = VariantPane(language)
            pane.editor.textChanged.connect(self._edited)
            self.panes[language] = pane
            self.tabs.addTab(pane, language_name(language))
        return self.panes[language]

    def load(self, reply: t.SavedReply | None, categories: list[str],
             usage: t.Usage | None = None) -> None:
        """Show a stored reply (or an empty new one) without counting it as an edit."""
        self._loading = True
        self.category.clear()
        self.category.addItems(categories)
        self.name.setText(reply.name if reply else "")
        self.shortcut.setText(reply.shortcut if reply else "")
        self.category.setCurrentText(reply.category if reply else "")
        self.scope.setCurrentIndex(0 if reply is None or reply.shared else 1)
        self.approved.setChecked(reply.approved if reply else False)
        variants = dict(reply.variants) if reply else {}
        for language in [*LANGUAGES, *sorted(set(variants) - set(LANGUAGES))]:
            self._pane(language)
        for language, pane in self.panes.items():
            pane.editor.setPlainText(variants.get(language, ""))
        self._loading = False
        self.show_usage(usage)
        self.refresh()

    def show_usage(self, usage: t.Usage | None) -> None:
        if usage is None or usage.count == 0:
            self.usage.setText(tr("Not used yet.") if usage is not None else "")
            return
        who = ", ".join(f"{isolate(a.agent)} {count(a.count)}" for a in usage.by_agent)
        self.usage.setText(tr("Used %1 times: %2").replace("%1", count(usage.count))
                           .replace("%2", who))

    def draft(self) -> t.ReplyDraft:
        return t.ReplyDraft(
            name=self.name.text(), shortcut=self.shortcut.text(),
            variants={lang: pane.text() for lang, pane in self.panes.items()
                      if pane.text().strip()},
            category=self.category.currentText(),
            owner=None if self.scope.currentData() else self.agent,
            approved=self.approved.isChecked())

    def problems(self) -> list[t.DraftProblem]:
        return t.check(self.draft())

    def refresh(self) -> None:
        draft = self.draft()
        problems = t.check(draft)
        self.problem_list.setText("\n".join(describe(p) for p in problems))
        self.problem_list.setVisible(bool(problems))
        for pane in self.panes.values():
            pane.show_preview(draft, problems)

    def _edited(self) -> None:
        if not self._loading:
            self.refresh()
            self.changed.emit()
