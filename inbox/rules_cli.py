"""``community-inbox rules import|export|test``: the rules file on the command line.

Kept beside the rules (``inbox.cli`` only registers the subcommands) so the
CLI's own module stays about the app. Import validates the whole file first
and changes nothing on error: one line on stderr naming the rule and the
problem, exit 1 (through ``inbox.cli.Failure``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from inbox.paths import data_dir
from inbox.rules import RuleError, read_rules_file, rules_to_json
from inbox.rules_run import dry_run, ensure_starter_pack, load_rules, save_rules
from inbox.sla import SlaPolicy
from inbox.store import SqlStore, open_sqlite


def _failure(message: str) -> Exception:
    from inbox.cli import Failure  # late: inbox.cli imports this module

    return Failure(message)


def _store(args: argparse.Namespace) -> SqlStore:
    return open_sqlite(data_dir(args.data_dir))


def cmd_rules_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        rules = read_rules_file(path)
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
        policy = (SlaPolicy.from_json(raw["sla"])
                  if isinstance(raw, dict) and "sla" in raw else None)
    except RuleError as exc:
        raise _failure(str(exc)) from None
    store = _store(args)
    ensure_starter_pack(store)
    save_rules(store, rules)
    if policy is not None:
        policy.save(store)
    print(f"imported {len(rules)} rules" + (" and SLA targets" if policy else ""))
    return 0


def cmd_rules_export(args: argparse.Namespace) -> int:
    store = _store(args)
    ensure_starter_pack(store)
    rules = load_rules(store)
    Path(args.file).write_text(rules_to_json(rules), encoding="utf-8")
    print(f"exported {len(rules)} rules to {args.file}")
    return 0


def cmd_rules_test(args: argparse.Namespace) -> int:
    """The dry run: what a rule would have matched over the last days, changing nothing."""
    store = _store(args)
    ensure_starter_pack(store)
    rule = next((r for r in load_rules(store) if r.name == args.name), None)
    if rule is None:
        raise _failure(f"no rule named {args.name!r} (see: rules export FILE.json)")
    matches = dry_run(store, rule, days=args.days)
    if args.json:
        print(json.dumps([{"conversation_id": m.conversation_id, "message_id": m.message_id,
                           "at": m.at.isoformat().replace("+00:00", "Z"), "text": m.text,
                           "reason": m.reason} for m in matches], ensure_ascii=False))
        return 0
    for m in matches:
        line = " ".join(m.text.split())
        print(f"{m.at:%Y-%m-%d %H:%M}\tconversation {m.conversation_id}\t{line[:80]}")
    print(f"rule {rule.name!r} would have fired {len(matches)} times in the last"
          f" {args.days:g} days")
    return 0


def add_rules_parser(sub: Any) -> None:
    """Register ``rules`` on the CLI's subparsers."""
    rules = sub.add_parser("rules", help="escalation rules: import, export, dry run")
    cmds = rules.add_subparsers(dest="rules_command", required=True)
    imp = cmds.add_parser("import", help="add or replace rules (by name) from a JSON file;"
                          " nothing changes if any rule is malformed")
    imp.add_argument("file", metavar="FILE.json")
    imp.set_defaults(func=cmd_rules_import)
    exp = cmds.add_parser("export", help="write every rule to a JSON file")
    exp.add_argument("file", metavar="FILE.json")
    exp.set_defaults(func=cmd_rules_export)
    test = cmds.add_parser("test", help="dry run: what a rule would have matched")
    test.add_argument("name", metavar="NAME")
    test.add_argument("--days", type=float, default=7.0)
    test.add_argument("--json", action="store_true")
    test.set_defaults(func=cmd_rules_test)
