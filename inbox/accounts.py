"""Connecting X accounts: check the credentials, keep the secrets in the keyring, then record it.

Used by ``account add-x`` and the Connect dialog alike. Nothing is stored
until X has accepted the credentials, and a failure after the secrets were
saved removes them again, so an account is never half-connected.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import requests

from inbox.channels.x import XChannel
from inbox.credentials import KeyringCredentials, XCredentials
from inbox.domain import Account, AccountStatus
from inbox.store import SqlStore, StoreError

NO_DM_ADVICE = (
    "these credentials cannot read direct messages: give the X app the "
    "'Read and write and Direct message' permission (OAuth 1.0a, then regenerate the "
    "access token) or the dm.read and dm.write scopes (OAuth 2.0), then reconnect"
)


@dataclass(frozen=True)
class AccountCheck:
    """What X says about a set of credentials, in the admin's words."""

    user_id: str
    handle: str
    name: str
    avatar_url: str
    can_read_dms: bool
    problems: list[str] = field(default_factory=list)


def check_credentials(api_base: str, creds: XCredentials, *,
                      trust_env: bool = True) -> AccountCheck:
    """GET /2/users/me, then one DM lookup to see whether DMs are allowed."""
    probe = Account(id=0, name="", handle="", user_id="", api_base=api_base,
                    credential_ref="", auth_kind=creds.auth_kind)
    channel = XChannel(probe, creds, trust_env=trust_env)
    me = channel.profile()
    user_id = str(me["id"])
    channel.account = Account(id=0, name="", handle=str(me.get("username", "")),
                              user_id=user_id, api_base=api_base, credential_ref="",
                              auth_kind=creds.auth_kind)
    dms = channel.can_read_dms()
    return AccountCheck(user_id=user_id, handle=str(me.get("username") or user_id),
                        name=str(me.get("name") or ""),
                        avatar_url=str(me.get("profile_image_url") or ""),
                        can_read_dms=dms, problems=[] if dms else [NO_DM_ADVICE])


def fetch_avatar(url: str) -> bytes:
    """The profile picture for the check result (best effort: no picture is fine)."""
    if not url:
        return b""
    try:
        answer = requests.get(url, timeout=10)
    except requests.RequestException:
        return b""
    return answer.content if answer.ok else b""


def connect_account(store: SqlStore, keyring: KeyringCredentials, name: str, api_base: str,
                    creds: XCredentials, *, trust_env: bool = True) -> tuple[Account, AccountCheck]:
    """Check, store the secrets, record the account; or change nothing at all."""
    if store.account(name):
        raise StoreError(f"an account named {name!r} already exists")
    check = check_credentials(api_base, creds, trust_env=trust_env)
    ref = f"x:{name}"
    keyring.save(ref, creds)
    try:
        account = store.add_account(name=name, handle=check.handle, user_id=check.user_id,
                                    api_base=api_base, credential_ref=ref,
                                    auth_kind=creds.auth_kind)
    except Exception:
        keyring.delete(ref)
        raise
    return account, check


def reconnect_account(store: SqlStore, keyring: KeyringCredentials, account: Account,
                      creds: XCredentials, *, trust_env: bool = True) -> AccountCheck:
    """New credentials for an existing account (after a 401); must be the same X user."""
    check = check_credentials(account.api_base, creds, trust_env=trust_env)
    if check.user_id != account.user_id:
        raise StoreError(f"these credentials are for @{check.handle}, not @{account.handle}")
    keyring.save(account.credential_ref, creds)
    store.set_account_status(account.id, AccountStatus.ACTIVE, "")
    return check


def remove_account(store: SqlStore, keyring: KeyringCredentials, name: str) -> Account:
    """Forget the account, its conversations and its secrets."""
    account = store.account(name)
    if account is None:
        raise StoreError(f"no account named {name!r}")
    keyring.delete(account.credential_ref)
    store.remove_account(name)
    return account
