"""No credential ever lands in the database, the log file or the output, whatever happens.

Connects an account through the real OAuth 2.0 flow, syncs, sends, refreshes
the token (rotation), forces 503, malformed and 401 answers with DEBUG logging
to the app's log file, then scans everything the app wrote or printed.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from inbox import outbox
from inbox.accounts import connect_account
from inbox.credentials import KeyringCredentials
from inbox.domain import AccountStatus, View
from inbox.oauth2 import PkceConnect, RefreshingCredentials
from inbox.sandbox import Fault, XSandbox
from inbox.store import SqlStore
from inbox.sync import Syncer
from tests.sandbox_fixtures import browse

pytestmark = pytest.mark.keyring


def test_no_secret_in_database_logs_or_output(
    sb: XSandbox, store: SqlStore, data_dir: Path, app_log: Path,
    caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str],
) -> None:
    if isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring):
        pytest.skip("no Secret Service: run under dbus-run-session with gnome-keyring")
    caplog.set_level(logging.DEBUG)
    brand = sb.add_user("AcmeHelp", "Acme Support")
    customer = sb.add_user("noura", "نورة")
    client_id, client_secret = sb.oauth2.register_client(confidential=True)
    assert client_secret is not None
    sb.oauth2.login_as(brand.id)

    flow = PkceConnect(client_id, client_secret=client_secret, api_base=sb.base_url)
    browse(flow.start())
    first = flow.finish(timeout_s=10)
    ring = KeyringCredentials()
    account, _ = connect_account(store, ring, "brand", sb.base_url, first, trust_env=False)
    secrets = {client_secret, first.bearer_token, first.refresh_token}
    try:
        sb.post_tweet(customer.id, "@AcmeHelp my order?")
        sb.send_dm(customer.id, brand.id, "hello")
        fresh_creds = RefreshingCredentials(ring)
        assert Syncer(store, fresh_creds).sync_all(force=True)[0].error == ""

        # two hours later: the token is refreshed (and rotated) before use
        later = RefreshingCredentials(ring, clock=lambda: time.time() + 7200 - 60)
        conv_id = store.queue_ids(View.NEEDS_REPLY)[0]
        outbox.enqueue(store, conv_id, "We are on it", dm=False, agent="amal", undo_seconds=0)
        results = outbox.Outbox(store, later).deliver_due()
        assert [r.state.value for r in results] == ["sent"]
        second = ring.load(account.credential_ref)
        assert second.refresh_token != first.refresh_token
        secrets |= {second.bearer_token, second.refresh_token}

        # trouble: a server error, a malformed body, then a revoked token
        sb.faults.add(Fault(status=503, route="mentions"))
        Syncer(store, fresh_creds).sync_all(force=True)
        sb.faults.add(Fault(malformed=True, route="mentions"))
        Syncer(store, fresh_creds).sync_all(force=True)
        sb.auth.revoke(second.bearer_token)
        report = Syncer(store, fresh_creds).sync_all(force=True)[0]
        assert store.account("brand").status is AccountStatus.NEEDS_RECONNECT  # type: ignore[union-attr]
        assert report.error
    finally:
        ring.delete(account.credential_ref)

    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            handler.flush()
    written = {p.name: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    assert written.get(app_log.name), "nothing was logged"
    out, err = capfd.readouterr()
    places = {**written, "caplog": caplog.text.encode(), "stdout": out.encode(),
              "stderr": err.encode()}
    for secret in secrets:
        assert len(secret) >= 16
        for place, content in places.items():
            assert secret.encode() not in content, f"a secret leaked into {place}"
