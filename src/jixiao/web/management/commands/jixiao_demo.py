"""`manage.py jixiao_demo`: create the demo department and accounts in an empty database."""

from django.core.management.base import BaseCommand

from ...demo import seed_demo


class Command(BaseCommand):
    help = "在空数据库中创建演示单位和演示账号（只执行一次）。"

    def handle(self, *args, **options):
        accounts = seed_demo()
        if not accounts:
            self.stdout.write("数据库中已有用户，未创建演示数据。")
        for a in accounts:
            self.stdout.write(f"{a.role}\t{a.username}\t{a.password}\t{a.department}")
