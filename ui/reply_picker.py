"""The composer's ``/`` popup: saved replies one keystroke away, filled for this customer.

Typing ``/`` at the start of a word and a few letters lists matching saved
replies under the cursor (``inbox.templates.search``: an indexed query on the
GUI thread's reader, cheap enough per keystroke). The popup never takes focus,
so the agent keeps typing; Up/Down, Enter/Tab and Esc reach it through an event
filter on the editor. The chosen reply replaces ``/query`` in the
conversation's language, with the customer's values spliced in literally and
highlighted; Ctrl+L swaps the last inserted reply for its next language.

Uses are only remembered here; the window records them (on its writer thread)
when the answer is queued, because an inserted reply may still be deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inbox import templates as t
from inbox.domain import Direction
from inbox.store import SqlStore
from ui.composer import Composer
from ui.conversation_view import plain_label
from ui.saved_reply_form import RTL_LANGUAGES, isolated
from ui.text import isolate, tr

# "/" at the start of a word, then at least one character of the query
_TOKEN = re.compile(r"(?:^|(?<=\s))/([^\s/]+)$")
SHOWN = 6  # rows visible at once
_TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
SWITCH_KEY = "Ctrl+L"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def from_utf16(text: str, offset: int) -> str:
    """The first ``offset`` UTF-16 units of ``text`` (Qt positions count UTF-16)."""
    return text.encode("utf-16-le")[:2 * offset].decode("utf-16-le", errors="ignore")


@dataclass
class Insertion:
    """One saved reply placed in the answer: where it sits and which language it is in."""

    reply: t.SavedReply
    languages: list[str]  # best first, the switch key cycles through them
    index: int
    text: str  # as inserted (the switch only replaces it while still unedited)
    start: QTextCursor  # tracks the start as the agent edits around it
    conversation_id: int
    attached: bool = True  # False once another conversation was shown in the composer
    values: list[QTextCursor] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.languages[self.index]


class ReplyPopup(QFrame):
    """The list under the cursor, and the highlighted reply as it would be inserted.

    Neither part takes focus: the agent keeps typing in the editor.
    """

    PREVIEW_LINES = 5

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("savedReplyPopup")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.preview = plain_label()
        self.preview.setObjectName("popupPreview")
        self.preview.setMargin(6)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.preview.setStyleSheet("background: palette(alternate-base);")
        self.preview.setFixedHeight(self.preview.fontMetrics().lineSpacing()
                                    * self.PREVIEW_LINES + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.list)
        layout.addWidget(self.preview)
        self.setToolTip(tr("Enter or Tab inserts, Esc closes; switch the language of the "
                           "inserted reply (Ctrl+L)"))
        self.list.currentItemChanged.connect(self._show_preview)
        self.hide()

    def count(self) -> int:
        return self.list.count()

    def item(self, row: int) -> QListWidgetItem:
        return self.list.item(row)

    def add(self, reply_id: int, title: str, text: str, rtl: bool) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, reply_id)
        item.setData(_TEXT_ROLE, (text, rtl))
        self.list.addItem(item)

    def _show_preview(self, item: QListWidgetItem | None) -> None:
        text, rtl = item.data(_TEXT_ROLE) if item is not None else ("", False)
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        self.preview.setLayoutDirection(direction)
        self.preview.setText(text)

    def move_selection(self, step: int) -> None:
        if self.count():
            self.list.setCurrentRow((self.list.currentRow() + step) % self.count())

    def reply_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def height_for(self, rows: int) -> int:
        """Fit the list to its rows (no blank band when only two match) plus the preview."""
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 4)
        return self.list.height() + self.preview.height() + 2 * self.frameWidth() + 2


class ReplyPicker(QObject):
    """Watches a composer's editor for ``/query`` and inserts saved replies into it."""

    def __init__(self, composer: Composer, store: SqlStore, agent: str) -> None:
        super().__init__(composer)
        self.composer = composer
        self.editor = composer.editor
        self.store = store
        self.agent = agent
        self.popup = ReplyPopup(composer.window())
        self.insertions: list[Insertion] = []
        self._token: tuple[int, str] | None = None  # (UTF-16 start of "/", query)
        self._dismissed: tuple[int, str] | None = None
        self.editor.installEventFilter(self)
        self.editor.textChanged.connect(self.refresh)
        self.editor.cursorPositionChanged.connect(self.refresh)
        self.popup.list.itemClicked.connect(lambda _item: self.insert_current())
        composer.conversation_shown.connect(self._conversation_shown)
        self.switch = QShortcut(QKeySequence(SWITCH_KEY), composer, self.switch_language,
                                context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- following the typing ----------------------------------------------------------

    def _current_token(self) -> tuple[int, str] | None:
        cursor = self.editor.textCursor()
        if cursor.hasSelection() or self.composer.conversation_id is None:
            return None
        before = from_utf16(cursor.block().text(), cursor.positionInBlock())
        found = _TOKEN.search(before)
        if found is None:
            return None
        start = cursor.position() - utf16_len(found.group(0))
        return start, found.group(1)

    def refresh(self) -> None:
        """Open, filter or close the popup for what is typed before the cursor."""
        token = self._current_token()
        if token is None or token == self._dismissed:
            self._token = None
            self.popup.hide()
            return
        if token == self._token and self.popup.isVisible():
            return
        self._token, self._dismissed = token, None
        found = t.search(self.store, token[1], agent=self.agent, limit=50)
        if not found:
            self.popup.hide()
            return
        self._fill(found)
        self._place()

    def _fill(self, replies: list[t.SavedReply]) -> None:
        conversation_id = self.composer.conversation_id
        assert conversation_id is not None
        language, sample = self._conversation_language(conversation_id)
        values = t.conversation_values(self.store.conversation(conversation_id), self.agent)
        self.popup.list.clear()
        for reply in replies:
            order = t.variant_order(reply.variants, language, sample)
            if not order:
                continue
            title = f"{isolate('/' + reply.shortcut)}  ·  {isolate(reply.name)}"
            if reply.approved:
                title += "  ✔ " + tr("approved")
            text = isolated(t.render(reply.variants[order[0]], values))
            self.popup.add(reply.id, title, text, order[0] in RTL_LANGUAGES)
        self.popup.list.setCurrentRow(0)

    def _place(self) -> None:
        """Above the cursor line, so the Send button and the typed text stay visible (the
        composer sits at the bottom of the window); below it when there is no room above."""
        host = self.popup.parentWidget()
        assert host is not None
        rows = min(self.popup.count(), SHOWN)
        height = self.popup.height_for(rows)
        width = min(max(380, self.editor.width() * 3 // 4), host.width() - 8)
        rect = self.editor.cursorRect()
        below = self.editor.viewport().mapTo(host, rect.bottomLeft() + QPoint(0, 4))
        above = self.editor.viewport().mapTo(host, rect.topLeft() - QPoint(0, height + 4))
        spot = above if above.y() >= 0 else below
        if self.editor.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            spot.setX(spot.x() - width)
        x = max(4, min(spot.x(), host.width() - width - 4))
        self.popup.setGeometry(x, max(0, spot.y()), width, height)
        self.popup.show()
        self.popup.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor and event.type() == QEvent.Type.KeyPress \
                and self.popup.isVisible():
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False  # Ctrl+Enter still sends, Shift+Tab still moves focus
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.popup.move_selection(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                self.insert_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_popup()
                return True
        return False

    def close_popup(self) -> None:
        self._dismissed = self._token
        self.popup.hide()

    # -- inserting ----------------------------------------------------------------------

    def _conversation_language(self, conversation_id: int | None) -> tuple[str | None, str]:
        """X's ``lang`` and the customer's last words (the script decides when lang is absent)."""
        if conversation_id is None:
            return None, ""
        conversation = self.store.conversation(conversation_id)
        inbound = [m.text for m in self.store.thread(conversation_id)
                   if m.direction is Direction.IN]
        return conversation.language, inbound[-1] if inbound else conversation.preview

    def insert_current(self) -> None:
        reply_id, token = self.popup.reply_id(), self._token
        self.popup.hide()
        if reply_id is None or token is None:
            return
        self.insert(t.get(self.store, reply_id), token[0],
                    self.editor.textCursor().position())

    def insert(self, reply: t.SavedReply, start: int, end: int) -> Insertion | None:
        """Replace the editor's text between two UTF-16 positions with ``reply``."""
        conversation_id = self.composer.conversation_id
        if conversation_id is None:
            return None
        language, sample = self._conversation_language(conversation_id)
        languages = t.variant_order(reply.variants, language, sample)
        if not languages:
            return None
        anchor = QTextCursor(self.editor.document())
        anchor.setPosition(start)
        done = Insertion(reply, languages, 0, "", anchor, conversation_id)
        self._write(done, start, end)
        self.insertions.append(done)
        return done

    def _write(self, insertion: Insertion, start: int, end: int) -> None:
        conversation = self.store.conversation(insertion.conversation_id)
        rendered = t.render(insertion.reply.variants[insertion.language],
                            t.conversation_values(conversation, self.agent))
        cursor = self.editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(rendered.text)
        self.editor.setTextCursor(cursor)
        insertion.text = rendered.text
        insertion.start.setPosition(start)
        insertion.values = []
        for span in rendered.spans:
            if span.kind in ("value", "fallback"):
                value = QTextCursor(self.editor.document())
                value.setPosition(start + utf16_len(rendered.text[:span.start]))
                value.setPosition(start + utf16_len(rendered.text[:span.end]),
                                  QTextCursor.MoveMode.KeepAnchor)
                insertion.values.append(value)
        self.composer.value_spans = [v for i in [*self.insertions, insertion]
                                     if i.attached for v in i.values]
        self.composer.refresh()

    def switch_language(self) -> None:
        """Replace the last inserted reply with its next language, while it is unedited."""
        last = next((i for i in reversed(self.insertions) if i.attached), None)
        if last is None or len(last.languages) < 2:
            return
        start = last.start.position()
        end = start + utf16_len(last.text)
        if self.composer.text().encode("utf-16-le")[2 * start:2 * end].decode(
                "utf-16-le", errors="ignore") != last.text:
            self.composer.show_notice(tr("The inserted reply was edited; insert it again "
                                         "to change its language"))
            return
        last.index = (last.index + 1) % len(last.languages)
        self._write(last, start, end)

    # -- uses ---------------------------------------------------------------------------

    def _conversation_shown(self) -> None:
        """Another draft is in the editor: keep earlier insertions as uses, stop tracking."""
        self.popup.hide()
        self._token = self._dismissed = None
        for insertion in self.insertions:
            insertion.attached = False

    def take_uses(self, conversation_id: int) -> list[tuple[int, str]]:
        """The (reply id, language) pairs in the answer being sent; forgotten afterwards.

        A reply inserted then deleted again before sending does not count.
        """
        text = self.composer.text()
        kept: list[Insertion] = []
        uses: list[tuple[int, str]] = []
        for insertion in self.insertions:
            if insertion.conversation_id != conversation_id:
                kept.append(insertion)
                continue
            if not insertion.attached or self._present(insertion, text):
                uses.append((insertion.reply.id, insertion.language))
        self.insertions = kept
        return uses

    def _present(self, insertion: Insertion, text: str) -> bool:
        """Some of the inserted words survive (agents edit replies; deleting all of it
        means it was not used)."""
        words = [w for w in insertion.text.split() if len(w) > 2 and t.MARK_OPEN not in w]
        return not words or any(w in text for w in words)
