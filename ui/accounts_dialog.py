"""Connecting and managing the team's X accounts.

Two ways in, as X offers them: "Sign in with X" (OAuth 2.0 + PKCE in the
system browser, loopback redirect) and pasting OAuth 1.0a keys. Either way the
credentials are checked with X first and the admin sees the handle, avatar and
anything missing (DM permission) before the account is saved. Secrets go to
the keyring through ``inbox.accounts``; this file only shows and asks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inbox import accounts
from inbox.accounts import AccountCheck
from inbox.channels.x_http import DEFAULT_API_BASE
from inbox.credentials import KeyringCredentials, XCredentials
from inbox.domain import Account, AccountStatus
from inbox.oauth2 import PkceConnect
from inbox.store import SqlStore
from ui.conversation_view import plain_label
from ui.text import isolate, tr
from ui.worker import StoreWorker


def status_text(account: Account) -> str:
    return {
        AccountStatus.ACTIVE: tr("Active"),
        AccountStatus.PAUSED: tr("Paused"),
        AccountStatus.NEEDS_RECONNECT: tr("Needs reconnecting"),
    }[account.status]


class ConnectDialog(QDialog):
    """Check new credentials with X, show who they belong to, then connect."""

    checked = Signal(object)

    def __init__(self, worker: StoreWorker, keyring: KeyringCredentials, *,
                 account: Account | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker, self.keyring, self.account = worker, keyring, account
        self.setWindowTitle(tr("Reconnect %1").replace("%1", "@" + account.handle) if account
                            else tr("Connect an X account"))
        self.creds: XCredentials | None = None
        self.check: AccountCheck | None = None
        self.flow: PkceConnect | None = None
        self.name = QLineEdit(account.name if account else "")
        self.name.setEnabled(account is None)
        self.api_base = QLineEdit(account.api_base if account else DEFAULT_API_BASE)
        self.client_id = QLineEdit()
        self.client_secret = QLineEdit()
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in = QPushButton(tr("Sign in with X in the browser"))
        self.keys = [QLineEdit() for _ in range(4)]
        for field in self.keys[1:]:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.check_keys = QPushButton(tr("Check these keys"))

        oauth2 = QWidget()
        f2 = QFormLayout(oauth2)
        f2.addRow(tr("Client ID"), self.client_id)
        f2.addRow(tr("Client secret (confidential apps only)"), self.client_secret)
        f2.addRow(self.sign_in)
        oauth1 = QWidget()
        f1 = QFormLayout(oauth1)
        for label, field in zip((tr("API key"), tr("API key secret"), tr("Access token"),
                                 tr("Access token secret")), self.keys, strict=True):
            f1.addRow(label, field)
        f1.addRow(self.check_keys)
        self.tabs = QTabWidget()
        self.tabs.addTab(oauth2, tr("Sign in with X (OAuth 2.0)"))
        self.tabs.addTab(oauth1, tr("Paste keys (OAuth 1.0a)"))

        self.avatar = QLabel()
        self.avatar.setFixedSize(48, 48)
        self.who = plain_label()
        self.progress = plain_label()
        self.problems = plain_label()
        self.problems.setStyleSheet("color: #b54708;")
        result = QHBoxLayout()
        result.addWidget(self.avatar)
        result.addWidget(self.who, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton(
            tr("Reconnect") if account else tr("Connect"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setEnabled(False)

        form = QFormLayout()
        form.addRow(tr("Name in Community Inbox"), self.name)
        form.addRow(tr("X API address"), self.api_base)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs)
        layout.addWidget(self.progress)
        layout.addLayout(result)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.sign_in.clicked.connect(self.start_sign_in)
        self.check_keys.clicked.connect(self.check_pasted_keys)
        self.buttons.rejected.connect(self.reject)
        self.rejected.connect(self._cancel)
        self.connect_button.clicked.connect(self.save)

    def _cancel(self) -> None:
        if self.flow is not None:
            self.flow.cancel()  # frees the worker that waits for the browser

    # -- checking -------------------------------------------------------------------

    def _busy(self, text: str) -> None:
        self.progress.setText(text)
        self.sign_in.setEnabled(False)
        self.check_keys.setEnabled(False)

    def _failed(self, exc: Any) -> None:
        self.progress.setText(tr("Could not connect: %1").replace("%1", str(exc)))
        self.sign_in.setEnabled(True)
        self.check_keys.setEnabled(True)

    def start_sign_in(self) -> None:
        client_id = self.client_id.text().strip()
        if not client_id:
            self.progress.setText(tr("Enter the app's Client ID from the X developer portal."))
            return
        self.flow = PkceConnect(client_id, client_secret=self.client_secret.text().strip(),
                                api_base=self.api_base.text().strip())
        QDesktopServices.openUrl(QUrl(self.flow.start()))
        self._busy(tr("Waiting for you to approve Community Inbox on X…"))
        flow, base = self.flow, self.api_base.text().strip()
        self.worker.submit(lambda _s: self._check(flow.finish(), base), self._show, self._failed)

    def check_pasted_keys(self) -> None:
        values = [k.text().strip() for k in self.keys]
        if not all(values):
            self.progress.setText(tr("All four keys are needed."))
            return
        creds = XCredentials(values[0], values[1], values[2], values[3])
        self._busy(tr("Checking the keys with X…"))
        base = self.api_base.text().strip()
        self.worker.submit(lambda _s: self._check(creds, base), self._show, self._failed)

    @staticmethod
    def _check(creds: XCredentials, api_base: str) -> tuple[XCredentials, AccountCheck, bytes]:
        check = accounts.check_credentials(api_base, creds)
        return creds, check, accounts.fetch_avatar(check.avatar_url)

    def _show(self, result: tuple[XCredentials, AccountCheck, bytes]) -> None:
        self.creds, self.check, picture = result
        pixmap = QPixmap()
        if picture and pixmap.loadFromData(picture):
            self.avatar.setPixmap(pixmap.scaled(48, 48, Qt.AspectRatioMode.KeepAspectRatio))
        self.who.setText(f"{self.check.name}  {isolate('@' + self.check.handle)}")
        if self.check.can_read_dms:
            self.progress.setText(tr("X accepted these credentials: mentions, replies and "
                                     "DMs will work."))
        else:
            self.progress.setText(tr("X accepted these credentials, but DMs will not work."))
        self.problems.setText("\n".join(self.check.problems))
        if not self.name.text().strip():
            self.name.setText(self.check.handle)
        self.connect_button.setEnabled(True)
        self.checked.emit(self.check)

    # -- saving -------------------------------------------------------------------------

    def save(self) -> None:
        creds, name, base = self.creds, self.name.text().strip(), self.api_base.text().strip()
        if creds is None or not name:
            return
        keyring, existing = self.keyring, self.account
        if existing is not None:
            def job(store: SqlStore) -> object:
                return accounts.reconnect_account(store, keyring, existing, creds)
        else:
            def job(store: SqlStore) -> object:
                return accounts.connect_account(store, keyring, name, base, creds)
        self._busy(tr("Saving…"))
        self.worker.submit(job, lambda _: self.accept(), self._failed)


class AccountsDialog(QDialog):
    """Every connected account, its state, and what can be done with it."""

    def __init__(self, open_store: Callable[[], SqlStore],
                 keyring: KeyringCredentials | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("X accounts"))
        self.resize(760, 360)
        self.worker = StoreWorker(open_store, "inbox-accounts")
        self.keyring = keyring or KeyringCredentials()
        self.accounts: list[Account] = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Name"), tr("Handle"), tr("Status"),
                                              tr("Details")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(tr("Connect an account…"))
        self.reconnect_button = QPushButton(tr("Reconnect…"))
        self.pause_button = QPushButton(tr("Pause"))
        self.remove_button = QPushButton(tr("Remove…"))
        row = QHBoxLayout()
        for b in (self.add_button, self.reconnect_button, self.pause_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(close)
        self.add_button.clicked.connect(lambda: self.open_connect(None))
        self.reconnect_button.clicked.connect(lambda: self.open_connect(self.selected()))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.remove_button.clicked.connect(self.remove)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self.worker.submit(lambda s: s.accounts(), self._fill)

    def _fill(self, found: list[Account]) -> None:
        self.accounts = found
        self.table.setRowCount(len(found))
        for row, a in enumerate(found):
            cells = [a.name, isolate("@" + a.handle), status_text(a), a.status_reason or a.api_base]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if found and not self.table.selectedItems():
            self.table.setCurrentCell(0, 0)  # selectRow selects nothing right-to-left
        self._update_buttons()

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        return self.accounts[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        account = self.selected()
        for b in (self.reconnect_button, self.pause_button, self.remove_button):
            b.setEnabled(account is not None)
        paused = account is not None and account.status is AccountStatus.PAUSED
        self.pause_button.setText(tr("Resume") if paused else tr("Pause"))

    def open_connect(self, account: Account | None) -> ConnectDialog:
        dialog = ConnectDialog(self.worker, self.keyring, account=account, parent=self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def toggle_pause(self) -> None:
        account = self.selected()
        if account is None:
            return
        to = (AccountStatus.ACTIVE if account.status is AccountStatus.PAUSED
              else AccountStatus.PAUSED)
        reason = "" if to is AccountStatus.ACTIVE else tr("paused by an admin")
        self.worker.submit(lambda s: s.set_account_status(account.id, to, reason),
                           lambda _: self.reload())

    def remove(self, *, confirmed: bool = False) -> None:
        account = self.selected()
        if account is None:
            return
        if not confirmed:
            answer = QMessageBox.question(
                self, tr("Remove account"),
                tr("Remove %1? Its conversations leave the inbox and its keys are deleted "
                   "from this computer's keyring.").replace("%1", "@" + account.handle))
            if answer != QMessageBox.StandardButton.Yes:
                return
        keyring = self.keyring
        self.worker.submit(lambda s: accounts.remove_account(s, keyring, account.name),
                           lambda _: self.reload())

    def done(self, result: int) -> None:
        self.worker.stop()
        super().done(result)
