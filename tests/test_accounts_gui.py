"""Connecting, pausing, reconnecting and removing X accounts from the app (real keyring)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from inbox.credentials import KeyringCredentials, XCredentials
from inbox.domain import AccountStatus
from inbox.sandbox import XSandbox
from inbox.store import SqlStore, open_sqlite
from tests.sandbox_fixtures import browse
from ui.accounts_dialog import AccountsDialog, ConnectDialog

pytestmark = pytest.mark.keyring


@pytest.fixture(autouse=True)
def _needs_secret_service() -> None:
    if isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring):
        pytest.skip("no Secret Service: run under dbus-run-session with gnome-keyring "
                    "(scripts/test does)")


class Browser(QObject):
    """Stands in for the system browser: opens X's consent page, follows the redirect."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())
        browse(url.toString())


@pytest.fixture
def browser() -> Iterator[Browser]:
    catcher = Browser()
    QDesktopServices.setUrlHandler("http", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("http")


@pytest.fixture
def dialog(qtbot: QtBot, data_dir: Path) -> Iterator[AccountsDialog]:
    d = AccountsDialog(lambda: open_sqlite(data_dir))
    qtbot.addWidget(d)
    d.show()
    yield d
    d.reject()


def keys_into(connect: ConnectDialog, keys: dict[str, str], api_base: str) -> None:
    connect.api_base.setText(api_base)
    connect.tabs.setCurrentIndex(1)
    for field, name in zip(connect.keys, ("consumer_key", "consumer_secret", "access_token",
                                          "access_token_secret"), strict=True):
        field.setText(keys[name])


def test_paste_oauth1_keys_check_and_connect(dialog: AccountsDialog, qtbot: QtBot,
                                             sb: XSandbox, store: SqlStore,
                                             data_dir: Path) -> None:
    brand = sb.add_user("AcmeHelp", "Acme Support")
    keys = sb.issue_oauth1(brand.id)
    connect = dialog.open_connect(None)
    keys_into(connect, keys, sb.base_url)
    connect.check_keys.click()
    qtbot.waitUntil(lambda: connect.connect_button.isEnabled(), timeout=10_000)
    assert "@AcmeHelp" in connect.who.text() and "DMs will work" in connect.progress.text()
    assert connect.avatar.pixmap() is not None and not connect.avatar.pixmap().isNull()
    connect.connect_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    (account,) = store.accounts()
    assert (account.name, account.handle, account.status) == ("AcmeHelp", "AcmeHelp",
                                                             AccountStatus.ACTIVE)
    saved = KeyringCredentials().load(account.credential_ref)
    assert saved.access_token_secret == keys["access_token_secret"]
    for path in data_dir.rglob("*"):  # the database, its WAL, anything else written there
        if path.is_file():
            content = path.read_bytes()
            for secret in (keys["consumer_secret"], keys["access_token_secret"]):
                assert secret.encode() not in content, path.name
    KeyringCredentials().delete(account.credential_ref)


def test_sign_in_with_x_in_the_browser(dialog: AccountsDialog, qtbot: QtBot, sb: XSandbox,
                                       store: SqlStore, browser: Browser) -> None:
    brand = sb.add_user("AcmeHelp", "Acme Support")
    client_id, _ = sb.oauth2.register_client()
    sb.oauth2.login_as(brand.id)
    connect = dialog.open_connect(None)
    connect.api_base.setText(sb.base_url)
    connect.client_id.setText(client_id)
    connect.sign_in.click()
    qtbot.waitUntil(lambda: connect.connect_button.isEnabled(), timeout=10_000)
    assert browser.opened and "/i/oauth2/authorize" in browser.opened[0]
    connect.name.setText("support")
    connect.connect_button.click()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    (account,) = store.accounts()
    saved = KeyringCredentials().load(account.credential_ref)
    assert account.auth_kind == "oauth2" and saved.refresh_token and saved.client_id == client_id
    KeyringCredentials().delete(account.credential_ref)


def test_pause_reconnect_and_remove(dialog: AccountsDialog, qtbot: QtBot, sb: XSandbox,
                                    store: SqlStore) -> None:
    brand = sb.add_user("AcmeHelp", "Acme Support")
    old = sb.issue_oauth1(brand.id)
    ring = KeyringCredentials()
    ring.save("x:brand", XCredentials(old["consumer_key"], old["consumer_secret"],
                                      old["access_token"], old["access_token_secret"]))
    account = store.add_account(name="brand", handle="AcmeHelp", user_id=brand.id,
                                api_base=sb.base_url, credential_ref="x:brand",
                                auth_kind="oauth1")
    store.set_account_status(account.id, AccountStatus.NEEDS_RECONNECT, "X rejected (401)")
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 2).text() == "Needs reconnecting"

    fresh = sb.issue_oauth1(brand.id)
    reconnect = dialog.open_connect(dialog.selected())
    keys_into(reconnect, fresh, sb.base_url)
    reconnect.check_keys.click()
    qtbot.waitUntil(lambda: reconnect.connect_button.isEnabled(), timeout=10_000)
    reconnect.connect_button.click()
    qtbot.waitUntil(lambda: dialog.table.item(0, 2).text() == "Active", timeout=10_000)
    assert ring.load("x:brand").access_token == fresh["access_token"]

    dialog.pause_button.click()
    qtbot.waitUntil(lambda: dialog.table.item(0, 2).text() == "Paused")
    assert dialog.pause_button.text() == "Resume"

    dialog.remove(confirmed=True)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
    assert store.accounts() == []
    with pytest.raises(Exception, match="reconnect"):
        ring.load("x:brand")


def test_reconnecting_with_another_users_keys_is_refused(dialog: AccountsDialog, qtbot: QtBot,
                                                         sb: XSandbox, store: SqlStore) -> None:
    brand = sb.add_user("AcmeHelp", "Acme Support")
    other = sb.add_user("SomeoneElse", "Someone")
    store.add_account(name="brand", handle="AcmeHelp", user_id=brand.id, api_base=sb.base_url,
                      credential_ref="x:brand", auth_kind="oauth1")
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    reconnect = dialog.open_connect(dialog.selected())
    keys_into(reconnect, sb.issue_oauth1(other.id), sb.base_url)
    reconnect.check_keys.click()
    qtbot.waitUntil(lambda: reconnect.connect_button.isEnabled(), timeout=10_000)
    reconnect.connect_button.click()
    qtbot.waitUntil(lambda: "not @AcmeHelp" in reconnect.progress.text(), timeout=10_000)
