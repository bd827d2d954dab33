"""Arabic as people write it matches; Latin case does not matter."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inbox.textnorm import normalize


@pytest.mark.parametrize(("written", "plain"), [
    ("احتيـــال", "احتيال"),  # tatweel
    ("اِحْتِيَال", "احتيال"),  # diacritics
    ("أسترداد", "استرداد"), ("إسترداد", "استرداد"), ("آسترداد", "استرداد"),  # alef forms
    ("شكوى", "شكوي"),  # alef maqsura
    ("الفاتورة", "الفاتوره"),  # taa marbuta
    ("ﻧﺼﺐ", "نصب"),  # presentation forms
    ("REFUND", "refund"), ("Straße", "strasse"),
])
def test_spelling_variants_fold_to_one_form(written: str, plain: str) -> None:
    assert normalize(written) == normalize(plain)


def test_different_words_stay_different() -> None:
    assert normalize("نصب") != normalize("نصيب")
    assert normalize("scam") != normalize("spam")


@given(st.text())
def test_normalising_twice_changes_nothing(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)
