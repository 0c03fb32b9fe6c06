"""The editor form, generated from the input-format table (jixiao.load.fields), so it has every field.

Input names are model paths — `finance.budget`, `tasks[0].indicators[2].target` — the same paths findings and
comments use. Lists carry a template name with `#` per index (`tasks[#].indicators[#].target`) that the editor
script renumbers after rows are added, removed or moved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..load.fields import INDICATOR, ROOT, TASK, Field
from ..load.fieldtypes import BOOL, ENUM, LIST, OBJECT
from ..rules import ruleset_titles

FIXED_KEYS = {"jixiao", "kind", "stage", "year"}  # taken from the evaluation row, never from the form
BOOL_CHOICES = (("", "—"), ("是", "是"), ("否", "否"))


@dataclass
class Widget:
    name: str  # model path, e.g. tasks[0].indicators[1].target
    template: str  # the same with # for every list index
    label: str
    widget: str  # text | textarea | lines | select | checkbox
    value: str = ""
    choices: tuple = ()
    doc: str = ""
    notes: list = field(default_factory=list)  # findings and comments on this field, filled by the view
    locked: bool = False  # shown, never changed here (the department's name comes from its record)
    result: bool = False  # filled in at the year's end: hidden (still posted) on a 绩效目标表


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def ruleset_choices(current: str = "") -> tuple[tuple[str, str], ...]:
    """The 规则集 list: automatic, then every rule set by name with its Chinese title (built-in and installed).

    A stored value that is not among them (an old draft, a typo in an uploaded file) stays visible as its own
    option, marked, so that opening and saving the draft loses nothing; it still scores as an unknown name."""
    titles = ruleset_titles()
    choices = (("", "按评价类型自动选择"),) + tuple((name, f"{title}（{name}）") for name, title in titles)
    if current and current not in {v for v, _ in choices}:
        choices += ((current, f"（无此规则集或无法使用）{current}"),)
    return choices


def _widget(spec: Field, value, name: str, template: str) -> Widget:
    """The field's editor widget, as the field table names it (its type's, or its own)."""
    w = Widget(name, template, spec.label, spec.editor_widget, doc=spec.doc, result=spec.result)
    if name == "department.name":
        w.widget, w.value, w.locked = "text", _text(value), True
        w.doc = "单位名称取自系统中的单位记录，不能在此修改；如有错误请联系管理员。"
        return w
    if name == "ruleset":
        w.widget, w.value = "select", _text(value)
        w.choices = ruleset_choices(w.value)
        return w
    if w.widget == "lines":
        w.value = "\n".join(_text(v) for v in value) if isinstance(value, list) else _text(value)
    elif w.widget == "checkbox":
        w.value = "on" if value else ""
    else:
        w.value = _text(value)
    if w.widget == "select":
        w.choices = (("", "—"),) + tuple((k, k) for k in spec.choices) if spec.type is ENUM else BOOL_CHOICES
    return w


def widgets(spec: Field, doc: dict | None, prefix: str = "", template: str = "") -> list[Widget]:
    """The scalar fields of one object (nested objects flattened, lists left out)."""
    doc = doc or {}
    out: list[Widget] = []
    for child in spec.children:
        if child.key in FIXED_KEYS or child.type is LIST:
            continue
        if child.type is OBJECT:
            out += widgets(child, doc.get(child.key), f"{prefix}{child.key}.", f"{template}{child.key}.")
        else:
            out.append(_widget(child, doc.get(child.key), prefix + child.key, template + child.key))
    return out


@dataclass
class Row:
    widgets: list[Widget]
    adjusted: bool = False  # 调整: the target differs from the approved one (jixiao.model Indicator.target_adjusted)


@dataclass
class TaskBlock:
    widgets: list[Widget]
    indicators: list[Row]


def task_blocks(doc: dict) -> list[TaskBlock]:
    blocks = []
    for ti, task in enumerate(doc.get("tasks") or []):
        rows = [Row(widgets(INDICATOR, ind, f"tasks[{ti}].indicators[{ii}].", "tasks[#].indicators[#]."))
                for ii, ind in enumerate(task.get("indicators") or [])]
        blocks.append(TaskBlock(widgets(TASK, task, f"tasks[{ti}].", "tasks[#]."), rows))
    return blocks


def blank_task() -> TaskBlock:
    return TaskBlock(widgets(TASK, {}, "", "tasks[#]."), [])


def blank_indicator() -> Row:
    return Row(widgets(INDICATOR, {}, "", "tasks[#].indicators[#]."))


INDICATOR_COLUMNS = [c for c in INDICATOR.children]
# Columns an indicator table shows only when the document uses them (a target changed since the 绩效目标表 was
# approved): hidden, their inputs still post, so nothing typed or uploaded is lost.
ADJUSTMENT_FIELDS = ("approved_target", "adjust_reason")


def has_adjustments(doc: dict) -> bool:
    return any(ind.get(f) for task in doc.get("tasks") or [] for ind in task.get("indicators") or []
               for f in ADJUSTMENT_FIELDS)

# ---- POST → document -------------------------------------------------------------------------------------------


def _indices(post, path: str) -> list[int]:
    pattern = re.compile(re.escape(path) + r"\[(\d+)\]\.")
    found = {int(m.group(1)) for key in post.keys() if (m := pattern.match(key))}
    return sorted(found)


def _scalar(spec: Field, raw: str | None):
    if raw is None:
        return None
    raw = raw.replace("\r\n", "\n").strip()
    widget = spec.editor_widget
    if widget == "lines":
        lines = [line.strip() for line in raw.split("\n") if line.strip()]
        return lines or None
    if widget == "checkbox":
        return True if raw else None
    if spec.type is BOOL:
        return {"是": True, "否": False}.get(raw)
    return raw or None


def parse_object(spec: Field, post, prefix: str = "") -> dict:
    out: dict = {}
    for child in spec.children:
        if child.key in FIXED_KEYS:
            continue
        path = prefix + child.key
        if child.type is OBJECT:
            value = parse_object(child, post, path + ".") or None
        elif child.type is LIST:
            items = [parse_object(child, post, f"{path}[{i}].") for i in _indices(post, path)]
            value = [item for item in items if item] or None
        else:
            value = _scalar(child, post.get(path))
        if value is not None:
            out[child.key] = value
    return out


def document_from_post(post) -> dict:
    """The editor's fields → an input-format document (strings as typed; the loader parses them)."""
    return parse_object(ROOT, post)
