"""Polling: fetch what is new on each account and ingest it without losing or doubling anything.

Crash safety comes from writing each page together with its cursor in one
transaction (``Store.ingest``). Mentions arrive newest first and ``since_id``
may only advance once the oldest page is in, so while a run is under way the
cursor records how far down it got (``until_id``); a crash resumes from there.
DMs have no ``since_id``: we page from the newest until we reach the newest
event a finished run had seen, and duplicates from an interrupted run are
absorbed by the store's uniqueness. Both kinds of cursor are read with a short
overlap (``LATE_ARRIVAL_MS``) so items X makes visible late are not skipped.

Failures never spin and never sleep: a 429 schedules the account's next attempt
at X's reset time, 5xx/timeouts back off exponentially with jitter, a 401 marks
the account as needing reconnection.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from inbox.channels.x import (
    Malformed,
    MentionsPage,
    NeedsReconnect,
    RateLimited,
    Refused,
    Unreachable,
    XChannel,
    XError,
)
from inbox.credentials import CredentialError, CredentialSource, XCredentials
from inbox.domain import Account, AccountStatus, IngestResult
from inbox.rules_run import RuleRunner
from inbox.store import SqlStore, SyncState
from inbox.timeutil import utcnow

log = logging.getLogger(__name__)

MENTIONS = "mentions"
OWN_REPLIES = "own_replies"
DMS = "dms"
# X ids are snowflakes: milliseconds since X's epoch in the bits above 22.
X_EPOCH_MS = 1_288_834_974_657
# X can make a post or DM visible a little after a newer one ("a just-sent DM can
# take a moment to show up"). A strict cursor would skip such a latecomer for
# good, so every poll re-reads this much behind it; the store drops repeats.
LATE_ARRIVAL_MS = 120_000
BACKOFF_BASE_S = 5.0
BACKOFF_MAX_S = 15 * 60.0

ChannelFactory = Callable[[Account, XCredentials], XChannel]
TimelinePages = Callable[[str | None, str | None], Iterator[MentionsPage]]


@dataclass
class SyncReport:
    account: str
    new_messages: int = 0
    duplicates: int = 0
    conversations: set[int] = field(default_factory=set)
    skipped: bool = False  # not due yet (backing off, rate-limited, paused)
    error: str = ""
    next_attempt_at: datetime | None = None


def backoff_seconds(failures: int, rng: random.Random) -> float:
    """Exponential backoff with "equal jitter": never zero, never in lock-step."""
    ceiling = min(BACKOFF_MAX_S, BACKOFF_BASE_S * 2.0 ** max(0, failures - 1))
    return ceiling / 2 + rng.uniform(0, ceiling / 2)


def rewind(snowflake: str | None, ms: int = LATE_ARRIVAL_MS) -> str | None:
    """The id of a moment ``ms`` before ``snowflake`` (itself when it encodes no time)."""
    if snowflake is None:
        return None
    stamp = int(snowflake) >> 22
    if stamp <= ms:
        return snowflake
    return str((stamp - ms) << 22)


class Syncer:
    def __init__(
        self,
        store: SqlStore,
        credentials: CredentialSource,
        *,
        clock: Callable[[], datetime] = utcnow,
        channel_factory: ChannelFactory | None = None,
        rng: random.Random | None = None,
        on_page: Callable[[], None] | None = None,
        rules: RuleRunner | None = None,
    ) -> None:
        self.store = store
        self.credentials = credentials
        self.clock = clock
        self.channel_factory: ChannelFactory = channel_factory or XChannel
        self.rng = rng or random.Random()
        self.on_page = on_page  # a test hook: called after every committed page
        # Escalation rules run on each page, in its transaction, and their timers
        # after each sync_all: the one place the GUI's sync job and `sync --once` share.
        self.rules = rules or RuleRunner(store, clock)

    def sync_all(self, *, force: bool = False) -> list[SyncReport]:
        reports = [self.sync_account(a, force=force) for a in self.store.accounts()]
        self.rules.after_sync()  # waiting and SLA timers; never raises
        return reports

    def sync_account(self, account: Account, *, force: bool = False) -> SyncReport:
        report = SyncReport(account.name)
        if account.status is not AccountStatus.ACTIVE:
            report.skipped = True
            report.error = account.status_reason or account.status.value
            return report
        state = self.store.sync_state(account.id)
        now = self.clock()
        if not force and state.next_attempt_at and state.next_attempt_at > now:
            report.skipped = True
            report.next_attempt_at = state.next_attempt_at
            return report
        try:
            channel = self.channel_factory(account, self.credentials.load(account.credential_ref))
            self._sync_timeline(account, MENTIONS, channel.mention_pages, report)
            self._sync_timeline(account, OWN_REPLIES, channel.own_reply_pages, report)
            self._sync_dms(account, channel, report)
        except RateLimited as exc:
            retry = exc.reset_at or now + timedelta(seconds=backoff_seconds(1, self.rng))
            report.error = f"rate limited by X until {retry:%H:%M:%S} UTC"
            self._schedule(account, state, retry, report, failed=False)
        except (NeedsReconnect, CredentialError) as exc:
            report.error = str(exc)
            self.store.set_account_status(account.id, AccountStatus.NEEDS_RECONNECT, str(exc))
            self._schedule(account, state, None, report, failed=True)
        except (Unreachable, Malformed, Refused) as exc:
            failures = state.failures + 1
            retry = now + timedelta(seconds=backoff_seconds(failures, self.rng))
            report.error = f"{exc}; next try at {retry:%H:%M:%S} UTC"
            self._schedule(account, state, retry, report, failed=True)
        else:
            self.store.set_sync_state(account.id, SyncState(None, 0, "", now))
        if report.error:
            log.warning("sync of %s: %s", account.name, report.error)
        return report

    def _schedule(self, account: Account, state: SyncState, retry: datetime | None,
                  report: SyncReport, *, failed: bool) -> None:
        failures = state.failures + 1 if failed else state.failures
        self.store.set_sync_state(
            account.id, SyncState(retry, failures, report.error, state.last_success_at)
        )
        report.next_attempt_at = retry

    def _record(self, report: SyncReport, result: IngestResult) -> None:
        report.new_messages += result.new_messages
        report.duplicates += result.duplicates
        report.conversations |= result.conversations_touched
        if self.on_page:
            self.on_page()

    def _sync_timeline(self, account: Account, stream: str, pages: TimelinePages,
                       report: SyncReport) -> None:
        """A newest-first stream with ``since_id`` (mentions, our own replies)."""
        cursor = json.loads(self.store.cursor(account.id, stream) or "{}")
        since = cursor.get("since_id")
        run = cursor.get("run") or {}
        newest = run.get("newest")
        for page in pages(rewind(since), run.get("until_id")):
            if page.newest_id and (newest is None or int(page.newest_id) > int(newest)):
                newest = page.newest_id
            if page.next_token and page.oldest_id:
                state = {"since_id": since, "run": {"newest": newest, "until_id": page.oldest_id}}
            else:
                state = {"since_id": newest or since}
            result = self.store.ingest(account.id, page.batch, {stream: json.dumps(state)},
                                       then=self.rules.on_page)
            self._record(report, result)

    def _sync_dms(self, account: Account, channel: XChannel, report: SyncReport) -> None:
        cursor = json.loads(self.store.cursor(account.id, DMS) or "{}")
        seen = cursor.get("newest_seen")
        floor = rewind(seen)  # read back past the newest seen, for latecomers

        def wanted(platform_id: str) -> bool:
            return floor is None or int(platform_id) > int(floor)

        run_newest = cursor.get("run_newest")
        for page in channel.dm_pages():
            kept = [i for i in page.event_ids if wanted(i)]
            reached_floor = len(kept) < len(page.event_ids)
            if kept:
                top = max(kept, key=int)
                if run_newest is None or int(top) > int(run_newest):
                    run_newest = top
            page.batch.messages[:] = [m for m in page.batch.messages if wanted(m.platform_id)]
            page.batch.events[:] = [e for e in page.batch.events if wanted(e.platform_id)]
            done = reached_floor or not page.next_token or not page.event_ids
            if seen is not None and run_newest is not None and int(seen) > int(run_newest):
                run_newest = seen  # the overlap only re-read older events
            state = ({"newest_seen": run_newest or seen} if done
                     else {"newest_seen": seen, "run_newest": run_newest})
            result = self.store.ingest(account.id, page.batch, {DMS: json.dumps(state)},
                                       then=self.rules.on_page)
            self._record(report, result)
            if done:
                return


__all__ = ["DMS", "MENTIONS", "OWN_REPLIES", "SyncReport", "Syncer", "XError", "backoff_seconds"]
