"""The finance bureau's dashboard: a year's scores, grades, execution rates, common findings, changes."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .. import dashboard
from ..models import Kind, Year
from ..permissions import require_reviewer, visible_evaluations


def _year(request, years: list[int]) -> int | None:
    wanted = request.GET.get("year", "")
    if wanted.isdigit() and int(wanted) in years:
        return int(wanted)
    return years[0] if years else None


def _figure(value, suffix: str = "") -> str:
    return "—" if value is None else f"{value:f}{suffix}"


def _change(value) -> SafeString | str:
    if value is None:
        return "—"
    return format_html('<span class="{}">{}{}</span>', "down" if value < 0 else "up", "+" if value > 0 else "", f"{value:f}")


def rows_html(board: dashboard.Dashboard) -> SafeString:
    """The detail table's rows, built in one pass: 300 departments through the template engine cost ~90 ms."""
    if not board.rows:
        return format_html('<tr><td colspan="8">{}</td></tr>', "这一年度还没有自评。")
    edit = reverse("edit", args=[0])[:-2]  # "/e/0/" → "/e/"
    return format_html_join("\n", '<tr><td><a href="{}{}/">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
                            '<td>{}</td><td>{}</td><td>{}</td></tr>', (
        (edit, r.pk, r.department, r.kind_label, r.status_label, _figure(r.score), r.grade or "—",
         _figure(r.rate, "%"), _figure(r.last_score), _change(r.change)) for r in board.rows))


def index(request):
    require_reviewer(request.user)
    years = list(Year.objects.order_by("-year").values_list("year", flat=True))
    year = _year(request, years)
    kind = request.GET.get("kind", "")
    board = dashboard.build(visible_evaluations(request.user), year, kind) if year is not None else None
    return render(request, "web/dashboard/index.html", {
        "board": board, "years": years, "year": year, "kind": kind if kind in Kind.values else "",
        "kinds": Kind.choices, "charts": board.chart_data() if board else None,
        "rows_html": rows_html(board) if board else "",
    })
