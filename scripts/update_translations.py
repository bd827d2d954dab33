"""Keep the Arabic UI catalogue in step with the code: extract, merge, compile.

Run from anywhere (one command, safe to repeat)::

    .venv/bin/python scripts/update_translations.py          # update .ts, compile .qm
    .venv/bin/python scripts/update_translations.py --check  # CI: fail if anything is stale

Every UI string goes through ``ui.text.tr(text)``, which is
``QCoreApplication.translate("Inbox", text)``. We extract with Python's ``ast``
rather than ``pyside6-lupdate`` because lupdate (6.11) does see a free ``tr()``
but files its strings under an *empty* context instead of "Inbox", so the
compiled catalogue would never match at run time; it also silently accepts
``tr(f"...")`` and ``tr(variable)``. Here a ``tr()`` whose first argument is not
a plain string literal stops the script with ``file:line``: such a call can't
be extracted, so it would stay English in the Arabic UI without anyone noticing.

Merging keeps every existing translation, adds new strings as ``unfinished``,
and marks strings that left the code ``vanished`` (kept so a translator can
reuse the wording after a rename; ``--no-obsolete`` drops them). Other
contexts in the file are left as they are. The ``.qm`` is compiled with the
``pyside6-lrelease`` that sits next to this Python, and is committed because
the app loads it at run time where no Qt build tools are installed.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
CONTEXT = "Inbox"
LANGUAGES = ("ar",)
TR_NAME = "tr"
PLACEHOLDER = re.compile(r"%\d+")


class ExtractionError(Exception):
    """A tr() call we cannot extract; the message carries file:line for each one."""


@dataclass(frozen=True)
class Location:
    path: Path
    line: int


@dataclass
class Message:
    """One catalogue entry; ``kind`` is None (finished), unfinished, vanished or obsolete."""

    source: str
    translation: str = ""
    kind: str | None = "unfinished"
    locations: list[Location] = field(default_factory=list)
    comment: str | None = None
    translator_comment: str | None = None
    extra: list[ET.Element] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return self.kind is None and bool(self.translation)


def placeholders(text: str) -> list[str]:
    """The %N markers a translation must keep: the code fills them with .replace()."""
    return sorted(PLACEHOLDER.findall(text))


def _is_tr_call(node: ast.Call) -> bool:
    """``tr(...)`` or ``<something>.text.tr(...)``; ``self.tr`` is not ours (class context)."""
    func = node.func
    if isinstance(func, ast.Name):
        return func.id == TR_NAME
    if isinstance(func, ast.Attribute) and func.attr == TR_NAME:
        value = func.value
        return (isinstance(value, ast.Name) and value.id == "text") or (
            isinstance(value, ast.Attribute) and value.attr == "text")
    return False


def extract_file(path: Path, root: Path = ROOT) -> tuple[list[tuple[str, Location]], list[str]]:
    """The tr() literals in one file, and a file:line problem for every call we can't read."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, Location]] = []
    problems: list[str] = []
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not _is_tr_call(node):
            continue
        first = node.args[0] if node.args else None
        if (isinstance(first, ast.Constant) and isinstance(first.value, str)
                and not any(isinstance(a, ast.Starred) for a in node.args)):
            found.append((first.value, Location(path, first.lineno)))
            continue
        what = ast.unparse(first) if first is not None else "no positional argument"
        problems.append(f"{shown}:{node.lineno}: tr() needs a string literal as its first "
                        f"argument, got {what}; put the literal inside tr() and fill "
                        f"%1/%2 with .replace()")
    found.sort(key=lambda item: item[1].line)
    return found, problems


def extract(ui_dir: Path = UI_DIR, root: Path = ROOT) -> dict[str, list[Location]]:
    """Every tr() source text under ui/, in order of first appearance, with all its places."""
    messages: dict[str, list[Location]] = {}
    problems: list[str] = []
    for path in sorted(ui_dir.rglob("*.py")):
        found, bad = extract_file(path, root)
        problems.extend(bad)
        for text, location in found:
            messages.setdefault(text, []).append(location)
    if problems:
        raise ExtractionError("\n".join(problems))
    return messages


def _text(element: ET.Element | None) -> str | None:
    return None if element is None else (element.text or "")


def read_ts(path: Path) -> tuple[dict[str, Message], list[ET.Element]]:
    """Our context's messages by source text, plus the other contexts untouched."""
    if not path.exists():
        return {}, []
    root = ET.parse(path).getroot()
    ours: dict[str, Message] = {}
    others: list[ET.Element] = []
    for context in root.findall("context"):
        if (context.findtext("name") or "") != CONTEXT:
            others.append(context)
            continue
        for element in context.findall("message"):
            translation = element.find("translation")
            known = {"location", "source", "comment", "translatorcomment", "translation"}
            ours[element.findtext("source") or ""] = Message(
                source=element.findtext("source") or "",
                translation=_text(translation) or "",
                kind=None if translation is None else translation.get("type"),
                comment=_text(element.find("comment")),
                translator_comment=_text(element.find("translatorcomment")),
                extra=[child for child in element if child.tag not in known],
            )
    return ours, others


def merge(
    existing: dict[str, Message], found: dict[str, list[Location]], *, keep_obsolete: bool = True
) -> tuple[list[Message], list[str], list[str]]:
    """The new catalogue, the source texts that are new, and those that vanished.

    Entries follow the code (file, then line), not history, so two people who run
    the script on the same code get the same file and fewer merge conflicts.
    """
    merged: list[Message] = []
    new: list[str] = []
    for source, locations in found.items():
        old = existing.get(source)
        if old is None:
            new.append(source)
            merged.append(Message(source=source, locations=locations))
            continue
        old.locations = locations
        if old.kind in ("vanished", "obsolete"):
            # back in the code: a kept translation is trusted again as it was
            old.kind = None if old.kind == "vanished" and old.translation else "unfinished"
        merged.append(old)
    gone = [source for source in existing if source not in found]
    if keep_obsolete:
        for source in gone:
            old = existing[source]
            if old.translation:
                old.locations = []
                old.kind = "vanished" if old.kind in (None, "vanished") else "obsolete"
                merged.append(old)
    return merged, new, gone


def _element(tag: str, text: str, attributes: str = "") -> str:
    return f"<{tag}{attributes}>{escape(text)}</{tag}>"


def render_ts(
    language: str, messages: Iterable[Message], others: Sequence[ET.Element], ts_path: Path
) -> str:
    """TS 2.1 in the layout lupdate/Linguist write, so Linguist round-trips add no noise."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}" sourcelanguage="en">',
             "<context>", f"    {_element('name', CONTEXT)}"]
    for message in messages:
        lines.append("    <message>")
        for location in message.locations:
            relative = Path(os.path.relpath(location.path, ts_path.parent)).as_posix()
            lines.append(f'        <location filename={quoteattr(relative)} '
                         f'line="{location.line}"/>')
        lines.append(f"        {_element('source', message.source)}")
        if message.comment is not None:
            lines.append(f"        {_element('comment', message.comment)}")
        for extra in message.extra:
            lines.append("        " + ET.tostring(extra, encoding="unicode").strip())
        if message.translator_comment is not None:
            lines.append(f"        {_element('translatorcomment', message.translator_comment)}")
        kind = f' type="{message.kind}"' if message.kind else ""
        lines.append(f"        {_element('translation', message.translation, kind)}")
        lines.append("    </message>")
    lines.append("</context>")
    for context in others:
        lines.append(ET.tostring(context, encoding="unicode").rstrip())
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def find_lrelease() -> Path:
    """The lrelease of the PySide6 in this environment, so the .qm matches the Qt we ship."""
    bindir = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe", "lrelease"):
        if (bindir / name).exists():
            return bindir / name
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise FileNotFoundError("pyside6-lrelease not found next to "
                                f"{sys.executable} or on PATH; install PySide6")
    return Path(found)


def compile_qm(ts_path: Path, qm_path: Path) -> None:
    """ts -> qm; unfinished and vanished entries are left out, so they show in English."""
    result = subprocess.run([str(find_lrelease()), "-silent", str(ts_path), "-qm", str(qm_path)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0 or not qm_path.exists():
        raise RuntimeError(f"lrelease failed on {ts_path}:\n{result.stdout}{result.stderr}")


def qm_is_current(ts_path: Path, qm_path: Path) -> bool:
    """Recompile to a temporary file and compare bytes with the committed .qm."""
    if not qm_path.exists():
        return False
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / qm_path.name
        compile_qm(ts_path, fresh)
        return fresh.read_bytes() == qm_path.read_bytes()


def placeholder_problems(messages: Iterable[Message]) -> list[str]:
    """Translations that dropped or invented a %N: the UI would show a raw %1 or lose a value."""
    return [f"{m.source!r} -> {m.translation!r}" for m in messages
            if m.translation and m.kind not in ("vanished", "obsolete")
            and placeholders(m.source) != placeholders(m.translation)]


def update(language: str, *, check: bool, keep_obsolete: bool) -> bool:
    """Bring one language up to date (or, with check, only report); True if all is well."""
    ts_path = TRANSLATIONS / f"community_inbox_{language}.ts"
    qm_path = ts_path.with_suffix(".qm")
    existing, others = read_ts(ts_path)
    merged, new, gone = merge(existing, extract(), keep_obsolete=keep_obsolete)
    text = render_ts(language, merged, others, ts_path)
    live = [m for m in merged if m.kind not in ("vanished", "obsolete")]
    untranslated = [m.source for m in live if not m.finished]
    bad = placeholder_problems(merged)
    shown = ts_path.relative_to(ROOT)
    print(f"{shown}: {len(live)} strings, {len(live) - len(untranslated)} translated, "
          f"{len(new)} new, {len(untranslated)} untranslated, {len(gone)} no longer in ui/")
    for source in new:
        print(f"  new:          {source!r}")
    for source in untranslated:
        if source not in new:
            print(f"  untranslated: {source!r}")
    for source in gone:
        print(f"  gone:         {source!r}")
    for problem in bad:
        print(f"  placeholders differ: {problem}")
    ts_stale = not ts_path.exists() or ts_path.read_text(encoding="utf-8") != text
    if check:
        qm_stale = ts_stale or not qm_is_current(ts_path, qm_path)
        if ts_stale:
            print(f"  {shown} is out of date: run scripts/update_translations.py")
        elif qm_stale:
            print(f"  {qm_path.relative_to(ROOT)} is out of date: run "
                  "scripts/update_translations.py")
        return not (ts_stale or qm_stale or untranslated or bad)
    ts_path.parent.mkdir(parents=True, exist_ok=True)
    if ts_stale:
        ts_path.write_text(text, encoding="utf-8")
    compile_qm(ts_path, qm_path)
    if untranslated:
        print(f"  translate the entries marked unfinished in {shown} (Qt Linguist: "
              f"{Path(sys.executable).parent / 'pyside6-linguist'} {shown}), then run this again")
    return not bad


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the .ts/.qm are stale or incomplete")
    parser.add_argument("--no-obsolete", action="store_true",
                        help="drop strings no longer in ui/ instead of keeping them vanished")
    parser.add_argument("languages", nargs="*", default=list(LANGUAGES),
                        help=f"languages to update (default: {' '.join(LANGUAGES)})")
    args = parser.parse_args(argv)
    try:
        ok = [update(lang, check=args.check, keep_obsolete=not args.no_obsolete)
              for lang in args.languages]
    except ExtractionError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main())
