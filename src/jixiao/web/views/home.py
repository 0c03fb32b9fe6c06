"""The start page (my evaluations) and opening a new evaluation."""

from __future__ import annotations

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .. import audit
from ..models import Evaluation, Kind, Stage, Year
from ..services import start_from_targets
from ..permissions import creatable_departments, visible_evaluations
from ..queue import LIGHT


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def my_evaluations(request):
    evaluations = (visible_evaluations(request.user, stage=None).defer(*LIGHT)
                   .order_by("-year__year", "department__name", "kind", "-stage"))
    from . import tasks  # the department's tasks and 催报 head its start page

    return render(request, "web/home.html", {
        "task_rows": tasks.service.progress(tasks.own_assignments(request.user)),
        "reminders": tasks.reminders_of(request.user).filter(read_at__isnull=True),
        "evaluations": evaluations,
        "years": Year.objects.all(),
        "departments": creatable_departments(request.user),
        "kinds": Kind.choices,
        "stages": Stage.choices,
    })


@require_POST
def create_evaluation(request):
    departments = creatable_departments(request.user)
    try:
        department = departments.get(pk=int(request.POST.get("department", "")))
        year = Year.objects.get(pk=int(request.POST.get("year", "")))
    except (ValueError, TypeError, departments.model.DoesNotExist, Year.DoesNotExist):
        messages.error(request, "请选择您所在的单位和评价年度。")
        return redirect("home")
    kind = request.POST.get("kind", Kind.DEPARTMENT)
    if kind not in Kind.values:
        kind = Kind.DEPARTMENT
    stage = request.POST.get("stage", Stage.SELF)
    if stage not in Stage.values:
        stage = Stage.SELF
    try:
        with transaction.atomic():  # a savepoint: the request's transaction stays usable after a duplicate
            ev = Evaluation.objects.create(department=department, year=year, kind=kind, stage=stage)
    except IntegrityError:
        existing = Evaluation.objects.get(department=department, year=year, kind=kind, stage=stage)
        messages.info(request, f"这份{existing.get_stage_display()}已经存在，已为您打开。")
        return redirect("edit", pk=existing.pk)
    audit.record(request, "create", ev, str(ev))
    if ev.is_targets:
        messages.success(request, "已新建绩效目标表草稿：填写年度目标、重点任务（项目）的预算和三级指标的年度指标值，"
                                  "或上传 YAML/JSON/Excel 文件；提交后由财政局批复。")
    elif (started := start_from_targets(ev, request.user, request)) is not None:
        messages.success(request, f"已新建自评草稿，以{started.revision.source}为起点：各指标的年度指标值已记为批复指标值，"
                                  "请填写实际完成值；如调整了指标值，须写明调整原因。")
    else:
        messages.success(request, "已新建自评草稿：可以逐项填写，或上传 YAML/JSON/Excel 文件作为起点。")
    return redirect("edit", pk=ev.pk)
