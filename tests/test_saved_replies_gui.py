"""Saved replies in the window: the ``/`` popup in the composer and the library editor."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inbox import templates as t
from inbox.credentials import MemoryCredentials
from inbox.domain import ChannelKind
from inbox.outbox import items
from inbox.sandbox import XSandbox
from inbox.store import SqlStore, open_sqlite
from inbox.sync import Syncer
from tests.gui_helpers import settled, type_into
from tests.sandbox_fixtures import connect
from ui.main_window import MainWindow
from ui.saved_replies_dialog import SavedRepliesDialog

HOSTILE = "{{agent.name}} <b>x</b>"


@dataclass
class Desk:
    window: MainWindow
    store: SqlStore
    by_handle: dict[str, int]  # customer handle -> conversation id


@pytest.fixture
def desk(qtbot: QtBot, data_dir: Path) -> Iterator[Desk]:
    """Public conversations: Arabic, English, a hostile display name, and no name at all."""
    with XSandbox() as sandbox:
        brand = sandbox.add_user("AcmeHelp", "Acme Support")
        noura = sandbox.add_user("noura", "نورة")
        sam = sandbox.add_user("sam", "Sam Lee")
        odd = sandbox.add_user("odd", HOSTILE)
        ghost = sandbox.add_user("ghost", " ")  # a blank display name: no contact.name
        sandbox.post_tweet(noura.id, "@AcmeHelp الطلب ما وصل 😡", lang="ar")
        sandbox.post_tweet(sam.id, "@AcmeHelp my order never arrived", lang="en")
        sandbox.post_tweet(odd.id, "@AcmeHelp where is my parcel?", lang="en")
        sandbox.post_tweet(ghost.id, "@AcmeHelp hello?", lang="en")
        store = open_sqlite(data_dir)
        creds = MemoryCredentials()
        connect(store, sandbox, creds, brand, "brand")
        Syncer(store, creds).sync_all()
        window = MainWindow(store, lambda: open_sqlite(data_dir), creds, poll_ms=600_000,
                            undo_seconds=0, agent="amal")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: len(t.library(store, agent="amal")) >= 10, timeout=5000)
        settled(qtbot, window)
        by_handle = {}
        for row in range(window.model.rowCount()):
            conv = store.conversation(window.model.conversation_id(row))
            if conv.kind is ChannelKind.MENTION:
                by_handle[conv.contact.handle] = conv.id
        yield Desk(window, store, by_handle)
        window.close()
        store.close()


def open_conversation(desk: Desk, handle: str) -> int:
    conv_id = desk.by_handle[handle]
    desk.window.select_row(desk.window.model.row_of(conv_id))  # type: ignore[arg-type]
    assert desk.window.composer.conversation_id == conv_id
    return conv_id


def type_text(qtbot: QtBot, desk: Desk, text: str) -> None:
    type_into(qtbot, desk.window.composer.editor, text)


def key(qtbot: QtBot, desk: Desk, which: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(desk.window.composer.editor, which, modifier)


def shown(desk: Desk) -> list[str]:
    """The shortcuts listed in the popup, in order."""
    popup = desk.window.replies.popup
    return [popup.item(i).text().split()[0].strip("\u2068\u2069") for i in range(popup.count())]


def test_slash_opens_the_popup_and_filters_as_you_type(desk: Desk, qtbot: QtBot) -> None:
    open_conversation(desk, "sam")
    popup = desk.window.replies.popup
    type_text(qtbot, desk, "Hello /")
    assert not popup.isVisible()  # a lone slash is not a search yet
    type_text(qtbot, desk, "h")
    assert popup.isVisible()
    assert shown(desk)[:2] == ["/hi", "/hi-dm"]  # shortcut prefix first
    # as it would be inserted (values isolated for display in either direction)
    assert popup.preview.text().startswith("Hi \u2068Sam Lee\u2069, thanks")
    type_text(qtbot, desk, "i-")
    assert shown(desk) == ["/hi-dm"]
    assert desk.window.composer.editor.hasFocus()  # typing never left the editor
    key(qtbot, desk, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert desk.window.composer.text() == "Hello /hi-"
    type_text(qtbot, desk, " a/b")
    assert not popup.isVisible()  # a slash inside a word is just a slash


def test_arabic_query_through_an_input_method(desk: Desk, qtbot: QtBot) -> None:
    open_conversation(desk, "noura")
    type_text(qtbot, desk, "/")
    type_text(qtbot, desk, "نعتذ")  # Arabic body text: "نعتذر" (we apologise)
    assert desk.window.replies.popup.isVisible()
    assert "/sorry" in shown(desk)


def test_enter_inserts_the_variant_of_the_conversation_language(desk: Desk,
                                                                 qtbot: QtBot) -> None:
    composer = desk.window.composer
    open_conversation(desk, "noura")
    type_text(qtbot, desk, "/thank")
    key(qtbot, desk, Qt.Key.Key_Return)
    assert not desk.window.replies.popup.isVisible()
    arabic = composer.text()
    assert "/thank" not in arabic and "نورة" in arabic
    assert any("\u0600" <= c <= "\u06ff" for c in arabic.replace("نورة", ""))
    highlighted = [s.cursor.selectedText() for s in composer.editor.extraSelections()]
    assert "نورة" in highlighted  # the value spliced in is shown highlighted

    open_conversation(desk, "sam")
    type_text(qtbot, desk, "/thanks")
    assert shown(desk)[0] == "/thanks"  # then replies that say "thanks" in their text
    key(qtbot, desk, Qt.Key.Key_Tab)
    assert composer.text().startswith("Thank you Sam Lee!")
    assert composer.send_button.isEnabled()


def test_arrow_keys_choose_among_matches(desk: Desk, qtbot: QtBot) -> None:
    open_conversation(desk, "sam")
    type_text(qtbot, desk, "/hi")
    assert shown(desk)[:2] == ["/hi", "/hi-dm"]
    key(qtbot, desk, Qt.Key.Key_Down)
    key(qtbot, desk, Qt.Key.Key_Return)
    assert desk.window.composer.text().startswith("Hi Sam Lee, this is amal from the @AcmeHelp")


def test_hostile_display_name_appears_verbatim(desk: Desk, qtbot: QtBot) -> None:
    open_conversation(desk, "odd")
    type_text(qtbot, desk, "/hi")
    key(qtbot, desk, Qt.Key.Key_Return)
    text = desk.window.composer.text()
    assert text.startswith(f"Hi {HOSTILE}, thanks")
    assert "amal" not in text  # {{agent.name}} in a customer's name is not expanded
    assert desk.window.composer.send_button.isEnabled()


def test_unfilled_variable_blocks_send_until_typed_over(desk: Desk, qtbot: QtBot) -> None:
    t.create(desk.store, t.ReplyDraft(name="Ticket", shortcut="ticket",
                                      variants={"en": "Ticket {{contact.name}} opened"}))
    composer = desk.window.composer
    conv_id = open_conversation(desk, "ghost")  # no display name, and no fallback
    type_text(qtbot, desk, "/ticket")
    key(qtbot, desk, Qt.Key.Key_Return)
    assert composer.text() == "Ticket ⟦contact.name⟧ opened"
    assert not composer.send_button.isEnabled()
    assert composer.fill_notice.isVisible() and "contact.name" in composer.fill_notice.text()
    key(qtbot, desk, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(200)
    assert items(desk.store, conv_id) == []
    text = composer.text()
    start = text.index("⟦")
    cursor = composer.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(text.index("⟧") + 1, cursor.MoveMode.KeepAnchor)
    composer.editor.setTextCursor(cursor)
    type_text(qtbot, desk, "Sam")
    assert composer.text() == "Ticket Sam opened"
    assert composer.send_button.isEnabled() and not composer.fill_notice.isVisible()


def test_two_replies_in_one_answer_and_both_are_counted_when_sent(desk: Desk,
                                                                    qtbot: QtBot) -> None:
    conv_id = open_conversation(desk, "sam")
    type_text(qtbot, desk, "/sorry")
    key(qtbot, desk, Qt.Key.Key_Return)
    type_text(qtbot, desk, " /order")
    key(qtbot, desk, Qt.Key.Key_Return)
    text = desk.window.composer.text()
    assert text.startswith("We're really sorry") and "order number by DM" in text
    sorry = desk.store.saved_reply_id_by_shortcut("sorry")
    order = desk.store.saved_reply_id_by_shortcut("order")
    assert sorry is not None and order is not None
    assert t.usage(desk.store, sorry).count == 0  # inserting is not using
    desk.window.composer.toggle_mode()  # two replies are over 280: send it as a DM
    desk.window.composer.send()
    qtbot.waitUntil(lambda: t.usage(desk.store, order).count == 1, timeout=5000)
    assert t.usage(desk.store, sorry).by_agent[0].agent == "amal"
    assert len(items(desk.store, conv_id)) == 1


def test_language_switch_key_replaces_the_last_reply(desk: Desk, qtbot: QtBot) -> None:
    composer = desk.window.composer
    open_conversation(desk, "sam")
    type_text(qtbot, desk, "OK. /hi")
    key(qtbot, desk, Qt.Key.Key_Return)
    english = composer.text()
    assert english.startswith("OK. Hi Sam Lee")
    assert "Ctrl+L" in desk.window.replies.popup.toolTip()
    key(qtbot, desk, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert composer.text().startswith("OK. هلا Sam Lee")
    key(qtbot, desk, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert composer.text() == english
    type_text(qtbot, desk, " Thanks!")
    key(qtbot, desk, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert composer.text().startswith("OK. هلا Sam Lee")  # what follows the reply stays
    assert composer.text().endswith(" Thanks!")
    composer.editor.setPlainText(composer.text().replace("Sam Lee", "Sam"))
    before = composer.text()
    key(qtbot, desk, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert composer.text() == before  # edited inside: switching would lose the edit
    assert "edited" in composer.notice.text()


# ---- the editor -----------------------------------------------------------------------


def open_editor(desk: Desk, qtbot: QtBot) -> SavedRepliesDialog:
    dialog = desk.window.open_saved_replies()
    qtbot.addWidget(dialog)
    return dialog


def select_reply(dialog: SavedRepliesDialog, shortcut: str) -> None:
    for i in range(dialog.list.topLevelItemCount()):
        item = dialog.list.topLevelItem(i)
        assert item is not None
        if item.text(dialog.SHORTCUT).strip("\u2068\u2069") == "/" + shortcut:
            dialog.list.setCurrentItem(item)
            return
    raise AssertionError(f"/{shortcut} not listed")


def test_menu_opens_the_editor_with_the_library(desk: Desk, qtbot: QtBot) -> None:
    action = next(a for m in desk.window.menuBar().actions() if m.menu()
                  for a in m.menu().actions() if a.text() == "Saved replies…")  # type: ignore[union-attr]
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    action.trigger()
    dialog = desk.window.findChild(SavedRepliesDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.topLevelItemCount() >= 10
    select_reply(dialog, "rumour")
    assert dialog.list.currentItem().text(dialog.NAME).startswith("✔ ")  # type: ignore[union-attr]
    dialog.search.setText("refund")
    assert dialog.list.topLevelItem(0).text(dialog.SHORTCUT) == "\u2068/refund\u2069"  # type: ignore[union-attr]
    dialog.close()


def test_create_edit_duplicate_delete_and_undo(desk: Desk, qtbot: QtBot) -> None:
    dialog = open_editor(desk, qtbot)
    form = dialog.form
    dialog.new_button.click()
    form.name.setText("Store hours")
    form.shortcut.setText("hours")
    form.category.setCurrentText("Info")
    form.panes["en"].editor.setPlainText("We're open 9 to 9, {{contact.name|friend}}.")
    form.panes["ar"].editor.setPlainText("نفتح من ٩ إلى ٩ يا {{contact.name|غالي}}.")
    form.approved.setChecked(True)
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: desk.store.saved_reply_id_by_shortcut("hours") is not None)
    reply_id = desk.store.saved_reply_id_by_shortcut("hours")
    assert reply_id is not None
    saved = t.get(desk.store, reply_id)
    assert saved.approved and saved.category == "Info" and saved.variants["ar"].startswith("نفتح")
    qtbot.waitUntil(lambda: dialog.current_id == reply_id)

    form.panes["en"].editor.setPlainText("We're open 8 to 10.")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: t.get(desk.store, reply_id).variants["en"] == "We're open 8 to 10.")

    dialog.duplicate_button.click()
    qtbot.waitUntil(lambda: desk.store.saved_reply_id_by_shortcut("hours-copy") is not None)
    qtbot.waitUntil(lambda: form.shortcut.text() == "hours-copy")

    select_reply(dialog, "hours")
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: desk.store.saved_reply_id_by_shortcut("hours") is None)
    qtbot.waitUntil(dialog.undo_button.isVisible)
    assert "Store hours" in dialog.status.text()
    assert all(r.id != reply_id for r in dialog.replies())
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: desk.store.saved_reply_id_by_shortcut("hours") == reply_id)
    qtbot.waitUntil(lambda: dialog.current_id == reply_id)
    dialog.close()


def test_problems_positions_and_280_warning(desk: Desk, qtbot: QtBot) -> None:
    dialog = open_editor(desk, qtbot)
    form = dialog.form
    dialog.new_button.click()
    form.name.setText("Broken")
    form.shortcut.setText("broken one")
    form.panes["en"].editor.setPlainText("Hi {{contact.nmae}}!")
    text = form.problem_list.text()
    assert "Shortcut:" in text
    assert "English, character 4: unknown variable 'contact.nmae'" in text
    assert "did you mean {{contact.name}}" in text
    assert not dialog.save_button.isEnabled()
    assert form.panes["en"].editor.extraSelections()  # the bad variable is highlighted

    form.shortcut.setText("long")
    form.panes["en"].editor.setPlainText("Hello {{contact.name}}. " + "x" * 230)
    pane = form.panes["en"]
    assert "X length:" in pane.length.text()
    assert not pane.warning.isHidden() and "long names" in pane.warning.text()
    form.panes["en"].editor.setPlainText("y" * 290)
    assert "only be sent as a DM" in pane.warning.text()
    form.panes["en"].editor.setPlainText("Short and sweet.")
    assert pane.warning.isHidden()
    assert pane.preview.text() == "Short and sweet."
    assert dialog.save_button.isEnabled()
    dialog.close()


def test_arabic_tab_is_right_to_left_and_previewed_with_sample_values(desk: Desk,
                                                                        qtbot: QtBot) -> None:
    dialog = open_editor(desk, qtbot)
    select_reply(dialog, "hi")
    pane = dialog.form.panes["ar"]
    assert pane.editor.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = pane.editor.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert pane.preview.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "سارة العتيبي" in pane.preview.text()  # the sample customer
    assert dialog.form.panes["en"].editor.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.form.tabs.tabText(0) == "Arabic"
    dialog.close()


def test_usage_is_shown_by_agent(desk: Desk, qtbot: QtBot) -> None:
    reply_id = desk.store.saved_reply_id_by_shortcut("thanks")
    assert reply_id is not None
    for agent in ("amal", "amal", "omar"):
        t.record_use(desk.store, reply_id, agent, None, "en")
    dialog = open_editor(desk, qtbot)
    select_reply(dialog, "thanks")
    assert dialog.form.usage.text() == "Used 3 times: \u2068amal\u2069 2, \u2068omar\u2069 1"
    assert dialog.list.currentItem().text(dialog.USES) == "3"  # type: ignore[union-attr]
    dialog.close()


def test_malformed_import_changes_nothing_and_names_the_entry(desk: Desk, qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    before = [(r.id, r.name, dict(r.variants)) for r in t.library(desk.store, agent="amal")]
    bad = tmp_path / "team.json"
    bad.write_text(json.dumps([
        {"name": "Fine", "shortcut": "fine", "variants": {"en": "All good"}},
        {"name": "Broken", "shortcut": "hi", "variants": {"en": "Hi {{customer}}"}},
    ]), encoding="utf-8")
    dialog = open_editor(desk, qtbot)
    dialog.import_from(bad)
    qtbot.waitUntil(lambda: "entry 2" in dialog.status.text())
    assert "'Broken'" in dialog.status.text() and "unknown variable" in dialog.status.text()
    assert "\n" not in dialog.status.text()
    after = [(r.id, r.name, dict(r.variants)) for r in t.library(desk.store, agent="amal")]
    assert after == before

    good = tmp_path / "good.json"
    good.write_text(json.dumps([{"name": "Fine", "shortcut": "fine",
                                 "variants": {"en": "All good"}}]), encoding="utf-8")
    dialog.import_from(good)
    qtbot.waitUntil(lambda: "1 new" in dialog.status.text())
    out = tmp_path / "out.json"
    dialog.export_to(out)
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert {e["shortcut"] for e in exported} >= {"fine", "hi", "rumour"}
    dialog.close()
