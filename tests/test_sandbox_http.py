"""The sandbox's HTTP behaviour: the auth matrix, rate limits, staged faults, X's recordings."""

from __future__ import annotations

import gzip
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests
import tweepy
from requests_oauthlib import OAuth1

from inbox.sandbox import Fault, XSandbox
from inbox.sandbox.testing import FakeClock, bearer_client, oauth1_client, session_for

UNAUTHORIZED = {"title": "Unauthorized", "type": "about:blank", "status": 401,
                "detail": "Unauthorized"}
TOO_MANY = {"title": "Too Many Requests", "type": "about:blank", "status": 429,
            "detail": "Too Many Requests"}
RECORDINGS = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "x-recordings"


@pytest.fixture
def brand(sb: XSandbox) -> str:
    return sb.add_user("AcmeHelp", "Acme Support").id


@pytest.fixture
def cust(sb: XSandbox) -> str:
    return sb.add_user("sara_k", "Sara").id


# ---- auth ---------------------------------------------------------------


def test_oauth1_signature_is_verified(sb: XSandbox, brand: str) -> None:
    assert oauth1_client(sb, brand).get_me(user_auth=True).data.id == int(brand)
    for wrong in ("consumer_secret", "access_token_secret"):
        overrides: dict[str, Any] = {wrong: "not-the-secret"}
        client = oauth1_client(sb, brand, **overrides)
        with pytest.raises(tweepy.Unauthorized) as err:
            client.get_me(user_auth=True)
        assert err.value.response.json() == UNAUTHORIZED
    client = oauth1_client(sb, brand, access_token=f"{brand}-forged")
    with pytest.raises(tweepy.Unauthorized):
        client.get_me(user_auth=True)


def test_oauth1_signature_covers_query_and_nonce_replay(sb: XSandbox, brand: str) -> None:
    keys = sb.issue_oauth1(brand)
    auth = OAuth1(keys["consumer_key"], keys["consumer_secret"], keys["access_token"],
                  keys["access_token_secret"])
    session = session_for(sb)
    url = f"{sb.base_url}/2/users/{brand}/mentions?max_results=5"
    prepared = session.prepare_request(requests.Request("GET", url, auth=auth))
    assert session.send(prepared).status_code == 200
    assert session.send(prepared).status_code == 401  # same nonce again: a replay
    tampered = session.prepare_request(requests.Request("GET", url, auth=auth))
    tampered.url = url.replace("max_results=5", "max_results=6")
    assert tampered.url is not None and tampered.url.endswith("=6")
    assert session.send(tampered).status_code == 401


def test_bearer_tokens_and_the_auth_matrix(sb: XSandbox, brand: str) -> None:
    user = bearer_client(sb, brand)
    assert user.get_me(user_auth=False).data.username == "AcmeHelp"
    assert user.get_direct_message_events(user_auth=False).meta == {"result_count": 0}
    app = bearer_client(sb, None)
    assert app.get_users_mentions(brand).meta == {"result_count": 0}
    calls: list[Callable[[], object]] = [
        lambda: app.get_me(user_auth=False),
        lambda: app.get_direct_message_events(user_auth=False),
        lambda: app.create_tweet(text="hi", user_auth=False),
        lambda: app.create_direct_message(participant_id=brand, text="x", user_auth=False),
    ]
    for call in calls:
        with pytest.raises(tweepy.Forbidden) as err:
            call()
        body = err.value.response.json()
        assert body["title"] == "Unsupported Authentication"
        assert body["type"].endswith("/problems/unsupported-authentication")
    # OAuth 1.0a keys only, default user_auth=False: tweepy sends "Bearer None"
    keys_only = oauth1_client(sb, brand)
    with pytest.raises(tweepy.Unauthorized):
        keys_only.get_users_mentions(brand)
    session = session_for(sb)
    for headers in ({}, {"Authorization": "Basic Zm9vOmJhcg=="}, {"Authorization": "OAuth x"}):
        r = session.get(f"{sb.base_url}/2/users/me", headers=headers)
        assert (r.status_code, r.json()) == (401, UNAUTHORIZED)
    token = sb.issue_bearer(brand)
    sb.auth.revoke(token)
    r = session.get(f"{sb.base_url}/2/users/me", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401


# ---- rate limits --------------------------------------------------------


def test_rate_limit_headers_and_429(clock: FakeClock) -> None:
    with XSandbox(clock=clock, limits={"users_me": 2}) as sb:
        a = sb.add_user("a", "A").id
        b = sb.add_user("b", "B").id
        client = oauth1_client(sb, a)
        client.return_type = requests.Response
        first = client.get_me(user_auth=True)
        reset = int(clock() + 900)
        assert first.headers["x-rate-limit-limit"] == "2"
        assert first.headers["x-rate-limit-remaining"] == "1"
        assert first.headers["x-rate-limit-reset"] == str(reset)
        assert client.get_me(user_auth=True).headers["x-rate-limit-remaining"] == "0"
        clock.advance(100)
        with pytest.raises(tweepy.TooManyRequests) as err:
            client.get_me(user_auth=True)
        assert err.value.reset_time == reset
        assert err.value.response.json() == TOO_MANY
        assert "retry-after" not in {k.lower() for k in err.value.response.headers}
        assert oauth1_client(sb, b).get_me(user_auth=True).data.id == int(b)  # per caller
        clock.advance(800)
        assert client.get_me(user_auth=True).headers["x-rate-limit-reset"] == str(reset + 900)


def test_every_response_carries_limits_and_create_has_24h(sb: XSandbox, brand: str,
                                                          cust: str) -> None:
    client = oauth1_client(sb, brand)
    client.return_type = requests.Response
    mentions = client.get_users_mentions(brand, user_auth=True)
    assert mentions.headers["x-rate-limit-limit"] == "300"
    app = bearer_client(sb, None)
    app.return_type = requests.Response
    assert app.get_users_mentions(brand).headers["x-rate-limit-limit"] == "450"
    assert client.get_direct_message_events(user_auth=True).headers["x-rate-limit-limit"] == "15"
    for r in (client.create_tweet(text="hello", user_auth=True),
              client.create_direct_message(participant_id=cust, text="hi", user_auth=True)):
        assert r.status_code == 201
        for prefix in ("x-rate-limit", "x-user-limit-24hour", "x-app-limit-24hour"):
            for suffix in ("limit", "remaining", "reset"):
                assert r.headers[f"{prefix}-{suffix}"].isdigit()


# ---- faults -------------------------------------------------------------


def test_fault_503_is_html_and_server_error(sb: XSandbox, brand: str) -> None:
    client = oauth1_client(sb, brand)
    sb.faults.add(Fault(status=503, route="mentions"))
    client.get_me(user_auth=True)  # another route is untouched
    with pytest.raises(tweepy.TwitterServerError) as err:
        client.get_users_mentions(brand, user_auth=True)
    assert err.value.response.status_code == 503
    assert err.value.response.text.startswith("<!DOCTYPE html>")
    assert client.get_users_mentions(brand, user_auth=True).meta == {"result_count": 0}
    sb.faults.add(Fault(status=500, times=2))
    for _ in range(2):
        with pytest.raises(tweepy.TwitterServerError):
            client.get_me(user_auth=True)
    client.get_me(user_auth=True)
    sb.faults.add(Fault(status=500, times=5))
    sb.faults.clear()
    client.get_me(user_auth=True)


def test_fault_429_sets_reset(sb: XSandbox, brand: str, clock: FakeClock) -> None:
    client = oauth1_client(sb, brand)
    sb.faults.add(Fault(status=429, route="users_me"))
    with pytest.raises(tweepy.TooManyRequests) as err:
        client.get_me(user_auth=True)
    assert err.value.reset_time == int(clock() + 900)


def test_fault_slow_answer_times_out_and_still_happens(sb: XSandbox, brand: str) -> None:
    client = oauth1_client(sb, brand, timeout=0.2)
    sb.faults.add(Fault(route="create_tweet", delay=0.6))
    with pytest.raises(requests.exceptions.Timeout):
        client.create_tweet(text="slow one", user_auth=True)
    deadline = time.monotonic() + 3
    while not sb.tweets_by(brand) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [t["text"] for t in sb.tweets_by(brand)] == ["slow one"]  # X got it all the same
    sb.faults.add(Fault(delay=30))
    with pytest.raises(requests.exceptions.Timeout):
        client.get_me(user_auth=True)
    started = time.monotonic()
    sb.stop()
    assert time.monotonic() - started < 2  # a staged delay never holds up shutdown


def test_fault_malformed_body(sb: XSandbox, brand: str) -> None:
    client = oauth1_client(sb, brand)
    sb.faults.add(Fault(route="create_tweet", malformed=True))
    with pytest.raises(requests.exceptions.JSONDecodeError):
        client.create_tweet(text="did it post?", user_auth=True)
    assert sb.tweets_by(brand)[0]["text"] == "did it post?"  # it did
    assert sb.requests_log[-1][:2] == ("POST", "/2/tweets")


# ---- recorded X traffic -------------------------------------------------


def _shape(value: Any, prefix: str = "") -> set[str]:
    """Key paths of a JSON value (list items merged), to compare structure not content."""
    paths: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            paths.add(prefix + key)
            paths |= _shape(item, prefix + key + ".")
    elif isinstance(value, list):
        for item in value:
            paths |= _shape(item, prefix + "[].")
    return paths


def _recordings() -> list[tuple[str, str, str, dict[str, str], Any]]:
    if not RECORDINGS.is_dir():
        pytest.skip(f"X recordings not found at {RECORDINGS} (shared/ is beside the repo)")
    yaml = pytest.importorskip("yaml", reason="PyYAML (dev extra) decodes the recordings")
    found = []
    for path in sorted(RECORDINGS.glob("*.yaml")):
        for item in yaml.safe_load(path.read_text())["interactions"]:
            body = item["response"]["body"]["string"]
            if isinstance(body, bytes):
                body = gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body
                body = body.decode()
            headers = {k.lower(): v[0] for k, v in item["response"]["headers"].items()}
            found.append((path.name, item["request"]["method"],
                          item["request"]["uri"].split("api.twitter.com", 1)[1], headers,
                          json.loads(body)))
    return found


def test_sandbox_matches_recorded_x_shapes(sb: XSandbox, brand: str, cust: str) -> None:
    for i in range(12):
        sb.post_tweet(cust, f"@AcmeHelp recorded-shape {i}")
    other = sb.add_user("other", "Other").id
    client = oauth1_client(sb, brand)
    client.return_type = requests.Response
    group = sb.create_group_dm(cust, [brand, other])
    conv = f"{min(brand, cust, key=int)}-{max(brand, cust, key=int)}"
    sb.send_dm(cust, brand, "hello")

    def replay(method: str, route: str) -> requests.Response | None:
        calls: dict[tuple[str, str], Callable[[], object]] = {
            ("GET", r"/2/users/me"): lambda: client.get_me(user_auth=True),
            ("GET", r"/2/users/\d+/mentions"): lambda: client.get_users_mentions(
                brand, user_auth=True),
            ("POST", r"/2/tweets"): lambda: client.create_tweet(text="Test Tweet",
                                                                user_auth=True),
            ("DELETE", r"/2/tweets/\d+"): lambda: client.delete_tweet(
                sb.tweets_by(brand)[0]["id"], user_auth=True),
            ("POST", r"/2/dm_conversations/with/\d+/messages"): lambda: (
                client.create_direct_message(participant_id=cust, text="T1", user_auth=True)),
            ("POST", r"/2/dm_conversations/\d+-\d+/messages"): lambda: (
                client.create_direct_message(dm_conversation_id=conv, text="T2",
                                             user_auth=True)),
            ("POST", r"/2/dm_conversations"): lambda: client.create_direct_message_conversation(
                text="T3", participant_ids=[cust, other], user_auth=True),
            ("GET", r"/2/dm_conversations/\d+-\d+/dm_events"): lambda: (
                client.get_direct_message_events(dm_conversation_id=conv, user_auth=True)),
            ("GET", r"/2/dm_conversations/with/\d+/dm_events"): lambda: (
                client.get_direct_message_events(participant_id=cust, user_auth=True)),
        }
        for (m, pattern), call in calls.items():
            if m == method and re.fullmatch(pattern, route):
                result = call()
                assert isinstance(result, requests.Response)
                return result
        return None

    checked = 0
    assert group
    for name, method, route, headers, recorded in _recordings():
        route = route.split("?", 1)[0]
        if (method, route) == ("GET", "/2/dm_events"):  # recorded empty: a fresh inbox
            fresh = sb.add_user(f"fresh{checked}", "Fresh").id
            fresh_client = oauth1_client(sb, fresh)
            fresh_client.return_type = requests.Response
            ours = fresh_client.get_direct_message_events(user_auth=True)
        else:
            replayed = replay(method, route)
            assert replayed is not None, f"{name}: no sandbox route for {method} {route}"
            ours = replayed
        ours_shape, recorded_shape = _shape(ours.json()), _shape(recorded)
        missing = recorded_shape - ours_shape
        extra = ours_shape - recorded_shape - {"data.edit_history_tweet_ids"}
        assert not missing and not extra, f"{name} {method} {route}: {missing=} {extra=}"
        for key in ("x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset"):
            assert key in headers and key in ours.headers, (name, key)
        checked += 1
    assert checked >= 10
