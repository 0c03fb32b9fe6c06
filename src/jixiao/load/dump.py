"""Evaluation → the input format (canonical English keys), as a plain document, YAML or JSON.

Writing what was loaded and loading it again gives the same model: that is the lossless contract.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

import yaml

from ..model import Evaluation, Indicator, Money, Paragraph, Quantity, Stage, Task
from .fields import ROOT, Field
from .fieldtypes import LIST, OBJECT


def _value(v: Any) -> Any:
    if isinstance(v, date):
        return v.isoformat()  # 2024-03-01: the same text in YAML, JSON and the template
    if isinstance(v, Money):
        return v.amount
    if isinstance(v, Quantity):
        return v.text
    if isinstance(v, tuple) and v and isinstance(v[0], Paragraph):
        return [p.text for p in v]
    if isinstance(v, Paragraph):
        return v.text
    if isinstance(v, Enum):
        return v.value
    return v


def _object(obj: Any, spec: Field) -> dict:
    out: dict[str, Any] = {}
    for f in spec.children:
        attr = "format_version" if f.key == "jixiao" else f.key
        v = getattr(obj, attr, None)
        if v is None or v == () or (f.key == "not_applicable" and v is False) or (f.key == "stage" and v is Stage.SELF):
            continue
        if f.type is OBJECT:
            sub = _object(v, f)
            if sub:
                out[f.key] = sub
        elif f.type is LIST:
            out[f.key] = [_object(item, f) for item in v]
        else:
            out[f.key] = _value(v)
    return out


def to_document(evaluation: Evaluation) -> dict:
    """The evaluation as an input-format document; Decimals stay Decimals."""
    return _object(evaluation, ROOT)


def to_plain(doc: Any) -> Any:
    """Decimals → int/float where exact, else str: for JSON and for tests."""
    if isinstance(doc, dict):
        return {k: to_plain(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [to_plain(v) for v in doc]
    if isinstance(doc, Decimal):
        if doc == doc.to_integral_value() and "." not in format(doc, "f"):
            return int(doc)
        f = float(doc)
        return f if Decimal(repr(f)) == doc else format(doc, "f")
    return doc


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:  # the loader refuses anchors (YAML bombs), so never write them
        return True


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal):
    text = format(value, "f")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(Decimal, _represent_decimal)
_Dumper.add_representer(str, _represent_str)


def to_yaml(evaluation: Evaluation) -> str:
    doc = to_document(evaluation)
    return yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def to_json(evaluation: Evaluation, indent: int = 2) -> str:
    return json.dumps(to_plain(to_document(evaluation)), ensure_ascii=False, indent=indent) + "\n"


__all__ = ["Indicator", "Task", "to_document", "to_json", "to_plain", "to_yaml"]
