"""House rules that keep the core usable headless (DESIGN.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_never_imports_qt() -> None:
    offenders = []
    for path in (ROOT / "inbox").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names
                          if n.split(".")[0] in ("PySide6", "shiboken6", "ui")]
    assert offenders == []


def test_cli_runs_without_loading_qt() -> None:
    code = ("import sys, inbox.cli, inbox.sync, inbox.demo, inbox.store;"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "False"


def test_ui_holds_no_sql_or_http() -> None:
    for path in (ROOT / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for forbidden in ("import sqlite3", "import requests", "import tweepy", "SELECT ",
                          "INSERT INTO", "UPDATE conversations"):
            assert forbidden not in text, f"{path.name} contains {forbidden!r}"
