"""Django for the web tests: settings from jixiao.web.settings, data dir in a temporary folder.

pytest-django reads DJANGO_SETTINGS_MODULE early; the project's pytest options do not set it, so this conftest
sets it and sets Django up when the web tests are collected. JIXIAO_DATABASE_URL (set by test_postgres.py for
its subprocess run) switches the same tests to PostgreSQL.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
os.environ.setdefault("JIXIAO_DATA_DIR", tempfile.mkdtemp(prefix="jixiao-web-test-"))

import django  # noqa: E402

django.setup()

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "liwan-fulian-2023.yaml"


class World:
    """Two departments with one evaluation each, a 填报人 for each, a 审核人 and a 管理员."""

    def __init__(self):
        from django.contrib.auth import get_user_model

        from jixiao.web.analysis import document_of
        from jixiao.web.models import Department, Evaluation, Profile, Role, Year
        from jixiao.load import load_file

        User = get_user_model()
        self.year = Year.objects.create(year=2023)
        self.dept_a = Department.objects.create(name="广州市荔湾区妇女联合会")
        self.dept_b = Department.objects.create(name="示例区图书馆")

        def user(name, role, dept=None):
            u = User.objects.create_user(username=name, password="Jx-test-pass-2024", is_superuser=role == Role.ADMIN)
            Profile.objects.create(user=u, role=role, department=dept)
            return u

        self.filler_a = user("filler_a", Role.FILLER, self.dept_a)
        self.filler_b = user("filler_b", Role.FILLER, self.dept_b)
        self.reviewer = user("reviewer", Role.REVIEWER)
        self.admin = user("admin", Role.ADMIN)
        self.seed_document = document_of(load_file(SEED).evaluation)
        self.ev_a = Evaluation.objects.create(department=self.dept_a, year=self.year)
        self.ev_b = Evaluation.objects.create(department=self.dept_b, year=self.year)
        from jixiao.web.services import save_revision

        save_revision(self.ev_a, self.seed_document, self.filler_a, 0, "测试数据")
        doc_b = dict(self.seed_document, department={"name": self.dept_b.name})
        save_revision(self.ev_b, doc_b, self.filler_b, 0, "测试数据")


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def client_for():
    from django.test import Client

    def make(user, **kwargs):
        c = Client(**kwargs)
        c.force_login(user)
        return c

    return make


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Hashing four passwords per test with PBKDF2 costs a second; the tests are not about hashing strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
