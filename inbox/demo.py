"""The built-in demo: a local X sandbox with a brand account and live customer traffic.

Everything goes through the real path (tweepy over HTTP on 127.0.0.1, the
syncer, the store), so the demo shows exactly what a connected account would.
Its data lives in its own store under ``<data dir>/demo`` and its sandbox keys
stay in memory: the demo never touches the real inbox or the keyring.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inbox.credentials import MemoryCredentials, XCredentials
from inbox.domain import Account
from inbox.sandbox import XSandbox
from inbox.sandbox.traffic import TrafficGenerator
from inbox.store import SqlStore, open_sqlite

DEMO_ACCOUNT = "demo"
BRAND_HANDLE = "NakheelCare"
BRAND_NAME = "Nakheel Telecom Care"


@dataclass
class Demo:
    """A running demo world; ``stop()`` ends the traffic and the server."""

    data_dir: Path
    sandbox: XSandbox
    traffic: TrafficGenerator
    credentials: MemoryCredentials
    account: Account
    _traffic_handle: Any = field(default=None, repr=False)

    def open_store(self) -> SqlStore:
        return open_sqlite(self.data_dir)

    def start_live_traffic(self, duration_s: float = 600.0, interval_s: float = 4.0) -> None:
        """New customer messages keep arriving while the demo runs."""
        self._traffic_handle = self.traffic.run_in_background(duration_s, interval_s)

    def stop(self) -> None:
        if self._traffic_handle is not None:
            self._traffic_handle.stop()
        self.sandbox.stop()


def start_demo(data_root: Path, *, backfill_threads: int = 25, seed: int | None = 7,
               poll_seconds: int = 3) -> Demo:
    """Start the sandbox, seed some history there, and point a fresh demo store at it."""
    demo_dir = data_root / "demo"
    if demo_dir.exists():
        shutil.rmtree(demo_dir)  # the sandbox is new each run: so is the demo's store
    sandbox = XSandbox()
    sandbox.start()
    brand = sandbox.add_user(BRAND_HANDLE, BRAND_NAME, followers=184_000, verified=True)
    traffic = TrafficGenerator(sandbox, brand.id, seed=seed)
    traffic.backfill(backfill_threads)
    keys = sandbox.issue_oauth1(brand.id)
    credentials = MemoryCredentials()
    ref = "demo:" + DEMO_ACCOUNT
    credentials.save(ref, XCredentials(keys["consumer_key"], keys["consumer_secret"],
                                       keys["access_token"], keys["access_token_secret"]))
    store = open_sqlite(demo_dir)
    try:
        account = store.add_account(name=DEMO_ACCOUNT, handle=BRAND_HANDLE, user_id=brand.id,
                                    api_base=sandbox.base_url, credential_ref=ref,
                                    auth_kind="oauth1", poll_seconds=poll_seconds)
    finally:
        store.close()
    return Demo(demo_dir, sandbox, traffic, credentials, account)
