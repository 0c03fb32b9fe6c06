"""The finance bureau's dashboard: a year's scores, grades, execution rates, common findings, changes."""

from __future__ import annotations

from django.shortcuts import render

from .. import dashboard
from ..models import Kind, Year
from ..permissions import require_reviewer, visible_evaluations


def _year(request, years: list[int]) -> int | None:
    wanted = request.GET.get("year", "")
    if wanted.isdigit() and int(wanted) in years:
        return int(wanted)
    return years[0] if years else None


def index(request):
    require_reviewer(request.user)
    years = list(Year.objects.order_by("-year").values_list("year", flat=True))
    year = _year(request, years)
    kind = request.GET.get("kind", "")
    board = dashboard.build(visible_evaluations(request.user), year, kind) if year is not None else None
    return render(request, "web/dashboard/index.html", {
        "board": board, "years": years, "year": year, "kind": kind if kind in Kind.values else "",
        "kinds": Kind.choices, "charts": board.chart_data() if board else None,
    })
