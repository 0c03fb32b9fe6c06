"""A table printed on one line with no separators at all (`安装坡面水标尺10≥266米≥266米10水标尺宽度10…`).

Two steps. `split_line` cuts the line into cells at the words a table has (header words, level labels,
row labels, vocab/tables.yaml `glued_words`) and at the edges of values (a number with its operator and
unit); numbers that touch (`20100%`, `1020万元`) stay one cell. `solve_rows` then reads indicator rows:
a name, then the values of the row's columns in header order, where touching numbers are cut in every
well-formed way and the cut that fits the columns best wins (a 分值 is a small whole number, 得分 is not
above it, target and actual usually look alike); a text between two values that is one phrase twice
(`显著提升显著提升`) is the target and the actual.
"""

from __future__ import annotations

import re
from functools import cache

from ..model.values import MEASURE_WORDS  # the value grammar's own measure words (one owner of units)
from . import vocab

_OPS = r"(?:[≥≤<>=≧≦═]{1,2}|不少于|不低于|不超过|不高于|大于等于|小于等于)"
_MIN_LEN = 120


@cache
def _units() -> str:
    words = set(MEASURE_WORDS) | {p + m for p in ("万", "千", "亿", "厘", "毫") for m in ("元", "米", "人", "人次", "吨", "亩")}
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@cache
def _value() -> re.Pattern[str]:
    """A run of values: numbers with their operators, % and units, touching each other."""
    one = rf"{_OPS}?\s*\d[\d.,]*\s*(?:%|{_units()})?"
    return re.compile(rf"(?:{one})+")


@cache
def _words() -> re.Pattern[str]:
    t = vocab.tables()
    ind = t["indicators"]
    score = r"(?:\(\d+(?:\.\d+)?分\))?"
    literal = sorted(set(t["glued_words"]) | set(vocab.fields()["form_stops"]), key=len, reverse=True)
    levels = sorted(set(ind["level1"] + ind["level2"]), key=len, reverse=True)
    rows = [p for p in t["funds"]["source_rows"]] + ["年度资金总额"]
    return re.compile("(?:其中:)?(?:" + "|".join(rows) + r")(?:\([^)]*\))?:?"
                      + "|(?:" + "|".join(re.escape(w) for w in levels) + ")" + score
                      + "|" + "|".join(re.escape(w) for w in literal))


def _cell():
    from .cells import Cell  # cells.py imports this module

    return Cell


def is_glued(line: str) -> bool:
    s = line.strip()
    if len(s) < _MIN_LEN or s.count(" ") > len(s) / 30 or "|" in s or s.count("。") > len(s) / 150:
        return False
    anchors = vocab.tables()["indicators"]["anchors"] + vocab.tables()["funds"]["anchors"]
    return len(_words().findall(s)) >= 6 and re.search("|".join(a.strip("^$") for a in anchors), s) is not None


def split_line(line: str, pos: int, line_no: int) -> list:
    """Cells of a glued line: vocabulary words, values, and the text between them."""
    out: list = []
    i = 0
    text_start = None

    def flush_text(end: int) -> None:
        nonlocal text_start
        if text_start is not None and line[text_start:end].strip():
            a = text_start + len(line[text_start:end]) - len(line[text_start:end].lstrip())
            b = end - (len(line[text_start:end]) - len(line[text_start:end].rstrip()))
            out.append(_cell()(line[a:b], pos + a, pos + b, line_no, False, True))
        text_start = None

    while i < len(line):
        m = _words().match(line, i)
        if m and m.end() > i:
            flush_text(i)
            out.append(_cell()(m.group(), pos + i, pos + m.end(), line_no, False, True))
            i = m.end()
            continue
        v = _value().match(line, i)
        if v and v.end() > i and (text_start is None or not re.match(r"[\d(（]", line[i - 1:i] or " ")):
            # a value starts here unless it is inside a word such as 0-6岁 (digits right after text are values)
            if not _inside_name(line, i, v.end()):
                flush_text(i)
                out.append(_cell()(v.group().strip(), pos + i, pos + v.end(), line_no, False, True))
                i = v.end()
                continue
        if text_start is None:
            text_start = i
        i += 1
    flush_text(len(line))
    return out


def _inside_name(line: str, start: int, end: int) -> bool:
    """`0-6岁儿童…`, `7天访视数`: digits followed by more name, not a value."""
    rest = line[end:end + 1]
    return bool(rest) and rest in "-~—" and start == 0


def is_value(text: str) -> bool:
    """A cell of values (`10≥266米≥266米10`, `20100%100%20`), not of words."""
    return re.match(rf"{_OPS}?\s*\d", text.strip()) is not None


# --- rows ---------------------------------------------------------------------------------------------

_TOKEN = re.compile(rf"^{_OPS}?(?:0|[1-9]\d*)(?:\.\d+)?(?:%|[\u4e00-\u9fff]{{1,3}})?$")


def _cuts(text: str, parts: int) -> list[list[str]]:
    """Every way to cut `text` into `parts` well-formed values (no leading zeros; a unit only at a value's end)."""
    out: list[list[str]] = []

    def walk(i: int, acc: list[str]) -> None:
        if len(out) > 2000:
            return
        if len(acc) == parts:
            if i == len(text):
                out.append(list(acc))
            return
        for j in range(i + 1, len(text) + 1):
            token = text[i:j]
            if _TOKEN.match(token) and (j == len(text) or not re.match(rf"%|{_units()}", text[j:]) or token[-1] in "%"
                                        or not token[-1].isdigit()):
                walk(j, acc + [token])

    walk(0, [])
    return out


def _number(token: str):
    m = re.search(r"\d+(?:\.\d+)?", token)
    return float(m.group()) if m else None


def _fit(kind: str, token: str) -> float:
    n = _number(token)
    plain = re.fullmatch(r"\d+(?:\.\d+)?", token) is not None
    if kind in ("weight", "score"):
        if not plain or n is None or n > 100:
            return 9.0
        return 0.0 if n == int(n) else 0.5
    if kind in ("target", "actual", "value"):
        return 0.0 if not plain else 0.4
    return 1.0


def solve_row(values: list, kinds: list[str]) -> list[tuple] | None:
    """Place a row's value cells (after its name) into `kinds`: [(kind, cell, text)], or None."""
    best, best_cost = None, float("inf")
    options: list = []
    for cell in values:
        choices = []
        if re.search(r"\d", cell.text):
            for n in range(1, len(kinds) + 1):
                choices.extend([[(cell, t) for t in cut] for cut in _cuts(cell.text.replace(" ", ""), n)])
        else:
            choices.append([(cell, cell.text)])
            half = len(cell.text) // 2
            if len(cell.text) % 2 == 0 and cell.text[:half] == cell.text[half:]:
                choices.append([(cell, cell.text[:half]), (cell, cell.text[half:])])
        options.append(choices or [[(cell, cell.text)]])

    def walk(i: int, acc: list) -> None:
        nonlocal best, best_cost
        if len(acc) > len(kinds):
            return
        if i == len(options):
            if len(acc) != len(kinds):
                return
            cost = sum(_fit(k, t) for k, (_, t) in zip(kinds, acc))
            placed = dict(zip(kinds, (t for _, t in acc)))
            w, s = _number(placed.get("weight", "")), _number(placed.get("score", ""))
            if w is not None and s is not None and s > w:
                cost += 3
            if "target" in placed and placed.get("target") == placed.get("actual"):
                cost -= 0.3
            if cost < best_cost:
                best, best_cost = [(k, c, t) for k, (c, t) in zip(kinds, acc)], cost
            return
        for choice in options[i]:
            walk(i + 1, acc + choice)

    walk(0, [])
    return best if best is not None and best_cost < 5 else None
