"""The finance bureau's side: the review queue, workflow steps, comments on fields."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ..models import Kind, Status, Year
from ..queue import queue_rows
from ..permissions import ACTION_DONE, TRANSITIONS, allowed_actions, evaluation_for, require_reviewer, visible_evaluations
from ..review_scores import ScoreError, save_scores
from ..services import WorkflowError, add_comment, apply_transition


def queue(request):
    require_reviewer(request.user)
    chosen = {key: request.GET.get(key, "") for key in ("year", "kind", "status", "order")}
    rows, counts = queue_rows(visible_evaluations(request.user), **chosen)
    return render(request, "web/queue.html", {
        "rows": rows, "chosen": chosen, "years": Year.objects.values_list("year", flat=True),
        "kinds": Kind.choices, "statuses": [(v, label, counts.get(v, 0)) for v, label in Status.choices],
        "total": sum(counts.values()),
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
        messages.success(request, ACTION_DONE[action])
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
