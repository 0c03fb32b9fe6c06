"""信息公开: read-only pages of the published evaluations, open without an account."""

from __future__ import annotations

from urllib.parse import quote

from django.http import Http404, HttpResponse
from django.shortcuts import render

from ..exports import CONTENT_TYPES, ExportUnavailable
from ..models import Kind
from ..public import FORMATS, public_file, published, report_format


def _published(pk) -> object:
    try:
        return published().get(pk=int(pk))
    except (ValueError, TypeError, published().model.DoesNotExist):
        raise Http404("没有找到这份公开的自评。")


def index(request):
    evaluations = published().order_by("-year__year", "department__name", "kind")
    years = sorted({e.year.year for e in evaluations}, reverse=True)
    departments = sorted({e.department.name for e in evaluations})
    year, department = request.GET.get("year", ""), request.GET.get("department", "")
    if year.isdigit():
        evaluations = evaluations.filter(year__year=int(year))
    if department:
        evaluations = evaluations.filter(department__name=department)
    return render(request, "web/public/index.html", {
        "evaluations": evaluations, "years": years, "departments": departments,
        "chosen": {"year": year, "department": department}, "report_format": report_format(), "formats": FORMATS,
    })


def detail(request, pk):
    evaluation = _published(pk)
    report = report_format()
    return render(request, "web/public/detail.html", {
        "ev": evaluation, "files": [(fmt, FORMATS[fmt]) for fmt in (report, "xlsx")],
        "kind_label": Kind(evaluation.kind).label,
    })


def download(request, pk, fmt):
    evaluation = _published(pk)
    if fmt not in FORMATS:
        raise Http404("不支持的格式")
    try:
        data = public_file(evaluation, fmt)
    except ExportUnavailable as exc:
        return render(request, "web/public/detail.html", {
            "ev": evaluation, "files": [(f, FORMATS[f]) for f in ("docx", "xlsx")], "problem": str(exc),
            "kind_label": Kind(evaluation.kind).label}, status=503)
    title = f"{evaluation.year.year}年度{evaluation.department.name}{Kind(evaluation.kind).label}绩效自评"
    name = f"{title}{'自评表' if fmt == 'xlsx' else '报告'}.{fmt}"
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f"attachment; filename=\"public-{evaluation.pk}.{fmt}\"; filename*=UTF-8''{quote(name)}"
    return response
