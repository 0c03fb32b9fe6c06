"""Administrators manage 评价年度, 单位 and 用户 in the web UI, in Chinese, every change in the audit log; the audit
log pages through every entry and filters by user, action and date."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from jixiao.web.models import AuditLog, Department, Evaluation, Profile, Role, Year

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    """A database as `serve --no-demo` leaves it: one administrator, nothing else."""
    from jixiao.web.demo import first_admin

    account = first_admin()[0]
    client = Client()
    assert client.post("/login/", {"username": account.username, "password": account.password}).status_code == 302
    return client


def _password(page: str) -> str:
    return re.search(r'<code class="password">([^<]+)</code>', page).group(1)


def test_from_an_empty_start_to_a_filler_writing_a_draft(admin):
    page = admin.get("/manage/years/").content.decode()
    assert "还没有评价年度" in page
    admin.post("/manage/years/", {"year": "2025", "deadline": "2026-03-31"})
    year = Year.objects.get(year=2025)
    assert year.deadline == date(2026, 3, 31)
    admin.post("/manage/departments/", {"name": " 某县  农业农村局 ", "code": "101001"})
    dept = Department.objects.get(name="某县 农业农村局")
    page = admin.post("/manage/users/", {"username": "zhang3", "full_name": "张三", "role": Role.FILLER,
                                         "department": dept.pk}).content.decode()
    assert "只显示这一次" in page
    password = _password(page)
    filler = Client()
    assert filler.post("/login/", {"username": "zhang3", "password": password}).status_code == 302
    home = filler.get("/").content.decode()
    assert "某县 农业农村局" in home and "2026-03-31" not in home  # no evaluation yet: the list is empty
    filler.post("/new/", {"department": dept.pk, "year": year.pk, "kind": "department"})
    ev = Evaluation.objects.get(department=dept, year=year)
    assert filler.get(f"/e/{ev.pk}/").status_code == 200
    assert "2026-03-31" in filler.get("/").content.decode()
    actions = set(AuditLog.objects.values_list("action", flat=True))
    assert {"year_create", "department_create", "user_create", "create"} <= actions


def test_deadline_role_department_deactivation_and_password_reset_are_audited(admin):
    year = Year.objects.create(year=2024)
    admin.post(f"/manage/years/{year.pk}/deadline/", {"deadline": "2025-04-30"})
    year.refresh_from_db()
    assert year.deadline == date(2025, 4, 30)
    a, b = Department.objects.create(name="甲单位"), Department.objects.create(name="乙单位")
    page = admin.post("/manage/users/", {"username": "li4", "full_name": "李四", "role": Role.FILLER,
                                         "department": a.pk}).content.decode()
    old_password = _password(page)
    user = get_user_model().objects.get(username="li4")
    admin.post(f"/manage/users/{user.pk}/", {"full_name": "李四", "role": Role.FILLER, "department": b.pk})
    assert Profile.objects.get(user=user).department == b
    admin.post(f"/manage/users/{user.pk}/", {"full_name": "李四", "role": Role.REVIEWER, "department": b.pk})
    profile = Profile.objects.get(user=user)
    assert profile.role == Role.REVIEWER and profile.department is None
    new_password = _password(admin.post(f"/manage/users/{user.pk}/password/").content.decode())
    assert new_password != old_password
    person = Client()
    assert person.post("/login/", {"username": "li4", "password": old_password}).status_code == 200
    assert person.post("/login/", {"username": "li4", "password": new_password}).status_code == 302
    admin.post(f"/manage/users/{user.pk}/active/", {"active": "0"})
    assert person.get("/").status_code == 302  # the open session ends with the deactivation
    assert Client().post("/login/", {"username": "li4", "password": new_password}).status_code == 200
    admin.post(f"/manage/departments/{a.pk}/", {"name": "甲单位（新名）", "code": ""})
    assert Department.objects.filter(name="甲单位（新名）").exists()
    logged = list(AuditLog.objects.values_list("action", flat=True))
    for action in ("year_update", "user_update", "password_reset", "user_deactivate", "department_update"):
        assert action in logged, action
    assert "2025-04-30" in AuditLog.objects.filter(action="year_update").first().detail


def test_a_filler_needs_a_department_and_names_are_unique(admin):
    page = admin.post("/manage/users/", {"username": "w5", "role": Role.FILLER}).content.decode()
    assert "填报人必须属于一个单位" in page
    Year.objects.create(year=2024)
    assert "该评价年度已存在" in admin.post("/manage/years/", {"year": "2024"}).content.decode()
    Department.objects.create(name="丙单位")
    assert "已有同名的单位" in admin.post("/manage/departments/", {"name": "丙单位"}).content.decode()
    assert not get_user_model().objects.filter(username="w5").exists()


def test_an_administrator_cannot_lock_themselves_out(admin):
    me = get_user_model().objects.get(username="admin")
    admin.post(f"/manage/users/{me.pk}/active/", {"active": "0"})
    admin.post(f"/manage/users/{me.pk}/", {"full_name": "x", "role": Role.FILLER})
    me.refresh_from_db()
    assert me.is_active and me.is_superuser


def test_a_locked_account_is_unlocked_by_the_administrator(admin, settings):
    dept = Department.objects.create(name="丁单位")
    password = _password(admin.post("/manage/users/", {"username": "z6", "role": Role.FILLER,
                                                       "department": dept.pk}).content.decode())
    person = Client(REMOTE_ADDR="10.1.1.1")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        person.post("/login/", {"username": "z6", "password": "wrong"})
    assert person.post("/login/", {"username": "z6", "password": password}).status_code == 429
    user = get_user_model().objects.get(username="z6")
    assert "解除登录锁定" in admin.get(f"/manage/users/{user.pk}/").content.decode()
    admin.post(f"/manage/users/{user.pk}/unlock/")
    assert person.post("/login/", {"username": "z6", "password": password}).status_code == 302
    assert AuditLog.objects.filter(action="login_unlocked").exists()


def test_the_audit_log_pages_filters_and_speaks_chinese(admin):
    AuditLog.objects.bulk_create([AuditLog(action="download", username=f"user{n % 3}", detail=f"第{n}条")
                                  for n in range(250)])
    old = AuditLog.objects.create(action="save", username="user1", detail="去年的保存")
    AuditLog.objects.filter(pk=old.pk).update(created_at=old.created_at - timedelta(days=400))
    page = admin.get("/audit/").content.decode()
    assert "第 1/3 页" in page and "下载" in page and ">download<" not in page
    last = admin.get("/audit/?page=3").content.decode()
    assert "去年的保存" in last  # the oldest entry is reachable
    only = admin.get("/audit/?user=user1&action=save").content.decode()
    assert "去年的保存" in only and "第1条" not in only and "共 1 条" in only
    today = date.today().isoformat()
    dated = admin.get(f"/audit/?start={today}&end={today}&action=download&page=2").content.decode()
    assert "去年的保存" not in dated and "共 250 条" in dated and f"start={today}" in dated  # filters kept in paging


@pytest.mark.parametrize("url", ["/manage/years/", "/manage/departments/", "/manage/users/", "/audit/"])
def test_only_administrators_reach_the_pages(world, client_for, url):
    for person in (world.filler_a, world.reviewer):
        assert client_for(person).get(url).status_code == 403
    assert client_for(world.admin).get(url).status_code == 200
