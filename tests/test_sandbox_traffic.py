"""Demo traffic and the phrase corpus: realistic, reproducible, and readable through tweepy."""

from __future__ import annotations

import random
import threading
import time

import tweepy

from inbox.sandbox import XSandbox, corpus
from inbox.sandbox.testing import FakeClock, oauth1_client
from inbox.sandbox.traffic import TrafficGenerator
from inbox.sandbox.world import lang_of


def test_corpus_covers_intents_languages_and_keywords() -> None:
    phrases = corpus.all_customer_phrases()
    assert len(phrases) + len(corpus.all_brand_phrases()) >= 180
    arabic = [p for p in phrases if lang_of(p) == "ar"]
    assert len(arabic) >= 80 and len(phrases) - len(arabic) >= 70
    text = " ".join(phrases)
    for word in ("refund", "scam", "fraud", "احتيال", "نصب", "شكوى", "استرداد", "هل صحيح أن",
                 "Is it true that", "{order}"):
        assert word in text, word
    assert "ـــ" in text  # tatweel
    assert any("\u064b" <= ch <= "\u0652" for ch in text)  # diacritics
    rng = random.Random(1)
    for intent in corpus.INTENTS:
        for lang in corpus.LANGS:
            message = corpus.customer_message(rng, intent, lang)
            assert "{" not in message and lang_of(message) == lang
            assert "{" not in corpus.brand_reply(rng, intent, lang, "Sara K")
    assert corpus.customer_message(random.Random(5), "urgent", "ar") == \
        corpus.customer_message(random.Random(5), "urgent", "ar")
    name, handle, _bio = corpus.person(rng, "ar")
    assert lang_of(name) == "ar" and handle.isascii() and len(handle) <= 15


def test_backfill_builds_a_realistic_history(sb: XSandbox, clock: FakeClock) -> None:
    brand = sb.add_user("AcmeHelp", "Acme Support", followers=184_000, verified=True).id
    gen = TrafficGenerator(sb, brand, seed=7)
    gen.backfill(30)
    users = [c.user for c in gen.customers]
    assert len(users) == 40
    assert min(u.followers for u in users) < 100 and max(u.followers for u in users) > 10_000
    assert any(u.verified for u in users)
    assert {lang_of(u.name) for u in users} == {"ar", "en"}
    mentions = sb.mentions_of(brand)
    assert len(mentions) >= 15
    assert {t["lang"] for t in mentions} == {"ar", "en"}
    assert any("in_reply_to_user_id" in t for t in mentions)  # follow-ups in threads
    brand_tweets = sb.tweets_by(brand)
    assert brand_tweets and all("in_reply_to_user_id" in t for t in brand_tweets)
    events = sb.dm_events_of(brand)
    kinds = {e["event_type"] for e in events}
    assert kinds == {"MessageCreate", "ParticipantsJoin", "ParticipantsLeave"}
    senders = {e["sender_id"] for e in events if e["event_type"] == "MessageCreate"}
    assert brand in senders and len(senders) > 2  # brand answered from X directly
    now_ms = clock() * 1000
    stamps = [t["created_at"] for t in mentions] + [e["created_at"] for e in events]
    assert stamps and all(s.endswith("Z") for s in stamps)
    client = oauth1_client(sb, brand)
    pages = list(tweepy.Paginator(client.get_users_mentions, brand, user_auth=True,
                                  max_results=100, tweet_fields=["created_at", "author_id"],
                                  expansions=["author_id"]))
    fetched = [t for p in pages for t in p.data]
    assert len(fetched) == len(mentions)
    assert all(t.created_at.timestamp() * 1000 <= now_ms for t in fetched)
    assert all(t.created_at.timestamp() * 1000 >= now_ms - 6 * 86400_000 for t in fetched)
    dms = client.get_direct_message_events(user_auth=True, max_results=100)
    assert dms.meta["result_count"] == min(len(events), 100)


def test_step_and_background_traffic(sb: XSandbox, clock: FakeClock) -> None:
    brand = sb.add_user("AcmeHelp", "Acme Support").id
    gen = TrafficGenerator(sb, brand, seed=3, clock=clock)
    made = []
    for _ in range(40):
        clock.advance(30)
        made.append(gen.step())
    kinds = {"dm" if "event_type" in m else "tweet" for m in made}
    assert kinds == {"dm", "tweet"}
    assert any("in_reply_to_user_id" in m for m in made)
    before = len(sb.mentions_of(brand)) + len(sb.dm_events_of(brand))
    handle = gen.run_in_background(duration_s=5, interval_s=0.02)
    # the world stays consistent while traffic and HTTP readers run together
    client = oauth1_client(sb, brand)
    errors: list[BaseException] = []

    def reader() -> None:
        try:
            for _ in range(5):
                client.get_users_mentions(brand, user_auth=True, max_results=100)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    readers = [threading.Thread(target=reader) for _ in range(3)]
    for t in readers:
        t.start()
    for t in readers:
        t.join()
    time.sleep(0.2)
    handle.stop()
    assert not handle.is_alive() and not errors
    assert len(sb.mentions_of(brand)) + len(sb.dm_events_of(brand)) > before
