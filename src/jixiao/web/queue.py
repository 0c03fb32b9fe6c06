"""The review queue's rows: filtered and sorted evaluations with last year's score beside this year's.

Only the figures stored with each current revision are read (never the documents), so the queue of a whole
district stays one light query plus one for the previous year.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import F

from ..checks.rectification import overdue
from .models import Evaluation, Kind, Status
from .rectification import unclosed

# ?order= value → ORDER BY; a leading - is descending. Missing scores sort last either way.
ORDERS = {
    "department": ("department__name", "-year__year"),
    "score": (F("current__score").asc(nulls_last=True), "department__name"),
    "-score": (F("current__score").desc(nulls_last=True), "department__name"),
    "errors": (F("current__errors").desc(nulls_last=True), "department__name"),
    "rate": (F("current__execution_rate").asc(nulls_last=True), "department__name"),
    "updated": ("-updated_at",),
}
DEFAULT_ORDER = ("-year__year", "department__name")
LIGHT = ("current__document", "current__findings")  # what the queue never shows


@dataclass
class QueueRow:
    evaluation: Evaluation
    last_score: Decimal | None  # the same department and kind, the year before
    open_rectifications: int = 0  # the department's 整改 items of earlier years not done, counted now
    overdue_rectifications: int = 0  # of them past their deadline by the year's end: JX-Z001 warnings

    @property
    def warnings(self) -> int:
        """The revision's stored warnings and, counted now, its JX-Z001 (an item marked done drops out at once)."""
        stored = self.evaluation.current.warnings if self.evaluation.current else 0
        return stored + self.overdue_rectifications

    @property
    def change(self) -> Decimal | None:
        score = self.evaluation.current.score if self.evaluation.current else None
        return None if score is None or self.last_score is None else score - self.last_score


def queue_rows(evaluations, year: str = "", kind: str = "", status: str = "", order: str = "") -> tuple[list[QueueRow], Counter]:
    """The filtered rows and, for the same year and kind filters, how many evaluations are in each status."""
    qs = evaluations.defer(*LIGHT)
    if year.isdigit():
        qs = qs.filter(year__year=int(year))
    if kind in Kind.values:
        qs = qs.filter(kind=kind)
    counts = Counter(qs.values_list("status", flat=True))
    if status in Status.values:
        qs = qs.filter(status=status)
    qs = qs.order_by(*ORDERS.get(order, DEFAULT_ORDER))
    rows = list(qs)
    wanted = {(e.department_id, e.kind, e.year.year - 1) for e in rows}
    last = {}
    if wanted:
        earlier = (evaluations.filter(year__year__in={y for _, _, y in wanted}, current__isnull=False)
                   .values_list("department_id", "kind", "year__year", "current__score"))
        last = {(d, k, y): score for d, k, y, score in earlier if (d, k, y) in wanted}
    result = [QueueRow(e, last.get((e.department_id, e.kind, e.year.year - 1))) for e in rows]
    _count_rectifications(result)
    return result, counts


def _count_rectifications(rows: list[QueueRow]) -> None:
    """Each row's open 整改 items of earlier years and how many are overdue (one query for the whole queue)."""
    if not rows:
        return
    items = (unclosed().filter(department_id__in={r.evaluation.department_id for r in rows},
                               year__lt=max(r.evaluation.year.year for r in rows))
             .values_list("department_id", "year", "deadline"))
    by_department: dict[int, list[tuple[int, date | None]]] = {}
    for department, year, deadline in items:
        by_department.setdefault(department, []).append((year, deadline))
    for row in rows:
        if row.evaluation.is_targets:  # 整改 is asked of the self-evaluation, not of next year's targets
            continue
        year = row.evaluation.year.year
        earlier = [d for y, d in by_department.get(row.evaluation.department_id, ()) if y < year]
        row.open_rectifications = len(earlier)
        row.overdue_rectifications = sum(overdue(d, year) for d in earlier)
