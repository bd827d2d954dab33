"""How the sandbox words its answers: X's JSON shapes, fields, expansions and problems.

X returns only the fields a caller asks for (plus a small default set) and puts
expanded objects once each under ``includes``; error bodies follow X's
"problem" shapes, which the app branches on. Keeping all of that here lets the
routes stay about behaviour.
"""

from __future__ import annotations

from typing import Any

from inbox.sandbox.world import JSON, World

PROBLEMS = "https://api.twitter.com/2/problems/"

TWEET_FIELDS = frozenset({
    "attachments", "author_id", "card_uri", "context_annotations", "conversation_id",
    "created_at", "edit_controls", "edit_history_tweet_ids", "entities", "geo", "id",
    "in_reply_to_user_id", "lang", "non_public_metrics", "note_tweet", "organic_metrics",
    "possibly_sensitive", "promoted_metrics", "public_metrics", "referenced_tweets",
    "reply_settings", "scopes", "source", "text", "withheld",
})
USER_FIELDS = frozenset({
    "affiliation", "connection_status", "created_at", "description", "entities", "id",
    "location", "most_recent_tweet_id", "name", "pinned_tweet_id", "profile_banner_url",
    "profile_image_url", "protected", "public_metrics", "receives_your_dm", "subscription_type",
    "url", "username", "verified", "verified_type", "withheld",
})
DM_EVENT_FIELDS = frozenset({
    "attachments", "created_at", "dm_conversation_id", "entities", "event_type", "id",
    "participant_ids", "referenced_tweets", "sender_id", "text",
})
TWEET_EXPANSIONS = frozenset({
    "attachments.media_keys", "attachments.poll_ids", "author_id", "edit_history_tweet_ids",
    "entities.mentions.username", "geo.place_id", "in_reply_to_user_id", "referenced_tweets.id",
    "referenced_tweets.id.author_id",
})
USER_EXPANSIONS = frozenset({"pinned_tweet_id", "most_recent_tweet_id", "affiliation.user_id"})
DM_EXPANSIONS = frozenset({
    "attachments.media_keys", "participant_ids", "referenced_tweets.id", "sender_id",
})
DM_EVENT_TYPES = ("MessageCreate", "ParticipantsJoin", "ParticipantsLeave")


class ApiError(Exception):
    """An answer that is a problem: status, body (None = not JSON) and raw text."""

    def __init__(self, status: int, body: JSON | None, text: str = "") -> None:
        super().__init__(status, body)
        self.status = status
        self.body = body
        self.text = text


def simple_problem(status: int, title: str) -> JSON:
    return {"title": title, "type": "about:blank", "status": status, "detail": title}


def unauthorized() -> ApiError:
    return ApiError(401, simple_problem(401, "Unauthorized"))


def too_many_requests() -> ApiError:
    return ApiError(429, simple_problem(429, "Too Many Requests"))


def not_found_route() -> ApiError:
    return ApiError(404, simple_problem(404, "Not Found"))


def forbidden(detail: str) -> ApiError:
    return ApiError(403, {"detail": detail, "type": "about:blank", "title": "Forbidden",
                          "status": 403})


def unsupported_auth(kind: str = "OAuth 2.0 Application-Only") -> ApiError:
    return ApiError(403, {
        "title": "Unsupported Authentication",
        "detail": f"Authenticating with {kind} is forbidden for this endpoint.  Supported "
                  "authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].",
        "type": PROBLEMS + "unsupported-authentication",
        "status": 403,
    })


def invalid_request(param: str, value: Any, message: str) -> ApiError:
    values = value if isinstance(value, list) else [str(value)]
    return ApiError(400, {
        "errors": [{"parameters": {param: values}, "message": message}],
        "title": "Invalid Request",
        "detail": "One or more parameters to your request was invalid.",
        "type": PROBLEMS + "invalid-request",
    })


def not_found_resource(kind: str, param: str, value: str) -> JSON:
    """One entry of ``errors[]`` in a 200 lookup that found only some objects."""
    return {
        "value": value,
        "detail": f"Could not find {kind} with {param}: [{value}].",
        "title": "Not Found Error",
        "resource_type": kind,
        "parameter": param,
        "resource_id": value,
        "type": PROBLEMS + "resource-not-found",
    }


def parse_list(query: dict[str, str], name: str, allowed: frozenset[str] | tuple[str, ...],
               ) -> list[str]:
    """A comma-separated query value, each item checked as X does (400 otherwise)."""
    raw = query.get(name)
    if raw is None:
        return []
    items = [item for item in raw.split(",") if item]
    for item in items:
        if item not in allowed:
            raise invalid_request(
                name, item,
                f"The `{name}` query parameter value [{item}] is not one of "
                f"[{','.join(sorted(allowed))}]",
            )
    return list(dict.fromkeys(items))


class Renderer:
    """Renders stored objects with exactly the requested fields and gathers includes."""

    def __init__(self, world: World, query: dict[str, str], base_url: str,
                 expansions_allowed: frozenset[str]) -> None:
        self.world = world
        self.base_url = base_url
        self.tweet_fields = parse_list(query, "tweet.fields", TWEET_FIELDS)
        self.user_fields = parse_list(query, "user.fields", USER_FIELDS)
        self.dm_fields = parse_list(query, "dm_event.fields", DM_EVENT_FIELDS)
        parse_list(query, "media.fields", frozenset({
            "alt_text", "duration_ms", "height", "media_key", "preview_image_url", "type",
            "url", "width", "public_metrics", "variants"}))
        parse_list(query, "place.fields", frozenset({
            "contained_within", "country", "country_code", "full_name", "geo", "id", "name",
            "place_type"}))
        parse_list(query, "poll.fields", frozenset({
            "duration_minutes", "end_datetime", "id", "options", "voting_status"}))
        self.expansions = parse_list(query, "expansions", expansions_allowed)
        self._users: dict[str, JSON] = {}
        self._tweets: dict[str, JSON] = {}

    # ---- single objects -------------------------------------------------

    def tweet(self, stored: JSON) -> JSON:
        out = {k: stored[k] for k in ("id", "text", "edit_history_tweet_ids")}
        for name in self.tweet_fields:
            if name in stored:
                out[name] = stored[name]
            elif name == "edit_controls":
                out[name] = {"edits_remaining": 5, "is_edit_eligible": True,
                             "editable_until": stored["created_at"]}
        return out

    def user(self, user_id: str) -> JSON:
        u = self.world.users[user_id]
        full: JSON = {
            "id": u.id, "name": u.name, "username": u.username, "created_at": u.created_at,
            "description": u.description, "protected": False, "verified": u.verified,
            "verified_type": "blue" if u.verified else "none", "location": "", "url": "",
            "profile_image_url": f"{self.base_url}/sandbox/avatars/{u.id}_normal.png",
            "public_metrics": {
                "followers_count": u.followers, "following_count": u.following,
                "tweet_count": self.world.tweet_count(u.id), "listed_count": u.listed,
                "like_count": u.likes, "media_count": 0,
            },
            "receives_your_dm": True, "subscription_type": "None",
        }
        out = {k: full[k] for k in ("id", "name", "username")}
        for name in self.user_fields:
            if name in full:
                out[name] = full[name]
        return out

    def event(self, stored: JSON) -> JSON:
        out = {k: stored[k] for k in ("id", "event_type")}
        default = "text" if stored["event_type"] == "MessageCreate" else "participant_ids"
        for name in [default, *self.dm_fields]:
            if name in stored:
                out[name] = stored[name]
        return out

    # ---- expansions ---------------------------------------------------

    def _include_user(self, user_id: str | None) -> None:
        if user_id and user_id in self.world.users and user_id not in self._users:
            self._users[user_id] = self.user(user_id)

    def _include_tweet(self, tweet_id: str, primary: set[str]) -> JSON | None:
        stored = self.world.tweets.get(tweet_id)
        if stored is None:
            return None
        if tweet_id not in primary and tweet_id not in self._tweets:
            self._tweets[tweet_id] = self.tweet(stored)
        return stored

    def expand_tweets(self, tweets: list[JSON]) -> None:
        primary = {t["id"] for t in tweets}
        for t in tweets:
            if "author_id" in self.expansions:
                self._include_user(t["author_id"])
            if "in_reply_to_user_id" in self.expansions:
                self._include_user(t.get("in_reply_to_user_id"))
            if "entities.mentions.username" in self.expansions:
                for m in t.get("entities", {}).get("mentions", []):
                    self._include_user(m.get("id"))
            if {"referenced_tweets.id", "referenced_tweets.id.author_id"} & set(self.expansions):
                for ref in t.get("referenced_tweets", []):
                    found = self._include_tweet(ref["id"], primary)
                    if found and "referenced_tweets.id.author_id" in self.expansions:
                        self._include_user(found["author_id"])

    def expand_events(self, events: list[JSON]) -> None:
        for e in events:
            if "sender_id" in self.expansions:
                self._include_user(e.get("sender_id"))
            if "participant_ids" in self.expansions:
                for uid in e.get("participant_ids", []):
                    self._include_user(uid)

    def includes(self) -> JSON:
        found: JSON = {}
        if self._users:
            found["users"] = list(self._users.values())
        if self._tweets:
            found["tweets"] = list(self._tweets.values())
        return found
