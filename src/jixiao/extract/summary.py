"""The `--summary` JSON: one flat record per report, exactly the documented shape, null where the text is silent."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .facts import Fact, IndicatorFacts, ProjectFacts, ReportFacts

SUMMARY_KEYS = ("department", "year", "report_type", "unit", "budget_total", "executed_total",
                "execution_rate_pct", "by_source", "basic_expenditure", "project_expenditure", "carryover",
                "projects", "self_score", "grade", "problems_count")


def _v(fact: Fact | None) -> Any:
    if fact is None:
        return None
    value = fact.value
    if isinstance(value, Decimal):
        return _number(value)
    return value


def _number(value: Decimal) -> int | float:
    """JSON number as the text wrote it: 100 stays 100, 91.20 becomes 91.2 (JSON has no trailing zeros)."""
    if value == value.to_integral_value() and value.as_tuple().exponent >= 0:
        return int(value)
    return float(value)


def summarize(report: ReportFacts) -> dict[str, Any]:
    return {
        "department": _v(report.department),
        "year": _v(report.year),
        "report_type": _v(report.report_type),
        "unit": _v(report.unit),
        "budget_total": _v(report.budget),
        "executed_total": _v(report.executed),
        "execution_rate_pct": _v(report.execution_rate),
        "by_source": {label: _v(fact) for label, fact in report.by_source.items()},
        "basic_expenditure": _v(report.basic),
        "project_expenditure": _v(report.project),
        "carryover": _v(report.carryover),
        "projects": [_project(p) for p in report.projects],
        "self_score": _v(report.score),
        "grade": _v(report.grade),
        "problems_count": len(report.problems) if report.problems is not None else None,
    }


def _project(p: ProjectFacts) -> dict[str, Any]:
    return {
        "name": _v(p.name),
        "budget": _v(p.budget),
        "executed": _v(p.executed),
        "execution_rate_pct": _v(p.execution_rate),
        "indicators": [_indicator(i) for i in p.indicators],
    }


def _indicator(i: IndicatorFacts) -> dict[str, Any]:
    return {
        "name": _v(i.name),
        "period_target": _v(i.period_target),
        "target": _v(i.target),
        "actual": _v(i.actual),
        "met": _v(i.met),
    }
