"""What each X API v2 endpoint does in the sandbox, after auth and rate limits passed.

Each handler takes one parsed ``Call`` and returns ``(status, body)``, or raises
``ApiError`` with X's problem body. Behaviour follows X_API.md: newest first,
exclusive ``since_id``/``until_id``, the 800-mention horizon, duplicate and
reply-restriction refusals. The DM endpoints live in ``dms``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable

from inbox.sandbox import dms
from inbox.sandbox.call import (
    Call,
    Handler,
    Result,
    id_param,
    ids_param,
    int_param,
    make_token,
    page,
    read_token,
    time_param,
)
from inbox.sandbox.shapes import (
    TWEET_EXPANSIONS,
    USER_EXPANSIONS,
    forbidden,
    invalid_request,
    not_found_resource,
)
from inbox.sandbox.world import JSON

MENTIONS_HORIZON = 800
DUPLICATE_WINDOW_MS = 86400 * 1000
REPLY_NOT_ALLOWED = (
    "Reply to this conversation is not allowed because you have not been mentioned or "
    "otherwise engaged by the author of the post you are replying to."
)
_USERNAME = re.compile(r"^\w{1,15}$")

def _too_long(text: str) -> bool:
    """Over X's 280 weighted characters; plain length until ``inbox.xtext`` exists."""
    try:
        xtext = importlib.import_module("inbox.xtext")
    except ImportError:
        return len(text) > 280
    weighted: Callable[[str], int] | None = getattr(xtext, "weighted_length", None)
    return (weighted(text) if weighted else len(text)) > 280


# ---- users --------------------------------------------------------------


def users_me(call: Call) -> Result:
    renderer = call.renderer(USER_EXPANSIONS)
    with call.world.lock:
        return 200, {"data": renderer.user(call.user_id)}


def _users(call: Call, keys: list[str], param: str, by_name: bool) -> Result:
    renderer = call.renderer(USER_EXPANSIONS)
    data, errors = [], []
    with call.world.lock:
        for key in keys:
            uid = call.world.by_username.get(key.lower()) if by_name else key
            if uid in call.world.users:
                data.append(renderer.user(uid))
            else:
                errors.append(not_found_resource("user", param, key))
    out: JSON = {"data": data} if data else {}
    if errors:
        out["errors"] = errors
    return 200, out


def users_lookup(call: Call) -> Result:
    return _users(call, ids_param(call.query, "ids", re.compile(r"^[0-9]{1,19}$")), "ids", False)


def users_by(call: Call) -> Result:
    return _users(call, ids_param(call.query, "usernames", _USERNAME), "usernames", True)


def user_one(call: Call) -> Result:
    status, out = _users(call, [call.params["id"]], "id", False)
    return status, ({"data": out["data"][0]} if "data" in out else out)


def user_by_name(call: Call) -> Result:
    status, out = _users(call, [call.params["username"]], "username", True)
    return status, ({"data": out["data"][0]} if "data" in out else out)


# ---- tweets -------------------------------------------------------------


def mentions(call: Call) -> Result:
    """GET /2/users/{id}/mentions: posts mentioning or replying to the user."""
    return _timeline(call, call.world.mentions_of)


def user_tweets(call: Call) -> Result:
    """GET /2/users/{id}/tweets: the user's own posts (how brand replies made on X show)."""
    return _timeline(call, lambda uid: [t["id"] for t in call.world.tweets_by(uid)])


def _timeline(call: Call, source: Callable[[str], list[str]]) -> Result:
    uid = call.params["id"]
    q = call.query
    renderer = call.renderer(TWEET_EXPANSIONS)
    max_results = int_param(q, "max_results", 10, 5, 100)
    since, until = id_param(q, "since_id"), id_param(q, "until_id")
    start, end = time_param(q, "start_time"), time_param(q, "end_time")
    token = read_token(q)
    world = call.world
    with world.lock:
        if uid not in world.users:
            return 200, {"errors": [not_found_resource("user", "id", uid)]}
        ids = [
            i for i in source(uid)[:MENTIONS_HORIZON]
            if (since is None or int(i) > since) and (until is None or int(i) < until)
            and (start is None or world.tweet_ms[i] >= start)
            and (end is None or world.tweet_ms[i] < end)
            and (token is None or int(i) < token[1])
        ]
        shown = [world.tweets[i] for i in ids[:max_results]]
        data = [renderer.tweet(t) for t in shown]
        renderer.expand_tweets(shown)
    meta: JSON = {"result_count": len(data)}
    if data:
        meta["newest_id"], meta["oldest_id"] = data[0]["id"], data[-1]["id"]
        if len(ids) > max_results:
            meta["next_token"] = make_token("n", data[-1]["id"])
    return page(data, renderer, meta)


def _tweets(call: Call, ids: list[str], param: str) -> Result:
    renderer = call.renderer(TWEET_EXPANSIONS)
    with call.world.lock:
        found = [call.world.tweets[i] for i in ids if i in call.world.tweets]
        data = [renderer.tweet(t) for t in found]
        renderer.expand_tweets(found)
        errors = [not_found_resource("tweet", param, i) for i in ids if i not in call.world.tweets]
    out: JSON = {"data": data} if data else {}
    includes = renderer.includes()
    if includes:
        out["includes"] = includes
    if errors:
        out["errors"] = errors
    return 200, out


def tweets_lookup(call: Call) -> Result:
    return _tweets(call, ids_param(call.query, "ids", re.compile(r"^[0-9]{1,19}$")), "ids")


def tweet_one(call: Call) -> Result:
    status, out = _tweets(call, [call.params["id"]], "id")
    if "data" in out:
        out["data"] = out["data"][0]
    return status, out


def create_tweet(call: Call) -> Result:
    body = call.body if isinstance(call.body, dict) else {}
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        raise invalid_request("text", str(text), "$.text: must be a non-empty string")
    if _too_long(text):
        raise invalid_request("text", text, "Your Tweet text is too long. For more information "
                              "on how Twitter determines text length see "
                              "https://github.com/twitter/twitter-text.")
    reply = body.get("reply") or {}
    parent_id = reply.get("in_reply_to_tweet_id") if isinstance(reply, dict) else None
    world, me = call.world, call.user_id
    with world.lock:
        now = world.now_ms()
        for t in world.tweets.values():
            if (t["author_id"] == me and t["text"] == text
                    and now - world.tweet_ms[t["id"]] < DUPLICATE_WINDOW_MS):
                raise forbidden("You are not allowed to create a Tweet with duplicate content.")
        if parent_id is not None:
            parent = world.tweets.get(str(parent_id))
            if parent is None:
                raise forbidden("You attempted to reply to a Tweet that is deleted or not "
                                "visible to you.")
            author = parent["author_id"]
            if (call.settings.enforce_reply_restrictions and author != me
                    and not world.engaged(author, me)):
                raise forbidden(REPLY_NOT_ALLOWED)
        tweet = world.post_tweet(me, text, in_reply_to=str(parent_id) if parent_id else None)
    return 201, {"data": {k: tweet[k] for k in ("id", "text", "edit_history_tweet_ids")}}


def delete_tweet(call: Call) -> Result:
    with call.world.lock:
        tweet = call.world.tweets.get(call.params["id"])
        if tweet is not None and tweet["author_id"] != call.user_id:
            raise forbidden("You are not allowed to delete this Tweet.")
        call.world.delete_tweet(call.params["id"])
    return 200, {"data": {"deleted": True}}


# ---- the table ----------------------------------------------------------

# (method, path pattern, route key for limits and faults, user context only, handler)
ROUTES: list[tuple[str, re.Pattern[str], str, bool, Handler]] = [
    (m, re.compile(p), k, u, h) for m, p, k, u, h in [
        ("GET", r"/2/users/me", "users_me", True, users_me),
        ("GET", r"/2/users/(?P<id>\d+)/mentions", "mentions", False, mentions),
        ("GET", r"/2/users/(?P<id>\d+)/tweets", "user_tweets", False, user_tweets),
        ("GET", r"/2/users", "users_lookup", False, users_lookup),
        ("GET", r"/2/users/by", "users_lookup", False, users_by),
        ("GET", r"/2/users/by/username/(?P<username>\w+)", "users_lookup", False, user_by_name),
        ("GET", r"/2/users/(?P<id>\d+)", "users_lookup", False, user_one),
        ("GET", r"/2/tweets", "tweets_lookup", False, tweets_lookup),
        ("GET", r"/2/tweets/(?P<id>\d+)", "tweets_lookup", False, tweet_one),
        ("POST", r"/2/tweets", "create_tweet", True, create_tweet),
        ("DELETE", r"/2/tweets/(?P<id>\d+)", "delete_tweet", True, delete_tweet),
        ("GET", r"/2/dm_events", "dm_lookup", True, dms.dm_events),
        ("GET", r"/2/dm_conversations/with/(?P<pid>\d+)/dm_events", "dm_lookup", True,
         dms.dm_events),
        ("GET", r"/2/dm_conversations/(?P<conv>[\d-]+)/dm_events", "dm_lookup", True,
         dms.dm_events),
        ("POST", r"/2/dm_conversations/with/(?P<pid>\d+)/messages", "dm_send", True,
         dms.dm_send_with),
        ("POST", r"/2/dm_conversations/(?P<conv>[\d-]+)/messages", "dm_send", True, dms.dm_send_to),
        ("POST", r"/2/dm_conversations", "dm_send", True, dms.dm_group_create),
    ]
]


def match(method: str, path: str) -> tuple[str, bool, Handler, dict[str, str]] | None:
    """The route for ``method path``: key, user-only flag, handler and path parameters."""
    for m, pattern, key, user_only, handler in ROUTES:
        found = pattern.fullmatch(path)
        if m == method and found:
            return key, user_only, handler, found.groupdict()
    return None
