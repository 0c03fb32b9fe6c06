"""The report's text (JX-T001–T004): sections present, no pasted-twice passages, no doubled-character typos,
balanced brackets and quotes."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Evaluation, Finding, Kind, Location
from ..model.catalogue import finding
from .params import CheckParams


@dataclass(frozen=True)
class Passage:
    path: str
    label: str  # 中文: 自评结论第2段, 任务“X”的目标实际完成情况
    text: str
    location: Location | None


_last = threading.local()  # per thread (the web server reviews in several): the last evaluation's passages


def narrative(ev: Evaluation, with_names: bool = False) -> list[Passage]:
    """Every narrative text of the evaluation, in document order (the same list for the same evaluation object:
    the text checks of one review share it; callers do not change it)."""
    cache = getattr(_last, "passages", None)
    if cache is None or cache.get("ev") is not ev:
        cache = _last.passages = {"ev": ev}
    if with_names not in cache:
        cache[with_names] = _narrative(ev, with_names)
    return cache[with_names]


def _narrative(ev: Evaluation, with_names: bool) -> list[Passage]:
    out: list[Passage] = []

    def paragraphs(key: str, title: str, items) -> None:
        for i, par in enumerate(items):
            out.append(Passage(f"{key}[{i}]", f"{title}第{i + 1}段", par.text, par.location))

    paragraphs("department.functions", "部门职能", ev.department.functions)
    paragraphs("goals", "绩效目标", ev.goals)
    for ti, task in enumerate(ev.tasks):
        tp, tl = f"tasks[{ti}]", f"任务“{task.name}”的"
        if with_names and task.name:
            out.append(Passage(f"{tp}.name", f"{tl}名称", task.name, task.where("name")))
        for key, title in (("expected", "期望达到的目标"), ("outcome", "目标实际完成情况"), ("execution_note", "执行偏差说明")):
            text = getattr(task, key)
            if text:
                out.append(Passage(f"{tp}.{key}", tl + title, text, task.where(key)))
        for ii, ind in enumerate(task.indicators):
            if with_names and ind.name:
                out.append(Passage(f"{tp}.indicators[{ii}].name", f"指标“{ind.name}”的名称", ind.name, ind.where("name")))
            if ind.deviation:
                out.append(Passage(f"{tp}.indicators[{ii}].deviation", f"指标“{ind.name}”的偏差原因",
                                   ind.deviation, ind.where("deviation")))
    paragraphs("conclusion", "自评结论", ev.conclusion)
    paragraphs("achievements", "主要成效", ev.achievements)
    paragraphs("problems", "存在的主要问题", ev.problems)
    paragraphs("measures", "下一步改进措施", ev.measures)
    return out


def check_text(ev: Evaluation, p: CheckParams) -> Iterator[Finding]:
    yield from _sections(ev)
    everything = narrative(ev, with_names=True)
    prose = [passage for passage in everything if not passage.path.endswith(".name")]
    yield from repeated_passages(prose, p.duplicate_min_len)
    for passage in everything:
        yield from _doubled(passage, p)
        yield from _unbalanced(passage)


def report_passages(text: str, file: str | None = None) -> list[Passage]:
    """A report's plain text as passages, one per non-empty line, located by line."""
    return [Passage(f"text[{n}]", f"第{n}行", line, Location(file=file, line=n))
            for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def check_report_text(text: str, file: str | None = None, p: CheckParams | None = None,
                      checked_lines: set[int] = frozenset()) -> list[Finding]:
    """JX-T002–T004 on a report's plain text (as extracted), one passage per line, located by line.

    `checked_lines` are lines whose text the evaluation carries and check_text has already read: they are
    not reported again for JX-T002/T003 (a repeat between two of them neither), but still count as the first
    occurrence of a passage repeated elsewhere. Brackets (JX-T004) are judged on every line with its
    neighbours, since a table cell or a PDF line may split a bracketed phrase; a line repeating itself is a
    flattened table row whose target and actual are the same words, not a copy."""
    p = p or CheckParams()
    passages = report_passages(text, file)
    done = {i for i, passage in enumerate(passages) if passage.location.line in checked_lines}
    def skip(i: int, j: int) -> bool:  # a line repeating itself is a flattened table row (目标值 = 完成值)
        return (i in done and j in done) or i == j

    found = list(repeated_passages(passages, p.duplicate_min_len, skip=skip))
    for i, passage in enumerate(passages):
        if i not in done:
            found += _doubled(passage, p)
        if _unbalanced_across(passages, i):  # every line: a paragraph cannot see a bracket split across cells
            found += _unbalanced(passage)
    return found


def _unbalanced_across(passages: list[Passage], i: int) -> bool:
    """The line's brackets stay unbalanced with its neighbours: a cell or a PDF line split mid-bracket is not."""
    here = passages[i].text
    before = passages[i - 1].text if i > 0 else ""
    after = passages[i + 1].text if i + 1 < len(passages) else ""
    return all(bracket_problem(t) for t in (here, before + here, here + after, before + here + after))


# -- JX-T001 --------------------------------------------------------------------------------------------
_SECTIONS = (  # (attribute, 中文, required for project evaluations too)
    ("functions", "部门职能", False), ("finance", "部门整体收支情况", True), ("goals", "绩效目标", True),
    ("tasks", "重点工作任务", True), ("conclusion", "自评结论", True), ("problems", "存在的主要问题", True),
    ("measures", "下一步改进措施", True),
)


def _sections(ev: Evaluation) -> Iterator[Finding]:
    for attr, title, for_projects in _SECTIONS:
        if ev.kind is Kind.PROJECT and not for_projects:
            continue
        value = ev.department.functions if attr == "functions" else getattr(ev, attr)
        if not value:
            yield finding("JX-T001", attr, ev.location, section=title)


# -- JX-T002 --------------------------------------------------------------------------------------------
_SPACE = re.compile(r"\s+")


def repeated_passages(passages: list[Passage], k: int, skip=None) -> Iterator[Finding]:
    """Passages of k or more characters written twice, found through k-character windows.

    Each repeat is reported once, at its second occurrence, with its full length; `skip(i, j)` true leaves
    the repeat of passage j in passage i unreported.
    """
    texts = [_SPACE.sub("", p.text) for p in passages]
    seen: dict[str, tuple[int, int]] = {}
    for i, text in enumerate(texts):
        pos = 0
        while pos + k <= len(text):
            here = (i, pos)
            first = seen.setdefault(text[pos:pos + k], here)  # one dict operation per character: the hot loop
            if first is here or (first[0] == i and pos - first[1] < k):
                pos += 1
                continue
            j, start = first
            length = _match_length(texts[j], start, text, pos)
            if skip is not None and skip(i, j):
                pos += length
                continue
            yield finding("JX-T002", passages[i].path, passages[i].location, where=passages[i].label,
                          other=passages[j].label if j != i else "同一段前文", length=length,
                          excerpt=text[pos:pos + 20])
            pos += length


def _match_length(a: str, i: int, b: str, j: int) -> int:
    n = 0
    while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n] and (a is not b or i + n < j):
        n += 1
    return n


# -- JX-T003 --------------------------------------------------------------------------------------------
_NUMERALS = "〇零一二两三四五六七八九十百千"
_UNITS = "十百千"


def _doubled(passage: Passage, p: CheckParams) -> Iterator[Finding]:
    text = passage.text
    for m in re.finditer(r"(.)\1", text):
        c, start = m.group(1), m.start()
        if _is_typo(text, start, c, p):
            context = text[max(0, start - 4):start + 6]
            yield finding("JX-T003", passage.path, passage.location, where=passage.label, chars=c + c, context=context)


def _is_typo(text: str, i: int, c: str, p: CheckParams) -> bool:
    pair = c + c
    if any(pair in word and word in text[max(0, i - 4):i + 6] and _covers(text, i, word)
           for word in p.typo_doubling_allowed):
        return False
    if _in_aabb(text, i):
        return False  # 千千万万, 是是非非, 认认真真: reduplication, not a slip
    if c in p.typo_doubling_chars:
        return True
    before = text[i - 1] if i > 0 else ""
    if c not in _NUMERALS or not (before == "第" or before in _NUMERALS):
        return False
    return not _written_digit_by_digit(text, i)


def _written_digit_by_digit(text: str, i: int) -> bool:
    """二〇二二年, 一一〇: a number written one numeral per digit repeats digits; 二十十, 十五五 do not."""
    start, end = i, i + 2
    while start > 0 and text[start - 1] in _NUMERALS:
        start -= 1
    while end < len(text) and text[end] in _NUMERALS:
        end += 1
    run = text[start:end]
    return not any(unit in run for unit in _UNITS) and ("〇" in run or "零" in run or len(run) >= 3)


def _covers(text: str, i: int, word: str) -> bool:
    lo = max(0, i - len(word) + 1)
    for at in range(lo, i + 1):
        if text.startswith(word, at) and at <= i and i + 1 < at + len(word):
            return True
    return False


def _in_aabb(text: str, i: int) -> bool:
    after = text[i + 2:i + 4]
    before = text[max(0, i - 2):i]
    pair = lambda s: len(s) == 2 and s[0] == s[1]  # noqa: E731
    return pair(after) or pair(before)


# -- JX-T004 --------------------------------------------------------------------------------------------
_PAIRS = {"（": "）", "(": ")", "《": "》", "“": "”", "‘": "’", "【": "】", "[": "]", "〔": "〕", "「": "」", "『": "』"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_ANY_MARK = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS) + '"') + "]")


def _unbalanced(passage: Passage) -> Iterator[Finding]:
    problem = bracket_problem(passage.text)
    if problem:
        yield finding("JX-T004", passage.path, passage.location, where=passage.label, problem=problem)


def bracket_problem(text: str) -> str | None:
    """A description of the first unbalanced bracket or quote, or None when all pairs close in order."""
    if not _ANY_MARK.search(text):
        return None  # most paragraphs: nothing to pair, skip the walk
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            stack.append((ch, i))
        elif ch in _CLOSERS:
            if not stack or stack[-1][0] != _CLOSERS[ch]:
                return f"“{ch}”没有对应的“{_CLOSERS[ch]}”（{_around(text, i)}）"
            stack.pop()
    if stack:
        ch, i = stack[-1]
        return f"“{ch}”没有对应的“{_PAIRS[ch]}”（{_around(text, i)}）"
    if text.count('"') % 2:
        return f"英文引号“\"”数量为奇数（{_around(text, text.rfind(chr(34)))}）"
    return None


def _around(text: str, i: int) -> str:
    return "…" + text[max(0, i - 6):i + 7] + "…"
