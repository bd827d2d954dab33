"""Shared fixtures: a real store on disk, the X sandbox on loopback, message makers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from inbox.domain import ChannelKind, Contact, Direction, IncomingMessage, Origin
from inbox.sandbox import XSandbox
from inbox.sandbox.testing import FakeClock
from inbox.store import SqlStore, open_sqlite

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def clock() -> FakeClock:
    """The sandbox's clock, moved by hand: rate-limit windows and DM ages in tests."""
    return FakeClock()


@pytest.fixture
def sb(clock: FakeClock) -> Iterator[XSandbox]:
    """The local X API on 127.0.0.1, fresh for each test."""
    with XSandbox(clock=clock) as sandbox:
        yield sandbox


@pytest.fixture
def app_log(data_dir: Path) -> Iterator[Path]:
    """The app's own logging at DEBUG (as ``-v`` sets it up) into its log file, undone after."""
    import logging

    from inbox import logconfig

    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    levels = {n: logging.getLogger(n).level for n in ("urllib3", "tweepy")}
    path = data_dir / "community-inbox.log"
    logconfig.setup(verbose=True, log_file=path)
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    for name, old in levels.items():
        logging.getLogger(name).setLevel(old)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def store(data_dir: Path) -> Iterator[SqlStore]:
    """The store every store test runs against (PostgreSQL joins this list in team mode)."""
    s = open_sqlite(data_dir)
    yield s
    s.close()


@pytest.fixture
def account_id(store: SqlStore) -> int:
    return store.add_account(
        name="brand", handle="brand", user_id="100", api_base="http://127.0.0.1:1",
        credential_ref="x:brand", auth_kind="oauth1",
    ).id


T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def msg(
    pid: str,
    *,
    thread: str = "t1",
    minutes: float = 0,
    direction: Direction = Direction.IN,
    author: str = "200",
    text: str = "hello",
    kind: ChannelKind = ChannelKind.MENTION,
    automatic: bool = False,
    counterpart: str | None = None,
) -> IncomingMessage:
    return IncomingMessage(
        kind=kind, platform_id=pid, thread_id=thread, direction=direction,
        author_platform_id=author, text=text, created_at=T0 + timedelta(minutes=minutes),
        counterpart_platform_id=counterpart,
        origin=Origin.EXTERNAL if direction is Direction.OUT else None, automatic=automatic,
    )


def contact(pid: str = "200", handle: str = "sara", name: str = "Sara") -> Contact:
    return Contact(platform_id=pid, handle=handle, display_name=name, followers=12,
                   verified=False, account_created_at=T0 - timedelta(days=400))


@pytest.fixture(autouse=True)
def _no_worker_outlives_its_test() -> Iterator[None]:
    """Stop background workers a test left running (a window never closed, say)."""
    yield
    import sys

    worker = sys.modules.get("ui.worker")
    if worker is not None:
        worker.stop_all()


_EXIT_STATUS = 0


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    global _EXIT_STATUS
    _EXIT_STATUS = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without interpreter finalization once pytest has reported everything.

    About one full GUI run in eight aborted *after* all tests passed, inside
    Python's teardown of PySide6 ("double free or corruption", no Python
    frame), turning a green run red. Not root-caused yet (see the issue
    notes); the exit status is pytest's own, so failures still fail.
    """
    import sys

    if "PySide6" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS)
