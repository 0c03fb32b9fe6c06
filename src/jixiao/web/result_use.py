"""结果应用 in the web app: a year's evaluations with the advice the bureau's rules give for each grade, the
bureau's own advice where it departs from them, and the table as XLSX.

The rules are jixiao.rules.result_use's (the shipped file, or the bureau's own: settings.RESULT_USE_FILE).
The grade is the one stored with each evaluation's current version, as on the dashboard. Only an evaluation
the bureau has accepted (审核通过 or 已公开) gets advice: a draft's or a submitted one's grade is not yet the
year's result, and a budget cut must not follow from a form still being filled in.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from ..render.advice import AdviceRow
from ..rules.result_use import AdviceRules, advice_rules
from . import dashboard
from .models import ACCEPTED_STATUSES, BudgetAdvice


def rules() -> AdviceRules:
    return advice_rules(settings.RESULT_USE_FILE or None)


@dataclass
class Row:
    pk: int
    department: str
    kind_label: str
    score: Decimal | None
    grade: str
    rule_action: str
    rule_budget: str
    adjusted: BudgetAdvice | None
    pending: str = ""  # the status label of an evaluation not yet accepted: no advice for it yet

    @property
    def action(self) -> str:
        return self.adjusted.action if self.adjusted else self.rule_action

    @property
    def budget(self) -> str:
        return self.adjusted.budget if self.adjusted else self.rule_budget

    def as_advice_row(self) -> AdviceRow:
        return AdviceRow(self.department, self.kind_label, self.score, self.grade, self.rule_action, self.rule_budget,
                         self.action, self.budget, self.adjusted.reason if self.adjusted else "",
                         f"尚未审核通过（{self.pending}）" if self.pending else "")


def rows(evaluations, year: int, kind: str = "") -> list[Row]:
    """One row per evaluation of the year this user sees; advice for the accepted ones that have a grade."""
    board = dashboard.build(evaluations, year, kind)
    given = rules()
    adjusted = {a.evaluation_id: a for a in BudgetAdvice.objects.filter(evaluation_id__in=[r.pk for r in board.rows])}
    out = []
    for r in board.rows:
        settled = r.status in ACCEPTED_STATUSES
        advice = given.advice(r.grade) if settled else None
        out.append(Row(r.pk, r.department, r.kind_label, r.score, r.grade,
                       advice.action if advice else "", advice.budget if advice else "", adjusted.get(r.pk),
                       pending="" if settled else r.status_label))
    return out
