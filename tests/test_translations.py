"""The Arabic catalogue covers the UI, the shipped .qm matches it, and Arabic flips to RTL.

Many of our users work in Arabic, so a string added to ui/ without a translation
is a bug: it shows up in English inside a right-to-left window. These tests fail
until ``scripts/update_translations.py`` has been run and the new entries in
``resources/translations/community_inbox_ar.ts`` are translated.
"""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

import ui.app
from ui.text import tr

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "community_inbox_ar.ts"
QM = TS.with_suffix(".qm")


def _load_script() -> ModuleType:
    """The update script itself, so tests and tooling agree on what a tr() string is."""
    path = ROOT / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


script = _load_script()


def _catalogue() -> dict[str, ET.Element]:
    """Source text -> <translation> element of the "Inbox" context."""
    root = ET.parse(TS).getroot()
    entries: dict[str, ET.Element] = {}
    for context in root.findall("context"):
        if context.findtext("name") != "Inbox":
            continue
        for message in context.findall("message"):
            translation = message.find("translation")
            assert translation is not None
            entries[message.findtext("source") or ""] = translation
    return entries


def test_every_ui_string_has_a_finished_arabic_translation() -> None:
    """Guards against English leaking into the Arabic UI and against dropped %1/%2."""
    sources = script.extract()
    assert len(sources) > 40, "the extractor found suspiciously few tr() strings"
    catalogue = _catalogue()
    missing = [s for s in sources if s not in catalogue]
    unfinished = [s for s in sources if s in catalogue
                  and (catalogue[s].get("type") is not None
                       or not (catalogue[s].text or "").strip())]
    assert not missing, f"not in the .ts, run scripts/update_translations.py: {missing}"
    assert not unfinished, f"untranslated in {TS.name}: {unfinished}"
    for source in sources:
        translation = catalogue[source].text or ""
        assert script.placeholders(translation) == script.placeholders(source), (
            f"{source!r} -> {translation!r}: placeholders differ")


def test_keyboard_hints_survive_translation() -> None:
    """Shortcut hints in tooltips must match the real shortcuts, not be translated."""
    catalogue = _catalogue()
    for source, translation in catalogue.items():
        if "(Ctrl+" in source and translation.get("type") is None:
            hint = source[source.index("("):]
            assert hint in (translation.text or ""), f"{source!r} lost {hint}"


def test_non_literal_tr_argument_is_rejected(tmp_path: Path) -> None:
    """tr(f"...") or tr(name) can't be extracted, so the script must stop with file:line."""
    source = tmp_path / "widget.py"
    source.write_text('from ui.text import tr\nname = "x"\nok = tr("Fine")\n'
                      'bad = tr(f"Hello {name}")\nworse = tr(name)\n', encoding="utf-8")
    found, problems = script.extract_file(source, tmp_path)
    assert [text for text, _ in found] == ["Fine"]
    assert [p.split(": ", 1)[0] for p in problems] == ["widget.py:4", "widget.py:5"]
    with pytest.raises(script.ExtractionError, match=r"widget\.py:4"):
        script.extract(tmp_path, tmp_path)


def test_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    """The app ships the .qm, not the .ts: a forgotten recompile means stale Arabic."""
    try:
        lrelease = script.find_lrelease()
    except FileNotFoundError:
        pytest.skip("pyside6-lrelease is not installed; the QTranslator test still runs")
    assert lrelease.exists()
    fresh = tmp_path / QM.name
    script.compile_qm(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), (
        "community_inbox_ar.qm is stale: run scripts/update_translations.py")


def test_qm_translates_every_finished_message(qapp: QApplication) -> None:
    """Same check without build tools: every finished .ts entry comes back from the .qm."""
    translator = QTranslator()
    assert translator.load(str(QM))
    for source, translation in _catalogue().items():
        expected = (translation.text or "") if translation.get("type") is None else ""
        assert translator.translate("Inbox", source) == expected, source


@pytest.fixture
def arabic(qapp: QApplication) -> Iterator[QApplication]:
    """Arabic installed for one test, then undone so later tests see English, LTR."""
    previous_locale = QLocale()
    translators = ui.app.install_translations(qapp, "ar")
    try:
        yield qapp
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(previous_locale)
        if qapp.layoutDirection() != Qt.LayoutDirection.LeftToRight:
            qapp.setLayoutDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert tr("Needs reply") == "Needs reply"


def test_arabic_switches_layout_and_text(arabic: QApplication) -> None:
    """The runtime path of `community-inbox gui --lang ar`: RTL layout and our Arabic text."""
    assert arabic.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert tr("Needs reply") == "بانتظار الرد"
    assert tr("%1d %2h").replace("%1", "2").replace("%2", "5") == "2 ي 5 س"
