"""The X sandbox answers tweepy's real Client as X does: routes, shapes, pagination, writes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import requests
import tweepy

from inbox.sandbox import XSandbox, dm_pair_id
from inbox.sandbox.testing import FakeClock, bearer_client, oauth1_client, session_for
from inbox.timeutil import parse_x_time

TWEET_FIELDS = ["author_id", "conversation_id", "created_at", "in_reply_to_user_id",
                "referenced_tweets", "entities", "lang"]
DM_FIELDS = ["id", "event_type", "text", "sender_id", "dm_conversation_id", "created_at",
             "participant_ids"]


@pytest.fixture
def brand(sb: XSandbox) -> str:
    return sb.add_user("AcmeHelp", "Acme Support", followers=184_000, verified=True).id


@pytest.fixture
def cust(sb: XSandbox) -> str:
    return sb.add_user("sara_k", "سارة", followers=120,
                       created_at=datetime(2019, 5, 1, tzinfo=UTC)).id


@pytest.fixture
def client(sb: XSandbox, brand: str) -> tweepy.Client:
    return oauth1_client(sb, brand)


def raw_client(sb: XSandbox, user_id: str) -> tweepy.Client:
    """A client returning the raw ``requests.Response`` so exact JSON can be checked."""
    c = oauth1_client(sb, user_id)
    c.return_type = requests.Response
    return c


# ---- users --------------------------------------------------------------


def test_get_me_defaults_and_fields(sb: XSandbox, brand: str) -> None:
    raw = raw_client(sb, brand).get_me(user_auth=True)
    assert raw.json() == {"data": {"id": brand, "name": "Acme Support", "username": "AcmeHelp"}}
    me = oauth1_client(sb, brand).get_me(
        user_auth=True, user_fields=["created_at", "public_metrics", "verified", "description",
                                     "profile_image_url"])
    assert me.data.verified is True
    assert me.data.public_metrics["followers_count"] == 184_000
    assert set(me.data.public_metrics) >= {"followers_count", "following_count", "tweet_count",
                                           "listed_count"}
    assert me.data.created_at.tzinfo is not None
    assert requests.get(me.data.profile_image_url, timeout=5).content.startswith(b"\x89PNG")


def test_users_lookup_partial_failure(sb: XSandbox, client: tweepy.Client, brand: str,
                                      cust: str) -> None:
    r = client.get_users(ids=[brand, cust, "999"], user_auth=True, user_fields=["verified"])
    assert [u.id for u in r.data] == [int(brand), int(cust)]
    assert r.errors[0]["resource_id"] == "999"
    assert r.errors[0]["type"].endswith("/problems/resource-not-found")
    r = client.get_users(usernames=["SARA_K", "nobody"], user_auth=True)
    assert [u.username for u in r.data] == ["sara_k"]
    assert r.errors[0]["parameter"] == "usernames"
    r = client.get_users(ids=["12345"], user_auth=True)
    assert r.data is None and len(r.errors) == 1
    with pytest.raises(tweepy.BadRequest):
        client.get_users(usernames=["not a valid name!"], user_auth=True)


# ---- mentions -----------------------------------------------------------


def test_mentions_shape_fields_and_expansions(sb: XSandbox, client: tweepy.Client, brand: str,
                                              cust: str) -> None:
    root = sb.post_tweet(brand, "Our summer sale starts today! #sale")
    t1 = sb.post_tweet(cust, "@AcmeHelp وين طلبي؟ رقم الطلب 12345 https://example.com/x")
    t2 = sb.post_tweet(cust, "still broken", in_reply_to=root["id"])
    sb.post_tweet(cust, "not about the brand")
    r = client.get_users_mentions(brand, user_auth=True, tweet_fields=TWEET_FIELDS,
                                  expansions=["author_id", "referenced_tweets.id"],
                                  user_fields=["verified", "public_metrics"])
    assert [t.id for t in r.data] == [int(t2["id"]), int(t1["id"])]
    newest, oldest = r.data
    assert r.meta == {"result_count": 2, "newest_id": t2["id"], "oldest_id": t1["id"]}
    assert oldest.lang == "ar" and newest.lang == "en"
    assert oldest.entities["mentions"] == [{"start": 0, "end": 9, "username": "AcmeHelp",
                                            "id": brand}]
    assert oldest.entities["urls"][0]["url"] == "https://example.com/x"
    assert newest.in_reply_to_user_id == int(brand)
    assert newest.conversation_id == int(root["id"])
    assert newest.referenced_tweets[0].type == "replied_to"
    assert newest.created_at == parse_x_time(t2["created_at"])
    assert [u.id for u in r.includes["users"]] == [int(cust)]  # once, though two tweets
    assert [t.id for t in r.includes["tweets"]] == [int(root["id"])]
    assert r.includes["users"][0].verified is False
    assert t2["created_at"].endswith("Z") and len(t2["created_at"]) == 24


def test_mentions_default_fields_and_empty_page(sb: XSandbox, brand: str, cust: str) -> None:
    raw = raw_client(sb, brand)
    assert raw.get_users_mentions(brand, user_auth=True).json() == {"meta": {"result_count": 0}}
    t = sb.post_tweet(cust, "hello @acmehelp")
    body = raw.get_users_mentions(brand, user_auth=True).json()
    assert body["data"] == [{"id": t["id"], "text": "hello @acmehelp",
                             "edit_history_tweet_ids": [t["id"]]}]


def test_mentions_pagination_since_until(sb: XSandbox, client: tweepy.Client, brand: str,
                                         cust: str, clock: FakeClock) -> None:
    ids = []
    for i in range(23):
        clock.advance(1)
        ids.append(sb.post_tweet(cust, f"@AcmeHelp message {i}")["id"])
    seen: list[str] = []
    token = None
    while True:
        r = client.get_users_mentions(brand, user_auth=True, max_results=10,
                                      pagination_token=token)
        seen += [str(t.id) for t in r.data]
        token = r.meta.get("next_token")
        if token is None:
            break
    assert seen == ids[::-1]
    pages = list(tweepy.Paginator(client.get_users_mentions, brand, user_auth=True,
                                  max_results=5))
    assert [p.meta["result_count"] for p in pages] == [5, 5, 5, 5, 3]
    r = client.get_users_mentions(brand, user_auth=True, since_id=ids[19])
    assert [str(t.id) for t in r.data] == ids[20:][::-1]  # exclusive
    r = client.get_users_mentions(brand, user_auth=True, until_id=ids[3])
    assert [str(t.id) for t in r.data] == ids[:3][::-1]
    r = client.get_users_mentions(brand, user_auth=True, since_id=ids[-1])
    assert r.data is None and r.meta == {"result_count": 0}
    for bad in (4, 101):
        with pytest.raises(tweepy.BadRequest) as err:
            client.get_users_mentions(brand, user_auth=True, max_results=bad)
        body = err.value.response.json()
        assert body["title"] == "Invalid Request"
        assert body["errors"][0]["parameters"] == {"max_results": [str(bad)]}
    with pytest.raises(tweepy.BadRequest):
        client.get_users_mentions(brand, user_auth=True, tweet_fields=["nonsense"])


def test_only_newest_800_mentions_reachable(sb: XSandbox, client: tweepy.Client, brand: str,
                                            cust: str, clock: FakeClock) -> None:
    first = sb.post_tweet(cust, "@AcmeHelp n0")["id"]
    for i in range(1, 805):
        clock.advance(1)
        sb.post_tweet(cust, f"@AcmeHelp n{i}")
    total = sum(p.meta["result_count"] for p in tweepy.Paginator(
        client.get_users_mentions, brand, user_auth=True, max_results=100))
    assert total == 800
    r = client.get_users_mentions(brand, user_auth=True, until_id=str(int(first) + 1))
    assert r.meta["result_count"] == 0


def test_mentions_with_app_bearer_and_unknown_user(sb: XSandbox, brand: str, cust: str) -> None:
    sb.post_tweet(cust, "@AcmeHelp hi")
    app = bearer_client(sb, None)
    r = app.get_users_mentions(brand)
    assert r.meta["result_count"] == 1
    r = app.get_users_mentions("424242")
    assert r.data is None and r.errors[0]["resource_type"] == "user"


def test_tweets_lookup(sb: XSandbox, client: tweepy.Client, brand: str, cust: str) -> None:
    a = sb.post_tweet(brand, "root")
    b = sb.post_tweet(cust, "@AcmeHelp reply", in_reply_to=a["id"])
    r = client.get_tweets([b["id"], "1"], user_auth=True, tweet_fields=TWEET_FIELDS,
                          expansions=["author_id", "in_reply_to_user_id"])
    assert [t.id for t in r.data] == [int(b["id"])]
    assert {u.id for u in r.includes["users"]} == {int(brand), int(cust)}
    assert r.errors[0]["resource_id"] == "1"
    one = client.get_tweet(a["id"], user_auth=True)
    assert one.data.text == "root" and one.data.edit_history_tweet_ids == [int(a["id"])]


# ---- posting ------------------------------------------------------------


def test_create_tweet_reply_duplicate_and_restrictions(sb: XSandbox, client: tweepy.Client,
                                                       brand: str, cust: str) -> None:
    r = client.create_tweet(text="Hello world", user_auth=True)
    assert set(r.data) == {"id", "text", "edit_history_tweet_ids"}
    assert sb.tweets_by(brand)[0]["text"] == "Hello world"
    with pytest.raises(tweepy.Forbidden) as err:
        client.create_tweet(text="Hello world", user_auth=True)
    assert "duplicate content" in err.value.response.json()["detail"]

    stranger = sb.post_tweet(cust, "a post that does not mention the brand")
    with pytest.raises(tweepy.Forbidden) as err:
        client.create_tweet(text="unsolicited", in_reply_to_tweet_id=stranger["id"],
                            user_auth=True)
    assert "not been mentioned" in err.value.api_messages[0]
    sb.enforce_reply_restrictions = False
    client.create_tweet(text="now allowed", in_reply_to_tweet_id=stranger["id"], user_auth=True)
    sb.enforce_reply_restrictions = True

    mention = sb.post_tweet(cust, "@AcmeHelp my order is late")
    r = client.create_tweet(text="@sara_k sorry! DM us", in_reply_to_tweet_id=mention["id"],
                            user_auth=True)
    stored = sb.tweets_by(brand)[0]
    assert stored["id"] == r.data["id"]
    assert stored["in_reply_to_user_id"] == cust
    assert stored["conversation_id"] == mention["conversation_id"]
    assert stored["referenced_tweets"] == [{"type": "replied_to", "id": mention["id"]}]
    own = client.create_tweet(text="thread 2/2", in_reply_to_tweet_id=r.data["id"],
                              user_auth=True)
    assert own.data["id"]

    with pytest.raises(tweepy.BadRequest) as err:
        client.create_tweet(text="x" * 281, user_auth=True)
    assert err.value.api_messages[0].startswith("Your Tweet text is too long")
    client.create_tweet(text="y" * 280, user_auth=True)


def test_bearer_user_token_posts(sb: XSandbox, brand: str) -> None:
    c = bearer_client(sb, brand)
    assert c.get_me(user_auth=False).data.id == int(brand)
    assert c.create_tweet(text="via oauth2", user_auth=False).data["text"] == "via oauth2"


# ---- direct messages ----------------------------------------------------


def test_dm_send_both_routes_and_lookup(sb: XSandbox, client: tweepy.Client, brand: str,
                                        cust: str, clock: FakeClock) -> None:
    sb.send_dm(cust, brand, "مرحبا، طلبي متأخر")
    clock.advance(60)
    r = client.create_direct_message(participant_id=cust, text="Testing 1", user_auth=True)
    conv = r.data["dm_conversation_id"]
    lo, hi = sorted((brand, cust), key=int)
    assert conv == dm_pair_id(brand, cust) == f"{lo}-{hi}"
    clock.advance(60)
    r2 = client.create_direct_message(dm_conversation_id=conv, text="Testing 2", user_auth=True)
    assert r2.data["dm_conversation_id"] == conv
    assert int(r2.data["dm_event_id"]) > int(r.data["dm_event_id"])

    raw = raw_client(sb, brand)
    for resp in (raw.get_direct_message_events(),
                 raw.get_direct_message_events(dm_conversation_id=conv),
                 raw.get_direct_message_events(participant_id=cust)):
        body = resp.json()
        assert [e["text"] for e in body["data"]] == ["Testing 2", "Testing 1", "مرحبا، طلبي متأخر"]
        assert set(body["data"][0]) == {"id", "event_type", "text"}
        assert set(body["meta"]) == {"result_count", "next_token", "previous_token"}
    full = client.get_direct_message_events(dm_event_fields=DM_FIELDS, expansions=["sender_id"],
                                            user_auth=True)
    last = full.data[-1]
    assert (last.sender_id, last.dm_conversation_id) == (int(cust), conv)
    assert {u.id for u in full.includes["users"]} == {int(brand), int(cust)}
    # observed X: tokens even on the only page; following next_token gives an empty page
    nxt = raw.get_direct_message_events(pagination_token=full.meta["next_token"])
    assert nxt.json() == {"meta": {"result_count": 0}}
    for bad_text in ("", "x" * 10_001):
        with pytest.raises(tweepy.BadRequest):
            client.create_direct_message(participant_id=cust, text=bad_text or None,
                                         user_auth=True)


def test_dm_pagination_history_and_visibility(sb: XSandbox, client: tweepy.Client, brand: str,
                                              cust: str, clock: FakeClock) -> None:
    sb.send_dm(cust, brand, "ancient", created_at=clock() - 31 * 86400)
    for i in range(7):
        clock.advance(5)
        sb.send_dm(cust, brand, f"m{i}")
    pages = list(tweepy.Paginator(client.get_direct_message_events, max_results=3,
                                  user_auth=True))
    texts = [e.text for p in pages if p.data for e in p.data]
    assert texts == [f"m{i}" for i in range(6, -1, -1)]  # 30 days of history only
    prev = client.get_direct_message_events(max_results=3, user_auth=True,
                                            pagination_token=pages[1].meta["previous_token"])
    assert [e.text for e in prev.data] == ["m6", "m5", "m4"]
    with pytest.raises(tweepy.BadRequest):
        client.get_direct_message_events(max_results=0, user_auth=True)
    clock.advance(60)
    sb.dm_visibility_delay = 10
    sb.send_dm(cust, brand, "fresh")
    assert client.get_direct_message_events(user_auth=True).data[0].text == "m6"
    clock.advance(11)
    assert client.get_direct_message_events(user_auth=True).data[0].text == "fresh"


def test_group_dm_join_leave(sb: XSandbox, client: tweepy.Client, brand: str,
                             cust: str, clock: FakeClock) -> None:
    third = sb.add_user("fahad_1", "فهد").id
    fourth = sb.add_user("omar", "Omar").id
    gid = sb.create_group_dm(cust, [brand, third])
    assert "-" not in gid
    clock.advance(1)
    sb.send_group_dm(gid, cust, "hello group")
    clock.advance(1)
    sb.join_group(gid, fourth, added_by=cust)
    clock.advance(1)
    sb.leave_group(gid, third)
    clock.advance(1)
    r = client.get_direct_message_events(dm_conversation_id=gid, dm_event_fields=DM_FIELDS,
                                         expansions=["participant_ids", "sender_id"],
                                         user_auth=True)
    kinds = [e.event_type for e in r.data]
    assert kinds == ["ParticipantsLeave", "ParticipantsJoin", "MessageCreate", "ParticipantsJoin"]
    assert r.data[0].participant_ids == [int(third)]
    assert {u.id for u in r.includes["users"]} >= {int(third), int(fourth)}
    only = client.get_direct_message_events(event_types="MessageCreate", user_auth=True)
    assert [e.text for e in only.data] == ["hello group"]
    sent = client.create_direct_message(dm_conversation_id=gid, text="brand here",
                                        user_auth=True)
    assert sent.data["dm_conversation_id"] == gid
    # the one who left sees nothing after leaving
    third_client = oauth1_client(sb, third)
    seen = third_client.get_direct_message_events(user_auth=True).data
    assert "brand here" not in [e.text for e in seen]
    created = client.create_direct_message_conversation(text="new group", participant_ids=[cust,
                                                        fourth], user_auth=True)
    assert created.data["dm_conversation_id"] != gid


def test_dm_send_to_foreign_conversation_forbidden(sb: XSandbox, client: tweepy.Client,
                                                   cust: str) -> None:
    other = sb.add_user("x1", "X1").id
    sb.send_dm(cust, other, "private")
    with pytest.raises(tweepy.Forbidden):
        client.create_direct_message(dm_conversation_id=dm_pair_id(cust, other), text="hi",
                                     user_auth=True)


def test_unknown_route_is_404_problem(sb: XSandbox) -> None:
    r = session_for(sb).get("https://api.twitter.com/2/nothing/here")
    assert r.status_code == 404
    assert r.json()["title"] == "Not Found"
