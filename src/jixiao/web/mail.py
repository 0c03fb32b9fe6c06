"""催报 by e-mail, when an SMTP server is configured: to the active 填报人 of the department who gave an address.

The reminder in the app is the record; a mail that cannot be sent is noted in the audit log and never undoes it.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection

from . import audit
from .models import Reminder, Role

log = logging.getLogger(__name__)


def recipients(department_id: int) -> list[str]:
    users = get_user_model().objects.filter(profile__department_id=department_id, profile__role=Role.FILLER,
                                            is_active=True).exclude(email="")
    return sorted({u.email for u in users})


def send_reminders(reminders: list[Reminder], request=None) -> int:
    """Mail each reminder to its department; returns how many mails were sent."""
    if not getattr(settings, "JIXIAO_MAIL_REMINDERS", False) or not reminders:
        return 0
    sent = 0
    try:
        with get_connection() as connection:
            for r in reminders:
                a = r.assignment
                to = recipients(a.department_id)
                if not to:
                    continue
                body = (f"{a.department.name}：\n\n{r.text}\n\n任务：{a.task.title}（{a.task.year.year}年度）\n"
                        f"截止日期：{a.deadline.isoformat()}\n\n请登录预算绩效自评系统查看。\n— 财政局")
                EmailMessage(f"【催报】{a.task.title}", body, settings.DEFAULT_FROM_EMAIL, to,
                             connection=connection).send()
                sent += 1
    except (smtplib.SMTPException, OSError) as exc:
        log.warning("催报邮件发送失败：%s", exc)
        audit.record(request, "mail_failed", None, f"催报邮件发送失败（已发 {sent} 封）：{exc}"[:500])
    return sent
