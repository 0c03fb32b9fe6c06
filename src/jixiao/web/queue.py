"""The review queue's rows: filtered and sorted evaluations with last year's score beside this year's.

Only the figures stored with each current revision are read (never the documents), so the queue of a whole
district stays one light query plus one for the previous year.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F

from .models import Evaluation, Kind, Status

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
    return [QueueRow(e, last.get((e.department_id, e.kind, e.year.year - 1))) for e in rows], counts
