"""整改 items: made from the 存在的主要问题 of a year's accepted self-evaluations (each paired with the measure
written beside it) and from the reviewers' comments, followed to their deadline, shown again the next year."""

from __future__ import annotations

from django.db import transaction

from ..checks import OpenItem
from .analysis import rectification_findings
from .models import ACCEPTED_STATUSES, Comment, Evaluation, Rectification, Stage


def _texts(items) -> list[str]:
    return [(p.get("text") if isinstance(p, dict) else str(p or "")).strip() for p in items or []]


@transaction.atomic
def generate(year: int, user) -> int:
    """Items for every accepted evaluation of the year that has none yet for the same text; returns how many."""
    made = 0
    # only problems the bureau has accepted as the unit's record
    for ev in Evaluation.objects.filter(year__year=year, status__in=ACCEPTED_STATUSES, stage=Stage.SELF).select_related(
            "current", "department"):
        document = ev.current.document if ev.current else {}
        problems, measures = _texts(document.get("problems")), _texts(document.get("measures"))
        found = [("单位自评", p, measures[i] if i < len(measures) else "") for i, p in enumerate(problems) if p]
        found += [("审核意见", c.text.strip(), "") for c in Comment.objects.filter(evaluation=ev) if c.text.strip()]
        for origin, problem, measure in found:
            _, created = Rectification.objects.get_or_create(
                evaluation=ev, problem=problem[:2000],
                defaults={"department": ev.department, "year": year, "origin": origin, "measure": measure[:2000],
                          "created_by": user})
            made += created
    return made


def open_before(department_id: int, year: int):
    """The department's items of earlier years not yet closed: shown in its self-evaluation of `year`."""
    return unclosed().filter(department_id=department_id, year__lt=year).order_by("year", "pk")


def unclosed():
    """Items the bureau has not closed (销号): still open, whatever the department reported."""
    return Rectification.objects.exclude(state=Rectification.State.DONE)


def as_open_items(items) -> list[OpenItem]:
    """Items as the library's plain data (jixiao.checks.OpenItem), for the 整改 checks."""
    return [OpenItem(r.year, r.problem, r.measure, r.owner, r.deadline, r.get_state_display()) for r in items]


def findings_for(evaluation, items) -> list[dict]:
    """The 整改 findings (JX-Z…) of a loaded document (jixiao.model Evaluation) beside these open items,
    computed now (see analysis)."""
    return rectification_findings(evaluation, as_open_items(items))
