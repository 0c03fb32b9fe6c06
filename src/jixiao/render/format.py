"""Formatting rules every output shares: amounts, rates, scores and Chinese numbering."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from ..model import Money, MoneyUnit

_CENT = Decimal("0.01")
_DIGITS = "零一二三四五六七八九"


def amount(value: Money | None, unit: MoneyUnit) -> str:
    """688.34万元: always two decimals, in the evaluation's unit; "—" when not given."""
    if value is None:
        return "—"
    return f"{number(value.to(unit).amount)}{unit.value}"


def number(value: Decimal) -> str:
    """Two decimals, half up, no thousands separator (reports write 688.34, 1181.00)."""
    return str(value.quantize(_CENT, rounding=ROUND_HALF_UP))


def rate(value: Decimal | None) -> str:
    """A percentage as reports write it: 100%, 98.5%, 76.13% (at most two decimals)."""
    if value is None:
        return "—"
    return f"{trim(value)}%"


def trim(value: Decimal) -> str:
    """Up to two decimals with trailing zeros dropped: 10 → "10", 7.60 → "7.6"."""
    text = str(value.quantize(_CENT, rounding=ROUND_HALF_UP))
    return text.rstrip("0").rstrip(".") if "." in text else text


def execution_rate(budget: Money | None, executed: Money | None, stated: Decimal | None) -> Decimal | None:
    """执行率 in percent from the data when both amounts are there, else the author's figure."""
    if budget is not None and executed is not None and budget.yuan() != 0:
        return executed.yuan() * 100 / budget.yuan()
    return stated


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1–99, enough for any outline)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _DIGITS[tens]
    return f"{head}十{_DIGITS[ones] if ones else ''}"


def level1_number(n: int) -> str:
    """一、 二、 … for the first outline level."""
    return f"{chinese_number(n)}、"


def level2_number(n: int) -> str:
    """（一） （二） … for the second outline level."""
    return f"（{chinese_number(n)}）"


def level3_number(n: int) -> str:
    """1. 2. … for the third outline level and numbered lists."""
    return f"{n}."


def ordinal_clause(n: int) -> str:
    """一是 二是 …, how reports enumerate points inside one paragraph."""
    return f"{chinese_number(n)}是"


def sentence(text: str) -> str:
    """Text that ends with Chinese sentence punctuation (adds 。 when it has none)."""
    text = text.strip()
    if not text or text[-1] in "。！？；：…”』」）)":
        return text
    return text + "。"


_ISO_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def document_date(text: str) -> str:
    """成文日期 as GB/T 9704 writes it: 2024年3月5日 (full year, no leading zeros); other text as written."""
    m = _ISO_DATE.match(unicodedata.normalize("NFKC", text))
    if not m:
        return text.strip()
    year, month, day = (int(g) for g in m.groups())
    return f"{year}年{month}月{day}日"
