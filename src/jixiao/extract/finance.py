"""Money in prose: 全年预算数 688.34 万元, 共支出1211.89万元, 部门预算总金额 803.74 万元, 计划投资2179万元 …

The labels are data (vocab/fields.yaml `finance`, `project_money`, `sources`), tried in the order given;
the first label that occurs with a number wins. A label must be followed by its number on the same line
(a table header such as `项目支出:` on its own line is not a value), and a number followed by 年 is a
year (`2018年决算数`), not an amount.
"""

from __future__ import annotations

import re
from functools import cache

from . import vocab
from .document import Document
from .facts import LABEL, LABELLED, Fact, ReportFacts
from .normalize import NUMBER, rate_percent, to_decimal

_GAP = r"[ \t]*(?:均|共|约|为|是|达到|达|:|计|共计|合计|总额|总计)?[ \t]*(?:为|达到|达|:)?[ \t]*"
_UNIT = r"(?:亿元|万元|元)"
_NOT_YEAR = r"(?![\d.]|[ \t]*年|[ \t]*[-/]\d)"


@cache
def _patterns(section: str, field: str) -> list[tuple[re.Pattern[str], str]]:
    """(pattern, label text) per vocabulary entry of fields.yaml[section][field], in order."""
    out = []
    for entry in vocab.fields()[section][field]:
        unit = rf"[ \t]*(?P<unit>{_UNIT})" if entry.get("unit_required") else rf"[ \t]*(?P<unit>{_UNIT})?"
        before = r"(?<=年)" if entry.get("after_year") else r"(?<![\u4e00-\u9fff])" if len(entry["labels"][0]) <= 2 else ""
        labels = vocab.alternation(entry["labels"])
        if field in ("rate",):
            pattern = rf"(?P<label>{labels}){_GAP}(?P<num>{NUMBER}){_NOT_YEAR}[ \t]*(?P<pct>%)?"
        else:
            pattern = rf"{before}(?P<label>{labels}){_GAP}(?P<num>{NUMBER}){_NOT_YEAR}{unit}"
        out.append((re.compile(pattern), "、".join(entry["labels"][:3])))
    return out


def first_money(doc: Document, section: str, field: str, skip: set[int] = frozenset(),
                start: int = 0, end: int | None = None) -> Fact | None:
    end = len(doc.text) if end is None else end
    for pattern, _ in _patterns(section, field):
        for m in pattern.finditer(doc.text, start, end):
            if m.start() in skip:
                continue
            if field == "rate":
                value = rate_percent(m.group("num") + (m.group("pct") or ""))
            else:
                value = to_decimal(m.group("num"))
            if value is not None:
                label = re.sub(r"\s+", "", m.group("label"))
                return doc.fact(value, m.start("num"), m.end("num"), LABELLED, LABEL, f"标签“{label}”后的数字")
    return None


def read_finance(doc: Document, report: ReportFacts, project_spans: set[int]) -> None:
    """Fill the department finance fields the text states; `project_spans` are starts of task figures to skip."""
    if report.budget is None:
        report.budget = _adjusted_budget(doc) or first_money(doc, "finance", "budget", project_spans)
    if report.executed is None:
        report.executed = first_money(doc, "finance", "executed", project_spans)
    if report.execution_rate is None:
        report.execution_rate = first_money(doc, "finance", "rate", project_spans)
    report.basic = first_money(doc, "finance", "basic")
    report.project = first_money(doc, "finance", "project")
    report.carryover = first_money(doc, "finance", "carryover")
    if not report.by_source:
        report.by_source = _by_source(doc)


def read_project_money(doc: Document) -> tuple[Fact | None, Fact | None, Fact | None]:
    """A project report's 预算 (or 下达/计划投资 …), 执行 (实际支出, 已拨付 …) and 执行率, from prose."""
    budget = first_money(doc, "project_money", "budget") or _allotted(doc)
    executed = first_money(doc, "project_money", "executed")
    rate = first_money(doc, "finance", "rate")
    return budget, executed, rate


_ALLOTTED = re.compile(rf"下达[^。\n]{{0,80}}?(?:资金|经费)[ \t]*(?P<num>{NUMBER}){_NOT_YEAR}[ \t]*{_UNIT}")


def _allotted(doc: Document) -> Fact | None:
    """`下达…转移支付资金921.25万元`: the sum a fund was allotted; none when several levels each allot a part
    (中央下达 9056, 省级下达 804 …: no total is stated)."""
    found = list(_ALLOTTED.finditer(doc.text))
    if not found or len({m.group("num") for m in found}) > 1:
        return None
    m = found[0]
    return doc.fact(to_decimal(m.group("num")), m.start("num"), m.end("num"), LABELLED, LABEL, "“下达……资金”后的数字")


def _adjusted_budget(doc: Document) -> Fact | None:
    """`部门整体支出预算调整 1922.76 2690.62`: initial and adjusted budget on one row; the adjusted one counts."""
    for pattern, _ in _adjusted_patterns():
        m = pattern.search(doc.text)
        if m:
            return doc.fact(to_decimal(m.group("num")), m.start("num"), m.end("num"), LABELLED, LABEL,
                            "“预算调整”一行的调整后数字")
    return None


@cache
def _adjusted_patterns() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for entry in vocab.fields()["finance"]["budget_adjusted"]:
        labels = vocab.alternation(entry["labels"])
        out.append((re.compile(rf"{labels}[ \t|]*{NUMBER}{_NOT_YEAR}[ \t|]+(?P<num>{NUMBER}){_NOT_YEAR}"), ""))
    return out


_SOURCE_TAIL = r"(?:\s*财\s*政\s*拨\s*款)?(?:\s*(?:支\s*出|收\s*入|来\s*源|拨\s*款))?"


@cache
def _source_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(canonical, re.compile(rf"{vocab.alternation(labels)}{_SOURCE_TAIL}[ \t]*[:为]?[ \t]*(?P<num>{NUMBER})"
                                   rf"{_NOT_YEAR}[ \t]*(?:{_UNIT})?"))
            for canonical, labels in vocab.fields()["sources"].items()]


def _by_source(doc: Document) -> dict[str, Fact]:
    found: dict[str, Fact] = {}
    for canonical, pattern in _source_patterns():
        for m in pattern.finditer(doc.text):
            value = to_decimal(m.group("num"))
            if value is not None:
                found[canonical] = doc.fact(value, m.start("num"), m.end("num"), LABELLED, LABEL,
                                            f"资金来源“{canonical}”后的数字")
                break
    return found
