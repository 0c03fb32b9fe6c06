"""China's provincial-level divisions, by the names reports write them, and the one reading of a province from a name."""

from __future__ import annotations

import re

# short name → full name; the short name is how tables and charts show a province.
PROVINCES: dict[str, str] = {
    "北京": "北京市", "天津": "天津市", "河北": "河北省", "山西": "山西省", "内蒙古": "内蒙古自治区",
    "辽宁": "辽宁省", "吉林": "吉林省", "黑龙江": "黑龙江省", "上海": "上海市", "江苏": "江苏省",
    "浙江": "浙江省", "安徽": "安徽省", "福建": "福建省", "江西": "江西省", "山东": "山东省",
    "河南": "河南省", "湖北": "湖北省", "湖南": "湖南省", "广东": "广东省", "广西": "广西壮族自治区",
    "海南": "海南省", "重庆": "重庆市", "四川": "四川省", "贵州": "贵州省", "云南": "云南省",
    "西藏": "西藏自治区", "陕西": "陕西省", "甘肃": "甘肃省", "青海": "青海省", "宁夏": "宁夏回族自治区",
    "新疆": "新疆维吾尔自治区",
}
# Longest first, so that a full name wins over its own short name.
_NAMES = sorted(((n, short) for short, full in PROVINCES.items() for n in (full, short)), key=lambda p: -len(p[0]))
_FULL_IN_TEXT = re.compile("|".join(re.escape(full) for full in sorted(PROVINCES.values(), key=len, reverse=True)))
_BY_FULL = {full: short for short, full in PROVINCES.items()}


def province_of_name(name: str | None) -> str | None:
    """The province a unit's name starts with (湖南省财政厅, 广西…), as its short name; None when it names none."""
    text = (name or "").strip()
    for written, short in _NAMES:
        if text.startswith(written):
            return short
    return None


def province_named_as(word: str) -> str | None:
    """A word that is exactly a province's short or full name (a folder called 湖南 or 湖南省)."""
    word = word.strip()
    return word if word in PROVINCES else _BY_FULL.get(word)


def province_in_text(text: str) -> str | None:
    """The first province written out in full in a text (《湖南省财政厅关于…》), as its short name."""
    match = _FULL_IN_TEXT.search(text)
    return _BY_FULL[match.group()] if match else None
