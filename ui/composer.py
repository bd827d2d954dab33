"""The reply composer: a public reply or a DM, counted exactly as X counts it.

Public replies are weighed with ``inbox.xtext`` (URLs 23, emoji 2, limit 280);
whatever does not fit is highlighted and sending is blocked. DMs count plain
characters up to 10,000. Text is plain text only. Drafts are reported after a
short pause in typing so the window can save them off the GUI thread.
Values a saved reply filled in are highlighted; a ``⟦variable⟧`` it could not
fill is highlighted as a warning and blocks sending until the agent types over
it, so template syntax never reaches a customer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from inbox.templates import markers
from inbox.xtext import MAX_DM_CHARS, dm_length, parse_post, utf16_index
from ui.text import count, isolate, tr

DRAFT_PAUSE_MS = 400


class Composer(QFrame):
    send_requested = Signal(int, str, bool)  # conversation id, text, dm
    draft_changed = Signal(int, str, bool)  # conversation id, text, dm (after a pause)
    move_to_dm_requested = Signal(int)
    conversation_shown = Signal()  # another conversation's draft replaced the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composer")
        self.conversation_id: int | None = None
        self.public_button = QPushButton(tr("Public reply"))
        self.dm_button = QPushButton(tr("Direct message"))
        self.mode = QButtonGroup(self)
        for b in (self.public_button, self.dm_button):
            b.setCheckable(True)
            self.mode.addButton(b)
        self.public_button.setChecked(True)
        self.public_button.setToolTip(tr("Switch between public reply and DM (Ctrl+D)"))
        self.dm_button.setToolTip(tr("Switch between public reply and DM (Ctrl+D)"))
        self.move_button = QPushButton(tr("Move to DM"))
        self.move_button.setToolTip(tr(
            "Reply publicly that we are continuing in private, then write the DM"))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("editor")
        self.editor.setPlaceholderText(tr("Write a reply…"))
        self.editor.setTabChangesFocus(True)
        self.editor.setMaximumHeight(140)
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("notice")
        self.notice.hide()
        self.fill_notice = QLabel()  # which ⟦variable⟧ still blocks sending
        self.fill_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.fill_notice.setObjectName("fillNotice")
        self.fill_notice.setStyleSheet("color: #9a5b00;")
        self.fill_notice.hide()
        # inserted saved-reply values (cursors follow the text as the agent edits)
        self.value_spans: list[QTextCursor] = []
        self._overflow_start: int | None = None
        self.send_button = QPushButton(tr("Send"))
        self.send_button.setToolTip(tr("Send (Ctrl+Enter)"))
        self.send_button.setDefault(True)
        self.send_button.setMinimumWidth(120)
        self.send_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        top = QHBoxLayout()
        top.addWidget(self.public_button)
        top.addWidget(self.dm_button)
        top.addWidget(self.move_button)
        top.addStretch(1)
        top.addWidget(self.counter)
        bottom = QHBoxLayout()
        bottom.addWidget(self.notice, 1)
        bottom.addWidget(self.fill_notice, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.editor)
        layout.addLayout(bottom)

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(DRAFT_PAUSE_MS)
        self._pause.timeout.connect(self.flush_draft)
        self.editor.textChanged.connect(self._edited)
        self.mode.buttonToggled.connect(lambda *_: self._edited())
        self.send_button.clicked.connect(self.send)
        self.move_button.clicked.connect(self._move_to_dm)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self.editor, self.send)
        QShortcut(QKeySequence("Ctrl+D"), self, self.toggle_mode,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update()

    # -- state ----------------------------------------------------------------------

    @property
    def dm(self) -> bool:
        return self.dm_button.isChecked()

    def set_dm(self, dm: bool) -> None:
        (self.dm_button if dm else self.public_button).setChecked(True)

    def toggle_mode(self) -> None:
        if self.public_button.isEnabled():
            self.set_dm(not self.dm)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_conversation(self, conversation_id: int | None, *, is_dm: bool,
                         draft: str = "", draft_dm: bool | None = None) -> None:
        """Show another conversation's draft; the previous one is saved first."""
        self.flush_draft()
        self.conversation_id = conversation_id
        self.editor.blockSignals(True)
        self.editor.setPlainText(draft)
        self.editor.blockSignals(False)
        self.value_spans = []
        self.conversation_shown.emit()
        self.set_dm(is_dm if draft_dm is None else draft_dm)
        # a DM conversation has no public post to reply to
        self.public_button.setEnabled(not is_dm)
        self.move_button.setVisible(not is_dm)
        self.show_notice("")
        self._pause.stop()
        self._update()

    def clear_sent(self) -> None:
        self.editor.clear()
        self.flush_draft()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # -- counting -----------------------------------------------------------------

    def _edited(self) -> None:
        self._update()
        self._pause.start()

    def flush_draft(self) -> None:
        if self._pause.isActive() or self.sender() is self._pause:
            self._pause.stop()
        if self.conversation_id is not None:
            self.draft_changed.emit(self.conversation_id, self.text(), self.dm)

    def _update(self) -> None:
        text = self.text()
        overflow_from: int | None = None
        if self.dm:
            used = dm_length(text)
            left = MAX_DM_CHARS - used
            valid = 0 < used <= MAX_DM_CHARS
            if left < 0:
                overflow_from = utf16_index(text, MAX_DM_CHARS)
        else:
            post = parse_post(text)
            left = post.remaining
            valid = post.valid
            if post.remaining < 0:
                overflow_from = utf16_index(text, post.valid_range_end)
        self.counter.setText(tr("%1 left").replace("%1", count(left)))
        self.counter.setProperty("over", left < 0)
        self.counter.setStyleSheet("color: #b42318; font-weight: bold;" if left < 0 else "")
        unfilled = markers(text)
        if unfilled:
            self.fill_notice.setText(tr("Fill in %1 before sending: type over it").replace(
                "%1", isolate(text[unfilled[0][0]:unfilled[0][1]])))
        self.fill_notice.setVisible(bool(unfilled))
        self.send_button.setEnabled(valid and bool(text.strip()) and not unfilled
                                    and self.conversation_id is not None)
        self._highlight(overflow_from, [(utf16_index(text, a), utf16_index(text, b))
                                        for a, b, _ in unfilled])

    def refresh(self) -> None:
        """Recount and re-highlight (after a saved reply was inserted)."""
        self._update()

    def _highlight(self, start: int | None, unfilled: list[tuple[int, int]]) -> None:
        self._overflow_start = start
        selections = []
        for value in self.value_spans:
            if value.hasSelection():
                selections.append(self._selection(value, "#d9f2e3"))
        for a, b in unfilled:
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            selections.append(self._selection(cursor, "#ffe08a"))
        if start is not None:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#fdd5d1"))
            selection.format = fmt
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(start)
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    @staticmethod
    def _selection(cursor: QTextCursor, colour: str) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        selection.format = fmt
        selection.cursor = cursor
        return selection

    @property
    def overflow_start(self) -> int | None:
        """Where the highlighted overflow begins (UTF-16 index), for tests and tooltips."""
        return self._overflow_start

    # -- actions ----------------------------------------------------------------------

    def send(self) -> None:
        if self.send_button.isEnabled() and self.conversation_id is not None:
            self.send_requested.emit(self.conversation_id, self.text(), self.dm)

    def _move_to_dm(self) -> None:
        if self.conversation_id is not None:
            self.move_to_dm_requested.emit(self.conversation_id)
