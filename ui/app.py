"""Starting the desktop app: language, style, the demo offer, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox

from inbox import logconfig
from inbox.credentials import CredentialSource, KeyringCredentials
from inbox.demo import Demo, start_demo
from inbox.oauth2 import RefreshingCredentials
from inbox.store import SqlStore, open_sqlite
from ui import gc_pauses
from ui.accounts_dialog import AccountsDialog
from ui.main_window import MainWindow, saved_undo_seconds
from ui.text import tr
from ui.worker import stop_all

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
ENV_LANG = "COMMUNITY_INBOX_LANG"
LOG_FILE = "community-inbox.log"

STYLE = """
QFrame#inbound { background: palette(alternate-base); border-radius: 10px; }
QFrame#outbound { background: #dcebfd; border-radius: 10px; }
QFrame#pending { background: #f3f7fe; border: 1px dashed #7aa7e8; border-radius: 10px; }
QFrame#outbound QLabel, QFrame#inbound QLabel, QFrame#pending QLabel { background: transparent;
    border: none; }
QLabel#meta { color: #555; font-size: 11px; }
QFrame#contactCard { border-radius: 8px; }
QListWidget#views { font-size: 14px; }
QListWidget#views::item { padding: 6px; }
"""


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load Qt's own and our catalogues; Qt's Arabic one switches the layout to RTL."""
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (("qtbase_" + language, qt_dir),
                            ("community_inbox_" + language, str(TRANSLATIONS))):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            translators.append(translator)
    QLocale.setDefault(QLocale(language))
    return translators


def choose_language(explicit: str | None = None) -> str:
    chosen = explicit or os.environ.get(ENV_LANG) or QLocale.system().name()
    return chosen.split("_")[0].lower() or "en"


def make_app(language: str | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Community Inbox")
    app.setOrganizationName("community-inbox")
    lang = choose_language(language)
    install_translations(app, lang)
    font = QFont("Noto Sans Arabic UI" if lang == "ar" else "Noto Sans")
    font.setPointSizeF(10.5)
    app.setFont(font)
    app.setStyleSheet(STYLE)
    return app


def offer_demo() -> tuple[bool, bool]:
    """Ask what to do with no account: (open the demo, connect an account now)."""
    box = QMessageBox()
    box.setWindowTitle(tr("Community Inbox"))
    box.setText(tr("No X account is connected yet."))
    box.setInformativeText(tr(
        "Explore the built-in demo: a local copy of X sends realistic public replies and "
        "direct messages in Arabic and English. Or connect the team's X account now."))
    demo = box.addButton(tr("Open the demo"), QMessageBox.ButtonRole.AcceptRole)
    connect = box.addButton(tr("Connect an X account…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(tr("Continue without"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(demo)
    box.exec()
    return box.clickedButton() is demo, box.clickedButton() is connect


def run(data_dir: Path, *, demo: bool = False, language: str | None = None) -> int:
    app = make_app(language)
    logconfig.setup(log_file=data_dir / LOG_FILE)  # for support: secrets are redacted
    store: SqlStore = open_sqlite(data_dir)
    running_demo: Demo | None = None
    connect_now = False
    if not demo and not store.accounts():
        demo, connect_now = offer_demo()
    credentials: CredentialSource
    poll_ms = 60_000
    if demo:
        store.close()
        running_demo = start_demo(data_dir)
        running_demo.start_live_traffic()
        store = running_demo.open_store()
        credentials = running_demo.credentials
        poll_ms = running_demo.account.poll_seconds * 1000

        def opener() -> SqlStore:
            assert running_demo is not None
            return running_demo.open_store()
    else:
        credentials = RefreshingCredentials(KeyringCredentials())
        accounts = store.accounts()
        if accounts:
            poll_ms = min(a.poll_seconds for a in accounts) * 1000

        def opener() -> SqlStore:
            return open_sqlite(data_dir)

    if connect_now:
        manage = AccountsDialog(opener)
        manage.open_connect(None)
        manage.exec()  # closing it stops its worker
    window = MainWindow(store, opener, credentials, poll_ms=poll_ms, demo=demo,
                        undo_seconds=saved_undo_seconds())
    window.show()
    gc_pauses.after_start_up()
    try:
        return app.exec()
    finally:
        stop_all()  # no worker thread may outlive the window (Qt teardown crashes)
        if running_demo is not None:
            running_demo.stop()
        store.close()
