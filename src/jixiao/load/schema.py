"""JSON Schema of the input format, generated from the field table, for editors that check YAML."""

from __future__ import annotations

from .fields import ROOT, Field

_NUMBER_OR_TEXT = {"type": ["number", "string"]}
_TYPES = {
    "int": {"type": ["integer", "string"]},
    "str": {"type": ["string", "number"]},
    "money": _NUMBER_OR_TEXT,
    "rate": _NUMBER_OR_TEXT,
    "decimal": _NUMBER_OR_TEXT,
    "quantity": _NUMBER_OR_TEXT,
    "bool": {"type": ["boolean", "string"]},
    "texts": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
}


def _schema(f: Field) -> dict:
    if f.type == "object":
        return _object(f)
    if f.type == "list":
        return {"type": "array", "items": _object(f)}
    if f.type == "enum":
        return {"enum": [s for spellings in f.choices.values() for s in spellings]}
    return dict(_TYPES[f.type])


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
