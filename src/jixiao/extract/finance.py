"""The finance block of a department report, from prose: 全年预算数 688.34 万元, 执行数 …, 按资金来源分 …

Each field has several phrasings, tried in order; the first that matches wins. A phrasing must be
followed by a number on the same line (a table header such as `项目支出:` on its own line is not a value).
"""

from __future__ import annotations

import re

from .document import Document
from .facts import LABELLED, Fact, ReportFacts
from .normalize import NUMBER, rate_percent, spaced, to_decimal

_GAP = r"[ \t]*(?:[:为是共计达]|合计|总额)?[ \t]*"  # between a label and its number, on one line
_MONEY = rf"(?P<num>{NUMBER})[ \t]*(?P<unit>万元|元)?"


def _alt(*labels: str) -> str:
    return "(?:" + "|".join(spaced(label) for label in labels) + ")"


def _money(*labels: str, unit_required: bool = False, lookbehind: str = "") -> re.Pattern[str]:
    unit = r"[ \t]*(?P<unit>万元|元)" if unit_required else r"[ \t]*(?P<unit>万元|元)?"
    return re.compile(rf"{lookbehind}{_alt(*labels)}{_GAP}(?P<num>{NUMBER}){unit}")


BUDGET = [_money("全年预算数", "调整后预算数", "全年预算"),
          _money("预算收入", "年度预算", "预算总额", "预算数", unit_required=True)]
EXECUTED = [_money("全年执行数", "执行数", "预算执行数", "实际支出", "决算数"),
            _money("支出", unit_required=True, lookbehind=r"(?<=年)")]
RATE = [re.compile(rf"{_alt('完成预算的', '预算执行率', '执行率', '预算完成率')}{_GAP}(?P<num>{NUMBER})[ \t]*(?P<pct>%)?")]
BASIC = [_money("基本支出")]
PROJECT = [_money("项目支出")]
CARRYOVER = [_money("年末结转和结余", "结转和结余", "结余结转", "结转结余", "年末结余")]

# by source: text label → canonical label of a department report
SOURCES = {
    "一般公共预算财政拨款": ("一般公共预算财政拨款", "一般公共预算拨款", "一般公共预算"),
    "政府性基金预算财政拨款": ("政府性基金预算财政拨款", "政府性基金拨款", "政府性基金预算", "政府性基金"),
    "国有资本经营预算财政拨款": ("国有资本经营预算财政拨款", "国有资本经营预算"),
    "其他资金": ("其他资金", "其他收入"),
}
_SOURCE_TAIL = rf"(?:\s*{spaced('财政拨款')})?(?:\s*(?:{spaced('支出')}|{spaced('收入')}|{spaced('来源')}|{spaced('拨款')}))?"


def _first(doc: Document, patterns: list[re.Pattern[str]], skip: set[int]) -> tuple[re.Match[str] | None, Fact | None]:
    for pattern in patterns:
        for m in pattern.finditer(doc.text):
            if m.start() in skip:
                continue
            value = to_decimal(m.group("num"))
            if value is not None:
                return m, doc.fact(value, m.start("num"), m.end("num"), LABELLED)
    return None, None


def read_finance(doc: Document, report: ReportFacts, project_spans: set[int]) -> None:
    """Fill the department finance fields the text states; `project_spans` are starts of task figures to skip."""
    if report.budget is None:
        _, report.budget = _first(doc, BUDGET, project_spans)
    if report.executed is None:
        _, report.executed = _first(doc, EXECUTED, project_spans)
    if report.execution_rate is None:
        m, _ = _first(doc, RATE, project_spans)
        if m:
            report.execution_rate = doc.fact(rate_percent(m.group("num") + (m.group("pct") or "")),
                                             m.start("num"), m.end("num"))
    _, report.basic = _first(doc, BASIC, set())
    _, report.project = _first(doc, PROJECT, set())
    _, report.carryover = _first(doc, CARRYOVER, set())
    if not report.by_source:
        report.by_source = _by_source(doc)


def _by_source(doc: Document) -> dict[str, Fact]:
    found: dict[str, Fact] = {}
    for canonical, labels in SOURCES.items():
        pattern = re.compile(rf"{_alt(*labels)}{_SOURCE_TAIL}[ \t]*[:为]?[ \t]*(?P<num>{NUMBER})[ \t]*(?:万元|元)?")
        for m in pattern.finditer(doc.text):
            value = to_decimal(m.group("num"))
            if value is not None:
                found[canonical] = doc.fact(value, m.start("num"), m.end("num"))
                break
    return found
