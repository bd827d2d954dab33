"""X (Twitter) through tweepy: mentions and DMs in, as IngestBatches.

tweepy's real ``Client`` makes every call; its ``session`` is our
``RewritingSession`` so the same code talks to api.x.com or to the local
sandbox. We ask tweepy for the raw ``requests.Response`` and parse the JSON
ourselves: a malformed body must be skipped and logged, not crash the sync, and
tweepy's model objects would hide what was actually sent.

``user_auth`` is passed explicitly on every call (X_API.md): True signs with
OAuth 1.0a, False sends an OAuth 2.0 user token as a bearer.
"""

from __future__ import annotations

import html
import logging
import unicodedata
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import requests
import tweepy

from inbox.channels.x_http import RewritingSession
from inbox.credentials import XCredentials
from inbox.domain import (
    Account,
    ChannelKind,
    Contact,
    Direction,
    EventType,
    IncomingEvent,
    IncomingMessage,
    IngestBatch,
    Origin,
)
from inbox.timeutil import from_ms, parse_x_time, utcnow
from inbox.xtext import extract_url_spans

log = logging.getLogger(__name__)

TWEET_FIELDS = [
    "author_id", "conversation_id", "created_at", "in_reply_to_user_id", "referenced_tweets",
    "entities", "lang",
]
USER_FIELDS = ["created_at", "public_metrics", "verified", "description", "profile_image_url"]
MENTION_EXPANSIONS = ["author_id", "in_reply_to_user_id"]
DM_EVENT_FIELDS = [
    "id", "event_type", "text", "sender_id", "dm_conversation_id", "created_at",
    "participant_ids", "attachments", "referenced_tweets",
]
DM_EXPANSIONS = ["sender_id", "participant_ids"]


class XError(Exception):
    """Something X said or did that the sync or the agent must react to."""


class RateLimited(XError):
    def __init__(self, reset_at: datetime | None) -> None:
        super().__init__("X rate limit reached")
        self.reset_at = reset_at


class NeedsReconnect(XError):
    """401: the tokens were revoked or expired; an admin must reconnect the account."""


class Refused(XError):
    """403/400/404: X understood and said no; retrying the same request will not help.

    ``status`` and ``detail`` (X's problem text) let the outbox tell a duplicate
    from a reply restriction: X's problem bodies carry no numeric codes.
    """

    def __init__(self, message: str, *, status: int = 0, detail: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail


class Unreachable(XError):
    """5xx, timeouts, connection trouble: worth retrying with backoff."""


class Malformed(XError):
    """X answered 200 with a body we cannot read."""


T = TypeVar("T")


def _call(fn: Callable[..., requests.Response], *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Run one tweepy call and return its JSON, mapping failures to our errors."""
    try:
        response = fn(*args, **kwargs)
    except tweepy.TooManyRequests as exc:
        reset = getattr(exc, "reset_time", None)
        raise RateLimited(
            None if reset is None else datetime.fromtimestamp(int(reset), tz=utcnow().tzinfo)
        ) from None
    except tweepy.Unauthorized:
        raise NeedsReconnect("X rejected the account's credentials (401)") from None
    except tweepy.TwitterServerError as exc:
        raise Unreachable(f"X had a server error ({exc.response.status_code})") from None
    except tweepy.HTTPException as exc:
        detail = _problem_detail(exc.response)
        status = exc.response.status_code
        raise Refused(f"X refused the request ({status}): {detail}", status=status,
                      detail=detail) from None
    except requests.Timeout:
        raise Unreachable("X did not answer in time") from None
    except requests.RequestException as exc:
        raise Unreachable(f"cannot reach X ({type(exc).__name__})") from None
    try:
        body = response.json()
    except ValueError:
        raise Malformed(f"X sent a body that is not JSON ({len(response.content)} bytes)") from None
    if not isinstance(body, dict):
        raise Malformed("X sent JSON that is not an object")
    return body


def _problem_detail(response: requests.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.reason or "no detail"
    if isinstance(body, dict):
        errors = body.get("errors") or []
        if errors and isinstance(errors[0], dict) and errors[0].get("message"):
            return str(errors[0]["message"])
        return str(body.get("detail") or body.get("title") or "no detail")
    return "no detail"


@dataclass(frozen=True, slots=True)
class MentionsPage:
    batch: IngestBatch
    newest_id: str | None
    oldest_id: str | None
    next_token: str | None


@dataclass(frozen=True, slots=True)
class DmPage:
    batch: IngestBatch
    event_ids: tuple[str, ...]  # every event on the page, newest first
    next_token: str | None


def _field(raw: dict[str, Any], key: str) -> str:
    """A required string field (ids may come as numbers); missing or null is malformed."""
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError(f"{key} is {type(value).__name__}")
    return str(value)


# What reading one malformed item can raise: it is skipped, the rest of the page kept.
_ITEM_ERRORS = (KeyError, TypeError, ValueError, AttributeError)


def parse_user(raw: dict[str, Any]) -> Contact:
    metrics = raw.get("public_metrics") or {}
    created = raw.get("created_at")
    return Contact(
        platform_id=str(raw["id"]),
        handle=str(raw.get("username") or raw["id"]),
        display_name=str(raw.get("name") or raw.get("username") or ""),
        followers=int(metrics.get("followers_count") or 0),
        verified=bool(raw.get("verified")),
        account_created_at=parse_x_time(created) if created else None,
    )


def _contacts(body: dict[str, Any]) -> list[Contact]:
    out = []
    for raw in (body.get("includes") or {}).get("users") or []:
        try:
            out.append(parse_user(raw))
        except _ITEM_ERRORS:
            log.warning("skipped a malformed user object in an X response")
    return out


def parse_mentions(body: dict[str, Any], our_user_id: str) -> MentionsPage:
    """One mentions page as an IngestBatch; malformed tweets are skipped and logged."""
    batch = IngestBatch(contacts=_contacts(body))
    for raw in body.get("data") or []:
        try:
            author = _field(raw, "author_id")
            replied_to = next(
                (str(r["id"]) for r in raw.get("referenced_tweets") or []
                 if r.get("type") == "replied_to"),
                None,
            )
            ours = author == our_user_id
            batch.messages.append(IncomingMessage(
                kind=ChannelKind.MENTION,
                platform_id=_field(raw, "id"),
                thread_id=str(raw.get("conversation_id") or _field(raw, "id")),
                direction=Direction.OUT if ours else Direction.IN,
                author_platform_id=author,
                text=_field(raw, "text"),
                created_at=parse_x_time(_field(raw, "created_at")),
                in_reply_to_platform_id=replied_to,
                language=raw.get("lang"),
                counterpart_platform_id=(str(raw["in_reply_to_user_id"])
                                         if ours and raw.get("in_reply_to_user_id") else None),
                origin=Origin.EXTERNAL if ours else None,
            ))
        except _ITEM_ERRORS:
            log.warning("skipped a malformed tweet in a mentions page")
    meta = body.get("meta") or {}
    return MentionsPage(batch, meta.get("newest_id"), meta.get("oldest_id"), meta.get("next_token"))


def dm_counterpart(conversation_id: str, our_user_id: str, sender: str) -> str:
    """The customer in a DM: the other side of a one-to-one id ``"small-large"``."""
    parts = conversation_id.split("-")
    if len(parts) == 2:
        return parts[1] if parts[0] == our_user_id else parts[0]
    return sender


def parse_dm_events(body: dict[str, Any], our_user_id: str) -> DmPage:
    """One DM events page: messages, plus join/leave as events (never messages)."""
    batch = IngestBatch(contacts=_contacts(body))
    ids: list[str] = []
    for raw in body.get("data") or []:
        try:
            event_id = _field(raw, "id")
            ids.append(event_id)
            etype = raw["event_type"]
            conv = _field(raw, "dm_conversation_id")
            at = parse_x_time(_field(raw, "created_at"))
            if etype == "MessageCreate":
                sender = _field(raw, "sender_id")
                ours = sender == our_user_id
                batch.messages.append(IncomingMessage(
                    kind=ChannelKind.DM,
                    platform_id=event_id,
                    thread_id=conv,
                    direction=Direction.OUT if ours else Direction.IN,
                    author_platform_id=sender,
                    text=_field(raw, "text"),
                    created_at=at,
                    counterpart_platform_id=dm_counterpart(conv, our_user_id, sender),
                    origin=Origin.EXTERNAL if ours else None,
                ))
            elif etype in ("ParticipantsJoin", "ParticipantsLeave"):
                kind = (EventType.PARTICIPANT_JOINED if etype == "ParticipantsJoin"
                        else EventType.PARTICIPANT_LEFT)
                for pid in raw.get("participant_ids") or []:
                    batch.events.append(IncomingEvent(
                        kind=ChannelKind.DM, platform_id=event_id, thread_id=conv, type=kind,
                        actor_platform_id=str(pid), created_at=at,
                    ))
            else:
                log.info("ignored a DM event of unknown type %r", etype)
        except _ITEM_ERRORS:
            log.warning("skipped a malformed DM event")
    meta = body.get("meta") or {}
    return DmPage(batch, tuple(ids), meta.get("next_token"))


# X ids are snowflakes: the top bits are X's own creation time in ms since this epoch.
SNOWFLAKE_EPOCH_MS = 1288834974657
# How many pages a search for our own post/DM may read before giving up (and
# leaving the reply in doubt rather than risk sending it twice).
RECONCILE_MAX_PAGES = 10


def snowflake_time(platform_id: str) -> datetime:
    """The instant X created a post or DM event, read from its id (millisecond exact)."""
    return from_ms((int(platform_id) >> 22) + SNOWFLAKE_EPOCH_MS)


@dataclass(frozen=True, slots=True)
class Sent:
    """What X confirms about a post or DM of ours: its id, its created_at, the text it holds."""

    platform_id: str
    created_at: datetime
    text: str
    dm_conversation_id: str | None = None  # DMs: the conversation X put it in


def comparable_text(text: str) -> str:
    """Text reduced to what survives X's rewriting, to recognise our own post or DM.

    X returns text HTML-escaped (``&amp;``), may put the replied-to @handles in
    front of a reply and wraps links in t.co URLs; Unicode may come back
    composed. So: unescape, NFC, every URL becomes one placeholder, leading
    @mentions and runs of whitespace are dropped.
    """
    flat = unicodedata.normalize("NFC", html.unescape(text))
    for start, end in reversed(extract_url_spans(flat)):
        flat = flat[:start] + "\x00" + flat[end:]
    words = flat.split()
    while words and words[0].startswith("@"):
        words.pop(0)
    return " ".join(words)


def _replied_to(raw: dict[str, Any]) -> str | None:
    return next((str(r.get("id")) for r in raw.get("referenced_tweets") or []
                 if isinstance(r, dict) and r.get("type") == "replied_to"), None)


class XChannel:
    """One connected X account, as tweepy sees it."""

    def __init__(
        self, account: Account, credentials: XCredentials, *, timeout: float = 20.0,
        trust_env: bool = True,
    ) -> None:
        self.account = account
        self.user_auth = credentials.user_auth
        self.client = tweepy.Client(
            bearer_token=credentials.bearer_token or None,
            consumer_key=credentials.consumer_key or None,
            consumer_secret=credentials.consumer_secret or None,
            access_token=credentials.access_token or None,
            access_token_secret=credentials.access_token_secret or None,
            return_type=requests.Response,
            wait_on_rate_limit=False,  # we schedule our own retry from the headers
        )
        self.client.session = RewritingSession(account.api_base, timeout=timeout,
                                               trust_env=trust_env)

    def profile(self) -> dict[str, Any]:
        """The account's own user object as X sends it (with ``profile_image_url``)."""
        body = _call(self.client.get_me, user_auth=self.user_auth, user_fields=USER_FIELDS)
        data = body.get("data")
        if not isinstance(data, dict) or "id" not in data:
            raise Malformed("X sent an unreadable profile for this account")
        return data

    def can_read_dms(self) -> bool:
        """Whether these credentials may read DMs (one cheap lookup; 403 means no)."""
        try:
            _call(self.client.get_direct_message_events, user_auth=self.user_auth,
                  max_results=1)
        except Refused:
            return False
        return True

    def me(self) -> Contact:
        body = _call(self.client.get_me, user_auth=self.user_auth,
                     user_fields=USER_FIELDS)
        try:
            return parse_user(body["data"])
        except (KeyError, TypeError, ValueError):
            raise Malformed("X sent an unreadable profile for this account") from None

    def mention_pages(
        self, since_id: str | None, until_id: str | None = None, page_size: int = 100
    ) -> Iterator[MentionsPage]:
        """Posts mentioning the account, newest first, following ``next_token`` to the end."""
        return self._timeline(self.client.get_users_mentions, since_id, until_id, page_size,
                              replies_only=False)

    def own_reply_pages(
        self, since_id: str | None, until_id: str | None = None, page_size: int = 100
    ) -> Iterator[MentionsPage]:
        """The account's own replies, so answers written directly on X count as responses."""
        return self._timeline(self.client.get_users_tweets, since_id, until_id, page_size,
                              replies_only=True)

    def _timeline(self, fetch: Callable[..., requests.Response], since_id: str | None,
                  until_id: str | None, page_size: int, *,
                  replies_only: bool) -> Iterator[MentionsPage]:
        token: str | None = None
        while True:
            params: dict[str, Any] = {
                "max_results": page_size, "tweet_fields": TWEET_FIELDS,
                "user_fields": USER_FIELDS, "expansions": MENTION_EXPANSIONS,
            }
            if since_id:
                params["since_id"] = since_id
            if until_id:
                params["until_id"] = until_id
            if token:
                params["pagination_token"] = token
            body = _call(fetch, self.account.user_id, user_auth=self.user_auth, **params)
            page = parse_mentions(body, self.account.user_id)
            if replies_only:
                page.batch.messages[:] = [m for m in page.batch.messages
                                          if m.in_reply_to_platform_id is not None]
            yield page
            if not page.next_token or page.newest_id is None:
                return
            token = page.next_token

    def dm_pages(self, page_size: int = 100) -> Iterator[DmPage]:
        """All DM events newest first; the caller stops once it reaches seen ones."""
        token: str | None = None
        while True:
            params: dict[str, Any] = {
                "max_results": page_size, "dm_event_fields": DM_EVENT_FIELDS,
                "user_fields": USER_FIELDS, "expansions": DM_EXPANSIONS,
            }
            if token:
                params["pagination_token"] = token
            body = _call(self.client.get_direct_message_events, user_auth=self.user_auth,
                         **params)
            page = parse_dm_events(body, self.account.user_id)
            yield page
            # X sends a next_token even on the only page; the empty page after it ends it.
            if not page.next_token or not page.event_ids:
                return
            token = page.next_token

    # ---- sending (inbox.outbox) ----------------------------------------------

    def create_reply(self, text: str, in_reply_to: str) -> Sent:
        """POST /2/tweets as a reply. X answers 201 ``{"data": {"id", "text"}}``, no time."""
        body = _call(self.client.create_tweet, text=text, in_reply_to_tweet_id=in_reply_to,
                     user_auth=self.user_auth)
        try:
            data = body["data"]
            post_id = _field(data, "id")
            posted = str(data.get("text") or text)
        except _ITEM_ERRORS:
            raise Malformed("X accepted the post but its answer carries no id") from None
        return Sent(post_id, self._post_time(post_id), posted)

    def _post_time(self, post_id: str) -> datetime:
        """X's created_at for a post just made: asked for (GET /2/tweets/:id, a generous
        limit); if that fails the post is out all the same, and its snowflake id holds
        X's creation time to the millisecond."""
        try:
            body = _call(self.client.get_tweet, post_id, tweet_fields=["created_at"],
                         user_auth=self.user_auth)
            return parse_x_time(_field(body["data"], "created_at"))
        except (XError, *_ITEM_ERRORS):
            return snowflake_time(post_id)

    def send_dm(self, text: str, dm_conversation_id: str | None = None,
                participant_id: str | None = None) -> Sent:
        """POST a DM into a conversation, or to a person (X opens ``{small}-{large}``).

        X answers 201 ``{"data": {"dm_conversation_id", "dm_event_id"}}``. The time
        comes from the event's snowflake id: looking it up would spend the scarce
        DM lookup limit (15 per 15 min) and a fresh DM may not be listed yet.
        """
        if (dm_conversation_id is None) == (participant_id is None):
            raise ValueError("give exactly one of dm_conversation_id and participant_id")
        target: dict[str, str] = (
            {"dm_conversation_id": dm_conversation_id} if dm_conversation_id
            else {"participant_id": str(participant_id)}
        )
        body = _call(self.client.create_direct_message, text=text, user_auth=self.user_auth,
                     **target)
        try:
            data = body["data"]
            event_id = _field(data, "dm_event_id")
            conversation = _field(data, "dm_conversation_id")
        except _ITEM_ERRORS:
            raise Malformed("X accepted the DM but its answer carries no event id") from None
        return Sent(event_id, snowflake_time(event_id), text, conversation)

    def find_own_reply(self, text: str, in_reply_to: str, since: datetime,
                       exclude: Collection[str] = ()) -> Sent | None:
        """Our own post replying to ``in_reply_to`` with this text, made since ``since``.

        GET /2/users/{me}/tweets with ``start_time``. Raises ``Unreachable`` when
        the search cannot be finished, so "not found" always means "not on X".
        """
        want = comparable_text(text)
        token: str | None = None
        for _ in range(RECONCILE_MAX_PAGES):
            params: dict[str, Any] = {
                "max_results": 100, "start_time": since,
                "tweet_fields": ["created_at", "conversation_id", "referenced_tweets"],
            }
            if token:
                params["pagination_token"] = token
            body = _call(self.client.get_users_tweets, self.account.user_id,
                         user_auth=self.user_auth, **params)
            for raw in body.get("data") or []:
                try:
                    post_id, posted = _field(raw, "id"), _field(raw, "text")
                    if (post_id not in exclude and _replied_to(raw) == in_reply_to
                            and comparable_text(posted) == want):
                        return Sent(post_id, parse_x_time(_field(raw, "created_at")), posted)
                except _ITEM_ERRORS:
                    log.warning("skipped a malformed post while looking for our own reply")
            token = (body.get("meta") or {}).get("next_token")
            if not token:
                return None
        raise Unreachable("too many posts to search for the earlier attempt; will look again")

    def find_own_dm(self, text: str, since: datetime, *, dm_conversation_id: str | None = None,
                    participant_id: str | None = None,
                    exclude: Collection[str] = ()) -> Sent | None:
        """Our own DM with this text in that conversation, created since ``since``.

        GET /2/dm_conversations/{id}/dm_events (or ``/with/{participant}/``),
        newest first, until events older than ``since``. A DM sent a moment ago
        may not be listed yet: the outbox waits a settle time before asking.
        """
        want = comparable_text(text)
        target: dict[str, str] = (
            {"dm_conversation_id": dm_conversation_id} if dm_conversation_id
            else {"participant_id": str(participant_id)}
        )
        token: str | None = None
        for _ in range(RECONCILE_MAX_PAGES):
            params: dict[str, Any] = {"max_results": 100, "dm_event_fields": DM_EVENT_FIELDS,
                                      "event_types": "MessageCreate", **target}
            if token:
                params["pagination_token"] = token
            body = _call(self.client.get_direct_message_events, user_auth=self.user_auth,
                         **params)
            events = body.get("data") or []
            for raw in events:
                try:
                    event_id, at = _field(raw, "id"), parse_x_time(_field(raw, "created_at"))
                    if at < since:
                        return None
                    if (event_id not in exclude
                            and _field(raw, "sender_id") == self.account.user_id
                            and comparable_text(_field(raw, "text")) == want):
                        return Sent(event_id, at, _field(raw, "text"),
                                    _field(raw, "dm_conversation_id"))
                except _ITEM_ERRORS:
                    log.warning("skipped a malformed DM event while looking for our own DM")
            token = (body.get("meta") or {}).get("next_token")
            if not token or not events:
                return None
        raise Unreachable("too many DMs to search for the earlier attempt; will look again")
