"""One outbox delivery pass in its own process, for tests/test_outbox_crash.py to SIGKILL.

``python -m tests.outbox_child`` reads ``OUTBOX_CHILD_CONFIG`` (JSON: the SQLite
path, the sandbox credentials per credential ref, the channel timeout and
``pause_after_send``), prints ``ready`` once it is set up, then runs
``Outbox.deliver_due`` exactly as the app's worker does. ``pause_after_send``
holds the process for a moment after X accepted a post or DM and before the
outbox records it, so the parent can kill it in exactly that gap.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

from inbox.channels.x import Sent, XChannel
from inbox.credentials import MemoryCredentials, XCredentials
from inbox.domain import Account
from inbox.outbox import Outbox
from inbox.store import SqliteStore

ENV = "OUTBOX_CHILD_CONFIG"


class PausingChannel(XChannel):
    """The real channel, lingering after X accepted a send (the kill-after-accept gap)."""

    pause = 0.0

    def create_reply(self, text: str, in_reply_to: str) -> Sent:
        sent = super().create_reply(text, in_reply_to)
        time.sleep(self.pause)
        return sent

    def send_dm(self, text: str, dm_conversation_id: str | None = None,
                participant_id: str | None = None) -> Sent:
        sent = super().send_dm(text, dm_conversation_id, participant_id)
        time.sleep(self.pause)
        return sent


def main() -> int:
    config: dict[str, Any] = json.loads(os.environ[ENV])
    creds = MemoryCredentials()
    for ref, keys in config["credentials"].items():
        creds.save(ref, XCredentials(**keys))
    PausingChannel.pause = float(config.get("pause_after_send", 0.0))
    timeout = float(config.get("timeout", 5.0))

    def factory(account: Account, credentials: XCredentials) -> XChannel:
        return PausingChannel(account, credentials, timeout=timeout, trust_env=False)

    store = SqliteStore(config["db"])
    outbox = Outbox(store, creds, channel_factory=factory,
                    dm_settle_seconds=float(config.get("settle", 0.5)))
    print("ready", flush=True)
    try:
        for result in outbox.deliver_due():
            print(f"{result.item_id} {result.state.value} {result.error_kind or ''}", flush=True)
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
