"""自评任务: the bureau issues tasks and follows them; a department sees its tasks, days left and 催报."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .. import tasks as service
from ..models import Assignment, Department, Kind, Reminder, Task, Year
from ..permissions import is_bureau, profile_of, require_reviewer


def _date(raw: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(raw.strip())
    except (ValueError, AttributeError):
        return None


def own_assignments(user):
    """The assignments of the user's department (none for a user without one)."""
    p = profile_of(user)
    if p is None or p.department_id is None:
        return Assignment.objects.none()
    return Assignment.objects.filter(department_id=p.department_id).select_related("task", "task__year", "department")


def index(request):
    if request.method == "POST":
        return _issue(request)
    if not is_bureau(request.user):
        return render(request, "web/tasks/mine.html", {"rows": service.progress(own_assignments(request.user)),
                                                       "reminders": reminders_of(request.user)})
    tasks = list(Task.objects.select_related("year", "created_by"))
    assignments = Assignment.objects.filter(task__in=tasks).select_related("task", "department")
    by_task: dict[int, list] = {}
    for row in service.progress(assignments):
        by_task.setdefault(row.assignment.task_id, []).append(row)
    return render(request, "web/tasks/index.html", {
        "tasks": [(t, service.counts(by_task.get(t.pk, [])), len(by_task.get(t.pk, []))) for t in tasks],
        "years": Year.objects.all(), "kinds": Kind.choices, "departments": Department.objects.all(),
        "groups": Department.objects.exclude(group="").order_by("group").values_list("group", flat=True).distinct(),
        "progress_labels": service.PROGRESS,
    })


def _issue(request):
    require_reviewer(request.user, "下达自评任务")
    post = request.POST
    try:
        year = Year.objects.get(pk=int(post.get("year", "")))
    except (ValueError, Year.DoesNotExist):
        messages.error(request, "请选择评价年度。")
        return redirect("tasks")
    deadline = _date(post.get("deadline", ""))
    if deadline is None:
        messages.error(request, "请填写有效的截止日期（如 2024-03-31）。")
        return redirect("tasks")
    kind = post.get("kind", Kind.DEPARTMENT)
    if kind not in Kind.values:
        kind = Kind.DEPARTMENT
    departments = Department.objects.all()
    scope = post.get("scope", "")
    if scope == "group":
        departments = departments.filter(group=post.get("group", "")).exclude(group="")
    elif scope != "all":
        departments = departments.filter(pk__in=[int(i) for i in post.getlist("departments") if i.isdigit()])
    try:
        task = service.issue(request.user, year, kind, post.get("title", ""), deadline, departments,
                             post.get("note", ""), request)
    except service.TaskError as exc:
        messages.error(request, f"未下达：{exc}")
        return redirect("tasks")
    messages.success(request, f"已向 {task.assignments.count()} 个单位下达“{task.title}”，截止 {deadline.isoformat()}。")
    return redirect("task", tid=task.pk)


def _task(tid) -> Task:
    try:
        return Task.objects.select_related("year", "created_by").get(pk=int(tid))
    except (Task.DoesNotExist, ValueError, TypeError):
        raise Http404("没有这个自评任务")


def detail(request, tid):
    require_reviewer(request.user, "查看自评任务的进度")
    task = _task(tid)
    rows = service.progress(task.assignments.select_related("task", "department"))
    status = request.GET.get("status", "")
    shown = [r for r in rows if not status or r.key == status or (status == "overdue" and r.overdue)]
    return render(request, "web/tasks/detail.html", {
        "task": task, "rows": shown, "counts": service.counts(rows), "total": len(rows), "status": status,
        "progress_labels": service.PROGRESS,
    })


def _chosen(request, task):
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    return list(task.assignments.filter(pk__in=ids).select_related("task", "department"))


@require_POST
def remind(request, tid):
    require_reviewer(request.user, "催报")
    task = _task(tid)
    chosen = _chosen(request, task)
    if not chosen:
        messages.error(request, "请先勾选要催报的单位。")
    else:
        sent = service.remind(request.user, chosen, request.POST.get("text", ""), request)
        skipped = len(chosen) - sent
        messages.success(request, f"已向 {sent} 个单位催报。" + (f"{skipped} 个单位已提交，未催报。" if skipped else ""))
    return redirect("task", tid=task.pk)


@require_POST
def extend(request, tid):
    require_reviewer(request.user, "延期")
    task = _task(tid)
    chosen = _chosen(request, task)
    deadline = _date(request.POST.get("deadline", ""))
    if not chosen or deadline is None:
        messages.error(request, "请勾选单位并填写新的截止日期。")
        return redirect("task", tid=task.pk)
    try:
        n = service.extend(request.user, chosen, deadline, request)
    except service.TaskError as exc:
        messages.error(request, f"未延期：{exc}")
    else:
        messages.success(request, f"已将 {n} 个单位的截止日期延至 {deadline.isoformat()}。")
    return redirect("task", tid=task.pk)


def reminders_of(user):
    return Reminder.objects.filter(assignment__in=own_assignments(user)).select_related(
        "assignment__task", "sent_by")


@require_POST
def reminder_read(request, rid):
    """A department marks a 催报 as read; another department's reminder is a 404."""
    try:
        reminder = reminders_of(request.user).get(pk=int(rid))
    except (Reminder.DoesNotExist, ValueError):
        raise Http404("没有这条催报")
    service.mark_read(request.user, reminder)
    return redirect("home" if request.POST.get("back") == "home" else "tasks")
