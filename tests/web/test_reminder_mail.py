"""催报 by e-mail when an SMTP server is set, against a local SMTP server the test starts (aiosmtpd)."""

from __future__ import annotations

import datetime
import email
import email.policy
import socket

import pytest
from django.utils import timezone

from jixiao.web import tasks as service
from jixiao.web.models import AuditLog, Reminder

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=email.policy.default)))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings):
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.JIXIAO_MAIL_REMINDERS = "127.0.0.1", port, True
    settings.DEFAULT_FROM_EMAIL = "caizheng@example.cn"
    yield inbox
    controller.stop()


def _task(world):
    return service.issue(world.reviewer, world.year, "department", "2023年度自评", timezone.localdate() + datetime.timedelta(days=2),
                         [world.dept_a, world.dept_b])


def test_reminder_is_mailed_to_the_departments_fillers(world, client_for, smtp):
    world.filler_a.email = "fulian@example.cn"
    world.filler_a.save()
    world.filler_b.email = "library@example.cn"
    world.filler_b.save()
    task = _task(world)
    a = task.assignments.get(department=world.dept_a)
    client_for(world.reviewer).post(f"/tasks/{task.pk}/remind/", {"ids": [a.pk], "text": "请于周五前提交"})
    assert Reminder.objects.count() == 1
    assert len(smtp.messages) == 1
    to, message = smtp.messages[0]
    assert to == ["fulian@example.cn"]
    assert message["Subject"] == "【催报】2023年度自评" and message["From"] == "caizheng@example.cn"
    assert "请于周五前提交" in message.get_content() and "广州市荔湾区妇女联合会" in message.get_content()


def test_no_address_no_mail_and_the_reminder_still_shows(world, client_for, smtp):
    task = _task(world)
    client_for(world.reviewer).post(f"/tasks/{task.pk}/remind/", {"ids": list(task.assignments.values_list("pk", flat=True))})
    assert smtp.messages == [] and Reminder.objects.count() == 2


def test_an_unreachable_server_is_noted_and_the_reminder_kept(world, client_for, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.JIXIAO_MAIL_REMINDERS = "127.0.0.1", _free_port(), True
    world.filler_a.email = "fulian@example.cn"
    world.filler_a.save()
    task = _task(world)
    a = task.assignments.get(department=world.dept_a)
    response = client_for(world.reviewer).post(f"/tasks/{task.pk}/remind/", {"ids": [a.pk]}, follow=True)
    assert "已向 1 个单位催报" in response.content.decode()
    assert Reminder.objects.count() == 1 and AuditLog.objects.filter(action="mail_failed").exists()


def test_without_smtp_nothing_is_mailed(world, client_for, settings):
    from django.core import mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.JIXIAO_MAIL_REMINDERS = False
    world.filler_a.email = "fulian@example.cn"
    world.filler_a.save()
    task = _task(world)
    client_for(world.reviewer).post(f"/tasks/{task.pk}/remind/", {"ids": list(task.assignments.values_list("pk", flat=True))})
    assert mail.outbox == [] and Reminder.objects.count() == 2


def test_administrator_sets_a_users_email(world, client_for):
    client = client_for(world.admin)
    client.post(f"/manage/users/{world.filler_a.pk}/", {"full_name": "妇联填报人", "email": "fulian@example.cn",
                                                          "role": "filler", "department": world.dept_a.pk})
    world.filler_a.refresh_from_db()
    assert world.filler_a.email == "fulian@example.cn"
    text = client.post(f"/manage/users/{world.filler_a.pk}/", {"email": "不是邮箱", "role": "filler",
                                                                 "department": world.dept_a.pk}).content.decode()
    assert "电子邮箱格式不对" in text
