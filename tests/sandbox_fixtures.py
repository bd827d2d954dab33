"""A brand account on the local X sandbox, connected to a real SQLite store.

Shared by the sync tests and the crash test: the sandbox runs on 127.0.0.1,
tweepy talks real HTTP to it, the store is a real file, the credentials are the
sandbox's own keys held in ``MemoryCredentials``. Time is a ``FakeClock`` that
the sandbox and the Syncer share, so a test moves time instead of sleeping.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import requests

from inbox.channels.x import XChannel
from inbox.credentials import MemoryCredentials, XCredentials
from inbox.domain import Account, ChannelKind, Conversation, View
from inbox.sandbox import SandboxUser, XSandbox
from inbox.sandbox.testing import FakeClock
from inbox.store import SqlStore
from inbox.sync import Syncer

BRAND_CREATED = datetime(2012, 3, 14, 8, 0, tzinfo=UTC)


def browse(url: str) -> threading.Thread:
    """What the system browser does: open X's consent page, follow its redirect home."""

    def visit() -> None:
        session = requests.Session()
        session.trust_env = False
        answer = session.get(url, allow_redirects=False, timeout=10)
        if answer.status_code == 302:
            session.get(answer.headers["location"], timeout=10)

    thread = threading.Thread(target=visit, daemon=True)
    thread.start()
    return thread


def channel_factory(timeout: float = 5.0) -> Callable[[Account, XCredentials], XChannel]:
    """Real XChannels that never read proxy settings from the environment."""
    return lambda account, creds: XChannel(account, creds, timeout=timeout, trust_env=False)


def oauth1_credentials(keys: dict[str, str]) -> XCredentials:
    """The four OAuth 1.0a values ``XSandbox.issue_oauth1`` hands out."""
    return XCredentials(consumer_key=keys["consumer_key"],
                        consumer_secret=keys["consumer_secret"],
                        access_token=keys["access_token"],
                        access_token_secret=keys["access_token_secret"])


def connect(store: SqlStore, sandbox: XSandbox, creds: MemoryCredentials, user: SandboxUser,
            name: str, *, bearer: bool = False) -> Account:
    """Store an account for ``user`` whose keys are freshly issued by the sandbox."""
    ref = f"x:{name}"
    if bearer:
        creds.save(ref, XCredentials(bearer_token=sandbox.issue_bearer(user.id)))
    else:
        creds.save(ref, oauth1_credentials(sandbox.issue_oauth1(user.id)))
    return store.add_account(name=name, handle=user.username, user_id=user.id,
                             api_base=sandbox.base_url, credential_ref=ref,
                             auth_kind="oauth2" if bearer else "oauth1")


@dataclass
class Rig:
    """The sandbox, its clock, the store and one connected brand account."""

    sandbox: XSandbox
    clock: FakeClock
    store: SqlStore
    creds: MemoryCredentials
    brand: SandboxUser
    account: Account
    customers: list[SandboxUser] = field(default_factory=list)

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock.now, UTC)

    def tick(self, seconds: float = 1.0) -> float:
        """Move time on and return the new epoch seconds (for staged created_at)."""
        self.clock.advance(seconds)
        return self.clock.now

    def syncer(self, *, timeout: float = 5.0, seed: int = 7,
               on_page: Callable[[], None] | None = None) -> Syncer:
        return Syncer(self.store, self.creds, clock=self.now,
                      channel_factory=channel_factory(timeout), rng=random.Random(seed),
                      on_page=on_page)

    def fresh_account(self, account: Account | None = None) -> Account:
        found = self.store.account_by_id((account or self.account).id)
        assert found is not None
        return found

    def cursor(self, stream: str, account: Account | None = None) -> dict[str, Any]:
        raw = self.store.cursor((account or self.account).id, stream)
        return {} if raw is None else dict(json.loads(raw))

    def requests_to(self, route_fragment: str) -> list[dict[str, str]]:
        """Queries of the logged sandbox requests whose path contains ``route_fragment``."""
        return [q for _, path, q in list(self.sandbox.requests_log) if route_fragment in path]

    # ---- what the sandbox holds vs what the store holds --------------------

    def sandbox_messages(self, user: SandboxUser | None = None) -> set[tuple[str, str]]:
        """(kind, platform_id) of every mention of the brand and every DM message it sees."""
        uid = (user or self.brand).id
        mentions = {("mention", t["id"]) for t in self.sandbox.mentions_of(uid)}
        dms = {("dm", e["id"]) for e in self.sandbox.dm_events_of(uid)
               if e["event_type"] == "MessageCreate"}
        return mentions | dms

    def stored_messages(self, account: Account | None = None) -> list[tuple[str, str]]:
        """(kind, platform_id) of every stored message of the account, duplicates kept."""
        name = (account or self.account).name
        return [(str(r["kind"]), str(r["platform_id"])) for r in self.store.export_rows()
                if r["account"] == name]

    def conversations(self) -> dict[tuple[ChannelKind, str], Conversation]:
        """Every conversation in any view, by (kind, X thread id)."""
        ids: list[int] = []
        for view in View:
            ids += self.store.queue_ids(view)
        return {(c.kind, c.thread_id): c for c in self.store.conversations(ids).values()}


def start_sandbox(clock: FakeClock, limits: dict[str, int] | None = None) -> XSandbox:
    return XSandbox(clock=clock, limits=limits).start()


def build_rig(sandbox: XSandbox, clock: FakeClock, store: SqlStore) -> Rig:
    brand = sandbox.add_user("AcmeHelp", "Acme Support", followers=184_000, verified=True,
                             created_at=BRAND_CREATED)
    creds = MemoryCredentials()
    account = connect(store, sandbox, creds, brand, "brand")
    return Rig(sandbox, clock, store, creds, brand, account)
