"""Units of measure as reports print them: one normal form, so that two values can be compared exactly.

A unit is a word (人、次、万人次、平方米、%), or a compound of words joined by / and a product sign
(元/人*月, 元/生.年, 元/户·年, 人次/年). Normalising a unit:
- folds the spellings of the product sign (* × · • .) into one (·) and of the slash (／) into /;
- folds a 万/亿 scale prefix of the first word into the number (1.5万人次 → 15000 人次, 2.62亿元 → 262000000 元);
- maps a few synonyms to one name (百分比 → %, 个工作日 → 工作日, 公里 → 千米 …), with their factor.
Two units compare only when their normal forms are equal: 人 and 人次 stay different, as do 天 and 工作日.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

# Words that mean the same quantity, with the factor to the canonical word.
_SYNONYMS: dict[str, tuple[Decimal, str]] = {
    "百分比": (Decimal(1), "%"),
    "％": (Decimal(1), "%"),
    "个工作日": (Decimal(1), "工作日"),
    "个月": (Decimal(1), "月"),
    "个小时": (Decimal(1), "小时"),
    "日": (Decimal(1), "天"),
    "公里": (Decimal(1000), "米"),
    "千米": (Decimal(1000), "米"),
    "厘米": (Decimal("0.01"), "米"),
    "毫米": (Decimal("0.001"), "米"),
    "平方公里": (Decimal(1000000), "平方米"),
    "公斤": (Decimal(1000), "克"),
    "千克": (Decimal(1000), "克"),
    "吨": (Decimal(1000000), "克"),
}
_SCALES = {"万": Decimal(10000), "亿": Decimal(100000000)}
_PRODUCT = re.compile(r"[*×·•・.．]")
_TIME_UNITS = frozenset({"天", "工作日", "小时", "分钟", "月", "周", "年", "秒"})
_RATE_UNITS = frozenset({"%", "‰"})


@lru_cache(maxsize=4096)
def normal_unit(unit: str | None) -> tuple[Decimal, str]:
    """(factor, normal form): 万人次 → (10000, 人次); 元/人*月 → (1, 元/人·月); None or "" → (1, "")."""
    if not unit:
        return Decimal(1), ""
    text = unicodedata.normalize("NFKC", unit).replace(" ", "").replace("／", "/")
    head, slash, rest = text.partition("/")
    factor, head = _word(head, scaled=True)
    if not slash:
        return factor, head
    parts = []
    for part in rest.split("/"):
        words = []
        for word in _PRODUCT.split(part):
            f, w = _word(word, scaled=False)
            factor /= f
            words.append(w)
        parts.append("·".join(words))
    return factor, head + "/" + "/".join(parts)


def _word(word: str, scaled: bool) -> tuple[Decimal, str]:
    factor = Decimal(1)
    if scaled and len(word) > 1 and word[0] in _SCALES:
        factor, word = _SCALES[word[0]], word[1:]
    if word in _SYNONYMS:
        f, word = _SYNONYMS[word]
        factor *= f
    return factor, word


def in_base(number: Decimal, unit: str | None) -> tuple[Decimal, str]:
    """The number in the unit's normal form: (1.5, 万人次) → (15000, 人次)."""
    factor, normal = normal_unit(unit)
    return (number * factor if factor != 1 else number), normal


def is_rate_unit(unit: str | None) -> bool:
    return normal_unit(unit)[1] in _RATE_UNITS


def is_time_unit(unit: str | None) -> bool:
    return normal_unit(unit)[1] in _TIME_UNITS


def is_money_unit(unit: str | None) -> bool:
    return normal_unit(unit)[1].split("/")[0] == "元"
