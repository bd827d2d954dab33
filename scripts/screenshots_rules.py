"""Screenshots of escalation rules (``scripts/screenshots.py LANG OUT.png --rules``).

Writes, next to OUT: ``rules-editor-LANG.png`` (the rule editor with a rule being
written and its dry run over the demo's week) and ``queue-sla-LANG.png`` (the
queue sorted by SLA time left, with an urgent conversation selected showing
why). The demo's history spans five days, so the screenshot uses day-long SLA
targets (as a team answering low-priority posts might) to show badges in every
state rather than a wall of red.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from inbox.demo import start_demo
from inbox.domain import ChannelKind, EventType, Priority
from inbox.rules_run import ensure_starter_pack
from inbox.sla import SlaPolicy, Targets
from ui.main_window import MainWindow
from ui.rules_dialog import RulesDialog

HOURS = {Priority.URGENT: 12, Priority.HIGH: 24, Priority.MEDIUM: 48, Priority.LOW: 96,
         Priority.NONE: 72}
RULES = {
    "en": ("Refunds and fraud", "refund, charged, fraud, scam, damaged, broken", "en"),
    "ar": ("شكاوى الاحتيال والاسترداد", "احتيال، نصب، شكوى، استرداد، فلوسي", "ar"),
}
WEBHOOK = "https://hooks.slack.com/services/T024BE7LD/B07A1QX9/7rXkq2LmZs0"


def wait(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _edit_rule(app: QApplication, dialog: RulesDialog, lang: str) -> None:
    name, words, language = RULES[lang]
    dialog.new_rule()
    editor = dialog.editor
    editor.name.setText(name)
    cond = editor.condition_rows[0]
    cond.field.setCurrentIndex(cond.field.findData("text"))
    cond.op.setCurrentIndex(cond.op.findData("contains_any"))
    assert cond.editor is not None
    cond.editor.set_value(words)
    if language:
        extra = editor.add_condition("language", "==", language)
    else:
        extra = editor.add_condition("contact.followers", ">=", 100)
    assert extra.editor is not None
    editor.action_rows[0].kind.setCurrentIndex(editor.action_rows[0].kind.findData(
        "set_priority"))
    prio = editor.action_rows[0]
    prio.choice.setCurrentIndex(prio.choice.findData("urgent"))
    editor.add_action("add_tag", "احتيال" if lang == "ar" else "refund")
    editor.add_action("notify", "supervisors")
    editor.add_action("webhook", WEBHOOK)
    dialog.test_current()
    deadline = time.monotonic() + 20
    while not dialog.test_button.isEnabled() and time.monotonic() < deadline:
        wait(app, 0.2)
    wait(app, 0.5)


def rules(app: QApplication, lang: str, out: Path) -> None:
    demo = start_demo(Path(tempfile.mkdtemp()))
    store = demo.open_store()
    ensure_starter_pack(store)
    SlaPolicy({(k, p): Targets(h * 3600, h * 3600, 3 * h * 3600, 80)
               for k in ChannelKind for p, h in HOURS.items()}).save(store)
    demo.start_live_traffic()
    window = MainWindow(store, demo.open_store, demo.credentials, poll_ms=2000, demo=True)
    window.resize(1500, 900)
    window.show()
    deadline = time.monotonic() + 25
    while window.model.rowCount() < 10 and time.monotonic() < deadline:
        wait(app, 0.2)
    wait(app, 2.0)
    window.sort_choice.setCurrentIndex(1)
    wait(app, 0.5)
    want_arabic = lang == "ar"
    chosen = None
    for row in range(min(window.model.rowCount(), 20)):
        conv = store.conversation(window.model.conversation_id(row))
        arabic = any("\u0600" <= ch <= "\u06ff" for ch in conv.preview)
        fired = [e for e in store.events(conv.id) if e.type is EventType.RULE_FIRED
                 and e.data.get("when") == "message_received"]
        if fired and arabic == want_arabic:
            chosen = row
            break
    if chosen is not None:
        window.select_row(chosen)
    wait(app, 1.0)
    window.grab().save(str(out.with_name(f"queue-sla-{lang}.png")))
    dialog = window.open_rules()
    wait(app, 1.0)
    _edit_rule(app, dialog, lang)
    dialog.grab().save(str(out.with_name(f"rules-editor-{lang}.png")))
    dialog.close()
    window.close()
    demo.stop()
