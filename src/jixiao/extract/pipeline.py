"""From a Document to ReportFacts: identity, finance, projects or tasks, indicators, verdict."""

from __future__ import annotations

from .conclusion import find_grade, find_items, find_score
from .document import Document
from .facts import ProjectFacts, ReportFacts
from .finance import read_finance
from .funds import read_fund_table
from .identity import find_department, find_report_type, find_unit, find_year
from .indicator_table import read_indicator_table
from .indicators import prose_project_indicators
from .verdict import met_from_values
from .narrative import read_narrative
from .finance import first_money, read_project_money
from .projects import apply_fund_rows, read_projects, reconcile
from .tasks import listed_projects, read_tasks
from .cells import cells as table_cells


def read_report(doc: Document) -> ReportFacts:
    cells = table_cells(doc.text)
    report = ReportFacts(year=find_year(doc), report_type=find_report_type(doc), unit=find_unit(doc))
    report.department = find_department(doc, cells, department_report=not _is_project(report))
    apply_fund_rows(report, read_fund_table(doc, cells), department=not _is_project(report))
    if _is_project(report):
        _read_project(doc, cells, report)
    else:
        report.projects = read_tasks(doc) or listed_projects(doc) or _department_indicators(doc, cells)
    if not _is_project(report):
        read_finance(doc, report, {p.start for p in report.projects})
    report.score = find_score(doc)
    report.grade = find_grade(doc)
    if _is_project(report):
        reconcile(report)
    report.problems = find_items(doc, "存在", "问题")
    report.measures = find_items(doc, "改进", "措施", "建议")
    report.narrative = read_narrative(doc)
    return report


def _department_indicators(doc: Document, cells) -> list[ProjectFacts]:
    """A 部门整体支出绩效自评表 lists the department's own indicators in one table, under no task."""
    indicators = read_indicator_table(doc, cells)
    return [ProjectFacts(indicators=indicators)] if indicators else []


def _is_project(report: ReportFacts) -> bool:
    return report.report_type is not None and report.report_type.value == "项目"


def _read_project(doc: Document, cells, report: ReportFacts) -> None:
    report.projects = read_projects(doc, cells, report)
    if len(report.projects) <= 1 and report.budget is None and report.executed is None:
        report.budget, report.executed, rate = read_project_money(doc)
        report.execution_rate = report.execution_rate or rate
    elif len(report.projects) > 1 and report.budget is None:  # several projects: only a stated total is the report's
        report.budget = first_money(doc, "project_money", "total")
    indicators = read_indicator_table(doc, cells) or prose_project_indicators(doc)
    for ind in indicators:
        ind.met = ind.met or met_from_values(ind)
    if report.projects:
        report.projects[0].indicators = indicators
    elif indicators:
        report.projects = [ProjectFacts(indicators=indicators)]
