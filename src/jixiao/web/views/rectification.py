"""整改: the bureau makes items from a year's accepted self-evaluations and sets owners and deadlines; a
department reports its progress on its own items and reports them done; the bureau closes them (销号);
everyone sees only what they may."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .. import audit, rectification
from ..models import Rectification, Year
from ..permissions import is_bureau, profile_of, require_reviewer

_STATES = dict(Rectification.State.choices)
_BUREAU_CHOICES = [(v, "已完成，销号" if v == Rectification.State.DONE else label)
                   for v, label in Rectification.State.choices]
_DEPARTMENT_CHOICES = [(v, "已完成（报财政局销号）" if v == Rectification.State.REPORTED else label)
                       for v, label in Rectification.State.choices if v != Rectification.State.DONE]


def _visible(user):
    items = Rectification.objects.select_related("department", "evaluation")
    if is_bureau(user):
        return items
    p = profile_of(user)
    return items.filter(department_id=p.department_id) if p and p.department_id else items.none()


def index(request):
    state = request.GET.get("state", "")
    items = _visible(request.user)
    if state in _STATES:
        items = items.filter(state=state)
    bureau = is_bureau(request.user)
    return render(request, "web/rectification.html", {
        "items": items, "state": state, "states": Rectification.State.choices, "bureau": bureau,
        # what a department may choose: its report of 已完成 asks the bureau to close the item
        "own_states": _BUREAU_CHOICES if bureau else _DEPARTMENT_CHOICES,
        "years": Year.objects.order_by("-year").values_list("year", flat=True),
    })


@require_POST
def generate(request):
    require_reviewer(request.user, "生成整改事项")
    year = request.POST.get("year", "")
    if not year.isdigit() or not Year.objects.filter(year=int(year)).exists():
        messages.error(request, "请选择评价年度。")
        return redirect("rectification")
    made = rectification.generate(int(year), request.user)
    audit.record(request, "rectification", None, f"由 {year} 年度审核通过的自评生成整改事项 {made} 项")
    messages.success(request, f"已生成 {made} 项整改事项（已有的不重复生成）。")
    return redirect("rectification")


@require_POST
def update(request, rid):
    item = _visible(request.user).filter(pk=rid).first()
    if item is None:
        raise Http404("没有这项整改事项")
    post, changed = request.POST, []
    state = post.get("state", item.state)
    if state not in _STATES:
        messages.error(request, "状态无效。")
        return redirect("rectification")
    progress = post.get("progress", item.progress).strip()
    bureau = is_bureau(request.user)
    if not bureau:  # a department reports; only the bureau closes an item (销号) or reopens a closed one
        if item.state == Rectification.State.DONE:
            messages.error(request, "这项整改已由财政局销号，不能再修改；如需重新整改，请联系财政局。")
            return redirect("rectification")
        if state == Rectification.State.DONE:
            state = Rectification.State.REPORTED
    if state in (Rectification.State.REPORTED, Rectification.State.DONE) and not progress:
        messages.error(request, "标为“已完成”时请写明整改进展。")
        return redirect("rectification")
    if bureau:  # the bureau assigns; the department reports
        item.owner = post.get("owner", item.owner).strip()[:50]
        raw = post.get("deadline", "").strip()
        try:
            item.deadline = datetime.date.fromisoformat(raw) if raw else None
        except ValueError:
            messages.error(request, "整改期限应写成 2024-06-30 这样的日期。")
            return redirect("rectification")
    if state != item.state:
        changed.append(f"状态 {_STATES[item.state]} → {_STATES[state]}")
    item.state, item.progress = state, progress[:4000]
    item.save()
    audit.record(request, "rectification", item.evaluation, f"整改事项 {item.pk}：" + ("；".join(changed) or "更新"))
    messages.success(request, "已保存整改事项：已报整改完成，待财政局确认销号。" if state == Rectification.State.REPORTED
                     and not bureau else "已保存整改事项。")
    return redirect("rectification")
