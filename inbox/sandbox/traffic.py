"""Demo customers who keep writing to the brand: history for the first look, then live traffic.

The demo has to feel like a real inbox within seconds: days of past threads
(complaints argued over several replies, questions, thanks, rumours), DM
conversations where the brand already answered straight from X, a group DM
with people joining and leaving, and then a steady trickle of new happenings.
Everything goes through the sandbox's world directly, never HTTP, so it works
whatever the app is doing.
"""

from __future__ import annotations

import logging
import math
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from inbox.sandbox import corpus
from inbox.sandbox.server import XSandbox
from inbox.sandbox.world import JSON, SandboxUser, WorldError

log = logging.getLogger(__name__)

DAY = 86400.0
INTENT_WEIGHTS = {"complaint": 35, "question": 25, "thanks": 12, "rumour": 10, "urgent": 18}


@dataclass
class _Customer:
    user: SandboxUser
    lang: str


@dataclass
class _Thread:
    """An open public thread or DM conversation that may get a follow-up."""

    customer: _Customer
    intent: str
    last_id: str = ""  # last tweet in a public thread; "" for a DM conversation
    dm: bool = False
    messages: int = 0


@dataclass
class TrafficHandle:
    """The background traffic thread: ``stop()`` ends it early."""

    thread: threading.Thread
    stop_event: threading.Event = field(default_factory=threading.Event)

    def stop(self, timeout: float = 5.0) -> None:
        self.stop_event.set()
        if self.thread is not threading.current_thread():
            self.thread.join(timeout)

    def is_alive(self) -> bool:
        return self.thread.is_alive()

    def join(self, timeout: float | None = None) -> None:
        self.thread.join(timeout)


class TrafficGenerator:
    """Makes ~40 customers and has them talk to ``brand_user_id`` in the sandbox."""

    def __init__(self, sandbox: XSandbox, brand_user_id: str, *, seed: int | None = None,
                 clock: Callable[[], float] | None = None, customers: int = 40) -> None:
        self.sandbox = sandbox
        self.brand = sandbox.user(brand_user_id)
        self.rng = random.Random(seed)
        self._clock = clock
        self._lock = threading.Lock()
        self.open: list[_Thread] = []
        self.customers = [self._make_customer() for _ in range(customers)]
        self.group_id: str | None = None

    def now(self) -> float:
        return (self._clock or self.sandbox.clock)()

    # ---- people -------------------------------------------------------

    def _make_customer(self) -> _Customer:
        rng = self.rng
        lang = "ar" if rng.random() < 0.6 else "en"
        name, handle, bio = corpus.person(rng, lang)
        while self.sandbox.user_by_username(handle) is not None:
            handle = handle[:10] + str(rng.randint(10000, 99999))
        followers = int(math.exp(rng.uniform(0, math.log(250_000))))
        verified = rng.random() < (0.5 if followers > 20_000 else 0.05)
        age_days = math.exp(rng.uniform(math.log(2), math.log(12 * 365)))
        user = self.sandbox.add_user(handle, name, followers=followers, verified=verified,
                                     created_at=self.now() - age_days * DAY, description=bio)
        return _Customer(user, lang)

    def _intent(self) -> str:
        return self.rng.choices(list(INTENT_WEIGHTS), weights=list(INTENT_WEIGHTS.values()))[0]

    def _mention_text(self, customer: _Customer, intent: str) -> str:
        text = corpus.customer_message(self.rng, intent, customer.lang)
        handle = "@" + self.brand.username
        if self.rng.random() < 0.8:
            return f"{handle} {text}"
        return f"{text} {handle}"

    # ---- the things that happen ---------------------------------------

    def _new_mention(self, at: float) -> tuple[_Thread, JSON]:
        customer = self.rng.choice(self.customers)
        intent = self._intent()
        tweet = self.sandbox.post_tweet(customer.user.id, self._mention_text(customer, intent),
                                        created_at=at)
        return _Thread(customer, intent, last_id=tweet["id"], messages=1), tweet

    def _customer_followup(self, thread: _Thread, at: float) -> JSON:
        c = thread.customer
        if thread.dm:
            return self.sandbox.send_dm(c.user.id, self.brand.id,
                                        corpus.customer_followup(self.rng, c.lang), created_at=at)
        text = f"@{self.brand.username} {corpus.customer_followup(self.rng, c.lang)}"
        tweet = self.sandbox.post_tweet(c.user.id, text, in_reply_to=thread.last_id, created_at=at)
        thread.last_id = tweet["id"]
        return tweet

    def _brand_answer(self, thread: _Thread, at: float, resolve: bool = False) -> JSON:
        c = thread.customer
        text = corpus.brand_reply(self.rng, "resolve" if resolve else thread.intent, c.lang,
                                  c.user.name)
        if thread.dm:
            return self.sandbox.send_dm(self.brand.id, c.user.id, text, created_at=at)
        tweet = self.sandbox.post_tweet(self.brand.id, f"@{c.user.username} {text}",
                                        in_reply_to=thread.last_id, created_at=at)
        thread.last_id = tweet["id"]
        return tweet

    def _new_dm(self, at: float) -> tuple[_Thread, JSON]:
        customer = self.rng.choice(self.customers)
        intent = self.rng.choice(["complaint", "question", "urgent", "complaint"])
        event = self.sandbox.send_dm(customer.user.id, self.brand.id,
                                     corpus.customer_message(self.rng, intent, customer.lang),
                                     created_at=at)
        return _Thread(customer, intent, dm=True, messages=1), event

    # ---- history ------------------------------------------------------

    def backfill(self, n_threads: int, days: float = 5.0) -> None:
        """Threads and DM conversations spread over the past ``days``, some still waiting."""
        now = self.now()
        for _ in range(n_threads):
            start = now - self.rng.uniform(0.05, days) * DAY
            if self.rng.random() < 0.65:
                thread, _ = self._new_mention(start)
            else:
                thread, _ = self._new_dm(start)
            at = start
            brand_turn = True
            for _turn in range(self.rng.choice([0, 1, 1, 2, 3, 4, 5])):
                at += self.rng.uniform(120, 6 * 3600)
                if at >= now - 60:
                    break
                if brand_turn:
                    self._brand_answer(thread, at, resolve=thread.messages >= 4)
                else:
                    self._customer_followup(thread, at)
                thread.messages += 1
                brand_turn = not brand_turn
            if thread.intent != "thanks":
                with self._lock:
                    self.open.append(thread)
        if self.group_id is None and len(self.customers) >= 3:
            self._backfill_group(now - self.rng.uniform(0.5, min(days, 3.0)) * DAY, now)

    def _backfill_group(self, start: float, now: float) -> None:
        """One group DM: two customers and the brand, a third joins, one leaves."""
        a, b, c = self.rng.sample(self.customers, 3)
        gid = self.sandbox.create_group_dm(a.user.id, [self.brand.id, b.user.id],
                                           created_at=start)
        step = (now - start) / 8
        lang = a.lang
        self.sandbox.send_group_dm(gid, a.user.id, corpus.customer_message(
            self.rng, "complaint", lang), created_at=start + step)
        self.sandbox.send_group_dm(gid, b.user.id, corpus.customer_followup(self.rng, lang),
                                   created_at=start + 2 * step)
        self.sandbox.send_group_dm(gid, self.brand.id, corpus.brand_reply(
            self.rng, "complaint", lang, a.user.name), created_at=start + 3 * step)
        self.sandbox.join_group(gid, c.user.id, added_by=a.user.id, created_at=start + 4 * step)
        self.sandbox.send_group_dm(gid, c.user.id, corpus.customer_followup(self.rng, c.lang),
                                   created_at=start + 5 * step)
        self.sandbox.leave_group(gid, b.user.id, created_at=start + 6 * step)
        self.group_id = gid

    # ---- live ---------------------------------------------------------

    def step(self) -> JSON:
        """One new happening now; returns the tweet or DM event it created."""
        now = self.now()
        with self._lock:
            roll = self.rng.random()
            open_public = [t for t in self.open if not t.dm]
            open_dm = [t for t in self.open if t.dm]
            if roll < 0.35 or (roll < 0.6 and not open_public) or (roll >= 0.8 and not open_dm
                                                                   and not open_public):
                thread, made = self._new_mention(now)
                self.open.append(thread)
            elif roll < 0.6:
                made = self._customer_followup(self.rng.choice(open_public), now)
            elif roll < 0.8 or not open_dm:
                thread, made = self._new_dm(now)
                self.open.append(thread)
            else:
                made = self._customer_followup(self.rng.choice(open_dm), now)
            if len(self.open) > 200:
                del self.open[:50]
            return made

    def run_in_background(self, duration_s: float, interval_s: float) -> TrafficHandle:
        """Call ``step()`` every ``interval_s`` (jittered) for ``duration_s`` on a daemon thread."""
        stop = threading.Event()

        def loop() -> None:
            deadline = time.monotonic() + duration_s  # real time, whatever the world's clock
            while not stop.wait(interval_s * self.rng.uniform(0.5, 1.5)):
                if time.monotonic() >= deadline:
                    break
                try:
                    self.step()
                except WorldError:
                    log.exception("demo traffic step failed")

        thread = threading.Thread(target=loop, name="x-sandbox-traffic", daemon=True)
        handle = TrafficHandle(thread, stop)
        thread.start()
        return handle
