"""A 填报人 cannot read, change, submit or download another department's evaluation, by any route."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jixiao.web.models import AuditLog, Comment, Evaluation, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(world):
    """The shared world with one 佐证材料 on department A's evaluation, for the attachment routes."""
    from jixiao.web import attachments

    import datetime

    from jixiao.web import tasks

    world.attachment_a = attachments.add(world.ev_a, world.filler_a, "签到表.pdf", b"%PDF-1.4\n%%EOF\n")
    world.task = tasks.issue(world.reviewer, world.year, "department", "2023年度自评", datetime.date(2024, 3, 31),
                             [world.dept_a, world.dept_b])
    tasks.remind(world.reviewer, world.task.assignments.filter(department=world.dept_a).select_related("task", "department"),
                 "请广州市荔湾区妇女联合会尽快提交")
    from jixiao.web.models import Reminder

    world.reminder_a = Reminder.objects.get()
    return world


def _snapshot(ev: Evaluation):
    from jixiao.web.models import Attachment, ReviewScore

    ev.refresh_from_db()
    return (ev.status, ev.version, ev.revision_count, Comment.objects.filter(evaluation=ev).count(),
            Attachment.objects.filter(evaluation=ev).count(), ReviewScore.objects.filter(evaluation=ev).count())


def _routes(pk: int, aid: int = 0):
    """(method, url, data) for every route that takes an evaluation id (aid: an attachment of it)."""
    return [
        ("get", f"/e/{pk}/", None),
        ("post", f"/e/{pk}/", {"base_version": "1", "department.name": "篡改"}),
        ("post", f"/e/{pk}/upload/", {"file": SimpleUploadedFile("x.yaml", b"kind: department\nyear: 2023\n")}),
        ("post", f"/e/{pk}/upload/confirm/", {"confirm": "yes"}),
        ("get", f"/e/{pk}/download/yaml/", None),
        ("get", f"/e/{pk}/download/json/", None),
        ("get", f"/e/{pk}/download/docx/", None),
        ("get", f"/e/{pk}/download/xlsx/", None),
        ("get", f"/e/{pk}/download/pdf/", None),
        ("post", f"/e/{pk}/step/submit/", {}),
        ("post", f"/e/{pk}/step/accept/", {}),
        ("post", f"/e/{pk}/step/return/", {"comment": "x"}),
        ("post", f"/e/{pk}/step/publish/", {}),
        ("post", f"/e/{pk}/step/withdraw/", {}),
        ("post", f"/e/{pk}/step/unaccept/", {"comment": "x"}),
        ("post", f"/e/{pk}/step/unpublish/", {"comment": "x"}),
        ("post", f"/e/{pk}/comment/", {"path": "finance.budget", "text": "篡改"}),
        ("post", f"/e/{pk}/attachments/", {"attachment": SimpleUploadedFile("x.pdf", b"%PDF-1.4 x")}),
        ("get", f"/e/{pk}/attachments/{aid}/", None),
        ("post", f"/e/{pk}/attachments/{aid}/delete/", {}),
        ("post", f"/e/{pk}/review-scores/", {"revision": "1", "score.tasks[0].indicators[0]": "1", "reason.tasks[0].indicators[0]": "篡改"}),
        ("get", f"/e/{pk}/history/", None),
        ("get", f"/e/{pk}/history/diff/?a=1&b=1", None),
        ("get", f"/e/{pk}/revision/1/", None),
        ("post", f"/e/{pk}/revision/1/restore/", {}),
    ]


@pytest.mark.parametrize("index", range(len(_routes(0))))
def test_other_department_gets_404_and_nothing_changes(world, client_for, index):
    method, url, data = _routes(world.ev_a.pk, world.attachment_a.pk)[index]
    before = _snapshot(world.ev_a)
    client = client_for(world.filler_b)
    response = getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
    assert response.status_code == 404, url
    assert "广州市荔湾区妇女联合会" not in response.content.decode()
    assert _snapshot(world.ev_a) == before


@pytest.mark.parametrize("index", range(len(_routes(0))))
def test_anonymous_is_sent_to_login(world, client, index):
    method, url, data = _routes(world.ev_a.pk, world.attachment_a.pk)[index]
    response = getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_own_department_is_reachable(world, client_for):
    client = client_for(world.filler_a)
    assert client.get(f"/e/{world.ev_a.pk}/").status_code == 200
    assert client.get(f"/e/{world.ev_a.pk}/download/yaml/").status_code == 200


def test_list_shows_only_own_department(world, client_for):
    page = client_for(world.filler_b).get("/").content.decode()
    assert "示例区图书馆" in page and "广州市荔湾区妇女联合会" not in page


def test_cannot_create_evaluation_for_another_department(world, client_for):
    from jixiao.web.models import Department, Year

    other_year = Year.objects.create(year=2024)
    client = client_for(world.filler_b)
    client.post("/new/", {"department": world.dept_a.pk, "year": other_year.pk, "kind": "department"})
    assert not Evaluation.objects.filter(department=world.dept_a, year=other_year).exists()
    assert Department.objects.count() == 2


def test_filler_has_no_review_queue_nor_audit_log(world, client_for):
    client = client_for(world.filler_a)
    assert client.get("/review/").status_code == 403
    assert client.get("/audit/").status_code == 403
    assert "无权" in client.get("/review/").content.decode()


def test_reviewer_sees_all_but_cannot_edit(world, client_for):
    client = client_for(world.reviewer)
    page = client.get("/review/").content.decode()
    assert "示例区图书馆" in page and "广州市荔湾区妇女联合会" in page
    response = client.post(f"/e/{world.ev_a.pk}/", {"base_version": "1", "department.name": "x"})
    assert response.status_code == 403
    world.ev_a.refresh_from_db()
    assert world.ev_a.version == 1


def test_submitted_is_read_only_for_the_department(world, client_for):
    client = client_for(world.filler_a)
    client.post(f"/e/{world.ev_a.pk}/step/submit/")
    world.ev_a.refresh_from_db()
    assert world.ev_a.status == Status.SUBMITTED
    assert client.post(f"/e/{world.ev_a.pk}/", {"base_version": "1"}).status_code == 403
    upload = SimpleUploadedFile("x.yaml", b"kind: department\n")
    assert client.post(f"/e/{world.ev_a.pk}/upload/", {"file": upload}).status_code == 403
    world.ev_a.refresh_from_db()
    assert world.ev_a.revision_count == 1


def test_csrf_is_enforced(world, client_for):
    client = client_for(world.filler_a, enforce_csrf_checks=True)
    response = client.post(f"/e/{world.ev_a.pk}/step/submit/")
    assert response.status_code == 403
    assert "CSRF" in response.content.decode()
    world.ev_a.refresh_from_db()
    assert world.ev_a.status == Status.DRAFT


def test_logins_are_audited(world, client):
    client.post("/login/", {"username": "filler_a", "password": "wrong"})
    client.post("/login/", {"username": "filler_a", "password": "Jx-test-pass-2024"})
    actions = list(AuditLog.objects.values_list("action", "username"))
    assert ("login_failed", "filler_a") in actions and ("login", "filler_a") in actions


def test_error_pages_are_chinese_without_traceback(world, client_for):
    response = client_for(world.filler_a).get("/e/999999/")
    text = response.content.decode()
    assert response.status_code == 404 and "页面不存在" in text and "Traceback" not in text


def _admin_routes(world):
    """(method, url, data) for every administrators' route."""
    year, dept, user = world.year.pk, world.dept_a.pk, world.filler_a.pk
    return [
        ("get", "/audit/", None),
        ("get", "/manage/years/", None),
        ("post", "/manage/years/", {"year": "2030"}),
        ("post", f"/manage/years/{year}/deadline/", {"deadline": "2030-01-01"}),
        ("get", "/manage/departments/", None),
        ("post", "/manage/departments/", {"name": "篡改单位"}),
        ("get", f"/manage/departments/{dept}/", None),
        ("post", f"/manage/departments/{dept}/", {"name": "篡改"}),
        ("get", "/manage/users/", None),
        ("post", "/manage/users/", {"username": "intruder", "role": "admin"}),
        ("get", f"/manage/users/{user}/", None),
        ("post", f"/manage/users/{user}/", {"role": "admin"}),
        ("post", f"/manage/users/{user}/active/", {"active": "0"}),
        ("post", f"/manage/users/{user}/password/", {}),
        ("post", f"/manage/users/{user}/unlock/", {}),
    ]


def _admin_snapshot(world):
    from django.contrib.auth import get_user_model

    from jixiao.web.models import Department, Year

    u = get_user_model().objects.get(pk=world.filler_a.pk)
    return (list(Year.objects.values_list("year", "deadline")), list(Department.objects.values_list("name", flat=True)),
            get_user_model().objects.count(), u.is_active, u.password, u.is_superuser, u.profile.role)


@pytest.mark.parametrize("index", range(15))
def test_administrators_routes_refuse_everyone_else(world, client_for, index):
    method, url, data = _admin_routes(world)[index]
    before = _admin_snapshot(world)
    for person in (world.filler_b, world.reviewer):
        client = client_for(person)
        response = getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
        assert response.status_code == 403, (url, person.username)
    assert _admin_snapshot(world) == before


@pytest.mark.parametrize("index", range(15))
def test_administrators_routes_send_anonymous_to_login(world, client, index):
    method, url, data = _admin_routes(world)[index]
    response = getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def _bureau_routes(world):
    """(method, url, data) for the finance bureau's pages: reviewers and administrators only."""
    return [
        ("get", "/dashboard/", None),
        ("get", "/dashboard/?year=2023&kind=department", None),
        ("post", "/review/bulk/", {"action": "accept", "ids": ["1", "2"]}),
        ("get", "/review/archive/?year=2023", None),
        ("post", "/tasks/", {"title": "篡改", "year": str(world.year.pk), "deadline": "2030-01-01", "scope": "all"}),
        ("get", f"/tasks/{world.task.pk}/", None),
        ("post", f"/tasks/{world.task.pk}/remind/", {"ids": list(world.task.assignments.values_list("pk", flat=True))}),
        ("post", f"/tasks/{world.task.pk}/extend/", {"ids": list(world.task.assignments.values_list("pk", flat=True)),
                                                     "deadline": "2030-01-01"}),
        ("get", "/results/?year=2023", None),
        ("get", "/results/export/?year=2023", None),
        ("post", f"/results/{world.ev_a.pk}/", {"action": "取消", "budget": "全部取消", "reason": "篡改"}),
        ("post", "/rectification/generate/", {"year": "2023"}),
    ]


def _task_snapshot(world):
    from jixiao.web.models import Assignment, BudgetAdvice, Rectification, Reminder, Task

    return (Task.objects.count(), Reminder.objects.count(), list(Assignment.objects.values_list("deadline", flat=True)),
            BudgetAdvice.objects.count(), Rectification.objects.count())


BUREAU_ROUTES = 12  # len(_bureau_routes(world)), checked in the test (the list needs the world's ids)


@pytest.mark.parametrize("index", range(BUREAU_ROUTES))
def test_bureau_routes_refuse_a_filler_and_send_anonymous_to_login(world, client_for, client, index):
    assert len(_bureau_routes(world)) == BUREAU_ROUTES
    method, url, data = _bureau_routes(world)[index]
    before = [_snapshot(world.ev_a), _snapshot(world.ev_b), _task_snapshot(world)]
    response = getattr(client_for(world.filler_b), method)(url, data) if data is not None else getattr(client_for(world.filler_b), method)(url)
    assert response.status_code == 403, url
    assert "广州市荔湾区妇女联合会" not in response.content.decode()
    response = getattr(client, method)(url, data) if data is not None else getattr(client, method)(url)
    assert response.status_code == 302 and response["Location"].startswith("/login/"), url
    assert [_snapshot(world.ev_a), _snapshot(world.ev_b), _task_snapshot(world)] == before


def test_a_filler_sees_only_own_tasks_and_reminders(world, client_for):
    """The task list is every department's own; another department's 催报 cannot be read or marked read."""
    page = client_for(world.filler_b).get("/tasks/").content.decode()
    assert "2023年度自评" in page and "请广州市荔湾区妇女联合会尽快提交" not in page
    assert "请广州市荔湾区妇女联合会尽快提交" not in client_for(world.filler_b).get("/").content.decode()
    response = client_for(world.filler_b).post(f"/reminders/{world.reminder_a.pk}/read/")
    assert response.status_code == 404
    world.reminder_a.refresh_from_db()
    assert world.reminder_a.read_at is None
    assert "请广州市荔湾区妇女联合会尽快提交" in client_for(world.filler_a).get("/").content.decode()


OPEN_TO_ANONYMOUS = {"login", "logout", "healthz", "session", "public", "public_detail", "public_download"}


def _every_route(world):
    """Each named route of the app with its parameters filled in (an evaluation, a user, a format, an action)."""
    from jixiao.web.urls import urlpatterns

    values = {"pk": world.ev_a.pk, "number": 1, "fmt": "xlsx", "action": "submit", "aid": world.attachment_a.pk,
              "tid": world.task.pk, "rid": world.reminder_a.pk}
    for pattern in urlpatterns:
        url = "/" + str(pattern.pattern)
        for name in pattern.pattern.converters:
            url = url.replace(f"<int:{name}>", str(values[name])).replace(f"<str:{name}>", str(values[name]))
        yield pattern.name, url


def test_anonymous_sees_only_the_public_pages(world, client):
    """Every route but login, logout, health, session and 信息公开 sends an anonymous visitor to the login page."""
    from jixiao.web.services import apply_transition

    for action, who in (("submit", world.filler_a), ("accept", world.reviewer), ("publish", world.reviewer)):
        apply_transition(world.ev_a, action, who)
    before = [_snapshot(world.ev_a), _snapshot(world.ev_b)]
    routes = list(_every_route(world))
    assert {"public", "public_detail", "public_download", "dashboard"} <= {n for n, _ in routes}
    for name, url in routes:
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if name in OPEN_TO_ANONYMOUS:
                continue
            assert response.status_code == 302 and response["Location"].startswith("/login/"), (method, url)
    for name in ("public", "public_detail", "public_download"):
        url = dict(routes)[name]
        assert client.get(url).status_code == 200, url
    assert [_snapshot(world.ev_a), _snapshot(world.ev_b)] == before


def test_public_pages_show_no_unpublished_evaluation_to_anyone(world, client, client_for):
    for c in (client, client_for(world.filler_b), client_for(world.reviewer)):
        assert c.get(f"/public/{world.ev_a.pk}/").status_code == 404
        assert c.get(f"/public/{world.ev_a.pk}/docx/").status_code == 404
