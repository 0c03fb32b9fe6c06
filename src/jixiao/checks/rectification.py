"""整改 (JX-Z001–Z004): the open rectification items of earlier years beside this year's self-evaluation.

The items are the finance bureau's record (the web app's 整改 list), passed in as plain data; the check never
reads a database. Their state is the bureau's, not the unit's claim, so nothing here is an error: an item past
its deadline is a warning, one still within it a hint, and the text is read for what it says about them — a
上年问题整改情况 is expected, and a problem written again word for word while its item is open is worth saying.
Without items (the command line, batch) the check finds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from ..model import Evaluation, Finding
from ..model.catalogue import finding
from .params import CheckParams
from .text import narrative

# What a 上年问题整改情况 is written in: the sections of 二、三 and 四 (not the tasks' own texts).
_READ_IN = ("conclusion", "achievements", "problems", "measures")
_NOT_TEXT = re.compile(r"[\s\W_]+", re.UNICODE)  # spaces and punctuation do not make a problem different
_SHOWN = 40  # characters of an item's problem quoted in a message


@dataclass(frozen=True)
class OpenItem:
    """A 整改 item of an earlier year not yet done, as the bureau recorded it."""

    year: int  # the year of the self-evaluation the problem was found in
    problem: str
    measure: str = ""
    owner: str = ""  # 责任人
    deadline: date | None = None  # 整改期限
    state: str = ""  # the bureau's label of its state: 待整改 / 整改中 …


def overdue(deadline: date | None, year: int) -> bool:
    """An item is overdue for the self-evaluation of `year` when its deadline fell within that year or before
    (JX-Z001); without a deadline it is only still open (JX-Z002)."""
    return deadline is not None and deadline <= date(year, 12, 31)


def check_rectification(ev: Evaluation, items: Iterable[OpenItem], p: CheckParams) -> Iterator[Finding]:
    """JX-Z001/Z002 for each open item of an earlier year, JX-Z004 for each repeated in this year's problems,
    JX-Z003 once when the text says nothing of rectification (the rule set's `rectification_words`)."""
    items = [i for i in items if i.year < ev.year and i.problem.strip()]
    if not items:
        return
    where = ev.where("problems")
    for item in items:
        params = {"year": item.year, "problem": _quote(item.problem), "state": item.state or "未完成",
                  "owner": f"，责任人{item.owner.strip()}" if item.owner.strip() else ""}
        if overdue(item.deadline, ev.year):
            yield finding("JX-Z001", "problems", where, deadline=_date(item.deadline), end=ev.year, **params)
        else:
            deadline = f"整改期限{_date(item.deadline)}" if item.deadline else "未定整改期限"
            yield finding("JX-Z002", "problems", where, deadline=deadline, **params)
    passages = [x for x in narrative(ev) if x.path.startswith(_READ_IN)]
    for item in items:
        for passage in passages:
            if passage.path.startswith("problems[") and repeats(item.problem, passage.text, p.rectification_repeat_len):
                yield finding("JX-Z004", passage.path, passage.location, label=passage.label, year=item.year,
                              problem=_quote(item.problem))
    if p.rectification_words and not any(p.contains_any("rectification_words", x.text) for x in passages):
        years = "、".join(f"{y}年度" for y in sorted({i.year for i in items}))
        yield finding("JX-Z003", "problems", where, count=len(items), years=years)


def repeats(problem: str, text: str, run: int) -> bool:
    """Whether `text` holds the problem word for word: all of it, or a run of `run` characters of it (spaces and
    punctuation ignored), so a sentence copied into a longer paragraph still counts."""
    a, b = _NOT_TEXT.sub("", problem), _NOT_TEXT.sub("", text)
    if not a or not b:
        return False
    k = min(len(a), run)
    return any(a[i:i + k] in b for i in range(len(a) - k + 1))


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[:_SHOWN] + "…"


def _date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
