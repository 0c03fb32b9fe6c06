"""Model paths in words: `tasks[0].indicators[2].actual` → 重点工作任务1「…」› 绩效指标3「…」› 实际完成值.

Findings, comments and the revision diff name fields by model path; department staff should read the field's
Chinese name and which task and indicator it belongs to instead.
"""

from __future__ import annotations

import re

from .fields import ROOT, Field
from .fieldtypes import ENUM, TEXTS

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)")
NAME_CHARS = 16  # a long task or indicator name is cut to this many characters


def _short(name) -> str:
    text = str(name).strip()
    return text if len(text) <= NAME_CHARS else text[:NAME_CHARS] + "…"


def _walk(path: str):
    """Each dotted step of a path with the field it names (None from the first unknown step on) and its indices."""
    spec: Field | None = ROOT
    for step in path.split("."):
        m = _STEP.fullmatch(step)
        spec = next((c for c in spec.children if c.key == m.group(1)), None) if m and spec else None
        yield step, spec, [int(i) for i in re.findall(r"\d+", m.group(2))] if m else []


def field_at(path: str) -> Field | None:
    """The input-format field a path names (list indices ignored), or None."""
    spec = None
    for _step, spec, _indices in _walk(path):
        pass
    return spec


def value_words(path: str, value: str) -> str:
    """A stored value as the user reads it: an enum's code (department) by its Chinese name (部门整体)."""
    spec = field_at(path)
    if spec is not None and spec.type is ENUM and value in spec.choices:
        return next((name for name in spec.choices[value] if not name.isascii()), value)
    return value


def describe(path: str, document: dict | None = None) -> str:
    """The path in Chinese; with the document, list items also show their names. Unknown parts stay as written."""
    if not path:
        return "整体"
    value = document
    words: list[str] = []
    for step, spec, indices in _walk(path):
        if spec is None:
            words.append(step)
            continue
        value = value.get(spec.key) if isinstance(value, dict) else None
        if not indices:
            words.append(spec.label)
            continue
        index = indices[0]
        value = value[index] if isinstance(value, list) and 0 <= index < len(value) else None
        name = value.get("name") if isinstance(value, dict) else None
        if spec.type is TEXTS:
            words.append(f"{spec.label}第{index + 1}段")
        else:
            words.append(f"{spec.label}{index + 1}" + (f"「{_short(name)}」" if name else ""))
    return " › ".join(words)
