"""Compare two revisions field by field: every path whose value differs, with the old and the new value."""

from __future__ import annotations

from dataclasses import dataclass

from ..load.paths import describe, value_words


def flatten(doc, prefix: str = "") -> dict[str, str]:
    """{"tasks": [{"name": "x"}]} → {"tasks[0].name": "x"}; lists of text become one line each."""
    out: dict[str, str] = {}
    if isinstance(doc, dict):
        for key, value in doc.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out.update(flatten(value, f"{prefix}[{i}]"))
    elif doc is not None:
        out[prefix] = "是" if doc is True else "否" if doc is False else value_words(prefix, str(doc))
    return out


@dataclass
class Change:
    path: str
    old: str | None
    new: str | None
    label: str = ""  # the path in words, with task and indicator names

    @property
    def kind(self) -> str:
        if self.old is None:
            return "新增"
        if self.new is None:
            return "删除"
        return "修改"


def compare(old: dict, new: dict) -> list[Change]:
    a, b = flatten(old), flatten(new)
    paths = list(a) + [p for p in b if p not in a]
    return [Change(p, a.get(p), b.get(p), describe(p, new if p in b else old)) for p in paths if a.get(p) != b.get(p)]
