"""`manage.py jixiao_user NAME --role 填报人 --department 单位`: create an account with a role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ...models import Department, Profile, Role

ROLE_NAMES = {label: value for value, label in Role.choices} | {v: v for v in Role.values}


class Command(BaseCommand):
    help = "创建用户并指定角色（填报人 / 审核人 / 管理员）。"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, help="填报人、审核人 或 管理员")
        parser.add_argument("--department", default="", help="填报人所在单位（不存在时新建）")
        parser.add_argument("--password", required=True)

    def handle(self, username, role, department, password, **options):
        role_value = ROLE_NAMES.get(role)
        if role_value is None:
            raise CommandError(f"未知角色“{role}”：请用 填报人、审核人 或 管理员")
        if role_value == Role.FILLER and not department:
            raise CommandError("填报人必须指定 --department")
        User = get_user_model()
        user = User(username=username)
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError("密码不符合要求：" + "；".join(exc.messages))
        if User.objects.filter(username=username).exists():
            raise CommandError(f"用户 {username} 已存在")
        dept = Department.objects.get_or_create(name=department)[0] if department else None
        user = User.objects.create_user(username=username, password=password,
                                        is_superuser=role_value == Role.ADMIN, is_staff=role_value == Role.ADMIN)
        Profile.objects.create(user=user, role=role_value, department=dept)
        self.stdout.write(f"已创建 {username}（{Role(role_value).label}{'，' + dept.name if dept else ''}）")
