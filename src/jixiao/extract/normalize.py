"""Normalising extracted text without moving any character: offsets into the result are offsets into the source.

Real files mix full-width and half-width punctuation and sometimes traditional characters. Every
character is mapped to exactly one character (NFKC where it gives one character, then 繁→简), so a
span found in the normalised text points at the same characters in the original. Line-wrap spaces
inside words are not removed here: patterns tolerate them (see `spaced`) and `clean` drops them from
captured text.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import cache

_CJK = r"\u3400-\u9fff"
# Spaces a PDF line wrap leaves between two Chinese characters, or between a number and its unit.
_WRAP_SPACE = re.compile(rf"(?<=[{_CJK}%)）(（:：、,，。;；])\s+(?=[{_CJK}(（])|(?<=[0-9])\s+(?=[{_CJK}%])|(?<=[{_CJK}])\s+(?=[0-9])")
_KEEP = {"\u3001", "\u3002", "\u201c", "\u201d", "\u3014", "\u3015", "\u300a", "\u300b"}  # 、。“”〔〕《》 stay as written
NUMBER = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"


@cache
def _converter():
    import opencc  # pure Python tables; loaded once, only when the text needs it

    return opencc.OpenCC("t2s")


def _char(c: str) -> str:
    if c in _KEEP or c.isascii():
        return c
    n = unicodedata.normalize("NFKC", c)
    return n if len(n) == 1 else c


def normalize(text: str) -> str:
    """Same length as `text`: full-width → half-width, \\u3000 → space, traditional → simplified."""
    out = text.translate(_MAPPER)
    if _looks_traditional(out):
        converted = _converter().convert(out)
        if len(converted) == len(out):  # phrase conversions could shift offsets; keep the text then
            out = converted
    return out


class _Mapper(dict):
    def __missing__(self, code: int) -> str:
        c = chr(code)
        mapped = _char(c)
        if c in ("\u3000", "\u00a0"):
            mapped = " "
        self[code] = mapped
        return mapped


_MAPPER = _Mapper()


# A few very common traditional characters of these reports; any of them means the text needs 繁→简.
_TRADITIONAL = set("績評預算執無與學費項來經專會計劃報財務資產機關單縣區鄉鎮門標達護總體")


def _looks_traditional(text: str) -> bool:
    return any(c in _TRADITIONAL for c in text)


_HEADING_START = re.compile(r"[ \t]*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[①-⑳]|[-•])")
_PAGE_NUMBER = re.compile(r"^[ \t]*(?:[—–-][ \t]*)?\d{1,4}(?:[ \t]*[—–-])?[ \t]*$|^[ \t]*第\s*\d+\s*页.*$")
_SENTENCE_END = tuple("。;:!?|")


def unwrap(text: str) -> str:
    """Join the visual lines of PDF paragraphs, keeping every offset: a line as wide as the page that does
    not end a sentence continues on the next line (its break becomes a space), unless the next line
    starts a heading; page numbers between two such lines become spaces."""
    lines = text.split("\n")
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    if not widths:
        return text
    full = widths[int(len(widths) * 0.9)] * 0.8
    out: list[str] = []
    joining = False  # the previous content line runs on
    for line in lines:
        if _PAGE_NUMBER.match(line):
            out.append(" " * len(line) + (" " if joining else "\n"))
            continue
        stripped = line.strip()
        if joining and _HEADING_START.match(line) and out:
            out[-1] = out[-1][:-1] + "\n"  # the next line is a heading: keep the previous break
        joining = bool(stripped) and len(stripped) >= full and not stripped.endswith(_SENTENCE_END)
        out.append(line + (" " if joining else "\n"))
    return "".join(out)[:len(text)]


def spaced(word: str) -> str:
    """A regex for `word` that tolerates the spaces a line wrap puts between its characters."""
    return r"\s*".join(re.escape(c) for c in word)


def clean(text: str | None, strip: str = " ,，;；:：。、|\\-•·") -> str | None:
    """Captured text for output: no line-wrap spaces, no surrounding punctuation (`strip`)."""
    if text is None:
        return None
    s = _WRAP_SPACE.sub("", text.strip())
    s = re.sub(r"\s+", " ", s)
    return s.strip(strip) or None


def to_decimal(text: str | None) -> Decimal | None:
    """`1,234.50` → Decimal('1234.50'); None for anything that is not a number."""
    if text is None:
        return None
    s = text.strip().replace(",", "")
    try:
        value = Decimal(s)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def rate_percent(text: str | None) -> Decimal | None:
    """An execution rate in percent: `100%` → 100, `0.958` → 95.8 (a ratio written without %)."""
    if text is None:
        return None
    s = text.strip()
    has_percent = s.endswith("%")
    value = to_decimal(s.rstrip("%").strip())
    if value is None:
        return None
    if not has_percent and value <= 1 and "." in s:
        return value * 100
    if not has_percent and value == 1:
        return Decimal(100)
    return value
