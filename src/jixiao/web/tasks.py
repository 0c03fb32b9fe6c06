"""Self-evaluation tasks: the bureau issues one for a year to chosen departments with a deadline, follows each
department's progress, sends 催报 reminders and extends deadlines. Progress is read from the evaluations
themselves (their status and the first 提交审核 step), never kept twice.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from . import audit, mail
from .models import Assignment, Evaluation, Reminder, Stage, Status, Task, Transition

# progress of a department on a task, in the order the bureau reads it
PROGRESS = {"not_started": "未开始", Status.DRAFT.value: "草稿", Status.RETURNED.value: "退回修改",
            Status.SUBMITTED.value: "已提交", Status.ACCEPTED.value: "审核通过", Status.PUBLISHED.value: "已公开"}
HANDED_IN = {Status.SUBMITTED, Status.ACCEPTED, Status.PUBLISHED}
MAX_REMINDER = 500


class TaskError(Exception):
    """A request the task rules refuse; the message is for the user."""


@dataclass
class Progress:
    assignment: Assignment
    evaluation: Evaluation | None
    key: str  # a PROGRESS key
    submitted_at: datetime.datetime | None  # the first 提交审核
    today: datetime.date
    unread: int = 0
    last_reminder: Reminder | None = None

    @property
    def label(self) -> str:
        return PROGRESS[self.key]

    @property
    def handed_in(self) -> bool:
        return self.key in HANDED_IN

    @property
    def days_left(self) -> int:
        """Days until the deadline (0 on the day itself, negative once passed)."""
        return (self.assignment.deadline - self.today).days

    @property
    def overdue(self) -> bool:
        """Not handed in and the deadline has passed."""
        return not self.handed_in and self.days_left < 0

    @property
    def late(self) -> bool:
        """Handed in, but first submitted after the deadline."""
        return (self.submitted_at is not None and self.handed_in
                and timezone.localtime(self.submitted_at).date() > self.assignment.deadline)

    @property
    def due_text(self) -> str:
        if self.handed_in:
            return "逾期提交" if self.late else "按时提交"
        if self.days_left < 0:
            return f"已逾期 {-self.days_left} 天"
        return "今天截止" if self.days_left == 0 else f"还剩 {self.days_left} 天"


def progress(assignments, today: datetime.date | None = None) -> list[Progress]:
    """Each assignment's progress, in three queries whatever their number."""
    assignments = list(assignments)
    today = today or timezone.localdate()
    if not assignments:
        return []
    keys = {(a.department_id, a.task.year_id, a.task.kind) for a in assignments}
    evaluations = {(e.department_id, e.year_id, e.kind): e for e in Evaluation.objects.filter(
        department_id__in={k[0] for k in keys}, year_id__in={k[1] for k in keys}, stage=Stage.SELF)}
    first_submit = dict(Transition.objects.filter(evaluation_id__in=[e.pk for e in evaluations.values()],
                                                  to_status=Status.SUBMITTED)
                        .values("evaluation_id").annotate(first=Min("created_at")).values_list("evaluation_id", "first"))
    reminders: dict[int, list[Reminder]] = {}
    for r in Reminder.objects.filter(assignment__in=assignments).select_related("sent_by"):
        reminders.setdefault(r.assignment_id, []).append(r)
    rows = []
    for a in assignments:
        ev = evaluations.get((a.department_id, a.task.year_id, a.task.kind))
        if ev is None or (ev.status == Status.DRAFT and ev.revision_count == 0):
            key = "not_started"
        else:
            key = ev.status
        sent = reminders.get(a.pk, [])
        rows.append(Progress(a, ev, key, first_submit.get(ev.pk) if ev else None, today,
                             unread=sum(r.read_at is None for r in sent), last_reminder=sent[0] if sent else None))
    return rows


def counts(rows: list[Progress]) -> dict[str, int]:
    out = {key: 0 for key in PROGRESS}
    for r in rows:
        out[r.key] += 1
    out["overdue"] = sum(r.overdue for r in rows)
    return out


def issue(user, year, kind: str, title: str, deadline: datetime.date, departments, note: str = "", request=None) -> Task:
    departments = list(departments)
    if not departments:
        raise TaskError("请至少选择一个单位。")
    if not title.strip():
        raise TaskError("请填写任务名称。")
    with transaction.atomic():
        task = Task.objects.create(year=year, kind=kind, title=title.strip()[:200], deadline=deadline,
                                   note=note.strip()[:2000], created_by=user)
        Assignment.objects.bulk_create([Assignment(task=task, department=d, deadline=deadline) for d in departments])
    audit.record(request, "task_issue", None, f"{task.title}：{year.year}年度，截止 {deadline.isoformat()}，"
                                              f"{len(departments)} 个单位", user=user)
    return task


def remind(user, assignments, text: str, request=None) -> int:
    """A 催报 to each assignment not yet handed in; returns how many were sent."""
    text = text.strip()[:MAX_REMINDER] or "请尽快完成并提交本年度绩效自评。"
    rows = [r for r in progress(assignments) if not r.handed_in]
    made = [Reminder.objects.create(assignment=r.assignment, text=text, sent_by=user) for r in rows]
    for r in rows:
        audit.record(request, "task_remind", r.evaluation, f"{r.assignment.task.title} → {r.assignment.department.name}：{text}",
                     user=user)
    mail.send_reminders(made, request)  # optional (SMTP set); the reminders above stand either way
    return len(rows)


def extend(user, assignments, deadline: datetime.date, request=None) -> int:
    """Move the deadline of each assignment later (never earlier: that would make a department late after the fact)."""
    changed = 0
    for a in assignments:
        if deadline <= a.deadline:
            raise TaskError(f"{a.department.name}的截止日期已是 {a.deadline.isoformat()}，延期后的日期必须晚于它。")
    with transaction.atomic():
        for a in assignments:
            before = a.deadline
            Assignment.objects.filter(pk=a.pk).update(deadline=deadline, extended=True)
            audit.record(request, "task_extend", None, f"{a.task.title} → {a.department.name}：截止日期 {before.isoformat()} → "
                                                       f"{deadline.isoformat()}", user=user)
            changed += 1
    return changed


def mark_read(user, reminder: Reminder) -> None:
    if reminder.read_at is None:
        Reminder.objects.filter(pk=reminder.pk).update(read_at=timezone.now(), read_by=user)


def for_evaluation(evaluation: Evaluation) -> Progress | None:
    """The latest task assignment this evaluation answers (same department, year and kind), with its progress.
    Tasks are for self-evaluations; a 绩效目标表 answers none."""
    if evaluation.is_targets:
        return None
    assignment = (Assignment.objects.filter(department_id=evaluation.department_id, task__year_id=evaluation.year_id,
                                            task__kind=evaluation.kind)
                  .select_related("task", "department").order_by("-task__created_at", "-pk").first())
    return progress([assignment])[0] if assignment else None
