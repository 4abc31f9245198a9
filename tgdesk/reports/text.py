"""Small text rules shared by the report builder and the renderers."""

from __future__ import annotations

import re
import unicodedata

# Tone placement in open syllables oa, oe, uy: new style "hóa, ủy" (tone on the
# first vowel, 399-QĐ/TW and real 2025 documents) vs old style "hoá, uỷ" (HD 36).
_TONES = "\u0300\u0301\u0309\u0303\u0323"   # huyền, sắc, hỏi, ngã, nặng
_PAIRS = (("o", "a"), ("o", "e"), ("u", "y"))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _retone(word: str, style: str) -> str:
    d = unicodedata.normalize("NFD", word)
    base = "".join(c for c in d if c not in _TONES)
    tones = [c for c in d if c in _TONES]
    if len(tones) != 1:
        return word
    low = base.lower()
    for a, b in _PAIRS:
        # the pair must end the syllable (no final consonant), and "qu" is not a pair
        m = re.search(f"({a})({b})$", unicodedata.normalize("NFC", low))
        if not m:
            continue
        nlow = unicodedata.normalize("NFC", low)
        if a == "u" and nlow[:-2].endswith("q"):
            return word
        plain = unicodedata.normalize("NFC", base)
        idx = len(plain) - 2 if style == "ủy" else len(plain) - 1
        out = plain[:idx + 1] + tones[0] + plain[idx + 1:]
        return unicodedata.normalize("NFC", out)
    return word


_WORD = re.compile(r"\w+", re.UNICODE)


def apply_uy_style(text: str, style: str) -> str:
    """Put the tone of open oa/oe/uy syllables in one place: "ủy" or "uỷ"."""
    if not text:
        return text
    return _WORD.sub(lambda m: _retone(m.group(0), style), nfc(text))


def ascii_fold(text: str) -> str:
    """"Đảng ủy phường Bình Tiên" -> "Dang uy phuong Binh Tien"."""
    d = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in d if unicodedata.category(c) != "Mn")
