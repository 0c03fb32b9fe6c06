"""结果应用: the bureau turns a year's grades into next year's budget advice, adjusts it with reasons, exports it."""

from __future__ import annotations

import tempfile
from urllib.parse import quote

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from .. import audit, result_use
from ..models import BudgetAdvice, Kind, Year
from ..permissions import require_reviewer, visible_evaluations
from ...render.advice import render_advice_xlsx
from ...rules.result_use import AdviceRulesError

_LIMITS = {"action": 60, "budget": 200}


def _year(request) -> int | None:
    years = list(Year.objects.order_by("-year").values_list("year", flat=True))
    wanted = request.GET.get("year", "") or request.POST.get("year", "")
    if wanted.isdigit() and int(wanted) in years:
        return int(wanted)
    return years[0] if years else None


def _kind(request) -> str:
    kind = request.GET.get("kind", "") or request.POST.get("kind", "")
    return kind if kind in Kind.values else ""


def index(request):
    require_reviewer(request.user, "查看结果应用")
    year, kind = _year(request), _kind(request)
    try:
        rules = result_use.rules()
        rows = result_use.rows(visible_evaluations(request.user), year, kind) if year is not None else []
    except AdviceRulesError as exc:
        return render(request, "web/results/index.html", {"problem": str(exc)}, status=500)
    return render(request, "web/results/index.html", {
        "rules": rules, "rows": rows, "year": year, "kind": kind, "kinds": Kind.choices,
        "years": Year.objects.order_by("-year").values_list("year", flat=True),
    })


@require_POST
def adjust(request, pk):
    """The bureau's own advice for one evaluation (a reason is required), or back to the rules' (clear)."""
    require_reviewer(request.user, "调整结果应用意见")
    evaluation = visible_evaluations(request.user).filter(pk=pk).first()
    if evaluation is None:
        raise Http404("没有这份自评")
    back = reverse("results") + f"?year={evaluation.year.year}" + (f"&kind={_kind(request)}" if _kind(request) else "")
    if request.POST.get("clear"):
        BudgetAdvice.objects.filter(evaluation=evaluation).delete()
        audit.record(request, "result_use", evaluation, "结果应用意见恢复为按规则的意见")
        messages.success(request, f"{evaluation.department.name}：已恢复为按规则的意见。")
        return redirect(back)
    values = {k: " ".join(request.POST.get(k, "").split()) for k in ("action", "budget", "reason")}
    problems = [f"{label}不能为空" for k, label in (("action", "意见"), ("budget", "预算安排"), ("reason", "调整理由"))
                if not values[k]]
    problems += [f"{'意见' if k == 'action' else '预算安排'}不能超过 {n} 个字" for k, n in _LIMITS.items() if len(values[k]) > n]
    if problems:
        messages.error(request, f"{evaluation.department.name}：未保存，" + "；".join(problems) + "。")
        return redirect(back)
    BudgetAdvice.objects.update_or_create(evaluation=evaluation, defaults={**values, "user": request.user})
    audit.record(request, "result_use", evaluation, f"结果应用意见：{values['action']}；{values['budget']}；理由：{values['reason']}")
    messages.success(request, f"{evaluation.department.name}：已保存财政局意见。")
    return redirect(back)


def export(request):
    require_reviewer(request.user, "导出结果应用表")
    year, kind = _year(request), _kind(request)
    if year is None:
        raise Http404("没有评价年度")
    rules = result_use.rules()
    rows = [r.as_advice_row() for r in result_use.rows(visible_evaluations(request.user), year, kind)]
    handle = tempfile.NamedTemporaryFile(prefix="jixiao-advice-", suffix=".xlsx")
    render_advice_xlsx(year, rules.title, rows, handle.name)
    audit.record(request, "download", None, f"{year}年度结果应用表：{len(rows)} 份自评")
    filename = f"{year}年度绩效评价结果应用表.xlsx"
    response = FileResponse(open(handle.name, "rb"),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    handle.close()
    response["Content-Disposition"] = f"attachment; filename=\"jixiao-advice-{year}.xlsx\"; filename*=UTF-8''{quote(filename)}"
    return response
