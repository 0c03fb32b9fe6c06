"""A 项目支出绩效自评表: one project, its name from 项目名称, its money from the funding table.

Also the prose form of a project report that only says how much was allotted:
`下达2022年某某专项资金20万元`.
"""

from __future__ import annotations

import re

from .document import Document
from .facts import INFERRED, TABLE_COLUMN, Fact, ProjectFacts, ReportFacts
from .funds import FundRow
from .normalize import NUMBER, clean, to_decimal
from .cells import Cell

_NAME_LABEL = re.compile(r"^项目名称\s*[:]?$")
_NAME_INLINE = re.compile(r"项目名称\s*:\s*(?P<name>[^\s|]{2,60})")
_ALLOTTED = re.compile(rf"下达(?:(?:19|20)\d{{2}}年度?)?(?P<name>[\u4e00-\u9fff]{{2,30}}?(?:专项资金|资金|经费))(?P<num>{NUMBER})\s*万元")


def project_name(doc: Document, cells: list[Cell]) -> Fact | None:
    for i, cell in enumerate(cells):
        if _NAME_LABEL.match(cell.text):
            nxt = next((c for c in cells[i + 1:i + 3] if not c.empty), None)
            if nxt is not None and not _NAME_LABEL.match(nxt.text) and "主管部门" not in nxt.text:
                return doc.fact(clean(nxt.text), nxt.start, nxt.end, TABLE_COLUMN)
    m = _NAME_INLINE.search(doc.text)
    if m:
        return doc.fact(clean(m.group("name")), m.start("name"), m.end("name"))
    return None


def apply_fund_rows(report: ReportFacts, rows: list[FundRow]) -> None:
    """Totals from the 年度资金总额 row; every other row with a 全年预算数 becomes a by-source entry."""
    for row in rows:
        if row.total:
            report.budget = report.budget or row.values.get("budget")
            report.executed = report.executed or row.values.get("executed")
            report.execution_rate = report.execution_rate or row.values.get("rate")
        elif "budget" in row.values:
            report.by_source.setdefault(row.label, row.values["budget"])


def form_project(doc: Document, cells: list[Cell], report: ReportFacts) -> ProjectFacts | None:
    name = project_name(doc, cells)
    if name is None:
        return None
    return ProjectFacts(name=name, budget=report.budget, executed=report.executed,
                        execution_rate=report.execution_rate, start=name.location.span[0] if name.location else 0)


def allotted_project(doc: Document) -> ProjectFacts | None:
    m = _ALLOTTED.search(doc.text)
    if not m:
        return None
    name = doc.fact(clean(m.group("name")), m.start("name"), m.end("name"), INFERRED)
    budget = doc.fact(to_decimal(m.group("num")), m.start("num"), m.end("num"), INFERRED)
    return ProjectFacts(name=name, budget=budget, start=m.start())
