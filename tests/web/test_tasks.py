"""自评任务: issue to chosen departments with a deadline, days left, progress per department, 催报, 延期, overdue."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from jixiao.web import tasks as service
from jixiao.web.models import Assignment, AuditLog, Reminder, Task
from jixiao.web.services import apply_transition

pytestmark = pytest.mark.django_db


def _issue(client, world, deadline, **extra):
    data = {"title": "2023年度部门整体支出绩效自评", "year": world.year.pk, "kind": "department",
            "deadline": deadline.isoformat(), "scope": "all", **extra}
    return client.post("/tasks/", data, follow=True)


def _today():
    return timezone.localdate()


def test_bureau_issues_to_all_or_to_chosen_departments(world, client_for):
    client = client_for(world.reviewer)
    text = _issue(client, world, _today() + datetime.timedelta(days=10)).content.decode()
    assert "已向 2 个单位下达" in text and "示例区图书馆" in text
    _issue(client, world, _today(), title="只给妇联", scope="chosen", departments=[world.dept_a.pk])
    only = Task.objects.get(title="只给妇联")
    assert list(only.assignments.values_list("department__name", flat=True)) == ["广州市荔湾区妇女联合会"]
    text = _issue(client, world, _today(), title="空", scope="chosen").content.decode()
    assert "请至少选择一个单位" in text and not Task.objects.filter(title="空").exists()
    assert AuditLog.objects.filter(action="task_issue").count() == 2


def test_bad_deadline_is_refused(world, client_for):
    text = client_for(world.reviewer).post("/tasks/", {"title": "x", "year": world.year.pk, "deadline": "明天", "scope": "all"},
                                           follow=True).content.decode()
    assert "请填写有效的截止日期" in text and not Task.objects.exists()


def test_department_sees_days_left_and_only_its_own_tasks(world, client_for):
    _issue(client_for(world.reviewer), world, _today() + datetime.timedelta(days=5))
    _issue(client_for(world.reviewer), world, _today(), title="只给图书馆", scope="chosen", departments=[world.dept_b.pk])
    page = client_for(world.filler_a).get("/").content.decode()
    assert "2023年度部门整体支出绩效自评" in page and "还剩 5 天" in page and "只给图书馆" not in page
    assert "今天截止" in client_for(world.filler_b).get("/tasks/").content.decode()


def test_progress_per_department_and_overdue(world, client_for):
    task = service.issue(world.reviewer, world.year, "department", "任务", _today() - datetime.timedelta(days=2),
                         [world.dept_a, world.dept_b])
    apply_transition(world.ev_a, "submit", world.filler_a)
    rows = {r.assignment.department.name: r for r in service.progress(task.assignments.select_related("task", "department"))}
    fulian, library = rows["广州市荔湾区妇女联合会"], rows["示例区图书馆"]
    assert (fulian.label, fulian.overdue, fulian.late, fulian.due_text) == ("已提交", False, True, "逾期提交")
    assert (library.label, library.overdue, library.due_text) == ("草稿", True, "已逾期 2 天")
    page = client_for(world.reviewer).get(f"/tasks/{task.pk}/").content.decode()
    assert "逾期 1" in page and "已逾期 2 天" in page and "逾期提交" in page
    assert "示例区图书馆" in client_for(world.reviewer).get(f"/tasks/{task.pk}/?status=overdue").content.decode()
    assert "示例区图书馆" not in client_for(world.reviewer).get(f"/tasks/{task.pk}/?status=submitted").content.decode()


def test_not_started_is_told_apart_from_a_draft(world):
    from jixiao.web.models import Department

    new = Department.objects.create(name="示例区档案馆")
    task = service.issue(world.reviewer, world.year, "department", "任务", _today(), [new])
    assert service.progress(task.assignments.select_related("task", "department"))[0].label == "未开始"


def test_remind_shows_in_the_app_until_read_and_skips_handed_in(world, client_for):
    task = service.issue(world.reviewer, world.year, "department", "任务", _today(), [world.dept_a, world.dept_b])
    apply_transition(world.ev_a, "submit", world.filler_a)
    ids = list(task.assignments.values_list("pk", flat=True))
    text = client_for(world.reviewer).post(f"/tasks/{task.pk}/remind/", {"ids": ids, "text": "请于周五前提交"},
                                           follow=True).content.decode()
    assert "已向 1 个单位催报" in text and "1 个单位已提交" in text
    reminder = Reminder.objects.get()
    assert reminder.assignment.department == world.dept_b
    client = client_for(world.filler_b)
    assert "请于周五前提交" in client.get("/").content.decode()
    assert "请于周五前提交" not in client_for(world.filler_a).get("/").content.decode()
    assert client_for(world.filler_a).post(f"/reminders/{reminder.pk}/read/").status_code == 404
    client.post(f"/reminders/{reminder.pk}/read/", {"back": "home"})
    reminder.refresh_from_db()
    assert reminder.read_at is not None and "请于周五前提交" not in client.get("/").content.decode()
    assert AuditLog.objects.filter(action="task_remind", detail__contains="示例区图书馆").exists()


def test_extend_moves_the_deadline_later_only(world, client_for):
    deadline = _today() - datetime.timedelta(days=1)
    task = service.issue(world.reviewer, world.year, "department", "任务", deadline, [world.dept_a, world.dept_b])
    library = task.assignments.get(department=world.dept_b)
    client = client_for(world.reviewer)
    text = client.post(f"/tasks/{task.pk}/extend/", {"ids": [library.pk], "deadline": deadline.isoformat()},
                       follow=True).content.decode()
    assert "必须晚于" in text
    later = _today() + datetime.timedelta(days=7)
    client.post(f"/tasks/{task.pk}/extend/", {"ids": [library.pk], "deadline": later.isoformat()})
    library.refresh_from_db()
    assert library.deadline == later and library.extended
    assert task.assignments.get(department=world.dept_a).deadline == deadline  # only the one chosen
    assert "还剩 7 天" in client_for(world.filler_b).get("/tasks/").content.decode()
    assert AuditLog.objects.filter(action="task_extend").count() == 1


def test_a_filler_cannot_issue_remind_or_extend(world, client_for):
    task = service.issue(world.reviewer, world.year, "department", "任务", _today(), [world.dept_a])
    a = task.assignments.get()
    client = client_for(world.filler_a)
    assert _issue(client, world, _today()).status_code == 403
    assert client.get(f"/tasks/{task.pk}/").status_code == 403
    assert client.post(f"/tasks/{task.pk}/remind/", {"ids": [a.pk]}).status_code == 403
    assert client.post(f"/tasks/{task.pk}/extend/", {"ids": [a.pk], "deadline": "2099-01-01"}).status_code == 403
    assert Task.objects.count() == 1 and not Reminder.objects.exists()
    assert Assignment.objects.get().deadline == _today()


def test_the_editor_shows_the_tasks_deadline(world, client_for):
    service.issue(world.reviewer, world.year, "department", "年度自评任务", _today() - datetime.timedelta(days=1), [world.dept_a])
    page = client_for(world.filler_a).get(f"/e/{world.ev_a.pk}/").content.decode()
    assert "年度自评任务：截止" in page and "已逾期 1 天" in page
    assert 'id="task-due"' not in client_for(world.filler_b).get(f"/e/{world.ev_b.pk}/").content.decode()


def test_issue_to_a_group(world, client_for):
    from jixiao.web.models import Department

    Department.objects.filter(pk=world.dept_b.pk).update(group="文化系统")
    Department.objects.create(name="示例区文化馆", group="文化系统")
    client = client_for(world.reviewer)
    assert "文化系统" in client.get("/tasks/").content.decode()
    _issue(client, world, _today(), title="文化系统自评", scope="group", group="文化系统")
    names = set(Task.objects.get(title="文化系统自评").assignments.values_list("department__name", flat=True))
    assert names == {"示例区图书馆", "示例区文化馆"}
    text = _issue(client, world, _today(), title="无此分组", scope="group", group="").content.decode()
    assert "请至少选择一个单位" in text


def test_administrator_sets_a_departments_group(world, client_for):
    client_for(world.admin).post(f"/manage/departments/{world.dept_a.pk}/", {"name": world.dept_a.name, "group": " 群团  组织 "})
    world.dept_a.refresh_from_db()
    assert world.dept_a.group == "群团 组织"
    assert AuditLog.objects.filter(action="department_update", detail__contains="分组 群团 组织").exists()
