"""Escalation rules in the desktop app, with real widgets: the rule editor and its dry run,
import, the SLA badge and sort in the queue, why a conversation is urgent, and rule
notifications after a real sync against the X sandbox (with a webhook to a local server)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from inbox.domain import ChannelKind, EventType, IngestBatch, Priority, View
from inbox.rules import parse_rules
from inbox.rules_run import load_rules
from inbox.sandbox import XSandbox
from inbox.store import SqlStore, open_sqlite
from tests.conftest import T0, contact, msg
from tests.gui_helpers import desk_window, live_window, settled
from ui.queue_model import QueueModel
from ui.rule_editor import ActionRow, ConditionRow
from ui.rule_values import ChoiceValue, ManyValue, NumberValue, SpikeValue, TextValue
from ui.rules_dialog import RulesDialog
from ui.sla_badge import AMBER, RED
from ui.text import FSI, PDI
from ui.worker import StoreWorker


@pytest.fixture
def writer(data_dir: Path) -> Iterator[StoreWorker]:
    worker = StoreWorker(lambda: open_sqlite(data_dir), "test-writer")
    yield worker
    worker.stop()


@pytest.fixture
def dialog(qtbot: QtBot, store: SqlStore, writer: StoreWorker) -> RulesDialog:
    d = RulesDialog(store, writer, clock=lambda: T0 + timedelta(days=1))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.table.rowCount() > 0)  # the starter pack, stored on first use
    return d


def plain(text: str) -> str:
    """Without the bidi isolates that keep English reasons readable in Arabic."""
    return text.replace(FSI, "").replace(PDI, "")


def set_condition(row: ConditionRow, field: str, op: str) -> None:
    row.field.setCurrentIndex(row.field.findData(field))
    row.op.setCurrentIndex(row.op.findData(op))


def build_refund_rule(d: RulesDialog, *, notify: bool = False) -> None:
    d.new_rule()
    d.editor.name.setText("Refunds")
    cond = d.editor.condition_rows[0]
    set_condition(cond, "text", "contains_any")
    assert isinstance(cond.editor, TextValue)
    cond.editor.edit.setText("refund, استرداد")
    follow = d.editor.add_condition()
    set_condition(follow, "contact.followers", ">=")
    assert isinstance(follow.editor, NumberValue)
    follow.editor.spin.setValue(10)
    action = d.editor.action_rows[0]
    action.kind.setCurrentIndex(action.kind.findData("add_tag"))
    action.text.setText("money")
    if notify:
        note = d.editor.add_action("notify")
        note.choice.setCurrentIndex(note.choice.findData("supervisors"))


def test_field_and_operator_choose_a_suitable_value_editor(dialog: RulesDialog) -> None:
    row = dialog.editor.condition_rows[0]
    set_condition(row, "priority", "in")
    assert isinstance(row.editor, ManyValue)
    set_condition(row, "contact.vip", "==")
    assert isinstance(row.editor, ChoiceValue) and row.editor.value() is True
    set_condition(row, "spike", ">")
    assert isinstance(row.editor, SpikeValue)
    assert row.to_json() == {"field": "spike", "op": ">", "value": {"count": 10, "minutes": 30}}
    set_condition(row, "waiting_minutes", ">=")
    ops = [row.op.itemData(i) for i in range(row.op.count())]
    assert ops == ["==", "!=", ">=", "<=", ">", "<"]


def test_a_rule_built_in_the_dialog_is_stored_and_undo_takes_it_back(
    dialog: RulesDialog, qtbot: QtBot, store: SqlStore
) -> None:
    build_refund_rule(dialog)
    assert dialog.save_button.isEnabled(), dialog.editor.error.text()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "Refunds" in [r.name for r in dialog.rules])
    assert dialog.undo_button.isVisible()
    [rule] = [r for r in load_rules(store) if r.name == "Refunds"]
    assert rule.to_json()["conditions"] == [
        {"field": "text", "op": "contains_any", "value": ["refund", "استرداد"]},
        {"field": "contact.followers", "op": ">=", "value": 10}]
    assert rule.to_json()["actions"] == [{"type": "add_tag", "value": "money"}]
    row = [r.name for r in dialog.rules].index("Refunds")
    assert dialog.table.item(row, 3).text() == "never"
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: "Refunds" not in [r.name for r in dialog.rules])
    assert "Refunds" not in [r.name for r in load_rules(store)]


def test_delete_and_switch_off_are_undoable(
    dialog: RulesDialog, qtbot: QtBot, store: SqlStore
) -> None:
    names = [r.name for r in dialog.rules]
    dialog.table.setCurrentCell(names.index("VIP"), 0)
    dialog.delete_button.click()
    qtbot.waitUntil(lambda: "VIP" not in [r.name for r in dialog.rules])
    assert "VIP" not in [r.name for r in load_rules(store)]
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: "VIP" in [r.name for r in load_rules(store)])
    row = [r.name for r in dialog.rules].index("Rumour")
    dialog.table.item(row, 2).setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(lambda: not next(r for r in load_rules(store) if r.name == "Rumour").enabled)


def test_invalid_regex_is_explained_and_blocks_saving(
    dialog: RulesDialog, qtbot: QtBot, store: SqlStore
) -> None:
    dialog.new_rule()
    dialog.editor.name.setText("Order numbers")
    row = dialog.editor.condition_rows[0]
    set_condition(row, "text", "matches")
    assert isinstance(row.editor, TextValue)
    row.editor.edit.setText("(a+)+")
    dialog.editor.action_rows[0].text.setText("orders")
    assert "nested repetition" in dialog.editor.error.text()
    assert "Order numbers" in dialog.editor.error.text()
    assert not dialog.save_button.isEnabled()
    row.editor.edit.setText("order [")
    assert "invalid regular expression" in dialog.editor.error.text()
    dialog.save_current()  # even forced, nothing is stored
    qtbot.wait(100)
    assert "Order numbers" not in [r.name for r in load_rules(store)]
    row.editor.edit.setText(r"order\s*#?\d+")
    assert dialog.save_button.isEnabled() and dialog.editor.error.text() == ""


def test_webhook_url_is_masked_and_only_its_host_shown(dialog: RulesDialog) -> None:
    action: ActionRow = dialog.editor.add_action("webhook")
    action.text.setText("https://hooks.slack.com/services/T000/B000/SECRET")
    assert action.text.echoMode() == action.text.EchoMode.PasswordEchoOnEdit
    assert action.host.text() == "to hooks.slack.com"
    assert action.to_json()["value"].endswith("SECRET")


def test_dry_run_lists_matches_with_reasons_and_changes_nothing(
    qtbot: QtBot, store: SqlStore, account_id: int, dialog: RulesDialog
) -> None:
    store.ingest(account_id, IngestBatch(
        messages=[msg("1", thread="a", text="I want a refund now"),
                  msg("2", thread="b", minutes=5, author="300", text="أبغى استرداد فلوسي"),
                  msg("3", thread="c", minutes=9, author="400", text="thanks, all good")],
        contacts=[contact(), contact("300", "noura", "نورة"), contact("400", "sami", "Sami")]))
    before = (store.rule_rows(), list(store.export_rows()),
              [store.events(i) for i in range(1, 4)])
    build_refund_rule(dialog)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 2)
    assert dialog.summary.text() == "Matches in the last 7 days: 2 · conversations: 2"
    reasons = {plain(dialog.results.item(r, 2).text()) for r in range(2)}
    assert reasons == {"text contains 'refund'; followers 12 >= 10",
                       "text contains 'استرداد'; followers 12 >= 10"}
    assert (store.rule_rows(), list(store.export_rows()),
            [store.events(i) for i in range(1, 4)]) == before


def test_malformed_import_names_the_rule_and_changes_nothing(
    dialog: RulesDialog, qtbot: QtBot, store: SqlStore, tmp_path: Path
) -> None:
    before = store.rule_rows()
    bad = tmp_path / "rules.json"
    bad.write_text(json.dumps([
        {"name": "Fine", "when": "message_received", "conditions": [],
         "actions": [{"type": "add_tag", "value": "x"}]},
        {"name": "Broken", "when": "message_received",
         "conditions": [{"field": "text", "op": "matches", "value": "(x+)+"}],
         "actions": [{"type": "add_tag", "value": "y"}]}]), encoding="utf-8")
    dialog.import_file(bad)
    text = dialog.message.text()
    assert text.startswith("Nothing imported: rule 'Broken'") and "\n" not in text
    qtbot.wait(100)
    assert store.rule_rows() == before
    (tmp_path / "junk.json").write_text("[{", encoding="utf-8")
    dialog.import_file(tmp_path / "junk.json")
    assert "not valid JSON" in dialog.message.text()
    assert store.rule_rows() == before
    out = tmp_path / "out.json"
    dialog.export_file(out)
    assert [r.name for r in parse_rules(json.loads(out.read_text("utf-8")))] == [
        r[0] for r in before]


# -- the queue ---------------------------------------------------------------------


@pytest.fixture
def queue(store: SqlStore, account_id: int) -> QueueModel:
    store.ingest(account_id, IngestBatch(
        messages=[msg("1", thread="old", minutes=0, text="hello?"),
                  msg("2", thread="hot", minutes=20, author="300", text="refund please")],
        contacts=[contact(), contact("300", "omar", "Omar")]))
    model = QueueModel(store)
    return model


def sla_cell(model: QueueModel, row: int) -> tuple[str, Any]:
    index = model.index(row, QueueModel.SLA)
    brush = model.data(index, Qt.ItemDataRole.ForegroundRole)
    return str(model.data(index)), None if brush is None else brush.color()


def test_sla_badge_text_and_colour_at_ok_warning_and_breached(queue: QueueModel) -> None:
    def at(minutes: float) -> tuple[str, Any]:
        queue.clock = lambda: T0 + timedelta(minutes=minutes)
        queue.refresh()
        row = queue.row_of(min(queue.conversation_id(r) for r in range(2)))  # "old"
        assert row is not None
        return sla_cell(queue, row)

    # A public mention with no priority: first response within 120 min, amber from 96 min.
    assert at(10) == ("1h 50m left", None)
    assert at(100) == ("20m left", QColor(AMBER))
    assert at(132) == ("overdue 12m", QColor(RED))


def test_badges_follow_the_tick(queue: QueueModel, qtbot: QtBot) -> None:
    now = [T0 + timedelta(minutes=30)]
    queue.clock = lambda: now[0]
    queue.refresh()
    row = queue.row_of(min(queue.conversation_id(r) for r in range(2)))
    assert row is not None
    assert sla_cell(queue, row)[0] == "1h 30m left"
    now[0] += timedelta(minutes=60)
    with qtbot.waitSignal(queue.dataChanged):
        queue.tick()
    assert sla_cell(queue, row)[0] == "30m left"


def test_sort_by_time_left_puts_the_nearest_deadline_first(
    qtbot: QtBot, store: SqlStore, account_id: int, data_dir: Path
) -> None:
    store.ingest(account_id, IngestBatch(
        messages=[msg("1", thread="old", minutes=0, text="hello?"),
                  msg("2", thread="hot", minutes=20, author="300", text="refund please"),
                  msg("3", thread="dm", minutes=10, author="400", kind=ChannelKind.DM,
                      text="hi")],
        contacts=[contact(), contact("300", "omar", "Omar"), contact("400", "noura", "نورة")]))
    ids = {c.thread_id: c.id
           for c in store.conversations(store.queue_ids(View.ALL_OPEN)).values()}
    store.set_priority(ids["hot"], Priority.HIGH, actor="test")  # 30 min: due at 0:50
    w = desk_window(qtbot, store, data_dir)
    settled(qtbot, w)
    order = [w.model.conversation_id(r) for r in range(w.model.rowCount())]
    assert order == [ids["old"], ids["dm"], ids["hot"]]  # waiting longest
    w.sort_choice.setCurrentIndex(1)
    settled(qtbot, w)
    order = [w.model.conversation_id(r) for r in range(w.model.rowCount())]
    # due: hot 0:20+30 = 0:50, old 0:00+120 = 2:00, dm (none, 240) 0:10+240 = 4:10
    assert order == [ids["hot"], ids["old"], ids["dm"]]
    w.close()


# -- end to end: a rule made in the dialog fires on the next sync ---------------------------


class _Receiver(BaseHTTPRequestHandler):
    bodies: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        _Receiver.bodies.append(json.loads(self.rfile.read(length)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[str]:
    _Receiver.bodies = []
    server = HTTPServer(("127.0.0.1", 0), _Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook/secret-token"
    server.shutdown()
    server.server_close()


def test_rule_from_the_dialog_fires_on_sync_notifies_and_explains_why(
    qtbot: QtBot, data_dir: Path, receiver: str
) -> None:
    with XSandbox() as sandbox:
        desk = live_window(qtbot, sandbox, data_dir, poll_ms=600_000)
        w, store, customer = desk.window, desk.store, desk.customer
        d = w.open_rules()
        qtbot.waitUntil(lambda: d.table.rowCount() > 0)
        build_refund_rule(d, notify=True)
        hook = d.editor.add_action("webhook")
        hook.text.setText(receiver)
        d.save_button.click()
        qtbot.waitUntil(lambda: "Refunds" in [r.name for r in load_rules(store)])
        d.close()

        sandbox.post_tweet(customer.id, "@brand I want a REFUND for order 7")
        w.sync_now()
        qtbot.waitUntil(lambda: w.model.rowCount() == 1, timeout=10_000)
        conv = store.conversation(w.model.conversation_id(0))
        assert "money" in conv.tags
        # the notification: shown (banner offscreen, no tray) and marked seen
        qtbot.waitUntil(lambda: bool(w.notifier.shown), timeout=5_000)
        assert "Refunds" in w.notifier.shown[0]
        assert w.notifier.banner.isVisible()
        assert "Refunds: text contains 'refund'" in plain(w.notifier.banner.text())
        qtbot.waitUntil(lambda: not store.unseen_notifications(), timeout=5_000)
        # the webhook went out from the sync worker
        qtbot.waitUntil(lambda: bool(_Receiver.bodies), timeout=10_000)
        assert _Receiver.bodies[0]["rule"]["name"] == "Refunds"
        # why it is urgent, in the pane, as plain text
        w.select_row(0)
        why = plain(w.why.text())
        assert w.why.isVisible() and w.why.textFormat().name == "PlainText"
        assert why.startswith("Rule “Refunds” fired at ") or "Rule “Refunds” fired at " in why
        assert "text contains 'refund'; followers 3,200 >= 10" in why
        fired = [e for e in store.events(conv.id) if e.type is EventType.RULE_FIRED]
        assert {e.data["rule"] for e in fired} >= {"Refunds", "Urgent words"}
        w.close()
        store.close()


def test_why_urgent_lists_newest_firings_first(
    qtbot: QtBot, store: SqlStore, account_id: int, data_dir: Path
) -> None:
    store.ingest(account_id, IngestBatch(messages=[msg("1", thread="a", text="hi")],
                                         contacts=[contact()]))
    [conv_id] = store.queue_ids(View.NEEDS_REPLY)
    w = desk_window(qtbot, store, data_dir)
    # the start-up sync's timers fire first (waiting, SLA: the message is old)
    qtbot.waitUntil(lambda: bool(w.last_reports), timeout=10_000)
    for n, (rule, reason) in enumerate([("VIP", "followers 120,000 >= 10,000"),
                                        ("Angry", "text contains 'worst'")]):
        store.record_rule_event(conv_id, EventType.RULE_FIRED,
                                int((T0 + timedelta(minutes=n)).timestamp() * 1000),
                                f"rule:{rule}", {"rule": rule,
                                                 "reason": f"rule '{rule}' fired: {reason}"},
                                f"k{n}")
    settled(qtbot, w)
    w.select_row(0)
    lines = plain(w.why.text()).splitlines()
    fired = [e for e in store.events(conv_id) if e.type is EventType.RULE_FIRED]
    assert len(lines) == min(3, len(fired))  # the newest three
    assert lines[0].startswith("Rule “Angry” fired at ") and lines[0].endswith(
        ": text contains 'worst'")
    assert lines[1].endswith(": followers 120,000 >= 10,000")
    assert isinstance(w.why, QLabel)
    w.close()

