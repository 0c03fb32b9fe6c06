"""Starting the app: migrate, first-start demo data, then waitress. Called by `jixiao serve` (which imports no Django)."""

from __future__ import annotations

import os
from pathlib import Path


class DatabaseUnavailable(Exception):
    """The database cannot be reached or migrated; the message is for the user."""


def prepare(examples: Path | None = None, demo: bool = True) -> list:
    """Set Django up, migrate the database and, on an empty database, create the demo data (or, without the demo,
    just one administrator, who creates years, departments and users in the web UI). Returns new accounts."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django
    from django.core.management import call_command

    from django.db.utils import OperationalError

    django.setup()
    try:
        call_command("migrate", interactive=False, verbosity=0)
    except OperationalError as exc:
        raise DatabaseUnavailable(f"无法连接或初始化数据库（{database_label()}）：{exc}".strip()) from exc
    if not demo:
        from .demo import first_admin

        return first_admin()
    from .demo import seed_demo

    return seed_demo(examples)


def database_label() -> str:
    return "PostgreSQL" if os.environ.get("JIXIAO_DATABASE_URL", "").startswith("postgres") else "SQLite"


def run(host: str, port: int, threads: int) -> None:
    from waitress import serve

    from .wsgi import application

    serve(application, host=host, port=port, threads=threads, ident="jixiao")
