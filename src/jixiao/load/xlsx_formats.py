"""What a clerk sees in a cell, decided by its number format: dates as displayed, percent cells as percents.

Excel stores a date as a day number and a percent as a ratio; the number format decides what is shown.
The reader takes what is shown (2022年12月 is a month, not 2022-12-01), so a 时效 target compares as written.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal

from openpyxl.utils.datetime import from_excel

# Date formats of the zh-CN locale that files written by Chinese Excel refer to by number only (ECMA-376,
# 18.8.30); openpyxl does not know them and hands over the bare day number.
_LOCALE_DATE_FORMATS = {
    27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"',
    36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
    57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
}
# Built-in short date formats a Chinese Excel shows in its own order (id 14 shows as 2022/12/30).
_AS_SHOWN = {"mm-dd-yy": "yyyy/m/d", "m/d/yy h:mm": "yyyy/m/d h:mm", "m-d-yy": "yyyy/m/d"}
_SYSTEM_LONG_DATE = "[$-f800]"  # “长日期”: the system's long form, 2022年12月30日 on a Chinese system
_TOKEN = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|yyyy|yy|y|m{1,5}|d{1,4}|h{1,2}|s{1,2}|AM/PM|A/P|上午/下午|.', re.I)


def date_of(cell) -> datetime | date | time | None:
    """The cell's date when it is one: openpyxl's, or a day number under a zh-CN locale date format."""
    value = cell.value
    if isinstance(value, (datetime, date, time)):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and _locale_format(cell):
        try:
            return from_excel(value)
        except (ValueError, OverflowError):
            return None
    return None


def _locale_format(cell) -> str | None:
    style = getattr(cell, "_style", None)  # the cell's format id: openpyxl exposes no public accessor
    return _LOCALE_DATE_FORMATS.get(getattr(style, "numFmtId", None)) if style is not None else None


def date_as_shown(cell, value: datetime | date | time) -> str:
    """The date as the cell's number format shows it: 2022年12月30日, 2022年12月, 2022/12/30, 12月30日.

    A two-digit year is written out (22 → 2022) so that the value can be compared; a format with no
    date parts (General, text) shows the ISO date."""
    fmt = _locale_format(cell) or cell.number_format or "General"
    if _SYSTEM_LONG_DATE in fmt.lower():
        fmt = 'yyyy"年"m"月"d"日"'
    fmt = _AS_SHOWN.get(fmt.lower(), fmt).split(";")[0]
    if not re.search(r"[ymdhs]", re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt), re.I):
        if isinstance(value, datetime):
            return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
        return value.isoformat()
    moment = value if isinstance(value, datetime) else (
        datetime.combine(value, time()) if isinstance(value, date) else datetime.combine(date(1900, 1, 1), value))
    tokens = _TOKEN.findall(fmt)
    out: list[str] = []
    for i, token in enumerate(tokens):
        low = token.lower()
        if token.startswith('"'):
            out.append(token[1:-1])
        elif token.startswith("\\"):
            out.append(token[1:])
        elif token.startswith("["):
            continue  # [$-804], [DBNum1], colours: not shown as text
        elif low[0] == "y":
            out.append(str(moment.year))
        elif low in ("mmm", "mmmm", "mmmmm"):
            out.append(f"{moment.month}月")  # a month name: the Chinese one
        elif low[0] == "m":
            minutes = _after_hour(tokens, i) or _before_second(tokens, i)
            out.append(f"{moment.minute:02d}" if minutes else
                       f"{moment.month:02d}" if low == "mm" else f"{moment.month}")
        elif low[0] == "d":
            if len(low) <= 2:
                out.append(f"{moment.day:02d}" if low == "dd" else str(moment.day))
        elif low[0] == "h":
            out.append(f"{moment.hour:02d}" if low == "hh" else str(moment.hour))
        elif low[0] == "s":
            out.append(f"{moment.second:02d}")
        elif low in ("am/pm", "a/p", "上午/下午"):
            out.append("上午" if moment.hour < 12 else "下午")
        elif token not in ("_", "*", "@"):
            out.append(token)
    return "".join(out).strip()


def _after_hour(tokens: list[str], i: int) -> bool:
    for token in reversed(tokens[:i]):
        low = token.lower()
        if low[:1] in ("h", "y", "d") or (low[:1] == "m" and not token.startswith(('"', "\\"))):
            return low[:1] == "h"
    return False


def _before_second(tokens: list[str], i: int) -> bool:
    for token in tokens[i + 1:]:
        low = token.lower()
        if low[:1] in ("s", "y", "d", "h", "m") and not token.startswith(('"', "\\")):
            return low[:1] == "s"
    return False


# -- percent rows ------------------------------------------------------------------------------
def fraction_in(cell) -> str | None:
    """A number between 0 and 1, as written, in a cell that is not percent-formatted: 0.9586 (a General
    number, or the same typed into a text cell); None for anything else."""
    value = cell.value if cell is not None else None
    if isinstance(value, str) and _FRACTION_TEXT.fullmatch(value.strip()):
        return value.strip()
    if isinstance(value, bool) or not isinstance(value, (int, float)) or date_of(cell) is not None:
        return None
    if "%" in re.sub(r'"[^"]*"|\\.', "", cell.number_format or ""):
        return None
    return repr(value) if 0 < value < 1 else None


_FRACTION_TEXT = re.compile(r"0?\.[0-9]*[1-9][0-9]*")


def percent_reading(others: list[Decimal | None]) -> tuple[bool, bool]:
    """For a percent row with fraction cells: (read them ×100?, is that reading a guess?).

    The row's other percent figures decide: beside 95% or 100%, 0.9586 is 95.86%; beside ≤1%, 0.5 is
    0.5%. With nothing to compare, a fraction is read ×100 (满意度 0.95 is 95%) and the cell is named."""
    known = [n for n in others if n is not None]
    if not known:
        return True, True
    return any(n > 1 for n in known), False
