"""``community-inbox templates import|export`` and ``reply --template`` as a script sees them:
exit codes, one-line reasons, what reaches X (the sandbox) and what the store keeps."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from inbox import outbox, templates
from inbox.domain import Account, ChannelKind, Contact, Direction, IncomingMessage, IngestBatch
from inbox.sandbox import SandboxUser, XSandbox
from inbox.store import SqlStore
from inbox.timeutil import utcnow
from tests.test_cli_reply import brand, keys, run, sandbox

__all__ = ["brand", "keys", "sandbox"]  # fixtures shared with tests/test_cli_reply.py
ROOT = Path(__file__).resolve().parents[1]


def mention(sandbox: XSandbox, store: SqlStore, account: Account, text: str,
            handle: str = "sara", display_name: str = "Sara",
            lang: str | None = None) -> int:
    who = sandbox.add_user(handle, display_name or handle)
    tweet = sandbox.post_tweet(who.id, text)
    result = store.ingest(account.id, IngestBatch(
        messages=[IncomingMessage(
            kind=ChannelKind.MENTION, platform_id=tweet["id"], thread_id=tweet["conversation_id"],
            direction=Direction.IN, author_platform_id=who.id, text=text, created_at=utcnow(),
            language=lang)],
        contacts=[Contact(platform_id=who.id, handle=handle, display_name=display_name)]))
    [conv_id] = result.conversations_touched
    return conv_id


def test_reply_with_a_starter_template_in_the_customers_language(
        data_dir: Path, store: SqlStore, sandbox: XSandbox,
        brand: tuple[SandboxUser, Account], capsys: pytest.CaptureFixture[str]) -> None:
    user, account = brand
    english = mention(sandbox, store, account, "@AcmeHelp hello?", "sara", "Sara")
    arabic = mention(sandbox, store, account, "@AcmeHelp السلام عليكم، وين طلبي؟", "fahad", "")
    code, out, err = run(data_dir, capsys, "reply", str(english), "--template", "/hi",
                         "--agent", "Nour")
    assert (code, err) == (0, "") and out.startswith("sent reply ")
    code, out, err = run(data_dir, capsys, "reply", str(arabic), "--template", "HI",
                         "--agent", "Nour")
    assert (code, err) == (0, "")
    texts = [str(t["text"]) for t in sandbox.tweets_by(user.id)]
    assert sorted(texts) == sorted([
        "Hi Sara, thanks for reaching out! How can we help you today?",
        "هلا وغلا، حيّاك الله! كيف نقدر نخدمك اليوم؟"])
    [hi] = templates.search(store, "hi", agent="Nour")[:1]
    stats = templates.usage(store, hi.id)
    assert stats.count == 2 and [(a.agent, a.count) for a in stats.by_agent] == [("Nour", 2)]


def test_reply_dm_template_uses_x_lang_and_the_agent(
        data_dir: Path, store: SqlStore, sandbox: XSandbox,
        brand: tuple[SandboxUser, Account], capsys: pytest.CaptureFixture[str]) -> None:
    user, account = brand
    conv = mention(sandbox, store, account, "@AcmeHelp ok", "omar", "Omar", lang="ar")
    code, out, _ = run(data_dir, capsys, "reply", str(conv), "--template", "hi-dm", "--dm",
                       "--agent", "نورة")
    assert code == 0 and out.startswith("sent DM ")
    [dm] = [e for e in sandbox.dm_events_of(user.id) if e["sender_id"] == user.id]
    assert dm["text"] == ("هلا Omar، معك نورة من فريق خدمة العملاء في @AcmeHelp."
                          " كيف أقدر أساعدك؟")


@pytest.mark.parametrize(("shortcut", "reason"), [
    ("nope", "no saved reply with the shortcut /nope"),
    ("needs-name", "saved reply /needs-name needs contact.name, which this conversation"
     " has no value for"),
])
def test_reply_template_refusals_send_nothing(
        data_dir: Path, store: SqlStore, sandbox: XSandbox, brand: tuple[SandboxUser, Account],
        capsys: pytest.CaptureFixture[str], shortcut: str, reason: str) -> None:
    templates.create(store, templates.ReplyDraft(
        name="Needs a name", shortcut="needs-name", variants={"en": "Dear {{contact.name}}"}))
    conv = mention(sandbox, store, brand[1], "@AcmeHelp hi", "anon", "")
    code, out, err = run(data_dir, capsys, "reply", str(conv), "--template", shortcut)
    assert code == 1 and out == ""
    assert reason in err and err.count("\n") == 1 and "⟦" not in err
    assert outbox.items(store, conv) == []
    assert not [p for m, p, _ in sandbox.requests_log if m == "POST"]


LIBRARY = [
    {"name": "Greeting", "shortcut": "/hello", "variants": {"en": "Hello {{contact.name|there}}",
                                                          "ar": "هلا {{contact.name|وغلا}}"}},
    {"name": "Facts", "shortcut": "facts", "category": "Crisis", "approved": True,
     "variants": {"en": "Our official statement: https://example.com/facts"}},
    {"name": "Signature", "shortcut": "sig", "shared": False, "variants": {"en": "{{agent.name}}"}},
]


def test_templates_import_then_export(data_dir: Path, store: SqlStore, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(LIBRARY, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(data_dir, capsys, "templates", "import", str(source), "--agent", "nour")
    assert (code, err, out) == (0, "", "imported 3 saved replies (3 new, 0 updated)\n")
    code, out, _ = run(data_dir, capsys, "templates", "import", str(source), "--agent", "nour")
    assert out == "imported 3 saved replies (0 new, 3 updated)\n"
    target = tmp_path / "out.json"
    code, out, err = run(data_dir, capsys, "templates", "export", str(target), "--agent", "nour")
    assert (code, err, out) == (0, "", f"exported 3 saved replies to {target}\n")
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert [e["shortcut"] for e in exported] == ["hello", "sig", "facts"]
    assert exported[2] == {"name": "Facts", "shortcut": "facts", "category": "Crisis",
                           "approved": True, "shared": True, "variants": LIBRARY[1]["variants"]}
    code, out, _ = run(data_dir, capsys, "templates", "export", "-", "--agent", "omar")
    assert code == 0 and [e["shortcut"] for e in json.loads(out)] == ["hello", "facts"]


@pytest.mark.parametrize(("content", "reason"), [
    ('{"name": "x"}', "the file must hold a JSON list of saved replies, not an object"),
    ("[1,", "is not valid JSON"),
    (json.dumps([*LIBRARY[:2], {"name": "Bad", "shortcut": "bad",
                                "variants": {"en": "Hi {{contact}}"}}]),
     "entry 3 ('Bad', /bad): variant 'en' at character 4: unknown variable 'contact'"),
    (json.dumps([LIBRARY[0], {**LIBRARY[1], "shortcut": "hello"}]),
     "entry 2 ('Facts', /hello): the shortcut /hello is also used by entry 1"),
    (json.dumps([LIBRARY[0], {"name": "No variants", "shortcut": "nv"}]),
     "entry 2 ('No variants', /nv): missing key 'variants'"),
])
def test_templates_import_of_a_malformed_file_imports_nothing(
        data_dir: Path, store: SqlStore, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        content: str, reason: str) -> None:
    source = tmp_path / "in.json"
    source.write_text(content, encoding="utf-8")
    code, out, err = run(data_dir, capsys, "templates", "import", str(source))
    assert code == 1 and out == ""
    assert reason in err and err.startswith("community-inbox: ") and err.count("\n") == 1
    assert store.saved_reply_count() == 0


def test_templates_import_missing_file_and_usage(data_dir: Path, store: SqlStore,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(data_dir, capsys, "templates", "import", str(data_dir / "nope.json"))
    assert code == 1 and "nope.json" in err and err.count("\n") == 1
    with pytest.raises(SystemExit) as usage:
        run(data_dir, capsys, "templates", "import")
    assert usage.value.code == 2


def test_export_on_a_fresh_install_is_the_starter_library_via_main_py(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(tmp_path), "templates", "export", "-"],
        cwd=ROOT, capture_output=True, text=True, check=True, encoding="utf-8")
    entries = json.loads(out.stdout)
    assert {"hi", "sorry", "order", "rumour", "thanks"} <= {e["shortcut"] for e in entries}
    assert all(set(e["variants"]) == {"ar", "en"} for e in entries)

