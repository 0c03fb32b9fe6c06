"""The audit log: one function to record an event, and the login/logout signal handlers."""

from __future__ import annotations

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address
from django.dispatch import receiver

from .models import AuditLog

# Chinese names of the actions, for the audit log page and its filter
ACTIONS = {
    "login": "登录", "logout": "退出", "login_failed": "登录失败", "login_locked": "登录被锁定",
    "login_unlocked": "解除登录锁定",
    "create": "新建自评", "save": "保存", "conflict": "冲突版本（未生效）", "upload_rejected": "上传被拒绝",
    "submit": "提交审核", "withdraw": "撤回提交", "return": "退回修改", "accept": "审核通过",
    "unaccept": "撤回审核通过", "publish": "公开", "unpublish": "撤回公开", "comment": "意见", "review_score": "复核评分", "attachment_add": "上传佐证材料", "attachment_delete": "删除佐证材料", "task_issue": "下达自评任务", "task_remind": "催报", "task_extend": "延期", "mail_failed": "邮件发送失败", "download": "下载", "result_use": "结果应用意见", "rectification": "整改事项",
    "year_create": "新建评价年度", "year_update": "修改评价年度",
    "department_create": "新建单位", "department_update": "修改单位",
    "user_create": "新建用户", "user_update": "修改用户", "user_deactivate": "停用用户", "user_activate": "启用用户",
    "password_reset": "重置密码",
}


def action_label(action: str) -> str:
    return ACTIONS.get(action, action)


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind a trusted proxy the header JIXIAO_CLIENT_IP_HEADER names."""
    if request is None:
        return None
    header = getattr(settings, "JIXIAO_CLIENT_IP_HEADER", "")
    value = ""
    if header:
        value = request.META.get("HTTP_" + header.upper().replace("-", "_"), "").split(",")[0].strip()
    value = value or request.META.get("REMOTE_ADDR") or ""
    try:
        validate_ipv46_address(value)
    except ValidationError:
        return None
    return value


def record(request, action: str, evaluation=None, detail: str = "", user=None) -> None:
    user = user or (request.user if request is not None and request.user.is_authenticated else None)
    AuditLog.objects.create(
        user=user, username=user.get_username() if user else "", action=action,
        evaluation=evaluation, detail=detail[:2000], ip=client_ip(request),
    )


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    record(request, "login", user=user)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(request, "logout", user=user)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    AuditLog.objects.create(action="login_failed", username=str(credentials.get("username", ""))[:150], ip=client_ip(request))


@receiver(user_locked_out)
def _locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    AuditLog.objects.create(action="login_locked", username=str(username or "")[:150], ip=client_ip(request),
                            detail=f"连续 {settings.AXES_FAILURE_LIMIT} 次密码错误，账号在此地址锁定 "
                                   f"{int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)} 分钟")
