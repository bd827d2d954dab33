"""The sandbox's pretend X: the people, their posts and their direct messages.

Everything the HTTP layer serves comes from here, and tests and the demo
traffic generator change it directly (no HTTP) to stage what customers do.
Objects are kept in X's own JSON shape so the server only has to pick fields.
All access goes through one lock because the HTTP server answers on many
threads while a test or the traffic generator keeps adding to the world.
"""

from __future__ import annotations

import copy
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from inbox.timeutil import format_x_time

Clock = Callable[[], float]
JSON = dict[str, Any]
When = datetime | float | None

TWITTER_EPOCH_MS = 1288834974657
DAY_S = 86400.0
_MENTION = re.compile(r"(?<![\w@])@(\w{1,15})")
_HASHTAG = re.compile(r"(?<![\w#&])#(\w*[^\W\d]\w*)")
_URL = re.compile(r"https?://[^\s]+")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


class WorldError(ValueError):
    """A staged change that X itself would never allow (unknown user, ...)."""


@dataclass
class SandboxUser:
    """One account in the sandbox, with the profile fields X can return."""

    id: str
    username: str
    name: str
    followers: int = 0
    following: int = 0
    verified: bool = False
    created_at: str = ""
    description: str = ""
    listed: int = 0
    likes: int = 0
    base_tweet_count: int = 0


@dataclass
class Conversation:
    """A DM conversation; membership is kept as intervals so leavers stop seeing news."""

    id: str
    group: bool
    # user id -> list of [joined_ms, left_ms or None]
    spans: dict[str, list[list[int | None]]] = field(default_factory=dict)

    def member_at(self, user_id: str, ms: int) -> bool:
        for joined, left in self.spans.get(user_id, []):
            assert joined is not None
            if joined <= ms and (left is None or ms <= left):
                return True
        return False

    def member_now(self, user_id: str) -> bool:
        spans = self.spans.get(user_id, [])
        return bool(spans) and spans[-1][1] is None


def lang_of(text: str) -> str:
    """X's language guess, reduced to what our customers write: Arabic or English."""
    return "ar" if _ARABIC.search(text) else "en"


def dm_pair_id(a: str, b: str) -> str:
    """One-to-one DM conversation id: the two user ids, smaller first (numerically)."""
    lo, hi = sorted((a, b), key=int)
    return f"{lo}-{hi}"


class World:
    """Users, tweets and DM events behind one lock, with ids that grow with time."""

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock: Clock = clock or time.time
        self.lock = threading.RLock()
        self.users: dict[str, SandboxUser] = {}
        self.by_username: dict[str, str] = {}
        self.tweets: dict[str, JSON] = {}
        self.tweet_ms: dict[str, int] = {}
        self.mentions: dict[str, list[str]] = {}
        self.dm_events: dict[str, JSON] = {}
        self.dm_ms: dict[str, int] = {}
        self.conversations: dict[str, Conversation] = {}
        self.authored: dict[str, int] = {}
        self._next_user = 1_000_001
        self._used_ids: set[int] = set()

    # ---- ids and time -------------------------------------------------

    def now_ms(self) -> int:
        return int(self.clock() * 1000)

    def to_ms(self, when: When) -> int:
        if when is None:
            return self.now_ms()
        if isinstance(when, datetime):
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return int(when.timestamp() * 1000)
        return int(when * 1000)

    def snowflake(self, ms: int) -> str:
        """A snowflake for instant ``ms``: later instants always get larger ids."""
        base = max(ms - TWITTER_EPOCH_MS, 0) << 22
        seq = 0
        while base | seq in self._used_ids:
            seq += 1
        self._used_ids.add(base | seq)
        return str(base | seq)

    # ---- users --------------------------------------------------------

    def add_user(
        self,
        username: str,
        name: str,
        *,
        followers: int = 0,
        verified: bool = False,
        created_at: When = None,
        user_id: str | None = None,
        description: str = "",
    ) -> SandboxUser:
        with self.lock:
            if username.lower() in self.by_username:
                raise WorldError(f"username @{username} is taken")
            if user_id is None:
                while str(self._next_user) in self.users:
                    self._next_user += 1
                user_id = str(self._next_user)
                self._next_user += 1
            elif user_id in self.users or not user_id.isdigit():
                raise WorldError(f"bad or duplicate user id {user_id!r}")
            ms = self.to_ms(created_at)
            user = SandboxUser(
                id=user_id,
                username=username,
                name=name,
                followers=followers,
                following=min(followers // 3 + 17, 4999),
                verified=verified,
                created_at=format_x_time(datetime.fromtimestamp(ms / 1000, UTC)),
                description=description,
                listed=followers // 200,
                likes=followers // 2 + 11,
                base_tweet_count=followers // 10 + 42,
            )
            self.users[user_id] = user
            self.by_username[username.lower()] = user_id
            return user

    def user(self, user_id: str) -> SandboxUser:
        try:
            return self.users[user_id]
        except KeyError:
            raise WorldError(f"no user with id {user_id}") from None

    def tweet_count(self, user_id: str) -> int:
        return self.users[user_id].base_tweet_count + self.authored.get(user_id, 0)

    # ---- tweets -------------------------------------------------------

    def _entities(self, text: str) -> JSON:
        entities: JSON = {}
        mentions = []
        for m in _MENTION.finditer(text):
            item: JSON = {"start": m.start(), "end": m.end(), "username": m.group(1)}
            uid = self.by_username.get(m.group(1).lower())
            if uid is not None:
                item["username"] = self.users[uid].username
                item["id"] = uid
            mentions.append(item)
        if mentions:
            entities["mentions"] = mentions
        tags = [{"start": m.start(), "end": m.end(), "tag": m.group(1)}
                for m in _HASHTAG.finditer(text)]
        if tags:
            entities["hashtags"] = tags
        urls = []
        for m in _URL.finditer(text):
            url = m.group(0)
            short = url.split("://", 1)[1]
            urls.append(
                {"start": m.start(), "end": m.end(), "url": url, "expanded_url": url,
                 "display_url": short[:25] + ("…" if len(short) > 25 else "")}
            )
        if urls:
            entities["urls"] = urls
        return entities

    def post_tweet(
        self,
        author_id: str,
        text: str,
        *,
        in_reply_to: str | None = None,
        created_at: When = None,
        lang: str | None = None,
    ) -> JSON:
        """Store a post as X would; returns a copy in X's full shape."""
        with self.lock:
            self.user(author_id)
            ms = self.to_ms(created_at)
            tid = self.snowflake(ms)
            tweet: JSON = {
                "id": tid,
                "text": text,
                "edit_history_tweet_ids": [tid],
                "author_id": author_id,
                "conversation_id": tid,
                "created_at": format_x_time(datetime.fromtimestamp(ms / 1000, UTC)),
                "lang": lang or lang_of(text),
                "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 0,
                                   "quote_count": 0, "bookmark_count": 0, "impression_count": 0},
                "possibly_sensitive": False,
                "reply_settings": "everyone",
                "source": "Twitter for iPhone",
            }
            targets: set[str] = set()
            if in_reply_to is not None:
                parent = self.tweets.get(in_reply_to)
                if parent is None:
                    raise WorldError(f"no tweet with id {in_reply_to}")
                tweet["conversation_id"] = parent["conversation_id"]
                tweet["in_reply_to_user_id"] = parent["author_id"]
                tweet["referenced_tweets"] = [{"type": "replied_to", "id": in_reply_to}]
                parent["public_metrics"]["reply_count"] += 1
                targets.add(parent["author_id"])
            entities = self._entities(text)
            if entities:
                tweet["entities"] = entities
                targets.update(m["id"] for m in entities.get("mentions", []) if "id" in m)
            targets.discard(author_id)
            self.tweets[tid] = tweet
            self.tweet_ms[tid] = ms
            self.authored[author_id] = self.authored.get(author_id, 0) + 1
            for uid in targets:
                self.mentions.setdefault(uid, []).append(tid)
            return copy.deepcopy(tweet)

    def delete_tweet(self, tweet_id: str) -> None:
        with self.lock:
            tweet = self.tweets.pop(tweet_id, None)
            self.tweet_ms.pop(tweet_id, None)
            if tweet is not None:
                self.authored[tweet["author_id"]] -= 1
            for ids in self.mentions.values():
                if tweet_id in ids:
                    ids.remove(tweet_id)

    def mentions_of(self, user_id: str) -> list[str]:
        """Ids of posts mentioning or replying to ``user_id``, newest first."""
        with self.lock:
            found = (t for t in self.mentions.get(user_id, []) if t in self.tweets)
            return sorted(found, key=int, reverse=True)

    def engaged(self, author_id: str, user_id: str) -> bool:
        """Has ``author_id`` ever mentioned or replied to ``user_id``? (reply restriction)"""
        with self.lock:
            return any(self.tweets[t]["author_id"] == author_id
                       for t in self.mentions.get(user_id, []) if t in self.tweets)

    def tweets_by(self, user_id: str) -> list[JSON]:
        with self.lock:
            found = [t for t in self.tweets.values() if t["author_id"] == user_id]
            return copy.deepcopy(sorted(found, key=lambda t: int(t["id"]), reverse=True))

    # ---- direct messages ----------------------------------------------

    def _event(self, conv: Conversation, event_type: str, sender_id: str, ms: int,
               **extra: Any) -> JSON:
        eid = self.snowflake(ms)
        event: JSON = {
            "id": eid,
            "event_type": event_type,
            "sender_id": sender_id,
            "dm_conversation_id": conv.id,
            "created_at": format_x_time(datetime.fromtimestamp(ms / 1000, UTC)),
            **extra,
        }
        self.dm_events[eid] = event
        self.dm_ms[eid] = ms
        return event

    def send_dm(self, sender_id: str, recipient_id: str, text: str, *,
                created_at: When = None) -> JSON:
        """A one-to-one message; the conversation springs into being on first use."""
        with self.lock:
            self.user(sender_id)
            self.user(recipient_id)
            if sender_id == recipient_id:
                raise WorldError("cannot send a DM to oneself")
            cid = dm_pair_id(sender_id, recipient_id)
            conv = self.conversations.get(cid)
            if conv is None:
                conv = Conversation(cid, group=False, spans={sender_id: [[0, None]],
                                                             recipient_id: [[0, None]]})
                self.conversations[cid] = conv
            return copy.deepcopy(self._event(conv, "MessageCreate", sender_id,
                                             self.to_ms(created_at), text=text))

    def create_group_dm(self, creator_id: str, participant_ids: list[str], *,
                        created_at: When = None) -> str:
        """A group conversation (bare snowflake id) opened with a ParticipantsJoin event."""
        with self.lock:
            others = [p for p in dict.fromkeys(participant_ids) if p != creator_id]
            for uid in [creator_id, *others]:
                self.user(uid)
            if not others:
                raise WorldError("a group needs at least one other participant")
            ms = self.to_ms(created_at)
            conv = Conversation(self.snowflake(ms), group=True)
            for uid in [creator_id, *others]:
                conv.spans[uid] = [[ms, None]]
            self.conversations[conv.id] = conv
            self._event(conv, "ParticipantsJoin", creator_id, ms, participant_ids=others)
            return conv.id

    def _group(self, conv_id: str) -> Conversation:
        conv = self.conversations.get(conv_id)
        if conv is None or not conv.group:
            raise WorldError(f"no group conversation {conv_id}")
        return conv

    def send_group_dm(self, conv_id: str, sender_id: str, text: str, *,
                      created_at: When = None) -> JSON:
        with self.lock:
            conv = self._group(conv_id)
            if not conv.member_now(sender_id):
                raise WorldError(f"user {sender_id} is not in conversation {conv_id}")
            return copy.deepcopy(self._event(conv, "MessageCreate", sender_id,
                                             self.to_ms(created_at), text=text))

    def join_group(self, conv_id: str, user_id: str, *, added_by: str | None = None,
                   created_at: When = None) -> JSON:
        with self.lock:
            conv = self._group(conv_id)
            self.user(user_id)
            if conv.member_now(user_id):
                raise WorldError(f"user {user_id} is already in {conv_id}")
            ms = self.to_ms(created_at)
            conv.spans.setdefault(user_id, []).append([ms, None])
            return copy.deepcopy(self._event(conv, "ParticipantsJoin", added_by or user_id, ms,
                                             participant_ids=[user_id]))

    def leave_group(self, conv_id: str, user_id: str, *, created_at: When = None) -> JSON:
        with self.lock:
            conv = self._group(conv_id)
            if not conv.member_now(user_id):
                raise WorldError(f"user {user_id} is not in {conv_id}")
            ms = self.to_ms(created_at)
            event = self._event(conv, "ParticipantsLeave", user_id, ms, participant_ids=[user_id])
            conv.spans[user_id][-1][1] = ms
            return copy.deepcopy(event)

    def dm_events_of(self, user_id: str, conv_id: str | None = None, *,
                     after_ms: int | None = None, before_ms: int | None = None) -> list[JSON]:
        """Every event ``user_id`` can see (sent and received), newest first.

        ``after_ms``/``before_ms`` (inclusive) let the server apply X's 30-day
        history and the delay before a fresh message shows up.
        """
        with self.lock:
            found = []
            for eid, event in self.dm_events.items():
                conv = self.conversations[event["dm_conversation_id"]]
                if conv_id is not None and conv.id != conv_id:
                    continue
                ms = self.dm_ms[eid]
                if (after_ms is not None and ms < after_ms) or (
                    before_ms is not None and ms > before_ms
                ):
                    continue
                if conv.member_at(user_id, self.dm_ms[eid]):
                    found.append(event)
            return copy.deepcopy(sorted(found, key=lambda e: int(e["id"]), reverse=True))
