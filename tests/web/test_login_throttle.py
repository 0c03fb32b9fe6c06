"""Login throttling (django-axes): wrong passwords lock the account at that address, with a Chinese page and an
audit entry; the owner can still log in from another machine, and an administrator can lift the lock."""

from __future__ import annotations

import pytest
from django.test import Client

from jixiao.web.models import AuditLog

pytestmark = pytest.mark.django_db
PASSWORD = "Jx-test-pass-2024"


def _try(client, password):
    return client.post("/login/", {"username": "filler_a", "password": password})


def test_thirty_wrong_passwords_end_in_a_lockout(world, settings):
    attacker = Client(REMOTE_ADDR="10.0.0.66")
    codes = [_try(attacker, f"guess-{n}").status_code for n in range(30)]
    assert codes[0] == 200 and 429 in codes
    first_lock = codes.index(429)
    assert first_lock == settings.AXES_FAILURE_LIMIT - 1  # the limit-th failure locks
    response = _try(attacker, PASSWORD)  # even the right password, from that address, while locked
    text = response.content.decode()
    assert response.status_code == 429 and "登录已暂时锁定" in text and "分钟" in text
    assert "_auth_user_id" not in attacker.session
    locks = AuditLog.objects.filter(action="login_locked", username="filler_a", ip="10.0.0.66")
    assert locks.exists() and "锁定" in locks.first().detail
    owner = Client(REMOTE_ADDR="10.0.0.5")  # the same account from the owner's own machine
    assert _try(owner, PASSWORD).status_code == 302


def test_the_limit_is_a_setting(world, settings):
    settings.AXES_FAILURE_LIMIT = 2
    client = Client(REMOTE_ADDR="10.0.0.67")
    assert [_try(client, "x").status_code for _ in range(2)] == [200, 429]


def test_a_successful_login_resets_the_count(world, settings):
    client = Client(REMOTE_ADDR="10.0.0.68")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _try(client, "wrong")
    assert _try(client, PASSWORD).status_code == 302
    client.post("/logout/")
    assert _try(client, "wrong").status_code == 200  # counting starts again
