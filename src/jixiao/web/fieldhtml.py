"""HTML of the editor's fields (label, input, the findings and comments on it), built in Python.

A department report has some 1,500 fields. Rendering each through a template include took most of the page's
time, and even Django's format_html costs too much per call at this count, so the markup is joined here from
values escaped with the standard library's html.escape (quotes included) and marked safe once per block.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from .forms import Widget


def _notes(w: Widget) -> str:
    parts = []
    for n in w.notes:
        if n["type"] == "finding":
            code = escape(str(n.get("code", "")))
            parts.append(f'<div class="note sev-{escape(str(n.get("severity", "")))}" data-code="{code}">'
                         f'{code} {escape(str(n.get("message", "")))}</div>')
        else:
            user = n["obj"].user
            who = escape(user.get_full_name() or user.get_username())
            parts.append(f'<div class="note comment">【意见】{who}：{escape(n["obj"].text)}</div>')
    return "".join(parts)


def _control(w: Widget, editable: bool) -> str:
    attrs = f'name="{escape(w.name)}" data-tpl="{escape(w.template)}"'
    if w.widget == "select":
        options = "".join(f'<option value="{escape(v)}"{" selected" if v == w.value else ""}>{escape(label)}</option>'
                          for v, label in w.choices)
        return f'<select {attrs}{"" if editable else " disabled"}>{options}</select>'
    if w.widget == "checkbox":
        return f'<input type="checkbox" {attrs}{" checked" if w.value else ""}{"" if editable else " disabled"}>'
    lock = "" if editable and not w.locked else " readonly"
    if w.widget in ("lines", "textarea"):
        return f'<textarea {attrs} rows="{4 if w.widget == "lines" else 2}"{lock}>{escape(w.value)}</textarea>'
    return f'<input type="text" {attrs} value="{escape(w.value)}"{lock}>'


def _field(w: Widget, editable: bool, with_doc: bool) -> str:
    classes = f"field field-{w.widget}" + (" has-notes" if w.notes else "") + (" result" if w.result else "")
    title = f' title="{escape(w.doc)}"' if with_doc and w.doc else ""
    return f'<label class="{classes}"{title}><span class="lbl">{escape(w.label)}</span>{_control(w, editable)}{_notes(w)}</label>'


def fields_html(widgets: list[Widget], editable: bool) -> SafeString:
    """The fields of a block, each with its help text as a tooltip."""
    return mark_safe("".join(_field(w, editable, with_doc=True) for w in widgets))


def indicator_cells(widgets: list[Widget], editable: bool, adjusted: bool = False) -> SafeString:
    """One indicator row's cells; the help text is on the column header, not repeated in every row. An adjusted
    target (changed since the 绩效目标表 was approved) is marked 调整 in its cell."""
    cells = []
    for w in widgets:
        key = w.name.rsplit(".", 1)[-1]
        mark = '<span class="adjusted-mark" title="年度指标值与批复指标值不同">调整</span>' if adjusted and key == "target" else ""
        cells.append(f'<td class="col-{key}{" result" if w.result else ""}">{_field(w, editable, with_doc=False)}{mark}</td>')
    return mark_safe("".join(cells))


def path_options(paths: list[tuple[str, str]]) -> SafeString:
    """The comment form's field chooser: (model path, the path in words) → <option>s, grouped by task and
    indicator (<optgroup>) so each option reads as just the field's name."""
    parts, group = [], None
    for path, words in paths:
        parent, _, name = words.rpartition(" › ")
        if parent != group:
            parts.append(("</optgroup>" if group else "") + (f'<optgroup label="{escape(parent)}">' if parent else ""))
            group = parent
        parts.append(f'<option value="{escape(path)}">{escape(name)}</option>')
    if group:
        parts.append("</optgroup>")
    return mark_safe("".join(parts))
