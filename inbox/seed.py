"""A year of realistic inbox history in about a minute, for benchmarks, demos and tests.

``community-inbox dev seed --messages N`` must produce what a busy brand
account collects: public reply threads and DM conversations in Arabic and
English (``inbox.sandbox.corpus``), customers with followers and verified
badges, brand replies written in the app, on X directly and by the
auto-responder, assignments, priorities, tags, resolves, reopens, snoozes.

The history is generated as what the app would have seen: X API pages (the
JSON of GET mentions / own tweets / DM events, parsed by the real
``parse_mentions`` / ``parse_dm_events``), replies recorded by the outbox, and
agent actions, each with the moment it happened. ``replay`` feeds that script
through the store's own methods (``ingest``, ``resolve`` ...), which is the
reference; ``inbox.seed_bulk`` computes the very same rows (response-time
samples included) and writes them in a few ``executemany`` per 20,000
conversations, because going through ``ingest`` one page at a time would
take ten minutes for a million messages. tests/test_seed.py checks, on a
small history, that both give identical tables.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from inbox.channels.x import parse_dm_events, parse_mentions
from inbox.domain import (
    Account,
    AccountStatus,
    ChannelKind,
    Direction,
    IncomingMessage,
    IngestBatch,
    Origin,
    Priority,
)
from inbox.sandbox import corpus
from inbox.store import SqlStore
from inbox.timeutil import format_x_time, from_ms, to_ms, utcnow

SEED_ACCOUNT = "seed"
BRAND_HANDLE = "NakheelCare"
BRAND_NAME = "Nakheel Telecom Care"
BRAND_USER_ID = "1400000000000000001"
X_EPOCH_MS = 1_288_834_974_657
DAY_MS = 86_400_000
HOUR_MS = 3_600_000
MINUTE_MS = 60_000
MEAN_MESSAGES = 3.33  # a million messages in about 300,000 conversations
AGENTS = ("sara", "omar", "fahad", "lina", "noura", "james", "aisha", "khalid", "reem", "tom")
AUTO_AGENT = "auto-reply"
AUTO_TEXT = {
    "en": "Thanks for reaching out! An agent will reply as soon as possible. 🙏",
    "ar": "شكراً لتواصلك معنا! سيرد عليك أحد موظفينا في أقرب وقت 🙏",
}
INTENT_WEIGHTS = {"complaint": 35, "question": 25, "thanks": 12, "rumour": 10, "urgent": 18}
INTENT_TAGS = {
    "complaint": ("complaint", "delivery", "billing", "app"),
    "question": ("question", "delivery", "payment"),
    "thanks": ("praise",),
    "rumour": ("rumour", "pr"),
    "urgent": ("refund", "fraud", "escalated"),
}


# -- the script: what happened, in the order the app saw it -------------------------


@dataclass(frozen=True, slots=True)
class Page:
    """One X API page a sync stored at ``at`` (epoch ms): mentions, own replies or DMs."""

    at: int
    kind: ChannelKind
    body: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Sent:
    """A reply sent from the app, recorded by the outbox (``ingest`` of one message)."""

    at: int
    message: IncomingMessage


@dataclass(frozen=True, slots=True)
class Act:
    """An agent's action: resolve, reopen, pending, snooze, priority, assign or tag."""

    at: int
    op: str
    value: Any
    actor: str


Step = Page | Sent | Act


@dataclass(slots=True)
class Script:
    """One conversation's whole history (conversations never touch each other)."""

    kind: ChannelKind
    thread_id: str
    steps: list[Step] = field(default_factory=list)
    messages: int = 0


@dataclass(slots=True)
class _Customer:
    user: dict[str, Any]
    lang: str
    has_dm: bool = False


class Generator:
    """Scripts for ``messages`` messages over the year before ``now_ms``, from one seed."""

    def __init__(self, messages: int, seed: int = 1, *, now_ms: int | None = None,
                 days: int = 365) -> None:
        self.rng = random.Random(seed)
        self.total = messages
        self.now = now_ms if now_ms is not None else to_ms(utcnow())
        self.start = self.now - days * DAY_MS
        self.expected = max(1, round(messages / MEAN_MESSAGES))
        self.pool = max(8, int(self.expected * 0.45))
        self.customers: dict[int, _Customer] = {}
        self.brand: dict[str, Any] = {
            "id": BRAND_USER_ID, "username": BRAND_HANDLE, "name": BRAND_NAME,
            "verified": True, "created_at": "2012-03-04T10:00:00.000Z",
            "public_metrics": {"followers_count": 184_000, "following_count": 120},
        }
        self._seq = 0
        self._intents = list(INTENT_WEIGHTS)
        self._weights = list(INTENT_WEIGHTS.values())

    # -- ids, people, text ------------------------------------------------------

    def snowflake(self, ms: int) -> str:
        """X's id for an instant: later is larger; the low bits keep ids unique."""
        self._seq = (self._seq + 1) & 0x3FFFFF
        return str(((ms - X_EPOCH_MS) << 22) | self._seq)

    def customer(self) -> _Customer:
        """Most customers write once; a few write all year (squared uniform index)."""
        index = int(self.pool * self.rng.random() ** 2)
        found = self.customers.get(index)
        if found is None:
            # The person behind an X id is the same in every generated history (the
            # bench's new pages meet the seeded store's customers under their names).
            rng = random.Random(index)
            lang = "ar" if rng.random() < 0.6 else "en"
            name, handle, bio = corpus.person(rng, lang)
            followers = int(math.exp(rng.uniform(0, math.log(250_000))))
            verified = rng.random() < (0.5 if followers > 20_000 else 0.04)
            created = self.now - int(math.exp(rng.uniform(math.log(2), math.log(12 * 365)))
                                     * DAY_MS)
            user = {
                "id": str(2_000_000_000 + index), "username": f"{handle[:10]}{index % 100000}",
                "name": name, "description": bio, "verified": verified,
                "created_at": format_x_time(from_ms(created)),
                "public_metrics": {"followers_count": followers,
                                   "following_count": followers // 3 + 17},
            }
            found = self.customers[index] = _Customer(user, lang)
        return found

    def intent(self) -> str:
        return self.rng.choices(self._intents, self._weights)[0]

    # -- conversations ------------------------------------------------------------

    def scripts(self) -> Iterator[Script]:
        """Conversations in the order they began, until exactly ``total`` messages."""
        left = self.total
        i = 0
        span = self.now - self.start
        while left > 0:
            begin = self.start + int((i + self.rng.random()) * span / self.expected)
            begin = min(begin, self.now - 30 * MINUTE_MS - self.rng.randrange(HOUR_MS))
            i += 1
            customer = self.customer()
            dm = self.rng.random() < 0.35 and not customer.has_dm
            if dm:
                customer.has_dm = True
            script = self._conversation(customer, dm, begin, left)
            if script.messages:
                left -= script.messages
                yield script

    def _conversation(self, customer: _Customer, dm: bool, begin: int, budget: int) -> Script:
        """Episodes of: customer writes, maybe an auto-reply, an agent answers and
        resolves; a later message reopens it. Recent ones are more often still open."""
        rng = self.rng
        kind = ChannelKind.DM if dm else ChannelKind.MENTION
        b = _Builder(self, customer, kind, budget)
        t = begin
        episodes = 1
        while True:
            intent = self.intent()
            if not b.customer_says(t, corpus.customer_message(rng, intent, customer.lang)
                                   if episodes == 1 else
                                   corpus.customer_followup(rng, customer.lang)):
                break
            if rng.random() < 0.12 and not b.reply(t + rng.randrange(70_000, 120_000),
                                                   AUTO_TEXT[customer.lang], AUTO_AGENT):
                break
            t += 2 * MINUTE_MS
            for _ in range(rng.choice((0, 0, 0, 0, 1, 1, 2))):
                t += rng.randrange(5 * MINUTE_MS, 6 * HOUR_MS)
                if not b.customer_says(t, corpus.customer_followup(rng, customer.lang)):
                    break
            age = self.now - t
            handled = rng.random() < (0.92 if age > 3 * DAY_MS else 0.6 if age > 6 * HOUR_MS
                                      else 0.25)
            if not handled or b.full:
                break
            agent = rng.choice(AGENTS)
            t += int(math.exp(rng.uniform(math.log(2 * MINUTE_MS), math.log(20 * HOUR_MS))))
            if b.act(t, "assign", agent, agent) and intent in ("urgent", "complaint"):
                level = (Priority.URGENT if intent == "urgent" and rng.random() < 0.4
                         else Priority.HIGH if intent == "urgent" else Priority.MEDIUM)
                b.act(t + 1000, "priority", level, agent)
            for tag in rng.sample(INTENT_TAGS[intent], rng.choice((0, 1, 1, 2))
                                  if len(INTENT_TAGS[intent]) > 1 else 1):
                b.act(t + 2000, "tag", tag, agent)
            t += MINUTE_MS
            text = corpus.brand_reply(rng, intent, customer.lang, customer.user["name"])
            if rng.random() < 0.85:
                if not b.reply(t, text, agent):
                    break
            elif not b.brand_on_x(t, text):
                break
            if rng.random() < 0.4:
                t += rng.randrange(10 * MINUTE_MS, 8 * HOUR_MS)
                if not b.customer_says(t, corpus.customer_followup(rng, customer.lang)):
                    break
                if rng.random() < 0.7:
                    t += rng.randrange(5 * MINUTE_MS, 4 * HOUR_MS)
                    if not b.reply(t, corpus.brand_reply(rng, "resolve", customer.lang,
                                                         customer.user["name"]), agent):
                        break
            t += rng.randrange(10 * MINUTE_MS, 2 * DAY_MS)
            roll = rng.random()
            if roll < 0.08 and self.now - t < 30 * DAY_MS:
                b.act(t, "snooze", self.now + rng.randrange(DAY_MS, 5 * DAY_MS), agent)
                break
            if roll < 0.08:
                b.act(t, "pending", None, agent)
                break
            if roll < 0.93 and not b.act(t, "resolve", None, agent):
                break
            if rng.random() < (0.25 if dm else 0.06) and not b.full:
                t += rng.randrange(DAY_MS, 60 * DAY_MS)
                episodes += 1
                if rng.random() < 0.05:
                    b.act(t, "reopen", None, agent)  # the agent reopens it by hand
                    t += MINUTE_MS
                continue
            break
        return b.finish()


class _Builder:
    """Collects one conversation's happenings into pages, outbox records and actions."""

    def __init__(self, gen: Generator, customer: _Customer, kind: ChannelKind,
                 budget: int) -> None:
        self.gen = gen
        self.customer = customer
        self.kind = kind
        self.budget = budget
        self.script = Script(kind, "")
        self.pending: list[tuple[str, dict[str, Any]]] = []  # (stream, item) not yet synced
        self.last_tweet = ""
        self.last_author = ""
        self.closed = False
        if kind is ChannelKind.DM:
            lo, hi = sorted((BRAND_USER_ID, customer.user["id"]), key=int)
            self.script.thread_id = f"{lo}-{hi}"

    @property
    def full(self) -> bool:
        return self.closed or self.script.messages >= self.budget

    def _room(self, at: int) -> bool:
        if self.full or at >= self.gen.now - MINUTE_MS:
            self.closed = True
            return False
        return True

    def _item(self, at: int, author: str, text: str) -> tuple[str, dict[str, Any]]:
        pid = self.gen.snowflake(at)
        created = _x_time(at)
        if self.kind is ChannelKind.DM:
            return "dms", {"id": pid, "event_type": "MessageCreate", "text": text,
                           "sender_id": author, "dm_conversation_id": self.script.thread_id,
                           "created_at": created}
        tweet: dict[str, Any] = {"id": pid, "text": text, "author_id": author,
                                 "created_at": created, "lang": "ar" if self.customer.lang ==
                                 "ar" else "en"}
        if self.last_tweet:
            tweet["conversation_id"] = self.script.thread_id
            tweet["referenced_tweets"] = [{"type": "replied_to", "id": self.last_tweet}]
            tweet["in_reply_to_user_id"] = self.last_author
        else:
            tweet["conversation_id"] = self.script.thread_id = pid
        self.last_tweet, self.last_author = pid, author
        stream = "own" if author == BRAND_USER_ID else "mentions"
        return stream, tweet

    def _flush(self, before: int) -> None:
        """What is pending is synced now: one page per stream, stored shortly after."""
        if not self.pending:
            return
        last_ms = max(_item_ms(item) for _, item in self.pending)
        at = min(last_ms + self.gen.rng.randrange(5_000, 55_000), before - 1)
        streams: dict[str, list[dict[str, Any]]] = {}
        for stream, item in self.pending:
            streams.setdefault(stream, []).append(item)
        for stream, items in streams.items():
            items.reverse()  # X lists newest first
            users = [self.customer.user]
            if stream == "own" or (stream == "dms" and any(
                    i["sender_id"] == BRAND_USER_ID for i in items)):
                users.append(self.gen.brand)
            if self.kind is ChannelKind.DM:
                body: dict[str, Any] = {"data": items, "includes": {"users": users},
                                        "meta": {"result_count": len(items)}}
            else:
                body = {"data": items, "includes": {"users": users},
                        "meta": {"result_count": len(items), "newest_id": items[0]["id"],
                                 "oldest_id": items[-1]["id"]}}
            self.script.steps.append(Page(at, self.kind, body))
        self.pending.clear()

    def customer_says(self, at: int, text: str) -> bool:
        if not self._room(at):
            return False
        if self.kind is ChannelKind.MENTION:
            text = f"@{BRAND_HANDLE} {text}" if self.gen.rng.random() < 0.8 else \
                f"{text} @{BRAND_HANDLE}"
        self.pending.append(self._item(at, self.customer.user["id"], text))
        self.script.messages += 1
        return True

    def brand_on_x(self, at: int, text: str) -> bool:
        """An agent answered straight on X: the sync sees it as the brand's own post."""
        if not self._room(at):
            return False
        if self.kind is ChannelKind.MENTION:
            text = f"@{self.customer.user['username']} {text}"
        self.pending.append(self._item(at, BRAND_USER_ID, text))
        self.script.messages += 1
        return True

    def reply(self, at: int, text: str, agent: str) -> bool:
        """A reply sent from the app (or by the auto-responder), as the outbox records it."""
        if not self._room(at):
            return False
        self._flush(at)
        automatic = agent == AUTO_AGENT
        if self.kind is ChannelKind.MENTION:
            text = f"@{self.customer.user['username']} {text}"
        _, item = self._item(at, BRAND_USER_ID, text)
        message = IncomingMessage(
            kind=self.kind, platform_id=item["id"], thread_id=self.script.thread_id,
            direction=Direction.OUT, author_platform_id=BRAND_USER_ID, text=text,
            created_at=from_ms(at),
            in_reply_to_platform_id=(item["referenced_tweets"][0]["id"]
                                     if "referenced_tweets" in item else None),
            counterpart_platform_id=self.customer.user["id"], origin=Origin.APP,
            automatic=automatic, agent=agent,
        )
        self.script.steps.append(Sent(at + self.gen.rng.randrange(300, 1500), message))
        self.script.messages += 1
        return True

    def act(self, at: int, op: str, value: Any, actor: str) -> bool:
        if at >= self.gen.now - MINUTE_MS:
            self.closed = True
            return False
        self._flush(at)
        self.script.steps.append(Act(at, op, value, actor))
        return True

    def finish(self) -> Script:
        self._flush(self.gen.now)
        return self.script


_DAYS: dict[int, str] = {}  # day number -> "YYYY-MM-DDT"


def _x_time(ms: int) -> str:
    """``format_x_time(from_ms(ms))`` without a datetime (a million messages' worth)."""
    day, rest = divmod(ms, DAY_MS)
    prefix = _DAYS.get(day)
    if prefix is None:
        prefix = _DAYS[day] = format_x_time(from_ms(day * DAY_MS))[:11]
    seconds, milli = divmod(rest, 1000)
    minutes, second = divmod(seconds, 60)
    return f"{prefix}{minutes // 60:02d}:{minutes % 60:02d}:{second:02d}.{milli:03d}Z"


def _item_ms(item: dict[str, Any]) -> int:
    return (int(item["id"]) >> 22) + X_EPOCH_MS


def parse_page(page: Page) -> IngestBatch:
    """The batch the sync would ingest for this page (the real X parsers)."""
    if page.kind is ChannelKind.DM:
        return parse_dm_events(page.body, BRAND_USER_ID).batch
    return parse_mentions(page.body, BRAND_USER_ID).batch


def seed_account(store: SqlStore) -> Account:
    """The brand account the history belongs to. Paused: it is not connected to X, so
    the app never tries to sync it (and never marks it as needing reconnection)."""
    account = store.account(SEED_ACCOUNT) or store.add_account(
        name=SEED_ACCOUNT, handle=BRAND_HANDLE, user_id=BRAND_USER_ID,
        api_base="http://127.0.0.1:9", credential_ref="seed:none", auth_kind="oauth1")
    store.set_account_status(account.id, AccountStatus.PAUSED,
                             "generated history (dev seed); not connected to X")
    return account


# -- the reference: the store's own methods, one step at a time ----------------------


@contextmanager
def _clock(store: SqlStore, at_ms: int) -> Iterator[None]:
    moment, before = from_ms(at_ms), store.clock
    store.clock = lambda: moment
    try:
        yield
    finally:
        store.clock = before


def replay(store: SqlStore, account_id: int, scripts: list[Script]) -> None:
    """Apply scripts through ``ingest`` and the agent actions, as the app would have.

    Slow (one transaction per step) and exact: the reference ``BulkWriter`` is
    tested against. The store's clock is set to each step's moment.
    """
    for script in scripts:
        conv_id: int | None = None
        for step in script.steps:
            with _clock(store, step.at):
                if isinstance(step, Page):
                    store.ingest(account_id, parse_page(step))
                elif isinstance(step, Sent):
                    store.ingest(account_id, IngestBatch(messages=[step.message]))
                else:
                    if conv_id is None:
                        row = store._one(
                            "SELECT id FROM conversations WHERE account_id = ? AND kind = ?"
                            " AND thread_id = ?", (account_id, script.kind.value,
                                                   script.thread_id))
                        assert row is not None
                        conv_id = int(row[0])
                    _apply(store, conv_id, step)


def _apply(store: SqlStore, conv_id: int, step: Act) -> None:
    actions: dict[str, Callable[[], object]] = {
        "resolve": lambda: store.resolve(conv_id, actor=step.actor),
        "reopen": lambda: store.reopen(conv_id, actor=step.actor),
        "pending": lambda: store.set_pending(conv_id, actor=step.actor),
        "snooze": lambda: store.snooze(conv_id, from_ms(step.value), actor=step.actor),
        "priority": lambda: store.set_priority(conv_id, step.value, actor=step.actor),
        "assign": lambda: store.assign(conv_id, step.value, actor=step.actor),
        "tag": lambda: store.add_tag(conv_id, step.value, actor=step.actor),
    }
    actions[step.op]()


# -- the fast path (inbox.seed_bulk) ---------------------------------------------------


PARALLEL_FROM = 50_000  # below this a second process costs more than it saves


def seed(store: SqlStore, messages: int, seed: int = 1, *, now: datetime | None = None,
         progress: Callable[[int], None] | None = None) -> int:
    """Fill a store without conversations with ``messages`` messages of history and their
    response times (``inbox.metrics``); returns the count."""
    from inbox import seed_bulk  # it imports this module's script types

    account = seed_account(store)
    now_ms = to_ms(now or datetime.now(UTC))
    writer = seed_bulk.BulkWriter(store, account.id)
    # The indexes stay while rows go in: their upkeep overlaps the generator working
    # on the other core, where dropping and rebuilding them would add ~6 s of sorts
    # after it (at a million messages), and a killed seed would leave them missing.
    store._exec("PRAGMA cache_size = -262144")  # 256 MB while the indexes grow
    try:
        if messages < PARALLEL_FROM:
            chunks = writer.rows().chunks(Generator(messages, seed, now_ms=now_ms).scripts())
        else:
            chunks = seed_bulk.chunks_from_child(messages, seed, now_ms, writer.rows())
        return writer.write_chunks(chunks, progress)
    finally:
        store._exec("PRAGMA cache_size = -2000")
