"""{% fields widgets %} and {% cells widgets %}: the editor's fields, read-only unless the page is editable."""

from __future__ import annotations

from django import template

from ..fieldhtml import fields_html, indicator_cells, path_options

register = template.Library()


@register.simple_tag(takes_context=True)
def fields(context, widgets):
    return fields_html(widgets, bool(context.get("editable")))


@register.simple_tag(takes_context=True)
def cells(context, widgets, adjusted=False):
    return indicator_cells(widgets, bool(context.get("editable")), bool(adjusted))


@register.simple_tag
def field_path_options(paths):
    return path_options(paths)
