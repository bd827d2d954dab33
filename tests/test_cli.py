"""The ``community-inbox`` CLI as a black box: ``python main.py ...`` in a subprocess.

Commands, JSON keys and exit codes are a contract (DESIGN.md) that scripts and
cron jobs rely on. The X account is the local sandbox; secrets go through the
real ``keyring`` library, so tests that store them need a Secret Service and
are marked ``keyring`` (run them under ``dbus-run-session`` with an unlocked
gnome-keyring, as scripts/test does); they skip with the reason otherwise.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from inbox.credentials import SERVICE
from inbox.sandbox import SandboxUser, XSandbox

ROOT = Path(__file__).resolve().parents[1]
CONTRACT_KEYS = {"conversation_id", "kind", "direction", "platform_id", "author_handle", "text",
                 "created_at", "status", "priority", "tags", "assignee"}
ACCOUNT_KEYS = {"name", "handle", "user_id", "api_base", "auth", "status", "status_reason"}
X_VARS = ("X_CONSUMER_KEY", "X_CONSUMER_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET",
          "X_BEARER_TOKEN")
ARABIC = "طلبي رقم ٤٥ لم يصل بعد، أرجو المساعدة 😡📦"
ARABIC_DM = "مرحباً، هل يمكنكم تغيير العنوان؟\nشكراً 🙏"


@dataclass
class Run:
    code: int
    out: str
    err: str


class Cli:
    """Runs ``python main.py --data-dir DIR ...`` with a clean, proxy-free environment."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.runs: list[Run] = []

    def __call__(self, *args: str, env: dict[str, str] | None = None,
                 data_dir: bool = True) -> Run:
        base = {k: v for k, v in os.environ.items()
                if k not in X_VARS and "proxy" not in k.lower()
                and k != "COMMUNITY_INBOX_HOME"}
        base["NO_PROXY"] = base["no_proxy"] = "127.0.0.1,localhost"
        argv = [sys.executable, "main.py"]
        if data_dir:
            argv += ["--data-dir", str(self.data_dir)]
        done = subprocess.run([*argv, *args], cwd=ROOT, env={**base, **(env or {})},
                              capture_output=True, text=True, timeout=60, check=False)
        run = Run(done.returncode, done.stdout, done.stderr)
        self.runs.append(run)
        return run


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path / "inbox-data")


@pytest.fixture
def sb() -> Iterator[XSandbox]:
    with XSandbox() as sandbox:
        yield sandbox


@pytest.fixture
def brand(sb: XSandbox) -> SandboxUser:
    return sb.add_user("AcmeHelp", "Acme Support", followers=184_000, verified=True)


def oauth1_env(sb: XSandbox, user: SandboxUser) -> dict[str, str]:
    keys = sb.issue_oauth1(user.id)
    return {"X_CONSUMER_KEY": keys["consumer_key"], "X_CONSUMER_SECRET": keys["consumer_secret"],
            "X_ACCESS_TOKEN": keys["access_token"],
            "X_ACCESS_TOKEN_SECRET": keys["access_token_secret"]}


def secrets_of(env: dict[str, str]) -> list[str]:
    return [env[k] for k in ("X_CONSUMER_SECRET", "X_ACCESS_TOKEN_SECRET", "X_BEARER_TOKEN")
            if k in env]


@pytest.fixture
def secret_service() -> Iterator[None]:
    """A usable keyring, or skip; entries this test's accounts made are removed afterwards."""
    import keyring
    import keyring.backends.fail

    reason = "no Secret Service: run under dbus-run-session with gnome-keyring"
    if isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring):
        pytest.skip(reason)
    try:
        keyring.set_password(SERVICE + "-probe", "probe", "probe")
        keyring.delete_password(SERVICE + "-probe", "probe")
    except Exception as exc:  # locked, no daemon on the bus ...
        pytest.skip(f"{reason} ({type(exc).__name__})")
    yield
    for name in ("brand", "billing"):
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(SERVICE, f"x:{name}")


def stored_secret(name: str) -> str | None:
    import keyring

    value: str | None = keyring.get_password(SERVICE, f"x:{name}")
    return value


# ---- accounts ------------------------------------------------------------------


@pytest.mark.keyring
def test_add_x_with_oauth1_and_bearer_then_list_and_remove(
    secret_service: None, cli: Cli, sb: XSandbox, brand: SandboxUser
) -> None:
    billing = sb.add_user("AcmeBilling", "Acme Billing")
    keys = oauth1_env(sb, brand)
    bearer = {"X_BEARER_TOKEN": sb.issue_bearer(billing.id)}

    added = cli("account", "add-x", "--name", "brand", "--api-base", sb.base_url, "--from-env",
                env=keys)
    assert added.code == 0, added.err
    assert "@AcmeHelp" in added.out
    added = cli("account", "add-x", "--name", "billing", "--api-base", sb.base_url,
                "--from-env", env=bearer)
    assert added.code == 0, added.err

    listed = cli("account", "list", "--json")
    assert listed.code == 0
    accounts = {a["name"]: a for a in json.loads(listed.out)}
    assert set(accounts) == {"brand", "billing"}
    assert all(set(a) >= ACCOUNT_KEYS for a in accounts.values())
    assert {k: accounts["brand"][k] for k in ACCOUNT_KEYS} == {
        "name": "brand", "handle": "AcmeHelp", "user_id": brand.id, "api_base": sb.base_url,
        "auth": "oauth1", "status": "active", "status_reason": ""}
    assert (accounts["billing"]["auth"], accounts["billing"]["user_id"]) == ("oauth2", billing.id)
    plain = cli("account", "list")
    assert plain.code == 0 and "@AcmeHelp" in plain.out and "@AcmeBilling" in plain.out

    # the secrets live in the keyring, and only there
    assert keys["X_ACCESS_TOKEN_SECRET"] in (stored_secret("brand") or "")
    assert bearer["X_BEARER_TOKEN"] in (stored_secret("billing") or "")
    for secret in [*secrets_of(keys), *secrets_of(bearer)]:
        assert not any(secret in r.out or secret in r.err for r in cli.runs)
        assert not files_containing(cli.data_dir, secret)

    twice = cli("account", "add-x", "--name", "brand", "--api-base", sb.base_url, "--from-env",
                env=keys)
    assert twice.code == 1 and "already exists" in twice.err

    removed = cli("account", "remove", "brand")
    assert removed.code == 0, removed.err
    assert [a["name"] for a in json.loads(cli("account", "list", "--json").out)] == ["billing"]
    assert stored_secret("brand") is None
    assert stored_secret("billing") is not None
    gone = cli("account", "remove", "brand")
    assert gone.code == 1 and len(gone.err.strip().splitlines()) == 1


# ---- sync and export ---------------------------------------------------------------


@pytest.mark.keyring
def test_sync_once_and_export_one_record_per_message_with_text_intact(
    secret_service: None, cli: Cli, sb: XSandbox, brand: SandboxUser
) -> None:
    billing = sb.add_user("AcmeBilling", "Acme Billing")
    sara = sb.add_user("sara_k", "سارة", followers=120)
    omar = sb.add_user("omar", "Omar")
    keys, bearer = oauth1_env(sb, brand), {"X_BEARER_TOKEN": sb.issue_bearer(billing.id)}
    for name, env in (("brand", keys), ("billing", bearer)):
        assert cli("account", "add-x", "--name", name, "--api-base", sb.base_url,
                   "--from-env", env=env).code == 0
    def tweet(user: SandboxUser, text: str) -> str:
        return str(sb.post_tweet(user.id, text)["id"])

    def dm(sender: SandboxUser, to: SandboxUser, text: str) -> str:
        return str(sb.send_dm(sender.id, to.id, text)["id"])

    staged = {  # platform id -> kind, direction, author, text
        tweet(sara, f"@AcmeHelp {ARABIC}"): ("mention", "in", "sara_k", f"@AcmeHelp {ARABIC}"),
        tweet(omar, "@AcmeHelp <b>hi</b> \u202eexe.pdf"): (
            "mention", "in", "omar", "@AcmeHelp <b>hi</b> \u202eexe.pdf"),
        dm(sara, brand, ARABIC_DM): ("dm", "in", "sara_k", ARABIC_DM),
        dm(brand, sara, "أهلاً سارة"): ("dm", "out", "AcmeHelp", "أهلاً سارة"),
        tweet(sara, "@AcmeBilling فاتورة مكررة"): (
            "mention", "in", "sara_k", "@AcmeBilling فاتورة مكررة"),
        dm(omar, billing, "refund?"): ("dm", "in", "omar", "refund?"),
    }

    synced = cli("sync", "--once")
    assert synced.code == 0, synced.err
    assert "brand: 4 new messages in 3 conversations" in synced.out
    assert "billing: 2 new messages in 2 conversations" in synced.out
    again = cli("sync", "--once")
    assert again.code == 0 and "brand: 0 new messages" in again.out

    jsonl = cli("export", "--format", "jsonl")
    assert jsonl.code == 0, jsonl.err
    records = [json.loads(line) for line in jsonl.out.splitlines()]
    assert len(records) == len(staged)
    by_id = {r["platform_id"]: r for r in records}
    assert set(by_id) == set(staged)
    for pid, (kind, direction, author, text) in staged.items():
        r = by_id[pid]
        assert set(r) >= CONTRACT_KEYS
        assert (r["kind"], r["direction"], r["author_handle"]) == (kind, direction, author)
        assert r["text"] == text
        # the shipped starter rules flag the refund request, and only it
        flagged = ("high", ["urgent"]) if text == "refund?" else ("none", [])
        assert (r["status"], r["priority"], r["tags"], r["assignee"]) == ("open", *flagged,
                                                                         None)
        assert r["created_at"].endswith("Z")

    exported = cli("export", "--format", "csv")
    assert exported.code == 0, exported.err
    rows = list(csv.DictReader(io.StringIO(exported.out)))
    assert set(rows[0]) >= CONTRACT_KEYS
    assert len(rows) == len(staged)
    assert {r["platform_id"]: r["text"] for r in rows} == {
        pid: text for pid, (*_, text) in staged.items()}
    assert {(r["kind"], r["direction"]) for r in rows} == {
        ("mention", "in"), ("dm", "in"), ("dm", "out")}

    # X revokes the billing token: the run fails with the reason, the other account still syncs
    sb.auth.revoke(bearer["X_BEARER_TOKEN"])
    sb.post_tweet(omar.id, "@AcmeHelp one more")
    failed = cli("sync", "--once")
    assert failed.code == 1
    assert "brand: 1 new messages" in failed.out
    (reason,) = failed.err.strip().splitlines()  # the contract: one line on stderr
    assert "billing" in reason and "401" in reason
    status = {a["name"]: a for a in json.loads(cli("account", "list", "--json").out)}
    assert status["billing"]["status"] == "needs_reconnect"
    assert "401" in status["billing"]["status_reason"]
    assert status["brand"]["status"] == "active"

    # no secret anywhere the app writes or prints
    for secret in [*secrets_of(keys), *secrets_of(bearer)]:
        assert not any(secret in r.out or secret in r.err for r in cli.runs)
        assert not files_containing(cli.data_dir, secret)


def files_containing(root: Path, secret: str) -> list[Path]:
    needle = secret.encode()
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


# ---- failures -------------------------------------------------------------------


def test_bad_credentials_exit_1_with_one_line_and_no_secret(
    cli: Cli, sb: XSandbox, brand: SandboxUser
) -> None:
    keys = oauth1_env(sb, brand)
    keys["X_ACCESS_TOKEN_SECRET"] = "wrong-" + keys["X_ACCESS_TOKEN_SECRET"]
    bad_bearer = {"X_BEARER_TOKEN": "not-a-token-" + sb.issue_bearer(brand.id)}

    for env in (keys, bad_bearer):
        run = cli("account", "add-x", "--name", "brand", "--api-base", sb.base_url,
                  "--from-env", env=env)
        assert run.code == 1
        lines = run.err.strip().splitlines()
        assert len(lines) == 1 and "401" in lines[0]
        for secret in secrets_of(env):
            assert secret not in run.err and secret not in run.out
    assert json.loads(cli("account", "list", "--json").out) == []  # nothing half-connected

    unreachable = cli("account", "add-x", "--name", "brand", "--api-base",
                      "http://127.0.0.1:9", "--from-env", env=oauth1_env(sb, brand))
    assert unreachable.code == 1 and len(unreachable.err.strip().splitlines()) == 1


def test_incomplete_environment_names_what_is_missing(cli: Cli, sb: XSandbox,
                                                      brand: SandboxUser) -> None:
    keys = oauth1_env(sb, brand)
    del keys["X_ACCESS_TOKEN"]
    run = cli("account", "add-x", "--name", "brand", "--api-base", sb.base_url, "--from-env",
              env=keys)
    assert run.code == 1
    assert "X_ACCESS_TOKEN" in run.err and len(run.err.strip().splitlines()) == 1
    assert not any(s in run.err for s in secrets_of(keys))
    nothing = cli("account", "add-x", "--name", "brand", "--api-base", sb.base_url, "--from-env")
    assert nothing.code == 1 and "X_BEARER_TOKEN" in nothing.err


def test_sync_without_accounts_exits_1(cli: Cli) -> None:
    run = cli("sync", "--once")
    assert run.code == 1
    assert len(run.err.strip().splitlines()) == 1 and "no accounts" in run.err


@pytest.mark.parametrize("argv", [
    ["frobnicate"],
    ["account"],
    ["account", "add-x", "--from-env"],  # no --name
    ["account", "add-x", "--name", "brand"],  # no --from-env
    ["account", "remove"],
    ["sync"],  # --once is required
    ["export"],
    ["export", "--format", "xml"],
    ["--no-such-flag"],
])
def test_bad_usage_exits_2(cli: Cli, argv: list[str]) -> None:
    run = cli(*argv)
    assert run.code == 2, (run.out, run.err)
    assert "usage:" in run.err


def test_data_dir_option_and_environment_variable(cli: Cli, tmp_path: Path) -> None:
    home = tmp_path / "from-env"
    run = cli("account", "list", "--json", data_dir=False,
              env={"COMMUNITY_INBOX_HOME": str(home)})
    assert run.code == 0 and json.loads(run.out) == []
    assert home.is_dir() and any(home.iterdir())
    after = cli("account", "list", "--json")  # --data-dir after the command works too
    assert after.code == 0 and cli.data_dir.is_dir()
