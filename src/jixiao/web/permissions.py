"""Who may see and do what: every object-level check of the app is here, and every view goes through it.

A 填报人 reaches only evaluations of their own department; anything else is a 404 (not a 403), so that
guessing ids tells nothing. Only 草稿 and 退回修改 can be changed, by anyone (administrators included): a
submitted, accepted or published evaluation changes only through a recorded step (撤回提交, 撤回审核通过,
撤回公开), each with its reason.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Evaluation, Profile, Role, Stage, Status

EDITABLE = {Status.DRAFT, Status.RETURNED}
# action -> (statuses it starts from, status it leads to, roles allowed)
TRANSITIONS = {
    "submit": ({Status.DRAFT, Status.RETURNED}, Status.SUBMITTED, {Role.FILLER, Role.ADMIN}),
    "withdraw": ({Status.SUBMITTED}, Status.DRAFT, {Role.FILLER}),
    "return": ({Status.SUBMITTED}, Status.RETURNED, {Role.REVIEWER, Role.ADMIN}),
    "accept": ({Status.SUBMITTED}, Status.ACCEPTED, {Role.REVIEWER, Role.ADMIN}),
    "unaccept": ({Status.ACCEPTED}, Status.SUBMITTED, {Role.REVIEWER, Role.ADMIN}),
    "publish": ({Status.ACCEPTED}, Status.PUBLISHED, {Role.REVIEWER, Role.ADMIN}),
    "unpublish": ({Status.PUBLISHED}, Status.ACCEPTED, {Role.REVIEWER, Role.ADMIN}),
}
ACTION_LABELS = {"submit": "提交审核", "withdraw": "撤回提交", "return": "退回修改", "accept": "审核通过",
                 "unaccept": "撤回审核通过", "publish": "公开", "unpublish": "撤回公开"}
# what the user is told after the step (the status labels already start with 已 or 审核)
ACTION_DONE = {"submit": "已提交审核。", "withdraw": "已撤回提交，自评回到草稿，可以继续修改。", "return": "已退回修改。",
               "accept": "已审核通过。", "unaccept": "已撤回审核通过，自评回到“已提交”。", "publish": "已公开。",
               "unpublish": "已撤回公开，自评回到“审核通过”。"}
NEEDS_REASON = {"return", "unaccept", "unpublish"}
# a 绩效目标表 is approved (批复), not published: 信息公开 shows self-evaluations
NOT_FOR_TARGETS = {"publish", "unpublish"}
_TARGET_LABELS = {"accept": "批复", "unaccept": "撤回批复"}
_TARGET_DONE = {"accept": "已批复绩效目标：年终新建的自评将以批复的指标值为起点。",
                "unaccept": "已撤回批复，绩效目标回到“已提交”。", "withdraw": "已撤回提交，绩效目标回到草稿，可以继续修改。"}


def action_label(evaluation: Evaluation, action: str) -> str:
    """The step's name on its button: 审核通过 for a self-evaluation is 批复 for a 绩效目标表."""
    return _TARGET_LABELS.get(action, ACTION_LABELS[action]) if evaluation.is_targets else ACTION_LABELS[action]


def action_done(evaluation: Evaluation, action: str) -> str:
    return _TARGET_DONE.get(action, ACTION_DONE[action]) if evaluation.is_targets else ACTION_DONE[action]


def taken_up(evaluation: Evaluation) -> bool:
    """Whether the bureau has started on a submitted evaluation: a reviewer's comment or 复核评分 since it was submitted."""
    from .models import Comment, ReviewScore, Transition

    last = Transition.objects.filter(evaluation=evaluation, to_status=Status.SUBMITTED).order_by("-created_at", "-pk").first()
    comments = Comment.objects.filter(evaluation=evaluation).exclude(user__profile__role=Role.FILLER)
    if last is not None:
        comments = comments.filter(created_at__gte=last.created_at)
    scored = ReviewScore.objects.filter(evaluation=evaluation, revision_number=evaluation.version)
    return comments.exists() or scored.exists()


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


def visible_evaluations(user, stage: str | None = Stage.SELF):
    """The user's documents of one stage (self-evaluations unless asked; None: both), for lists and counts."""
    qs = Evaluation.objects.select_related("department", "year", "current")
    if stage is not None:
        qs = qs.filter(stage=stage)
    if is_bureau(user):
        return qs
    p = profile_of(user)
    if p is None or p.role != Role.FILLER or p.department_id is None:
        return qs.none()
    return qs.filter(department_id=p.department_id)


def evaluation_for(user, pk) -> Evaluation:
    """The evaluation if this user may see it; otherwise 404 whatever the id."""
    try:
        return visible_evaluations(user, stage=None).get(pk=int(pk))
    except (Evaluation.DoesNotExist, ValueError, TypeError):
        raise Http404("没有找到这份自评，或您无权查看。")


def can_edit(user, evaluation: Evaluation) -> bool:
    if evaluation.status not in EDITABLE:  # for everyone: a step (撤回…) comes first
        return False
    role = role_of(user)
    if role == Role.ADMIN:
        return True
    return role == Role.FILLER and evaluation.department_id == profile_of(user).department_id


def require_edit(user, evaluation: Evaluation) -> None:
    if not can_edit(user, evaluation):
        raise PermissionDenied(f"这份自评当前为“{evaluation.get_status_display()}”，只读，不能修改。"
                               "需要修改时，请先撤回（撤回提交、撤回审核通过或撤回公开）。")


def allowed_actions(user, evaluation: Evaluation) -> list[str]:
    role = role_of(user)
    actions = []
    for action, (sources, _target, roles) in TRANSITIONS.items():
        if evaluation.status in sources and role in roles:
            if role == Role.FILLER and evaluation.department_id != profile_of(user).department_id:
                continue
            if action == "withdraw" and taken_up(evaluation):
                continue
            if action in NOT_FOR_TARGETS and evaluation.is_targets:
                continue
            actions.append(action)
    return actions


def require_reviewer(user, what: str = "查看审核队列") -> None:
    if not is_bureau(user):
        raise PermissionDenied(f"只有财政局审核人可以{what}。")


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


def can_delete_attachment(user, evaluation: Evaluation, attachment) -> bool:
    """佐证材料 are removed by whoever uploaded them, while the evaluation can still be changed."""
    return can_edit(user, evaluation) and attachment.uploaded_by_id == user.pk
