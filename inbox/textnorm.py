"""Text as people search and match it: Arabic spelling variants and Latin case folded.

One normalisation for rules (``contains_any``) and full-text search alike, so a
word list and a search box agree on what "the same word" means:
- NFKC, which also folds Arabic presentation forms to the base letters;
- Arabic diacritics (tashkeel, superscript alef) and tatweel removed;
- alef forms (أ إ آ ٱ) → ا, alef maqsura ى → ي, taa marbuta ة → ه;
- hamza on waw/yaa (ؤ ئ) → و / ي;
- Latin (and every cased script) case-folded.
"""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ئ": "ي", "ؤ": "و",
    "ة": "ه",
})


def normalize(text: str) -> str:
    """The form used for matching and indexing (never for display)."""
    folded = unicodedata.normalize("NFKC", text)
    return _DROP.sub("", folded).translate(_MAP).casefold()
