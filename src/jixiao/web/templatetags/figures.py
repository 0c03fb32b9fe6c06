"""{{ value|percent }}: an execution rate as 97.19%, or — when there is none."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def percent(value) -> str:
    return "—" if value is None else f"{value}%"
