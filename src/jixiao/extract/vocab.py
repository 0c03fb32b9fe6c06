"""The extraction vocabulary (label synonyms, table headers, site chrome), read once from vocab/*.yaml.

The words are data, like the rule sets: a province's form with another label for the same field is a line
added to a YAML file, not a change of code. Each entry names the provinces whose reports use it.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

from .normalize import spaced


@cache
def load(name: str) -> dict[str, Any]:
    text = resources.files(__package__).joinpath("vocab", f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def fields() -> dict[str, Any]:
    return load("fields")


def tables() -> dict[str, Any]:
    return load("tables")


def chrome() -> dict[str, Any]:
    return load("chrome")


def alternation(words, tolerant: bool = True) -> str:
    """A regex group matching any of the words, longest first; `tolerant` allows line-wrap spaces inside them."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(spaced(w) if tolerant else re.escape(w) for w in ordered) + ")"


def labels_of(entries) -> list[str]:
    """All labels of a list of {labels: [...]} or {label: ...} entries."""
    out: list[str] = []
    for e in entries:
        out.extend(e.get("labels") or [e["label"]])
    return out
