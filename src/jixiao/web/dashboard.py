"""The finance bureau's year at a glance: the figures behind the dashboard's charts.

Everything comes from what each current revision stored when it was saved (score, grade, execution rate,
findings — computed by jixiao.review); nothing is rescored here. Counting is done by the database: one query
for the year's rows (without the documents), one for last year's scores, one grouped query for the findings.
"""

from __future__ import annotations

import typing
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection

from ..model.catalogue import catalogue
from ..rules.ruleset import Grade
from .models import Evaluation, Kind, Revision

# 优/良/中/差 in the rule sets' order (the one place grades are defined)
GRADES: tuple[str, ...] = typing.get_args(Grade.model_fields["grade"].annotation)
# score bands of the distribution: [low, high) in points, the last one closed at 100
BANDS: tuple[tuple[int, int], ...] = ((0, 60), (60, 70), (70, 80), (80, 90), (90, 100))
TOP_FINDINGS = 10


def band_label(low: int, high: int) -> str:
    """A band holds its lower bound: 80–90分 is 80 up to 89.99."""
    return f"{low}分及以上" if high == 100 else f"{low}–{high}分" if low else f"{high}分以下"


@dataclass
class DepartmentRow:
    pk: int
    department: str
    kind_label: str
    status_label: str
    score: Decimal | None
    grade: str
    rate: Decimal | None
    last_score: Decimal | None
    change: Decimal | None = None
    status: str = ""  # the workflow status (draft, submitted, accepted …)

    def __post_init__(self):
        if self.score is not None and self.last_score is not None:
            self.change = self.score - self.last_score


@dataclass
class FindingRow:
    code: str
    title: str
    evaluations: int  # how many evaluations have it
    times: int  # how many times in all


@dataclass
class Dashboard:
    year: int
    kind: str
    rows: list[DepartmentRow] = field(default_factory=list)
    bands: list[tuple[str, int]] = field(default_factory=list)
    grades: list[tuple[str, int]] = field(default_factory=list)
    findings: list[FindingRow] = field(default_factory=list)

    @property
    def scored(self) -> int:
        return sum(1 for r in self.rows if r.score is not None)

    def chart_data(self) -> dict:
        """Plain JSON for static/web/dashboard.js (numbers as strings with 2 decimals, exact as stored)."""
        def num(v):
            return None if v is None else format(v, "f")

        by_rate = sorted((r for r in self.rows if r.rate is not None), key=lambda r: (r.rate, r.department))
        changed = sorted((r for r in self.rows if r.change is not None), key=lambda r: (r.change, r.department))
        return {
            "bands": {"labels": [b for b, _ in self.bands], "counts": [n for _, n in self.bands]},
            "grades": {"labels": [g for g, _ in self.grades], "counts": [n for _, n in self.grades]},
            "rates": {"labels": [r.department for r in by_rate], "values": [num(r.rate) for r in by_rate],
                      "links": [r.pk for r in by_rate]},
            "changes": {"labels": [r.department for r in changed], "values": [num(r.change) for r in changed],
                        "links": [r.pk for r in changed]},
            "findings": {"labels": [f"{f.code} {f.title}" for f in self.findings],
                         "counts": [f.evaluations for f in self.findings]},
        }


def _band(score: Decimal) -> int:
    for i, (low, high) in enumerate(BANDS):
        if score < high:
            return i
    return len(BANDS) - 1


def _finding_counts(revision_ids: list[int]) -> list[tuple[str, int, int]]:
    """(code, evaluations, occurrences) over the findings stored with these revisions, most frequent first."""
    if not revision_ids:
        return []
    table = Revision._meta.db_table
    if connection.vendor == "postgresql":
        elements, code = "jsonb_array_elements(r.findings) AS f", "f->>'code'"
        where, params = "r.id = ANY(%s)", [revision_ids]
    else:  # SQLite's JSON1
        elements, code = "json_each(r.findings) AS f", "json_extract(f.value, '$.code')"
        where, params = f"r.id IN ({','.join(['%s'] * len(revision_ids))})", list(revision_ids)
    sql = (f"SELECT {code} AS code, COUNT(DISTINCT r.id), COUNT(*) FROM {table} r, {elements} "
           f"WHERE {where} GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1 LIMIT {TOP_FINDINGS}")
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return [(c, int(n), int(t)) for c, n, t in cur.fetchall() if c]


def build(evaluations, year: int, kind: str = "") -> Dashboard:
    """The dashboard of one year over the evaluations this user sees (a queryset, permissions applied)."""
    qs = evaluations.filter(year__year=year)
    if kind in Kind.values:
        qs = qs.filter(kind=kind)
    fields = ("pk", "department_id", "department__name", "kind", "status", "current_id",
              "current__score", "current__grade", "current__execution_rate")
    rows = list(qs.order_by("department__name", "kind").values_list(*fields))
    wanted = {(d, k) for _, d, _, k, *_ in rows}
    last = {}
    if wanted:
        earlier = evaluations.filter(year__year=year - 1, current__isnull=False)
        if kind in Kind.values:
            earlier = earlier.filter(kind=kind)
        last = {(d, k): s for d, k, s in earlier.values_list("department_id", "kind", "current__score") if (d, k) in wanted}
    kinds, statuses = dict(Kind.choices), dict(Evaluation._meta.get_field("status").choices)
    board = Dashboard(year=year, kind=kind)
    board.rows = [DepartmentRow(pk, name, kinds.get(k, k), statuses.get(st, st), score, grade or "", rate, last.get((d, k)),
                                status=st)
                  for pk, d, name, k, st, _cur, score, grade, rate in rows]
    bands = Counter(_band(r.score) for r in board.rows if r.score is not None)
    board.bands = [(band_label(low, high), bands.get(i, 0)) for i, (low, high) in enumerate(BANDS)]
    grades = Counter(r.grade for r in board.rows if r.grade)
    board.grades = [(g, grades.get(g, 0)) for g in GRADES]
    titles = catalogue()
    board.findings = [FindingRow(code, titles[code].title if code in titles else code, n, t)
                      for code, n, t in _finding_counts([cur for *_, cur, _s, _g, _r in rows if cur])]
    return board
