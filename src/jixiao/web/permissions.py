"""Who may see and do what: every object-level check of the app is here, and every view goes through it.

A 填报人 reaches only evaluations of their own department; anything else is a 404 (not a 403), so that
guessing ids tells nothing. Submitted, accepted and published evaluations are read-only for the department.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Evaluation, Profile, Role, Status

EDITABLE = {Status.DRAFT, Status.RETURNED}
# action -> (statuses it starts from, status it leads to, roles allowed)
TRANSITIONS = {
    "submit": ({Status.DRAFT, Status.RETURNED}, Status.SUBMITTED, {Role.FILLER, Role.ADMIN}),
    "return": ({Status.SUBMITTED, Status.ACCEPTED}, Status.RETURNED, {Role.REVIEWER, Role.ADMIN}),
    "accept": ({Status.SUBMITTED}, Status.ACCEPTED, {Role.REVIEWER, Role.ADMIN}),
    "publish": ({Status.ACCEPTED}, Status.PUBLISHED, {Role.REVIEWER, Role.ADMIN}),
}
ACTION_LABELS = {"submit": "提交审核", "return": "退回修改", "accept": "审核通过", "publish": "公开"}


def profile_of(user) -> Profile | None:
    if not user.is_authenticated:
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def role_of(user) -> str | None:
    if user.is_authenticated and user.is_superuser:
        return Role.ADMIN
    p = profile_of(user)
    return p.role if p else None


def is_bureau(user) -> bool:
    """审核人 and 管理员 see every department."""
    return role_of(user) in (Role.REVIEWER, Role.ADMIN)


def visible_evaluations(user):
    qs = Evaluation.objects.select_related("department", "year", "current")
    if is_bureau(user):
        return qs
    p = profile_of(user)
    if p is None or p.role != Role.FILLER or p.department_id is None:
        return qs.none()
    return qs.filter(department_id=p.department_id)


def evaluation_for(user, pk) -> Evaluation:
    """The evaluation if this user may see it; otherwise 404 whatever the id."""
    try:
        return visible_evaluations(user).get(pk=int(pk))
    except (Evaluation.DoesNotExist, ValueError, TypeError):
        raise Http404("没有找到这份自评，或您无权查看。")


def can_edit(user, evaluation: Evaluation) -> bool:
    role = role_of(user)
    if role == Role.ADMIN:
        return True
    if role != Role.FILLER or evaluation.department_id != profile_of(user).department_id:
        return False
    return evaluation.status in EDITABLE


def require_edit(user, evaluation: Evaluation) -> None:
    if not can_edit(user, evaluation):
        raise PermissionDenied("这份自评当前为只读（已提交或已审核），不能修改。")


def allowed_actions(user, evaluation: Evaluation) -> list[str]:
    role = role_of(user)
    actions = []
    for action, (sources, _target, roles) in TRANSITIONS.items():
        if evaluation.status in sources and role in roles:
            if role == Role.FILLER and evaluation.department_id != profile_of(user).department_id:
                continue
            actions.append(action)
    return actions


def require_reviewer(user) -> None:
    if not is_bureau(user):
        raise PermissionDenied("只有财政局审核人可以查看审核队列。")


def creatable_departments(user):
    """The departments this user may open a new evaluation for."""
    from .models import Department

    if is_bureau(user):
        return Department.objects.all()
    p = profile_of(user)
    if p is None or p.department_id is None:
        return Department.objects.none()
    return Department.objects.filter(pk=p.department_id)


def role_context(request) -> dict:
    """Template context: the user's role label, for the header."""
    role = role_of(request.user) if hasattr(request, "user") else None
    return {"role": role, "role_label": Role(role).label if role else "", "is_bureau": role in (Role.REVIEWER, Role.ADMIN)}
