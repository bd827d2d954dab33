"""Take the README screenshots of the demo inbox.

``python scripts/screenshots.py LANG OUT.png [--composer | --accounts | --saved-replies |
--dashboard]``;
with ``--composer`` one reply waits in its undo window and a draft shows the counter;
``--accounts`` writes OUT-list.png and OUT-connect.png (the accounts dialogs);
``--saved-replies`` writes OUT-popup-LANG.png (the ``/`` popup over the composer)
and OUT-editor-LANG.png (the saved-replies editor on its Arabic tab).

Runs the real demo (sandbox, traffic, sync) offscreen or under Xvfb, waits for
the queue to fill, selects a conversation in the requested language and grabs
the window.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from inbox.demo import start_demo
from inbox.domain import AccountStatus, ChannelKind
from inbox.sandbox import XSandbox
from inbox.store import open_sqlite
from ui.accounts_dialog import AccountsDialog
from ui.app import make_app
from ui.main_window import MainWindow

REPLIES = {
    "en": ("Sorry to hear that! We're checking your order now.",
           "Thanks for your patience. Your order is with our courier and should reach you "
           "tomorrow before 6 pm; you can follow it at https://example.com/track. If it does "
           "not arrive by then, reply here and we will refund the delivery fee straight away."),
    "ar": ("نعتذر عن التأخير! نراجع طلبك الآن.",
           "شكرًا لصبرك. طلبك مع شركة الشحن ويفترض أن يصلك غدًا قبل الساعة السادسة مساءً، "
           "وتقدر تتابعه عبر https://example.com/track. وإذا ما وصل في الموعد، رد علينا هنا "
           "وبنعيد لك رسوم التوصيل فورًا بدون أي إجراءات إضافية، ونعتذر مرة ثانية عن الإزعاج "
           "ونقدّر تفهمك وصبرك معنا 🙏"),
}


def wait(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def accounts(app: QApplication, out: Path) -> None:
    """The accounts list (one healthy, one needing reconnection) and a checked connect."""
    data = Path(tempfile.mkdtemp())
    with XSandbox() as sandbox:
        brand = sandbox.add_user("NakheelCare", "Nakheel Telecom Care", verified=True)
        billing = sandbox.add_user("NakheelBilling", "Nakheel Billing")
        store = open_sqlite(data)
        store.add_account(name="care", handle="NakheelCare", user_id=brand.id,
                          api_base=sandbox.base_url, credential_ref="x:care", auth_kind="oauth2")
        other = store.add_account(name="billing", handle="NakheelBilling", user_id=billing.id,
                                  api_base=sandbox.base_url, credential_ref="x:billing",
                                  auth_kind="oauth1")
        store.set_account_status(other.id, AccountStatus.NEEDS_RECONNECT,
                                 "X rejected the account's credentials (401)")
        dialog = AccountsDialog(lambda: open_sqlite(data))
        dialog.show()
        wait(app, 0.5)
        connect = dialog.open_connect(None)
        keys = sandbox.issue_oauth1(brand.id)
        connect.api_base.setText(sandbox.base_url)
        connect.tabs.setCurrentIndex(1)
        for field, name in zip(connect.keys, ("consumer_key", "consumer_secret",
                                              "access_token", "access_token_secret"),
                               strict=True):
            field.setText(keys[name])
        connect.check_keys.click()
        deadline = time.monotonic() + 10
        while not connect.connect_button.isEnabled() and time.monotonic() < deadline:
            wait(app, 0.1)
        wait(app, 0.3)
        dialog.grab().save(str(out.with_name(out.stem + "-list.png")))
        connect.grab().save(str(out.with_name(out.stem + "-connect.png")))
        connect.reject()
        dialog.reject()
        store.close()


# what the agent has typed when the popup is grabbed: a sentence, then "/" and a query
POPUP_QUERY = {"en": ("Thanks for your patience. ", "/or"), "ar": ("شكرًا لصبرك. ", "/نعتذ")}


def saved_replies(app: QApplication, lang: str, out: Path) -> None:
    """The ``/`` popup open in a demo conversation in ``lang``, and the library editor."""
    demo = start_demo(Path(tempfile.mkdtemp()))
    store = demo.open_store()
    window = MainWindow(store, demo.open_store, demo.credentials, poll_ms=600_000, demo=True)
    window.resize(1500, 900)
    window.show()
    deadline = time.monotonic() + 20
    while (window.model.rowCount() == 0 or not store.saved_reply_count()) \
            and time.monotonic() < deadline:
        wait(app, 0.2)
    for row in range(window.model.rowCount()):
        conv = store.conversation(window.model.conversation_id(row))
        arabic = any("\u0600" <= ch <= "\u06ff" for ch in conv.preview)
        if conv.kind is ChannelKind.MENTION and arabic == (lang == "ar"):
            window.select_row(row)
            break
    wait(app, 0.5)
    sentence, query = POPUP_QUERY[lang]
    editor = window.composer.editor
    editor.setFocus()
    editor.insertPlainText(sentence)
    for ch in query:  # one key at a time, as typed
        editor.insertPlainText(ch)
        wait(app, 0.05)
    wait(app, 0.5)
    window.grab().save(str(out.with_name(f"{out.name}-popup-{lang}.png")))
    window.replies.close_popup()
    dialog = window.open_saved_replies()
    dialog.resize(1200, 760)
    for i in range(dialog.list.topLevelItemCount()):
        item = dialog.list.topLevelItem(i)
        if item is not None and item.text(dialog.SHORTCUT).strip("\u2068\u2069") == "/hi-dm":
            dialog.list.setCurrentItem(item)
    dialog.form.tabs.setCurrentWidget(dialog.form.panes["ar"])
    wait(app, 0.5)
    dialog.grab().save(str(out.with_name(f"{out.name}-editor-{lang}.png")))
    dialog.close()
    window.close()
    demo.stop()


def main() -> None:
    lang, out = sys.argv[1], Path(sys.argv[2])
    app = make_app(lang)
    if "--accounts" in sys.argv:
        accounts(app, out)
        return
    if "--rules" in sys.argv:  # rules-editor-LANG.png and queue-sla-LANG.png next to OUT
        from screenshots_rules import rules
        rules(app, lang, out)
        return
    if "--saved-replies" in sys.argv:
        saved_replies(app, lang, out)
        return
    if "--dashboard" in sys.argv:  # the supervisors' dashboard on a seeded year
        from screenshots_dashboard import dashboard
        dashboard(app, out)
        return
    demo = start_demo(Path(tempfile.mkdtemp()))
    store = demo.open_store()
    composer = "--composer" in sys.argv
    window = MainWindow(store, demo.open_store, demo.credentials, poll_ms=2000, demo=True,
                        undo_seconds=60 if composer else 5)
    window.resize(1500, 900)
    window.show()
    deadline = time.monotonic() + 20
    while window.model.rowCount() == 0 and time.monotonic() < deadline:
        wait(app, 0.2)
    want_arabic = lang == "ar"
    best: tuple[int, int] | None = None  # (messages in thread, row)
    for row in range(window.model.rowCount()):
        conv = store.conversation(window.model.conversation_id(row))
        arabic = any("\u0600" <= ch <= "\u06ff" for ch in conv.preview)
        public = conv.kind is ChannelKind.MENTION or not composer
        if public and arabic == want_arabic and (best is None or conv.message_count > best[0]):
            best = (conv.message_count, row)
    if best is not None:
        window.select_row(best[1])
    wait(app, 1.0)
    if composer and best is not None:
        first, draft = REPLIES[lang]
        window.composer.set_dm(False)
        window.composer.editor.setPlainText(first)
        window.composer.send()
        wait(app, 1.5)
        window.composer.editor.setPlainText(draft)
        wait(app, 0.5)
    window.grab().save(str(out))
    window.close()
    demo.stop()


if __name__ == "__main__":
    main()
