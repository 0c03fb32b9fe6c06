"""First start: a demo department from the examples, demo accounts with fresh passwords (shown once)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from ..load import load_file
from .analysis import document_of
from .models import Department, Evaluation, Profile, Role, Year
from .services import save_revision

OTHER_DEPARTMENT = "演示单位（其他部门）"


@dataclass
class Account:
    username: str
    password: str
    role: str
    department: str = ""


def examples_dir() -> Path | None:
    for candidate in (Path.cwd() / "examples", Path(__file__).resolve().parents[3] / "examples"):
        if candidate.is_dir():
            return candidate
    return None


def _user(username: str, full_name: str, role: str, department=None) -> Account:
    password = secrets.token_urlsafe(9)
    user = get_user_model().objects.create_user(username=username, password=password, first_name=full_name,
                                                is_superuser=role == Role.ADMIN, is_staff=role == Role.ADMIN)
    Profile.objects.create(user=user, role=role, department=department)
    return Account(username, password, Role(role).label, department.name if department else "")


def _load_example(path: Path, author) -> None:
    result = load_file(path)
    if result.evaluation is None:
        return
    ev_model = result.evaluation
    year, _ = Year.objects.get_or_create(year=ev_model.year)
    dept, _ = Department.objects.get_or_create(name=ev_model.department.name)
    ev, created = Evaluation.objects.get_or_create(department=dept, year=year, kind=ev_model.kind.value,
                                                   stage=ev_model.stage.value)
    if created:
        save_revision(ev, document_of(ev_model), author, 0, f"演示数据 {path.name}")


def first_admin() -> list[Account]:
    """`serve --no-demo` on an empty database: one administrator with a fresh password (shown once), nothing else."""
    if get_user_model().objects.exists():
        return []
    with transaction.atomic():
        return [_user("admin", "系统管理员", Role.ADMIN)]


def seed_demo(examples: Path | None = None) -> list[Account]:
    """Create demo data once (only into an empty database); returns the accounts with their passwords."""
    User = get_user_model()
    if User.objects.exists():
        return []
    examples = examples or examples_dir()
    with transaction.atomic():
        accounts = [_user("admin", "系统管理员", Role.ADMIN), _user("shenhe", "财政局审核人", Role.REVIEWER)]
        loader = User.objects.get(username="admin")
        for path in sorted(examples.glob("*.y*ml")) if examples else []:
            _load_example(path, loader)
        other, _ = Department.objects.get_or_create(name=OTHER_DEPARTMENT)
        for n, dept in enumerate(Department.objects.exclude(pk=other.pk), start=1):
            accounts.append(_user(f"tianbao{n}", f"{dept.name}填报人", Role.FILLER, dept))
        accounts.append(_user("tianbao-qita", "其他部门填报人", Role.FILLER, other))
        if not Year.objects.exists():
            from datetime import date

            Year.objects.create(year=date.today().year - 1)
    return accounts
