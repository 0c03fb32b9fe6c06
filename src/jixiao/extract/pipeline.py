"""From a Document to ReportFacts: identity, finance, projects or tasks, indicators, verdict."""

from __future__ import annotations

from .conclusion import find_grade, find_items, find_score
from .document import Document
from .facts import ReportFacts
from .finance import read_finance
from .funds import read_fund_table
from .identity import find_department, find_report_type, find_unit, find_year
from .indicator_table import read_indicator_table
from .narrative import read_narrative
from .project_form import allotted_project, apply_fund_rows, form_project
from .tasks import read_tasks
from .cells import cells as table_cells


def read_report(doc: Document) -> ReportFacts:
    cells = table_cells(doc.text)
    report = ReportFacts(year=find_year(doc), report_type=find_report_type(doc), unit=find_unit(doc))
    report.department = find_department(doc, cells, department_report=not _is_project(report))
    apply_fund_rows(report, read_fund_table(doc, cells))
    if _is_project(report):
        _read_project(doc, cells, report)
    else:
        report.projects = read_tasks(doc)
    task_starts = {p.start for p in report.projects}
    read_finance(doc, report, task_starts)
    if _is_project(report):  # a project report's by-nature split is not a department's
        report.basic = report.project = None
    report.score = find_score(doc)
    report.grade = find_grade(doc)
    report.problems = find_items(doc, "存在", "问题")
    report.measures = find_items(doc, "改进", "措施", "建议")
    report.narrative = read_narrative(doc)
    return report


def _is_project(report: ReportFacts) -> bool:
    return report.report_type is not None and report.report_type.value == "项目"


def _read_project(doc: Document, cells, report: ReportFacts) -> None:
    project = form_project(doc, cells, report)
    if project is not None:
        project.indicators = read_indicator_table(doc, cells)
        report.projects = [project]
        return
    project = allotted_project(doc)
    if project is not None:
        report.projects = [project]
        report.budget = report.budget or project.budget
