"""What the text claims against what it shows (JX-T006–T011): a count and the items listed, a place name
written twice, "全部拨付" beside a rate below 100 %, years that contradict each other, a budget said to be
reduced that is still far above the spending, a form's instructions left where the unit's words belong.

Each rule reads passages (jixiao.checks.text.Passage): the narrative of input data, or the lines of a published
report's text. The words they look for are rule-set data (`checks:`), not lists written here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from decimal import Decimal

from ..model import HUNDRED, Evaluation, Finding, Level1, MoneyUnit
from ..model.catalogue import finding
from .compare import percent
from .params import CheckParams, alternation
from .text import Passage

_NUM = r"(\d+(?:\.\d+)?)"
_RATE = re.compile(r"(?:执行率|预算完成率|支出率|拨付率|完成预算的)[为是达:：]?\s*" + _NUM + r"\s*%")
_YEAR_AMOUNT = re.compile(r"(\d{4})\s*年(?!\d)")
_AMOUNT = re.compile(_NUM + r"\s*(万元|亿元)")
_UNITS = {u.value: u for u in MoneyUnit}
_DEADLINE = re.compile(r"(?:在|于|截至|截止)?\s*(\d{4})\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?|年?底|末)\s*(?:前|之前|以前)")
_LIST_SEP = "、"
_LEADS = ("内设", "下设", "直属", "所属", "下辖", "管辖", "设有", "共有")
_LIST_END = "。；;\n"
_DISTINCT_DIGITS = 4  # an amount shared by chance has fewer significant digits than this


def check_claims(passages: list[Passage], p: CheckParams, year: int | None = None,
                 rates: list[Decimal] = ()) -> Iterator[Finding]:
    """Every claim rule over the passages. `year` is the evaluated year; `rates` the execution rates the data
    give (evaluation_rates), beside those the text states."""
    yield from _counts_and_lists(passages, p)
    for passage in passages:
        yield from _doubled_place(passage, p)
        yield from _form_text(passage, p)
    every = [r for r in (*rates, *_stated_rates(passages)) if 0 < r <= HUNDRED]
    yield from _rate_claims(passages, min(every) if every else None, p)
    if year:
        yield from _years(passages, year)
    yield from _block_points(passages)
    for passage in passages:
        yield from _staffing(passage)


def evaluation_rates(ev: Evaluation) -> list[Decimal]:
    """The execution rates of the evaluation's money: the department's, or the project's."""
    nodes = [ev.finance, *ev.tasks] if len(ev.tasks) <= 1 else [ev.finance]
    return [r for r in (n.rate_or_stated() for n in nodes if n is not None) if r is not None]


# -- JX-T006 count and list ---------------------------------------------------------------------------------
_COUNT = re.compile(r"(\d+)\s*个")
_COLON = re.compile(r"[:：]")
_CJK = re.compile(r"[\u4e00-\u9fff]+$")  # search: the run ending a text; fullmatch: all of it


@cache
def _count_keys(nouns: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The nouns longest first, and the keys a count and a list meet on (内设 + 机构 = 内设机构)."""
    ordered = tuple(sorted(set(nouns), key=len, reverse=True))
    keys = tuple(sorted({lead + noun for lead in ("", *_LEADS) for noun in ordered}, key=len, reverse=True))
    return ordered, keys


def _counts_and_lists(passages: list[Passage], p: CheckParams) -> Iterator[Finding]:
    nouns, keys = _count_keys(tuple(p.organisation_nouns))
    counts: list[tuple[str, int, Passage, str, int]] = []
    lists: dict[str, tuple[int, Passage]] = {}

    def key(said: str) -> str:  # 人民政府内设机构 → 内设机构
        return next((k for k in keys if said.endswith(k)), said)

    def noun_before(text: str, at: int) -> str | None:
        """The organisation phrase ending right before `at` (直属事业单位|10个, 内设机构|:)."""
        run = _CJK.search(text[max(0, at - 10):at])
        return key(run.group(0)) if run and run.group(0).endswith(nouns) else None

    for passage in passages:
        text = passage.text
        for m in _COUNT.finditer(text) if "个" in text else ():
            after = text[m.end():m.end() + 8]
            noun = alternation(nouns).search(after)  # nearest, then longest there
            phrase = None
            if noun and noun.start() <= 4 and (noun.start() == 0 or _CJK.fullmatch(after[:noun.start()])):
                phrase = after[:noun.end()]
            lead = text[max(0, m.start() - 2):m.start()]
            said = ((lead if lead in _LEADS else "") + phrase) if phrase else noun_before(text, m.start())
            if said:
                counts.append((key(said), int(m.group(1)), passage, text[max(0, m.start() - 6):m.end() + len(phrase or "")],
                               m.end() + len(phrase or "")))
        for m in _COLON.finditer(text) if ":" in text or "：" in text else ():
            heading = noun_before(text, m.start())
            items = _items(text, m.end()) if heading else None
            if items is not None:
                lists.setdefault(heading, (items, passage))
    for counted, n, passage, said, end in counts:
        inline = _inline_items(passage.text, end)
        listed = inline if inline is not None else lists.get(counted, (None,))[0]
        if listed is not None and listed != n and n > 1:
            yield finding("JX-T006", passage.path, passage.location, where=passage.label, stated=said.strip(),
                          listed=listed)


def _inline_items(text: str, end: int) -> int | None:
    """Items listed right after a count: 10个，即…、…。 / 10个：…、…。"""
    m = re.match(r"\s*[,，]?\s*(?:即|包括|分别是|分别为|为|是)?\s*[:：]?", text[end:])
    if not m or not m.group(0).strip(" ,，"):
        return None
    return _items(text, end + m.end())


def _items(text: str, start: int) -> int | None:
    """How many items a 、-separated list starting at `start` names; None when it is no list, or an open one
    (等, 其中, a bracketed aside that may nest its own items)."""
    stop = min((i for i in (text.find(c, start) for c in _LIST_END) if i >= 0), default=len(text))
    body = text[start:stop].strip()
    if _LIST_SEP not in body or re.search(r"等|其中|[(（]|\d+\s*个", body):
        return None
    return body.count(_LIST_SEP) + 1


# -- JX-T007 doubled place name -------------------------------------------------------------------------
_PLACE_ENDS = "省市县区镇乡村"
_PLACE_END = re.compile(f"[{_PLACE_ENDS}]")
_PLACE_PAIR = re.compile(f"([{_PLACE_ENDS}])[\u4e00-\u9fff]{{2,5}}\\1")


def _doubled_place(passage: Passage, p: CheckParams) -> Iterator[Finding]:
    """A place name written twice running (六安市六安市): looked for only where a place ending (市, 区 …)
    is followed, 3–6 characters on, by the same ending."""
    text, told = passage.text, set()
    if not _PLACE_PAIR.search(text):
        return  # a name written twice has its ending twice, 3–6 characters apart
    for m in _PLACE_END.finditer(text):
        i, end = m.start(), m.group(0)
        for size in range(3, 7):
            if i + size >= len(text) or text[i + size] != end or i - size + 1 < 0:
                continue  # the second copy must end with the same character, `size` on
            name = text[i - size + 1:i + 1]
            if name not in told and text.startswith(name, i + 1) and _CJK.fullmatch(name):
                told.add(name)
                yield finding("JX-T007", passage.path, passage.location, where=passage.label, doubled=name * 2,
                              name=name)
                break


# -- JX-T011 form text left in ---------------------------------------------------------------------------
@cache
def _instructions(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.MULTILINE)


_INSTRUCTION_MAX = 150  # a cell left with only the form's instruction is short; a long text has the unit's words


def _form_text(passage: Passage, p: CheckParams) -> Iterator[Finding]:
    text = passage.text.strip()
    if len(text) > _INSTRUCTION_MAX:
        return
    if _instructions(tuple(p.form_instruction_patterns)).search(text):
        yield finding("JX-T011", passage.path, passage.location, where=passage.label, excerpt=text[:30])


# -- JX-T008 / T010 claims about the money against the rate ---------------------------------------------------
def _stated_rates(passages: list[Passage]) -> list[Decimal]:
    return [Decimal(m.group(1)) for passage in passages for m in _RATE.finditer(passage.text)]


_LOCAL_BUDGET = re.compile(r"(?:全年预算数|年度预算数|预算数|安排预算|预算资金)[为是:：]?\s*" + _NUM + r"\s*万元")
_LOCAL_SPENT = re.compile(r"(?:执行数|实际支出|支出数|实际使用)[为是:：]?\s*" + _NUM + r"\s*万元")


def _local_rate(text: str) -> Decimal | None:
    """The rate of the budget and spending one passage states (全年预算数为36.261万元…执行数为14.261万元)."""
    budget, spent = _LOCAL_BUDGET.search(text), _LOCAL_SPENT.search(text)
    if budget is None or spent is None or Decimal(budget.group(1)) <= 0:
        return None
    return Decimal(spent.group(1)) * HUNDRED / Decimal(budget.group(1))


def _rate_claims(passages: list[Passage], document_rate: Decimal | None, p: CheckParams) -> Iterator[Finding]:
    """A passage's own figures when it states them, else the document's lowest rate."""
    spent_words, reduced_words = alternation(tuple(p.fully_spent_words)), alternation(tuple(p.reduced_budget_words))
    for passage in passages:
        spent, reduced = spent_words.search(passage.text), reduced_words.search(passage.text)
        if not spent and not reduced:
            continue
        local = _local_rate(passage.text)
        rate = local if local is not None else document_rate
        if rate is None:
            continue
        if spent and rate < HUNDRED:
            yield finding("JX-T008", passage.path, passage.location, where=passage.label, claim=spent.group(0),
                          rate=percent(rate))
        if reduced and rate < p.exec_explain_threshold * HUNDRED:
            yield finding("JX-T010", passage.path, passage.location, where=passage.label, claim=reduced.group(0),
                          rate=percent(rate), times=f"{HUNDRED / rate:.1f}")


# -- JX-T009 years ----------------------------------------------------------------------------------------
def _years(passages: list[Passage], year: int) -> Iterator[Finding]:
    """A target due before the evaluated year; one sum of money put in two different years."""
    seen: dict[Decimal, tuple[int, Passage]] = {}
    told: set[Decimal] = set()
    previous = ""
    for passage in passages:
        plan, previous = _is_plan(passage, previous), passage.text
        if plan:
            for m in _DEADLINE.finditer(passage.text):
                if int(m.group(1)) < year:
                    yield finding("JX-T009", passage.path, passage.location, where=passage.label,
                                  problem=f"目标的完成期限“{m.group(0).strip()}”早于评价的 {year} 年度")
        if "万元" not in passage.text and "亿元" not in passage.text:
            continue
        for sentence in re.split(r"[。；;\n]", passage.text):
            years = list(_YEAR_AMOUNT.finditer(sentence))
            for m in _AMOUNT.finditer(sentence):
                before = [y for y in years if y.end() <= m.start()]
                if not before or len(m.group(1).replace(".", "").lstrip("0")) < _DISTINCT_DIGITS:
                    continue
                said, amount = int(before[-1].group(1)), Decimal(m.group(1)) * _unit(m.group(2))
                first = seen.setdefault(amount, (said, passage))
                if first[0] != said and year in (first[0], said) and amount not in told:
                    told.add(amount)
                    yield finding("JX-T009", passage.path, passage.location, where=passage.label,
                                  problem=f"{m.group(0)}写作 {said} 年的资金，{first[1].label}写作 {first[0]} 年的")


def _is_plan(passage: Passage, previous: str) -> bool:
    """A goal or target: by its field in input data; on a report's lines, under a line that names 目标."""
    if passage.path.startswith("text["):
        return "目标" in passage.text[:12] or "目标" in previous
    return passage.path.startswith("goals") or ".expected" in passage.path


def _unit(word: str) -> Decimal:
    return _UNITS[word].in_yuan


# -- JX-S008 the 一级 points stated twice ----------------------------------------------------------------------
_BLOCK_POINTS = re.compile("(" + "|".join(level.value for level in Level1) + r")\s*[(（]?\s*(\d+(?:\.\d+)?)\s*分")


def _block_points(passages: list[Passage]) -> Iterator[Finding]:
    """产出指标(70分) in the table's heading and 产出指标50分 in its note: one 一级 with two 分值."""
    first: dict[str, tuple[Decimal, Passage]] = {}
    told: set[str] = set()
    for passage in passages:
        if "指标" not in passage.text or "分" not in passage.text:
            continue
        for m in _BLOCK_POINTS.finditer(passage.text):
            block, points = m.group(1), Decimal(m.group(2))
            seen = first.setdefault(block, (points, passage))
            if seen[0] != points and block not in told:
                told.add(block)
                yield finding("JX-S008", passage.path, passage.location, block=block, points=_plain(points),
                              where=passage.label, other=seen[1].label, other_points=_plain(seen[0]))


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


# -- JX-T013 more staff than posts ---------------------------------------------------------------------------
_POSTS = re.compile(r"编制[^\d，。,;；(（]{0,4}?(\d+)\s*(?:人|名)|(\d+)\s*(?:人|名|个)编制")
_STAFF = re.compile(r"(?:在职|实有|在编|在岗)(?:人员|人数|职工)?[^\d，。,;；(（]{0,3}?(\d+)\s*(?:人|名)")
_CATEGORY = ("行政", "事业", "工勤", "专项", "机关", "参公", "全额", "差额", "自收")  # a part, not the total


def _staffing(passage: Passage) -> Iterator[Finding]:
    """编制 65 人 and 实有 41 人 in one passage: the first total of each (a category's part is skipped)."""
    if "编制" not in passage.text:
        return
    posts, staff = _total(_POSTS, passage.text), _total(_STAFF, passage.text)
    if posts and staff and int(staff[0]) > int(posts[0]) > 0:
        yield finding("JX-T013", passage.path, passage.location, where=passage.label, posts=posts[1], staff=staff[1])


def _total(pattern: re.Pattern[str], text: str) -> tuple[str, str] | None:
    for m in pattern.finditer(text):
        if not text[max(0, m.start() - 2):m.start()].endswith(_CATEGORY):
            return next(g for g in m.groups() if g), m.group(0).strip()
    return None
