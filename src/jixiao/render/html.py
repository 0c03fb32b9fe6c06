"""HTML: the same outline as the DOCX plus an indicator table, self-contained (no external assets)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from .format import trim
from .view import ReportView


@cache
def _environment() -> Environment:
    env = Environment(loader=PackageLoader("jixiao.render", "templates"),
                      autoescape=select_autoescape(["html"]), keep_trailing_newline=True)
    env.globals["fmt"] = _number
    return env


def render_html(view: ReportView, fragment: bool = False) -> str:
    """A whole page, or with `fragment` only the <article> (with its style) for the web app."""
    return _environment().get_template("report.html").render(v=view, fragment=fragment)


def _number(value: Decimal | None) -> str:
    return "" if value is None else trim(value)
