"""``community-inbox reply`` and ``outbox flush`` as a script sees them: exit codes, one-line
reasons, and what ends up on X (the sandbox) and in the store."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from inbox import cli, outbox
from inbox.credentials import MemoryCredentials, XCredentials
from inbox.domain import (
    Account,
    ChannelKind,
    Direction,
    IncomingMessage,
    IngestBatch,
    OutboxState,
)
from inbox.sandbox import Fault, SandboxUser, XSandbox, dm_pair_id
from inbox.store import SqlStore
from inbox.timeutil import utcnow


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> MemoryCredentials:
    """The CLI's credential source, in memory: the keyring itself is tests/test_cli.py's."""
    creds = MemoryCredentials()
    monkeypatch.setattr(cli, "KeyringCredentials", lambda: creds)
    return creds


@pytest.fixture
def sandbox(monkeypatch: pytest.MonkeyPatch) -> Iterator[XSandbox]:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    with XSandbox() as box:
        yield box


@pytest.fixture
def brand(sandbox: XSandbox, store: SqlStore,
          keys: MemoryCredentials) -> tuple[SandboxUser, Account]:
    user = sandbox.add_user("AcmeHelp", "Acme Support")
    keys.save("x:brand", XCredentials(**sandbox.issue_oauth1(user.id)))
    account = store.add_account(name="brand", handle=user.username, user_id=user.id,
                                api_base=sandbox.base_url, credential_ref="x:brand",
                                auth_kind="oauth1")
    return user, account


def mention(sandbox: XSandbox, store: SqlStore, account: Account, name: str = "sara",
            text: str = "@AcmeHelp my order is late") -> tuple[int, SandboxUser]:
    who = sandbox.add_user(name, name.title())
    tweet = sandbox.post_tweet(who.id, text)
    result = store.ingest(account.id, IngestBatch(messages=[IncomingMessage(
        kind=ChannelKind.MENTION, platform_id=tweet["id"], thread_id=tweet["conversation_id"],
        direction=Direction.IN, author_platform_id=who.id, text=text, created_at=utcnow())]))
    [conv_id] = result.conversations_touched
    return conv_id, who


def run(data_dir: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_reply_sends_and_records_with_the_agent(
        data_dir: Path, store: SqlStore, sandbox: XSandbox,
        brand: tuple[SandboxUser, Account], capsys: pytest.CaptureFixture[str]) -> None:
    user, account = brand
    conv_id, _ = mention(sandbox, store, account)
    code, out, err = run(data_dir, capsys, "reply", str(conv_id), "--text", "On it! 🙏",
                         "--agent", "Nour")
    assert (code, err) == (0, "")
    [tweet] = sandbox.tweets_by(user.id)
    assert out.strip() == f"sent reply {tweet['id']} in conversation {conv_id}"
    [reply] = [m for m in store.thread(conv_id) if m.direction is Direction.OUT]
    assert (reply.platform_id, reply.agent, reply.text) == (tweet["id"], "Nour", "On it! 🙏")


def test_reply_dm_goes_to_the_customer(
        data_dir: Path, store: SqlStore, sandbox: XSandbox,
        brand: tuple[SandboxUser, Account], capsys: pytest.CaptureFixture[str]) -> None:
    user, account = brand
    conv_id, who = mention(sandbox, store, account)
    code, out, _ = run(data_dir, capsys, "reply", str(conv_id), "--dm", "--text",
                       "What is your order number?")
    assert code == 0 and out.startswith("sent DM ")
    [dm] = [e for e in sandbox.dm_events_of(user.id) if e["sender_id"] == user.id]
    assert dm["dm_conversation_id"] == dm_pair_id(user.id, who.id)


@pytest.mark.parametrize(("target", "text", "reason"), [
    ("known", "x" * 281, "281 characters as X counts them"),
    ("missing", "hello", "no conversation 424242"),
    ("known", "  ", "empty"),
])
def test_reply_refuses_bad_input_and_sends_nothing(
        data_dir: Path, store: SqlStore, sandbox: XSandbox, brand: tuple[SandboxUser, Account],
        capsys: pytest.CaptureFixture[str], target: str, text: str, reason: str) -> None:
    conv_id, _ = mention(sandbox, store, brand[1])
    cid = str(conv_id) if target == "known" else "424242"
    code, out, err = run(data_dir, capsys, "reply", cid, "--text", text)
    assert code == 1 and out == ""
    assert reason in err and err.count("\n") == 1
    assert outbox.pending(store) == [] and outbox.items(store, conv_id) == []
    assert not [p for m, p, _ in sandbox.requests_log if m == "POST"]


def test_reply_refused_by_x_exits_1_with_the_way_forward(
        data_dir: Path, store: SqlStore, sandbox: XSandbox,
        brand: tuple[SandboxUser, Account], capsys: pytest.CaptureFixture[str]) -> None:
    user, account = brand
    conv_id, _ = mention(sandbox, store, account)
    sandbox.post_tweet(user.id, "Thanks for reaching out!")
    code, _, err = run(data_dir, capsys, "reply", str(conv_id), "--text",
                       "Thanks for reaching out!")
    assert code == 1 and "not sent:" in err and "reword it" in err
    assert len(sandbox.tweets_by(user.id)) == 1


def test_reply_gives_up_waiting_but_keeps_it_in_the_outbox(
        data_dir: Path, store: SqlStore, sandbox: XSandbox,
        brand: tuple[SandboxUser, Account], capsys: pytest.CaptureFixture[str]) -> None:
    user, account = brand
    conv_id, _ = mention(sandbox, store, account)
    sandbox.faults.add(Fault(status=503, route="create_tweet", times=5))
    code, _, err = run(data_dir, capsys, "reply", str(conv_id), "--text", "soon", "--wait", "1")
    assert code == 1 and "stays in the outbox" in err and "outbox flush" in err
    [item] = outbox.pending(store)
    assert item.state is OutboxState.QUEUED and item.error_kind == "offline"
    sandbox.faults.clear()
    with store.transaction():  # skip the backoff for the test
        store._exec("UPDATE outbox SET not_before = 0 WHERE id = ?", (item.id,))
    code, out, _ = run(data_dir, capsys, "outbox", "flush")
    assert code == 0 and out.startswith("sent 1 ")
    assert len(sandbox.tweets_by(user.id)) == 1


def test_flush_finishes_a_crashed_send_and_an_open_undo_window_exactly_once(
        data_dir: Path, store: SqlStore, sandbox: XSandbox,
        brand: tuple[SandboxUser, Account], capsys: pytest.CaptureFixture[str]) -> None:
    user, account = brand
    conv_a, _ = mention(sandbox, store, account, "sara")
    conv_b, _ = mention(sandbox, store, account, "omar")
    crashed = outbox.enqueue(store, conv_a, "refund issued", dm=False, agent="nour",
                             undo_seconds=0)
    waiting = outbox.enqueue(store, conv_b, "we'll call you", dm=False, agent="sam",
                             undo_seconds=300)
    # a sender that died after X accepted the reply and before recording it
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    now = utcnow()
    assert store.outbox_claim(crashed, f"{socket.gethostname()}|{dead.pid}|gone",
                              int(now.timestamp() * 1000),
                              int((now + timedelta(hours=1)).timestamp() * 1000))
    sandbox.post_tweet(user.id, "refund issued", in_reply_to=crashed.reply_to_platform_id)

    code, out, err = run(data_dir, capsys, "outbox", "flush")
    assert (code, err) == (0, "")
    assert out.strip() == ("sent 2 (1 already on X from an earlier attempt), failed 0,"
                           " still waiting 0")
    texts = sorted(str(t["text"]) for t in sandbox.tweets_by(user.id))
    assert texts == ["refund issued", "we'll call you"]
    for item in (crashed, waiting):
        row = store.outbox_item(item.id)
        assert row is not None and row.state is OutboxState.SENT
    code, out, _ = run(data_dir, capsys, "outbox", "flush")
    assert code == 0 and out.startswith("sent 0 ")


def test_flush_exits_1_when_something_failed(
        data_dir: Path, store: SqlStore, sandbox: XSandbox,
        brand: tuple[SandboxUser, Account], capsys: pytest.CaptureFixture[str]) -> None:
    user, account = brand
    conv_id, _ = mention(sandbox, store, account)
    sandbox.post_tweet(user.id, "dup text")
    outbox.enqueue(store, conv_id, "dup text", dm=False, agent="nour", undo_seconds=0)
    code, out, err = run(data_dir, capsys, "outbox", "flush")
    assert code == 1 and "failed 1" in out
    assert "reword it" in err and "community-inbox:" in err
