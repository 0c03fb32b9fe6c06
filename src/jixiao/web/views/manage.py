"""The administrators' pages: 评价年度 (with 截止日期), 单位 and 用户. Every change goes into the audit log.

`jixiao serve --no-demo` starts with one administrator and nothing else; everything a bureau needs to begin
(a year to evaluate, its departments, their 填报人 and the bureau's 审核人) is created here.
"""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from .. import audit
from ..manage_forms import DeadlineForm, DepartmentForm, UserForm, YearForm
from ..models import Department, Profile, Role, Year
from ..permissions import role_of


def require_admin(user) -> None:
    if role_of(user) != Role.ADMIN:
        raise PermissionDenied("只有管理员可以管理评价年度、单位和用户。")


def _deadline(year: Year) -> str:
    return year.deadline.isoformat() if year.deadline else "未设"


# ---- 评价年度 ---------------------------------------------------------------------------------------------------

def years(request):
    require_admin(request.user)
    form = YearForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        year = form.save()
        audit.record(request, "year_create", detail=f"{year.year}年度，截止日期 {_deadline(year)}")
        messages.success(request, f"已新建 {year.year} 年度；各单位现在可以新建这一年度的自评。")
        return redirect("manage_years")
    return render(request, "web/manage/years.html", {"form": form, "years": Year.objects.all()})


@require_POST
def year_deadline(request, pk):
    require_admin(request.user)
    year = get_object_or_404(Year, pk=pk)
    before = _deadline(year)
    form = DeadlineForm(request.POST, instance=year)
    if form.is_valid():
        form.save()
        audit.record(request, "year_update", detail=f"{year.year}年度截止日期：{before} → {_deadline(year)}")
        messages.success(request, f"{year.year} 年度的截止日期已改为 {_deadline(year)}。")
    else:
        messages.error(request, "截止日期无效：" + "；".join(e for errs in form.errors.values() for e in errs))
    return redirect("manage_years")


# ---- 单位 -------------------------------------------------------------------------------------------------------

def _department(dept) -> str:
    return f"{dept.name}（编码 {dept.code or '无'}，分组 {dept.group or '无'}）"


def departments(request):
    require_admin(request.user)
    form = DepartmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        dept = form.save()
        audit.record(request, "department_create", detail=_department(dept))
        messages.success(request, f"已新建单位“{dept.name}”。")
        return redirect("manage_departments")
    return render(request, "web/manage/departments.html", {"form": form, "departments": Department.objects.all()})


def department(request, pk):
    require_admin(request.user)
    dept = get_object_or_404(Department, pk=pk)
    before = _department(dept)
    form = DepartmentForm(request.POST or None, instance=dept)
    if request.method == "POST" and form.is_valid():
        form.save()
        audit.record(request, "department_update", detail=f"{before} → {_department(dept)}")
        messages.success(request, f"已保存单位“{dept.name}”。")
        return redirect("manage_departments")
    return render(request, "web/manage/department.html", {"form": form, "dept": dept,
                                                          "staff": dept.staff.select_related("user")})


# ---- 用户 -------------------------------------------------------------------------------------------------------

def _describe(user) -> str:
    profile = getattr(user, "profile", None)
    role = Role(profile.role).label if profile else "未分配角色"
    dept = f"，{profile.department.name}" if profile and profile.department else ""
    mail = f"，{user.email}" if user.email else ""
    return f"{user.username}（{user.get_full_name() or '无姓名'}，{role}{dept}{mail}{'' if user.is_active else '，已停用'}）"


def _new_password() -> str:
    return secrets.token_urlsafe(9)


def users(request):
    require_admin(request.user)
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data, password = form.cleaned_data, _new_password()
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                username=data["username"], password=password, first_name=data["full_name"], email=data["email"],
                is_superuser=data["role"] == Role.ADMIN, is_staff=data["role"] == Role.ADMIN)
            Profile.objects.create(user=user, role=data["role"], department=data["department"])
        audit.record(request, "user_create", detail=_describe(user))
        messages.success(request, f"已新建用户 {user.username}。")
        return render(request, "web/manage/user.html", _user_context(user, UserForm(initial=_initial(user),
                                                                                   editing=user), password))
    listed = get_user_model().objects.select_related("profile__department").order_by("username")
    return render(request, "web/manage/users.html", {"form": form, "users": listed})


def _initial(user) -> dict:
    profile = getattr(user, "profile", None)
    return {"username": user.username, "full_name": user.first_name, "email": user.email,
            "role": role_of(user), "department": profile.department_id if profile else None}


def _user_context(user, form, password: str = "") -> dict:
    from axes.models import AccessAttempt

    locks = AccessAttempt.objects.filter(username=user.username)
    return {"person": user, "form": form, "password": password, "locks": locks}


def user(request, pk):
    require_admin(request.user)
    person = get_object_or_404(get_user_model().objects.select_related("profile"), pk=pk)
    form = UserForm(request.POST or None, initial=_initial(person), editing=person)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if person == request.user and data["role"] != Role.ADMIN:
            messages.error(request, "不能取消自己的管理员角色（以免系统没有管理员）。")
            return redirect("manage_user", pk=pk)
        before = _describe(person)
        with transaction.atomic():
            person.first_name, person.email = data["full_name"], data["email"]
            person.is_superuser = person.is_staff = data["role"] == Role.ADMIN
            person.save(update_fields=["first_name", "email", "is_superuser", "is_staff"])
            Profile.objects.update_or_create(user=person, defaults={"role": data["role"], "department": data["department"]})
        person.refresh_from_db()
        audit.record(request, "user_update", detail=f"{before} → {_describe(person)}")
        messages.success(request, f"已保存用户 {person.username}。")
        return redirect("manage_user", pk=pk)
    return render(request, "web/manage/user.html", _user_context(person, form))


@require_POST
def user_active(request, pk):
    require_admin(request.user)
    person = get_object_or_404(get_user_model(), pk=pk)
    active = request.POST.get("active") == "1"
    if person == request.user and not active:
        messages.error(request, "不能停用自己的账号。")
        return redirect("manage_user", pk=pk)
    person.is_active = active
    person.save(update_fields=["is_active"])
    audit.record(request, "user_activate" if active else "user_deactivate", detail=_describe(person))
    messages.success(request, f"已{'启用' if active else '停用'}用户 {person.username}" +
                     ("。" if active else "：该用户已不能登录，已登录的会话也随即失效。"))
    return redirect("manage_user", pk=pk)


@require_POST
def user_password(request, pk):
    """A new random password, shown once on this page (never sent by mail, never in a cookie)."""
    require_admin(request.user)
    person = get_object_or_404(get_user_model().objects.select_related("profile"), pk=pk)
    password = _new_password()
    person.set_password(password)
    person.save(update_fields=["password"])
    from axes.utils import reset

    reset(username=person.username)  # a forgotten password often comes with a lockout
    audit.record(request, "password_reset", detail=f"{person.username}：已重置密码并解除登录锁定")
    messages.success(request, f"已重置 {person.username} 的密码，原密码已失效。")
    return render(request, "web/manage/user.html", _user_context(person, UserForm(initial=_initial(person),
                                                                                 editing=person), password))


@require_POST
def user_unlock(request, pk):
    require_admin(request.user)
    person = get_object_or_404(get_user_model(), pk=pk)
    from axes.utils import reset

    count = reset(username=person.username)
    audit.record(request, "login_unlocked", detail=f"{person.username}：解除 {count} 条登录锁定记录")
    messages.success(request, f"已解除 {person.username} 的登录锁定。")
    return redirect("manage_user", pk=pk)


# ---- 审计日志 ---------------------------------------------------------------------------------------------------

AUDIT_PAGE = 100


def _date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def audit_log(request):
    """Every entry, newest first, a page at a time; filtered by user, action and a date range."""
    if role_of(request.user) != Role.ADMIN:
        raise PermissionDenied("只有管理员可以查看审计日志。")
    from django.core.paginator import Paginator

    from ..models import AuditLog

    chosen = {key: request.GET.get(key, "").strip() for key in ("user", "action", "start", "end")}
    entries = AuditLog.objects.select_related("evaluation__department", "evaluation__year")
    if chosen["user"]:
        entries = entries.filter(username__icontains=chosen["user"])
    if chosen["action"] in audit.ACTIONS:
        entries = entries.filter(action=chosen["action"])
    if start := _date(chosen["start"]):
        entries = entries.filter(created_at__date__gte=start)
    if end := _date(chosen["end"]):
        entries = entries.filter(created_at__date__lte=end)
    page = Paginator(entries, AUDIT_PAGE).get_page(request.GET.get("page"))
    from urllib.parse import urlencode

    query = urlencode({k: v for k, v in chosen.items() if v})
    rows = [(e, audit.action_label(e.action)) for e in page.object_list]
    return render(request, "web/audit.html", {"page": page, "rows": rows, "chosen": chosen, "query": query,
                                              "actions": sorted(audit.ACTIONS.items(), key=lambda kv: kv[1])})
