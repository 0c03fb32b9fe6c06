"""The finance bureau's side: the review queue, workflow steps, comments on fields."""

from __future__ import annotations

import tempfile
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from .. import audit
from ..bulk import BULK_ACTIONS, bulk_step, year_archive
from ..models import Kind, Stage, Status, Year
from ..queue import queue_rows
from ..permissions import (
    ACTION_LABELS, TRANSITIONS, action_done, allowed_actions, evaluation_for, require_reviewer, visible_evaluations,
)
from ..review_scores import ScoreError, save_scores
from ..services import WorkflowError, add_comment, apply_transition


def _stage(query) -> str:
    """The queue lists one stage at a time: self-evaluations unless 绩效目标 is chosen."""
    return Stage.TARGET if query.get("stage") == Stage.TARGET else Stage.SELF


def queue(request):
    require_reviewer(request.user)
    chosen = {key: request.GET.get(key, "") for key in ("year", "kind", "status", "order")}
    stage = _stage(request.GET)
    rows, counts = queue_rows(visible_evaluations(request.user, stage=stage), **chosen)
    chosen["stage"] = "" if stage == Stage.SELF else stage
    return render(request, "web/queue.html", {
        "rows": rows, "chosen": chosen, "years": Year.objects.values_list("year", flat=True), "stage": stage,
        "stages": Stage.choices,
        "kinds": Kind.choices, "statuses": [(v, label, counts.get(v, 0)) for v, label in Status.choices],
        "total": sum(counts.values()), "bulk_actions": [(a, ACTION_LABELS[a]) for a in BULK_ACTIONS],
    })


@require_POST
def step(request, pk, action):
    evaluation = evaluation_for(request.user, pk)
    if action not in TRANSITIONS:
        raise Http404("未知操作")
    if action not in allowed_actions(request.user, evaluation):
        raise PermissionDenied("您不能对这份自评执行此操作。")
    try:
        apply_transition(evaluation, action, request.user, request.POST.get("comment", ""), request)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, action_done(evaluation, action))
        errors = evaluation.current.errors if evaluation.current else 0
        if action == "submit" and errors:  # a warning, not a block: the reviewer decides
            messages.warning(request, f"提交的第{evaluation.version}版仍有 {errors} 条错误，审核人会看到；"
                                      "如需修改，可在审核人开始审核前撤回提交。")
    return redirect("edit", pk=pk)


@require_POST
def comment(request, pk):
    evaluation = evaluation_for(request.user, pk)
    text = request.POST.get("text", "").strip()
    if not text:
        messages.error(request, "意见内容不能为空。")
    else:
        add_comment(evaluation, request.user, request.POST.get("path", ""), text, request)
        messages.success(request, "已添加意见。")
    return redirect("edit", pk=pk)


@require_POST
def scores(request, pk):
    """The reviewer's 复核评分 of the current revision's indicator rows, each with its reason."""
    evaluation = evaluation_for(request.user, pk)
    require_reviewer(request.user, "复核评分")
    try:
        changed = save_scores(evaluation, request.user, request.POST, request)
    except ScoreError as exc:
        messages.error(request, f"复核评分未保存：{exc}")
    else:
        messages.success(request, f"已保存复核评分（{changed} 行有变化）。" if changed else "复核评分没有变化。")
    return redirect(f"{reverse('edit', args=[pk])}#review-scores")


QUEUE_FILTERS = ("year", "kind", "stage", "status", "order")


@require_POST
def bulk(request):
    """审核通过 or 退回修改 for the evaluations ticked in the queue: each one as its own step."""
    require_reviewer(request.user, "批量审核")
    back = reverse("queue")
    kept = urlencode({k: request.POST[k] for k in QUEUE_FILTERS if request.POST.get(k)})
    back += f"?{kept}" if kept else ""
    action = request.POST.get("action", "")
    if action not in BULK_ACTIONS:
        messages.error(request, "请选择批量操作（审核通过或退回修改）。")
        return redirect(back)
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    evaluations = list(visible_evaluations(request.user, stage=_stage(request.POST)).filter(pk__in=ids)
                       .order_by("department__name"))
    if not evaluations:
        messages.error(request, "请先勾选要处理的自评。")
        return redirect(back)
    comment = request.POST.get("comment", "")
    if action == "return" and not comment.strip():
        messages.error(request, "批量退回修改时请填写退回意见（每份自评都会收到这条意见）。")
        return redirect(back)
    result = bulk_step(request.user, evaluations, action, comment, request)
    if result.done:
        messages.success(request, f"已{ACTION_LABELS[action]} {len(result.done)} 份：" + "、".join(e.department.name for e in result.done) + "。")
    for ev, reason in result.skipped:
        messages.warning(request, f"{ev}未处理：{reason}。")
    return redirect(back)


def archive(request):
    """A year's reports and 自评表 with the 汇总表, as one ZIP (every evaluation of the year that has content)."""
    require_reviewer(request.user, "下载年度汇总")
    year = request.GET.get("year", "")
    if not year.isdigit() or not Year.objects.filter(year=int(year)).exists():
        raise Http404("没有这个评价年度")
    kind = request.GET.get("kind", "")
    evaluations = visible_evaluations(request.user).filter(year__year=int(year)).order_by("department__name", "kind")
    if kind in Kind.values:
        evaluations = evaluations.filter(kind=kind)
    handle = tempfile.TemporaryFile(prefix="jixiao-archive-", suffix=".zip")  # gone once the response is closed
    count, problems = year_archive(int(year), list(evaluations), handle, with_pdf=request.GET.get("pdf") == "1")
    handle.seek(0)
    audit.record(request, "download", None, f"{year}年度汇总压缩包：{count} 份自评" + (f"；{len(problems)} 条说明" if problems else ""))
    filename = f"{year}年度预算绩效自评汇总.zip"
    response = FileResponse(handle, content_type="application/zip")
    response["Content-Disposition"] = f"attachment; filename=\"jixiao-{year}.zip\"; filename*=UTF-8''{quote(filename)}"
    return response
