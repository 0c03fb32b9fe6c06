"""JSON Schema of the input format, generated from the field table, for editors that check YAML."""

from __future__ import annotations

from .fields import ROOT, Field
from .fieldtypes import LIST, OBJECT


def _schema(f: Field) -> dict:
    if f.type is OBJECT:
        return _object(f)
    if f.type is LIST:
        return {"type": "array", "items": _object(f)}
    return f.type.schema_of(f)  # each value type carries its fragment


def _object(spec: Field) -> dict:
    props: dict[str, dict] = {}
    for child in spec.children:
        body = _schema(child)
        body["description"] = f"{child.label}：{child.doc}" if child.doc else child.label
        for name in (child.key, *child.zh):
            props[name] = body
    return {"type": "object", "properties": props, "additionalProperties": False}


def json_schema() -> dict:
    schema = _object(ROOT)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "jixiao 预算绩效自评输入格式（版本 1）"
    return schema
