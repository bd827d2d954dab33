"""Connecting with OAuth 2.0 + PKCE for real against the sandbox, a test acting as the browser."""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests

from inbox.accounts import NO_DM_ADVICE, check_credentials
from inbox.channels.x import NeedsReconnect, XChannel
from inbox.credentials import XCredentials
from inbox.domain import Account
from inbox.oauth2 import SCOPES, OAuthError, PkceConnect, refresh
from inbox.sandbox import XSandbox
from inbox.sandbox.oauth2 import s256
from inbox.sandbox.testing import FakeClock
from tests.sandbox_fixtures import browse


@pytest.fixture
def brand(sb: XSandbox) -> str:
    return sb.add_user("AcmeHelp", "Acme Support", followers=184_000).id


def channel(sb: XSandbox, creds: XCredentials, user_id: str) -> XChannel:
    account = Account(id=1, name="b", handle="AcmeHelp", user_id=user_id, api_base=sb.base_url,
                      credential_ref="r", auth_kind="oauth2")
    return XChannel(account, creds, trust_env=False)


@pytest.fixture
def connected(sb: XSandbox, brand: str) -> Iterator[tuple[XCredentials, str]]:
    client_id, _ = sb.oauth2.register_client()
    sb.oauth2.login_as(brand)
    flow = PkceConnect(client_id, api_base=sb.base_url)
    url = flow.start()
    browse(url)
    yield flow.finish(timeout_s=10), client_id


def test_pkce_flow_gives_tokens_that_work(sb: XSandbox, brand: str,
                                          connected: tuple[XCredentials, str]) -> None:
    creds, client_id = connected
    assert creds.auth_kind == "oauth2" and creds.refresh_token and creds.client_id == client_id
    assert creds.expires_at == pytest.approx(time.time() + 7200, abs=60)  # our clock
    assert channel(sb, creds, brand).me().handle == "AcmeHelp"
    token_calls = [q for m, p, q in sb.requests_log if p == "/2/oauth2/token"]
    assert len(token_calls) == 1


def test_the_authorize_url_asks_for_exactly_our_scopes_with_s256(sb: XSandbox) -> None:
    client_id, _ = sb.oauth2.register_client()
    url = PkceConnect(client_id, api_base=sb.base_url).start()
    query = dict(parse_qsl(urlsplit(url).query))
    assert query["scope"].split() == list(SCOPES)
    assert query["code_challenge_method"] == "S256"
    assert query["redirect_uri"].startswith("http://127.0.0.1:")
    assert len(query["state"]) >= 32


def test_owner_who_declines_is_told_so(sb: XSandbox, brand: str) -> None:
    client_id, _ = sb.oauth2.register_client()
    sb.oauth2.login_as(brand, deny=True)
    flow = PkceConnect(client_id, api_base=sb.base_url)
    browse(flow.start())
    with pytest.raises(OAuthError, match="did not approve"):
        flow.finish(timeout_s=10)


def test_a_callback_with_someone_elses_state_is_refused(sb: XSandbox, brand: str) -> None:
    client_id, _ = sb.oauth2.register_client()
    flow = PkceConnect(client_id, api_base=sb.base_url)
    flow.start()
    forged = flow.redirect_uri + "?code=stolen&state=not-ours"
    browse(forged)
    with pytest.raises(OAuthError, match="does not belong"):
        flow.finish(timeout_s=10)


def test_nobody_coming_back_times_out_with_advice(sb: XSandbox) -> None:
    client_id, _ = sb.oauth2.register_client()
    flow = PkceConnect(client_id, api_base=sb.base_url)
    flow.start()
    with pytest.raises(OAuthError, match="in time"):
        flow.finish(timeout_s=1)


def test_the_code_needs_the_right_verifier_and_works_once(sb: XSandbox, brand: str) -> None:
    client_id, _ = sb.oauth2.register_client()
    sb.oauth2.login_as(brand)
    verifier = "v" * 50
    redirect = "http://127.0.0.1:9/callback"
    answer = requests.get(sb.base_url + "/i/oauth2/authorize", allow_redirects=False, params={
        "response_type": "code", "client_id": client_id, "redirect_uri": redirect,
        "scope": "tweet.read users.read", "state": "s", "code_challenge": s256(verifier),
        "code_challenge_method": "S256"}, timeout=10)
    code = dict(parse_qsl(urlsplit(answer.headers["location"]).query))["code"]
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect,
            "client_id": client_id, "code_verifier": "w" * 50}
    assert requests.post(sb.base_url + "/2/oauth2/token", data=form, timeout=10).status_code == 400
    form["code_verifier"] = verifier  # too late: a code is spent by any attempt
    assert requests.post(sb.base_url + "/2/oauth2/token", data=form, timeout=10).status_code == 400


def test_refresh_rotates_and_the_old_refresh_token_dies(
    sb: XSandbox, clock: FakeClock, brand: str, connected: tuple[XCredentials, str]
) -> None:
    creds, _ = connected
    fresh = refresh(creds, sb.base_url, clock=clock)
    assert fresh.refresh_token != creds.refresh_token
    assert fresh.bearer_token != creds.bearer_token
    assert channel(sb, fresh, brand).me().handle == "AcmeHelp"
    with pytest.raises(OAuthError, match="did not issue tokens"):
        refresh(creds, sb.base_url, clock=clock)  # single use
    assert refresh(fresh, sb.base_url, clock=clock).refresh_token


def test_an_expired_access_token_is_a_401(sb: XSandbox, clock: FakeClock, brand: str,
                                          connected: tuple[XCredentials, str]) -> None:
    creds, _ = connected
    clock.advance(7201)
    with pytest.raises(NeedsReconnect):
        channel(sb, creds, brand).me()


def test_check_explains_a_token_without_dm_permission(sb: XSandbox, brand: str) -> None:
    client_id, _ = sb.oauth2.register_client()
    sb.oauth2.login_as(brand)
    flow = PkceConnect(client_id, api_base=sb.base_url,
                       scopes=("tweet.read", "users.read", "tweet.write", "offline.access"))
    browse(flow.start())
    creds = flow.finish(timeout_s=10)
    check = check_credentials(sb.base_url, creds, trust_env=False)
    assert (check.handle, check.can_read_dms) == ("AcmeHelp", False)
    assert check.problems == [NO_DM_ADVICE]
    assert check.avatar_url.startswith(sb.base_url)


def test_check_of_full_oauth1_keys(sb: XSandbox, brand: str) -> None:
    keys = sb.issue_oauth1(brand)
    creds = XCredentials(keys["consumer_key"], keys["consumer_secret"], keys["access_token"],
                         keys["access_token_secret"])
    check = check_credentials(sb.base_url, creds, trust_env=False)
    assert check.can_read_dms and check.problems == [] and check.name == "Acme Support"
