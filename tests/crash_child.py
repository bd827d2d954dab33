"""A sync run in its own process, for tests/test_crash_ingest.py to SIGKILL at random.

``python -m tests.crash_child`` reads ``CRASH_SYNC_CONFIG`` (JSON: the SQLite
path and the sandbox credentials per credential ref) and runs one forced
``Syncer.sync_all`` against that database, exactly as the app's sync worker does.
"""

from __future__ import annotations

import json
import os
import sys

from inbox.channels.x import XChannel
from inbox.credentials import MemoryCredentials, XCredentials
from inbox.store import SqliteStore
from inbox.sync import Syncer

ENV = "CRASH_SYNC_CONFIG"


def main() -> int:
    config = json.loads(os.environ[ENV])
    creds = MemoryCredentials()
    for ref, keys in config["credentials"].items():
        creds.save(ref, XCredentials(**keys))
    store = SqliteStore(config["db"])
    try:
        reports = Syncer(
            store, creds,
            channel_factory=lambda a, c: XChannel(a, c, timeout=10.0, trust_env=False),
        ).sync_all(force=True)
    finally:
        store.close()
    errors = [f"{r.account}: {r.error}" for r in reports if r.error]
    print("\n".join(errors) or "ok", file=sys.stderr if errors else sys.stdout)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
