"""The ``community-inbox`` command line: a product surface for scripts, cron and tests.

Commands, arguments, JSON keys and exit codes are a contract (DESIGN.md):
extend them, never break them. Exit 0 ok, 1 runtime failure with a one-line
reason on stderr, 2 usage (argparse's own).
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from inbox import accounts, logconfig, template_files, templates
from inbox.channels.x import XError
from inbox.channels.x_http import DEFAULT_API_BASE
from inbox.credentials import CredentialError, KeyringCredentials, XCredentials
from inbox.domain import OutboxState
from inbox.oauth2 import RefreshingCredentials
from inbox.outbox import Outbox, OutboxError, OutboxResult, describe, enqueue
from inbox.paths import data_dir
from inbox.rules_cli import add_rules_parser
from inbox.stats_cli import add_stats_parser
from inbox.store import SqlStore, StoreError, open_sqlite
from inbox.store.outbox import ACTIVE
from inbox.sync import Syncer
from inbox.webhooks import deliver_due

EXPORT_FIELDS = [
    "conversation_id", "kind", "direction", "platform_id", "author_handle", "text",
    "created_at", "status", "priority", "tags", "assignee", "account", "agent", "origin",
    "automatic", "thread_id",
]


class Failure(Exception):
    """A runtime failure: printed as one line on stderr, exit code 1."""


def _store(args: argparse.Namespace) -> SqlStore:
    return open_sqlite(data_dir(args.data_dir))


def cmd_account_add_x(args: argparse.Namespace) -> int:
    creds = XCredentials.from_env(dict(os.environ))
    account, check = accounts.connect_account(_store(args), KeyringCredentials(), args.name,
                                              args.api_base, creds)
    print(f"connected @{account.handle} as {account.name!r}")
    for problem in check.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def cmd_account_list(args: argparse.Namespace) -> int:
    accounts = _store(args).accounts()
    if args.json:
        print(json.dumps([
            {"name": a.name, "handle": a.handle, "user_id": a.user_id, "api_base": a.api_base,
             "auth": a.auth_kind, "status": a.status.value, "status_reason": a.status_reason}
            for a in accounts
        ], ensure_ascii=False))
    elif not accounts:
        print("no accounts connected (try: community-inbox account add-x --name NAME --from-env)")
    else:
        for a in accounts:
            reason = f" ({a.status_reason})" if a.status_reason else ""
            print(f"{a.name}\t@{a.handle}\t{a.status.value}{reason}\t{a.api_base}")
    return 0


def cmd_account_remove(args: argparse.Namespace) -> int:
    accounts.remove_account(_store(args), KeyringCredentials(), args.name)
    print(f"removed {args.name!r} and its stored credentials")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    store = _store(args)
    if not store.accounts():
        raise Failure("no accounts connected; add one with: account add-x --name NAME --from-env")
    reports = Syncer(store, RefreshingCredentials(KeyringCredentials())).sync_all(force=True)
    deliver_due(store)  # webhooks the rules queued (retried with backoff on the next sync)
    for r in reports:
        if not r.error:
            print(f"{r.account}: {r.new_messages} new messages in {len(r.conversations)}"
                  " conversations")
    failed = [f"{r.account}: {r.error}" for r in reports if r.error]
    if failed:
        raise Failure("sync failed for " + "; ".join(failed))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    rows = _store(args).export_rows()
    out: TextIO = sys.stdout
    if args.format == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "tags": ";".join(row["tags"])})  # type: ignore[arg-type]
    return 0


REPLY_WAIT_S = 60.0


def cmd_reply(args: argparse.Namespace) -> int:
    """Queue with no undo window, deliver, and wait (bounded) until X confirms."""
    store = _store(args)
    agent = args.agent or getpass.getuser()
    filled = None
    if args.text is not None:
        text = args.text
    else:
        template_files.ensure_starter_library(store)
        filled = templates.fill_for_conversation(store, args.conversation_id, args.template,
                                                 agent)
        text = templates.sendable_text(filled)
    item = enqueue(store, args.conversation_id, text, dm=args.dm, agent=agent, undo_seconds=0)
    if filled is not None:
        templates.record_use(store, filled.reply.id, agent, args.conversation_id,
                             filled.language)
    Outbox(store, KeyringCredentials()).deliver_until_settled([item.id], timeout_s=args.wait)
    final = store.outbox_item(item.id)
    assert final is not None
    if final.state is OutboxState.SENT:
        what = "DM" if args.dm else "reply"
        print(f"sent {what} {final.sent_platform_id} in conversation {args.conversation_id}")
        return 0
    if final.state is OutboxState.FAILED:
        raise Failure(f"not sent: {final.last_error}")
    raise Failure(f"X has not confirmed it after {args.wait:.0f} s ({describe(final)}); it stays"
                  " in the outbox and goes out with: community-inbox outbox flush")


def cmd_templates_import(args: argparse.Namespace) -> int:
    """All or nothing: a wrong entry is named with why, and nothing is imported."""
    store = _store(args)
    report = template_files.import_file(store, Path(args.file),
                                        agent=args.agent or getpass.getuser())
    print(f"imported {report.created + report.updated} saved replies ({report.created} new,"
          f" {report.updated} updated)")
    return 0


def cmd_templates_export(args: argparse.Namespace) -> int:
    """Shared replies and the agent's personal ones; ``-`` writes to stdout."""
    store = _store(args)
    template_files.ensure_starter_library(store)
    text, count = template_files.export_text(store, agent=args.agent or getpass.getuser())
    if args.file == "-":
        sys.stdout.write(text)
        return 0
    Path(args.file).write_text(text, encoding="utf-8")
    print(f"exported {count} saved replies to {args.file}")
    return 0


def cmd_outbox_flush(args: argparse.Namespace) -> int:
    """Deliver everything the outbox holds, crashed sends included, exactly once."""
    store = _store(args)
    results = Outbox(store, KeyringCredentials()).deliver_until_settled(
        None, timeout_s=args.wait, ignore_undo=True)
    last: dict[int, OutboxResult] = {r.item_id: r for r in results}
    sent = [r for r in last.values() if r.state is OutboxState.SENT]
    failed = [r for r in last.values() if r.state is OutboxState.FAILED]
    waiting = store.outbox_in_states(ACTIVE)
    for r in failed:
        print(f"outbox item {r.item_id} (conversation {r.conversation_id}): {r.message}",
              file=sys.stderr)
    found = sum(r.reconciled for r in sent)
    print(f"sent {len(sent)} ({found} already on X from an earlier attempt), failed"
          f" {len(failed)}, still waiting {len(waiting)}")
    if failed:
        raise Failure(f"{len(failed)} of the outbox's replies failed; fix them and retry"
                      " in the app")
    if waiting:
        raise Failure(f"{len(waiting)} replies still wait ({describe(waiting[0])});"
                      " run outbox flush again later")
    return 0


def cmd_dev_seed(args: argparse.Namespace) -> int:
    """Generated history for benchmarks and demos, into an empty store only: seeding
    numbers rows itself, so it never mixes with real (or earlier seeded) data."""
    from inbox import seed  # imported late: only developers need the generator

    if args.messages < 1:
        raise Failure("--messages must be at least 1")
    store = _store(args)
    row = store._one("SELECT COUNT(*) FROM messages")
    if row is not None and row[0]:
        raise Failure(f"the store already holds {row[0]} messages; seed an empty --data-dir")
    started = time.monotonic()

    def progress(done: int) -> None:
        print(f"  {done:,} messages ({time.monotonic() - started:.0f} s)", file=sys.stderr)

    written = seed.seed(store, args.messages, args.seed, progress=progress)  # + metrics
    store.close()
    print(f"seeded {written:,} messages in {time.monotonic() - started:.1f} s")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """Newest matching messages first; --json prints a list of hits (inbox.search)."""
    hits = _store(args).search(args.query, args.limit)
    if args.json:
        print(json.dumps([h.as_json() for h in hits], ensure_ascii=False))
    elif not hits:
        print("no messages match")
    else:
        for h in hits:
            when = h.created_at.strftime("%Y-%m-%d %H:%M")
            line = " ".join(h.text.split())
            print(f"{h.conversation_id}\t{when}\t@{h.author_handle}\t{line}")
    return 0


GuiLauncher = Callable[[Path, bool, str | None], int]


def _no_gui(_dir: Path, _demo: bool, _lang: str | None) -> int:
    raise Failure("the desktop app is not available from this entry point; run main.py")


def cmd_gui(args: argparse.Namespace) -> int:
    launcher: GuiLauncher = args.gui_launcher
    return launcher(data_dir(args.data_dir), args.demo, args.lang)


def _parser_with(common: argparse.ArgumentParser) -> type[argparse.ArgumentParser]:
    class WithCommon(argparse.ArgumentParser):
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs.setdefault("parents", [common])
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    return WithCommon


def build_parser() -> argparse.ArgumentParser:
    # Global options are accepted before or after the command: SUPPRESS keeps a
    # subcommand's parser from overwriting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="where the inbox keeps its data (default: $COMMUNITY_INBOX_HOME"
                        " or the platform's data directory)")
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="log more")
    parser = argparse.ArgumentParser(prog="community-inbox", parents=[common],
                                     description="A shared support inbox for X.")
    sub = parser.add_subparsers(dest="command", parser_class=_parser_with(common))

    gui = sub.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("--demo", action="store_true",
                     help="run against the built-in X sandbox with generated traffic")
    gui.add_argument("--lang", help="interface language, e.g. ar or en (default: the system's)")
    gui.set_defaults(func=cmd_gui)

    account = sub.add_parser("account", help="connect and manage X accounts")
    acc = account.add_subparsers(dest="account_command", required=True)
    add = acc.add_parser("add-x", help="connect an X account")
    add.add_argument("--name", required=True)
    add.add_argument("--api-base", default=DEFAULT_API_BASE)
    add.add_argument("--from-env", action="store_true", required=True,
                     help="read X_CONSUMER_KEY/... or X_BEARER_TOKEN from the environment")
    add.set_defaults(func=cmd_account_add_x)
    lst = acc.add_parser("list", help="list connected accounts")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_account_list)
    rm = acc.add_parser("remove", help="disconnect an account and delete its secrets")
    rm.add_argument("name")
    rm.set_defaults(func=cmd_account_remove)

    sync = sub.add_parser("sync", help="fetch new mentions and DMs")
    sync.add_argument("--once", action="store_true", required=True)
    sync.set_defaults(func=cmd_sync)

    export = sub.add_parser("export", help="one record per message on stdout")
    export.add_argument("--format", choices=["jsonl", "csv"], required=True)
    export.set_defaults(func=cmd_export)

    reply = sub.add_parser("reply", help="answer a conversation through the outbox and wait"
                           " until X confirms")
    reply.add_argument("conversation_id", type=int, metavar="CONVERSATION_ID")
    body = reply.add_mutually_exclusive_group(required=True)
    body.add_argument("--text", help="the reply's text")
    body.add_argument("--template", metavar="SHORTCUT", help="a saved reply's shortcut")
    reply.add_argument("--dm", action="store_true",
                       help="send a direct message instead of a public reply")
    reply.add_argument("--agent", help="who is answering (default: the login name)")
    reply.add_argument("--wait", type=float, default=REPLY_WAIT_S, metavar="SECONDS",
                       help="how long to wait for X before leaving it in the outbox")
    reply.set_defaults(func=cmd_reply)

    box = sub.add_parser("outbox", help="the queue of replies on their way to X")
    box_sub = box.add_subparsers(dest="outbox_command", required=True)
    flush = box_sub.add_parser("flush", help="deliver whatever the outbox holds, exactly once")
    flush.add_argument("--wait", type=float, default=REPLY_WAIT_S, metavar="SECONDS",
                       help="how long to keep retrying what X does not take yet")
    flush.set_defaults(func=cmd_outbox_flush)

    saved = sub.add_parser("templates", help="the saved replies library as a JSON file")
    saved_sub = saved.add_subparsers(dest="templates_command", required=True)
    for name, func, what in (
        ("import", cmd_templates_import, "add or update saved replies from FILE.json (all or"
         " nothing)"),
        ("export", cmd_templates_export, "write the shared saved replies (and the agent's"
         " personal ones) to FILE.json, or - for stdout"),
    ):
        one = saved_sub.add_parser(name, help=what)
        one.add_argument("file", metavar="FILE.json")
        one.add_argument("--agent", help="whose personal replies (\"shared\": false) these are"
                         " (default: the login name)")
        one.set_defaults(func=func)
    add_rules_parser(sub)
    add_stats_parser(sub)
    _add_dev_commands(sub)
    return parser


def _add_dev_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    dev = sub.add_parser("dev", help="developer tools")
    dev_sub = dev.add_subparsers(dest="dev_command", required=True)
    seed = dev_sub.add_parser("seed", help="fill an empty store with realistic generated"
                              " history (benchmarks, demos)")
    seed.add_argument("--messages", type=int, required=True, metavar="N")
    seed.add_argument("--seed", type=int, default=1, metavar="S",
                      help="the generator's seed: the same N and S give the same history")
    seed.set_defaults(func=cmd_dev_seed)

    search = sub.add_parser("search", help="full-text search over messages and contact names"
                            " (Arabic-aware)")
    search.add_argument("query", metavar="QUERY", help="every word must match; word* for a"
                        " prefix")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=int, default=50, metavar="N")
    search.set_defaults(func=cmd_search)


ERRORS: tuple[type[Exception], ...] = (Failure, XError, CredentialError, StoreError, OutboxError,
                                       templates.TemplateError, OSError)


def main(argv: Sequence[str] | None = None, gui: GuiLauncher = _no_gui) -> int:
    """Run one command. ``gui`` opens the desktop app: the core cannot import Qt itself."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.gui_launcher = gui
    args.data_dir = getattr(args, "data_dir", None)
    args.verbose = getattr(args, "verbose", False)
    # Scripts read one line on stderr per failure: the CLI logs only errors unless -v.
    quiet = logging.WARNING if args.command in (None, "gui") else logging.ERROR
    logconfig.setup(verbose=args.verbose, quiet_level=quiet)
    if args.command is None:
        args.func, args.demo, args.lang = cmd_gui, False, None
    try:
        return int(args.func(args))
    except ERRORS as exc:
        print(f"community-inbox: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
