"""Webhooks to a real HTTP receiver on 127.0.0.1: delivered in the background, retried with
backoff while the receiver is down, kept across a restart, never slowing ingest, and the
URL (which may hold a secret) never in a log line or a stored error."""

from __future__ import annotations

import json
import logging
import random
import threading
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

from inbox.domain import IngestBatch
from inbox.rules import parse_rules
from inbox.rules_run import compile_rules, run_on_messages
from inbox.store import SqlStore, open_sqlite
from inbox.webhooks import Outcome, deliver_webhooks
from tests.conftest import T0, contact, msg

SECRET = "T0001/B0002/xoxb-s3cr3t-token-value"


class Receiver:
    """A tiny incoming-webhook endpoint: answers with the next queued status, may stall."""

    def __init__(self, port: int = 0) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.statuses: list[int] = []
        self.release = threading.Event()
        self.release.set()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.release.wait(10)
                receiver.bodies.append(json.loads(body))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/services/{SECRET}"

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.stop()


@pytest.fixture
def session() -> Iterator[requests.Session]:
    s = requests.Session()
    s.trust_env = False  # never a proxy from the environment
    yield s
    s.close()


def fire_webhook(store: SqlStore, account_id: int, url: str) -> None:
    rules = compile_rules(parse_rules([{
        "name": "Refunds to Slack", "when": "message_received", "match": "all",
        "conditions": [{"field": "text", "op": "contains_any", "value": ["refund", "استرداد"]}],
        "actions": [{"type": "webhook", "value": url}]}]))
    ids = store.ingest(account_id, IngestBatch([msg("1", text="أريد استرداد المبلغ refund")],
                                               [contact()])).new_message_ids
    assert len(run_on_messages(store, ids, T0, rules)) == 1


def test_delivered_body_is_also_a_slack_message(store: SqlStore, account_id: int,
                                                receiver: Receiver,
                                                session: requests.Session) -> None:
    fire_webhook(store, account_id, receiver.url)
    assert receiver.bodies == []  # firing only queues it
    [result] = deliver_webhooks(store, T0, session)
    assert result.outcome is Outcome.DELIVERED
    [body] = receiver.bodies
    assert body["text"].startswith("Community Inbox: rule 'Refunds to Slack' fired")
    assert body["rule"]["name"] == "Refunds to Slack"
    assert body["conversation"]["id"] == 1 and body["conversation"]["contact"]["handle"] == "sara"
    assert body["message"]["text"] == "أريد استرداد المبلغ refund"
    assert store.webhook_rows()[0].state == "delivered"
    assert deliver_webhooks(store, T0 + timedelta(hours=1), session) == []


def test_receiver_down_then_back_across_a_restart(data_dir: Path, store: SqlStore,
                                                  account_id: int, session: requests.Session,
                                                  caplog: pytest.LogCaptureFixture,
                                                  app_log: Path) -> None:
    caplog.set_level(logging.DEBUG)
    down = Receiver()
    port, url = down.port, down.url
    down.stop()  # nothing listens on the port now
    fire_webhook(store, account_id, url)
    rng = random.Random(3)
    [first] = deliver_webhooks(store, T0, session, rng=rng, timeout=2)
    assert first.outcome is Outcome.RETRY and "could not connect" in first.detail
    row = store.webhook_rows()[0]
    assert row.state == "queued" and row.attempts == 1 and row.not_before > 0
    assert deliver_webhooks(store, T0, session, rng=rng) == []  # backing off, not spinning
    store.close()

    reopened = open_sqlite(data_dir)  # the app restarts; the webhook is still owed
    back = Receiver(port)
    try:
        back.statuses = [503]
        [second] = deliver_webhooks(reopened, T0 + timedelta(minutes=5), session, rng=rng)
        assert second.outcome is Outcome.RETRY and second.detail == "HTTP 503"
        [third] = deliver_webhooks(reopened, T0 + timedelta(hours=1), session, rng=rng)
        assert third.outcome is Outcome.DELIVERED
        assert len(back.bodies) == 2
        assert reopened.webhook_rows()[0].attempts == 3
    finally:
        back.stop()
        reopened.close()
    stored_errors = " ".join(r.last_error for r in open_sqlite(data_dir).webhook_rows())
    assert SECRET not in caplog.text and SECRET not in stored_errors
    assert SECRET not in app_log.read_text(encoding="utf-8")
    assert "127.0.0.1#" in caplog.text  # logs name the host and a hash instead


def test_refused_for_good_on_4xx(store: SqlStore, account_id: int, receiver: Receiver,
                                 session: requests.Session) -> None:
    receiver.statuses = [404]
    fire_webhook(store, account_id, receiver.url)
    [result] = deliver_webhooks(store, T0, session)
    assert result.outcome is Outcome.FAILED and "HTTP 404" in result.detail
    assert deliver_webhooks(store, T0 + timedelta(days=1), session) == []


def test_slow_receiver_never_holds_up_ingest(store: SqlStore, account_id: int,
                                             receiver: Receiver, session: requests.Session,
                                             caplog: pytest.LogCaptureFixture,
                                             app_log: Path) -> None:
    caplog.set_level(logging.DEBUG)
    receiver.release.clear()  # the endpoint hangs
    fire_webhook(store, account_id, receiver.url)  # ingest and rules are done...
    assert store.conversation(1).message_count == 1
    assert store.webhook_rows()[0].attempts == 0  # ...without touching the network
    [result] = deliver_webhooks(store, T0, session, timeout=0.3)
    assert result.outcome is Outcome.RETRY and "no answer within" in result.detail
    receiver.release.set()
    assert SECRET not in caplog.text
