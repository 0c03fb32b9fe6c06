"""Located tree → Evaluation, with findings for everything that is wrong. Never raises for bad input."""

from __future__ import annotations

import difflib

from typing import Any

from pydantic import ValidationError

from ..model import (
    ByNature, BySource, Department, Evaluation, Finance, Finding, FundLine, Indicator, Kind, Level1, Location,
    MoneyUnit, Stage, Task, TaskSources,
)
from ..model.catalogue import finding
from .fieldtypes import normalize_key
from .fieldtypes import short as _short
from .fields import FINANCE, INDICATOR, ROOT, TASK, Field
from .tree import Node

SUPPORTED_VERSIONS = (1,)


def _aliases(spec: Field) -> dict[str, Field]:
    out = {}
    for child in spec.children:
        out[normalize_key(child.key)] = child
        for zh in child.zh:
            out[normalize_key(zh)] = child
    return out


_ALIAS_CACHE: dict[str, dict[str, Field]] = {}


def aliases(spec: Field) -> dict[str, Field]:
    key = spec.key + "/" + ",".join(c.key for c in spec.children)
    if key not in _ALIAS_CACHE:
        _ALIAS_CACHE[key] = _aliases(spec)
    return _ALIAS_CACHE[key]


class Builder:
    """Walks the located tree along the field table, collecting findings on the way."""

    def __init__(self, file: str | None = None):
        self.file = file
        self.findings: list[Finding] = []
        self.unit = MoneyUnit.WAN

    # -- helpers -----------------------------------------------------------------
    def add(self, code: str, path: str, loc: Location | None, **params: object) -> None:
        self.findings.append(finding(code, path=path, location=loc or Location(file=self.file), **params))

    def fields(self, node: Node, spec: Field, path: str) -> dict[str, tuple[Field, Node]]:
        """The known fields of a mapping; unknown keys become findings with a suggestion."""
        known = aliases(spec)
        out: dict[str, tuple[Field, Node]] = {}
        for key, child in node.value.items():
            f = known.get(normalize_key(key))
            where = node.key_locations.get(key, child.location)
            if f is None:
                names = [c.key for c in spec.children] + [z for c in spec.children for z in c.zh]
                close = difflib.get_close_matches(str(key), names, n=1, cutoff=0.5)
                hint = f"，是否应为“{close[0]}”？" if close else f"；允许的字段：{'、'.join(c.key for c in spec.children)}"
                self.add("JX-L003", _join(path, str(key)), where, key=key, suggestion=hint)
                continue
            if f.key in out:
                self.add("JX-L002", _join(path, str(key)), where, reason=f"字段“{f.key}”（{f.label}）重复出现")
                continue
            out[f.key] = (f, child)
        for f in spec.children:
            if f.required and (f.key not in out or _empty(out[f.key][1].value)):
                self.add("JX-L004", _join(path, f.key), node.location, field=f"{_join(path, f.key)}（{f.label}）")
        return out

    def mapping(self, node: Node, spec: Field, path: str) -> dict[str, tuple[Field, Node]] | None:
        if not isinstance(node.value, dict):
            self.type_error(node, spec, path, "键值对（字段: 值）")
            return None
        return self.fields(node, spec, path)

    def type_error(self, node: Node, spec: Field, path: str, expected: str) -> None:
        got = node.value if not isinstance(node.value, (dict, list)) else ("列表" if isinstance(node.value, list) else "键值对")
        self.add("JX-L005", path, node.location, field=f"{path}（{spec.label}）", expected=expected, got=_short(got))

    # -- scalar conversions ----------------------------------------------------------
    def scalar(self, f: Field, node: Node, path: str, context: dict[str, Any]) -> Any:
        """The field's type reads the value (fieldtypes.py); blank values are absent."""
        v = node.value
        if v is None or (isinstance(v, str) and not v.strip()):
            return None
        return f.type.read(v, _Reading(self, f, node, path, context.get("unit")))

    # -- objects ---------------------------------------------------------------------
    def values(self, fields: dict[str, tuple[Field, Node]], path: str, context: dict | None = None):
        """Convert the scalar fields of a mapping; returns (values, field_locations)."""
        vals: dict[str, Any] = {}
        locs: dict[str, Location] = {}
        for key, (f, child) in fields.items():
            if f.type.container:
                continue
            value = self.scalar(f, child, _join(path, key), context or {})
            if value is not None:
                vals[key] = value
            if child.location:
                locs[key] = child.location
        return vals, locs

    def items(self, fields, key: str, spec: Field, path: str, make):
        if key not in fields:
            return ()
        _, node = fields[key]
        if node.value is None:
            return ()
        if not isinstance(node.value, list):
            self.type_error(node, spec, _join(path, key), "列表（每项以 - 开头）")
            return ()
        out = []
        for i, item in enumerate(node.value):
            built = make(item, f"{_join(path, key)}[{i}]")
            if built is not None:
                out.append(built)
        return tuple(out)

    def indicator(self, node: Node, path: str) -> Indicator | None:
        fields = self.mapping(node, INDICATOR, path)
        if fields is None:
            return None
        unit_node = fields.get("unit")
        context = {"unit": str(unit_node[1].value).strip() if unit_node and unit_node[1].value not in (None, "") else None}
        vals, locs = self.values(fields, path, context)
        if "level1" in vals:
            vals["level1"] = Level1(vals["level1"])
        return Indicator(location=node.location, field_locations=locs, **vals)

    def task(self, node: Node, path: str) -> Task | None:
        fields = self.mapping(node, TASK, path)
        if fields is None:
            return None
        vals, locs = self.values(fields, path)
        sources = self.sub_object(fields, "by_source", TaskSources, path,
                                  {"current_year": FundLine, "carried_over": FundLine, "other": FundLine})
        if sources is not None:
            vals["by_source"] = sources
        vals["indicators"] = self.items(fields, "indicators", INDICATOR, path, self.indicator)
        return Task(location=node.location, field_locations=locs, **vals)

    def finance(self, node: Node, path: str) -> Finance | None:
        fields = self.mapping(node, FINANCE, path)
        if fields is None:
            return None
        vals, locs = self.values(fields, path)
        for key, model in (("by_source", BySource), ("by_nature", ByNature)):
            built = self.sub_object(fields, key, model, path)
            if built is not None:
                vals[key] = built
        return Finance(location=node.location, field_locations=locs, **vals)

    def sub_object(self, fields: dict[str, tuple[Field, Node]], key: str, model, path: str,
                   children: dict[str, Any] | None = None):
        """The nested object at `key` (with nested objects of its own in `children`), or None when absent."""
        if key not in fields:
            return None
        spec, sub = fields[key]
        where = _join(path, key)
        subfields = self.mapping(sub, spec, where) if sub.value is not None else None
        if subfields is None:
            return None
        vals, locs = self.values(subfields, where)
        for child, child_model in (children or {}).items():
            built = self.sub_object(subfields, child, child_model, where)
            if built is not None:
                vals[child] = built
        return model(location=sub.location, field_locations=locs, **vals)

    def evaluation(self, root: Node) -> Evaluation | None:
        fields = self.mapping(root, ROOT, "")
        if fields is None:
            return None
        if "unit" in fields:
            unit = self.scalar(fields["unit"][0], fields["unit"][1], "unit", {})
            self.unit = MoneyUnit(unit) if unit else MoneyUnit.WAN
        vals, locs = self.values(fields, "")
        version = vals.pop("jixiao", 1)
        if version not in SUPPORTED_VERSIONS:
            self.add("JX-L006", "jixiao", locs.get("jixiao"), field="jixiao（格式版本）", got=version,
                     allowed="、".join(map(str, SUPPORTED_VERSIONS)))
        dept = None
        if "department" in fields:
            spec, node = fields["department"]
            dfields = self.mapping(node, spec, "department")
            if dfields is not None:
                dvals, dlocs = self.values(dfields, "department")
                dept = Department(location=node.location, field_locations=dlocs, **dvals)
        if "finance" in fields and fields["finance"][1].value is not None:
            vals["finance"] = self.finance(fields["finance"][1], "finance")
        vals["tasks"] = self.items(fields, "tasks", TASK, "", self.task)
        if dept is None or "kind" not in vals or "year" not in vals:
            return None  # required fields missing: already reported
        vals["kind"] = Kind(vals["kind"])
        if "stage" in vals:
            vals["stage"] = Stage(vals["stage"])
        vals["unit"] = self.unit
        try:
            return Evaluation(format_version=version, department=dept, location=root.location,
                              field_locations=locs, source=self.file, **vals)
        except ValidationError as exc:  # a combination the field table let through; report, don't crash
            self.add("JX-L005", "", root.location, field="输入", expected="有效的自评数据", got=str(exc.errors()[0]["msg"]))
            return None


def build(root: Node, file: str | None = None) -> tuple[Evaluation | None, list[Finding]]:
    builder = Builder(file)
    evaluation = builder.evaluation(root)
    return evaluation, builder.findings


# -- small pure helpers ------------------------------------------------------------------
def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (isinstance(v, (list, dict)) and not v)


class _Reading:
    """One value being read, as the field type's converter sees it (fieldtypes.Reading)."""

    def __init__(self, builder: "Builder", field: Field, node: Node, path: str, default_unit: str | None):
        self.builder, self.field, self.node, self.path = builder, field, node, path
        self.unit, self.default_unit = builder.unit, default_unit

    def fail(self, expected: str) -> None:
        self.builder.type_error(self.node, self.field, self.path, expected)

    def fail_item(self, index: int, item: Node, expected: str) -> None:
        self.builder.type_error(item, self.field, f"{self.path}[{index}]", expected)

    def note(self, code: str, **params: object) -> None:
        if code in ("JX-L006", "JX-L010"):  # these name the field in their message
            params = {"field": f"{self.path}（{self.field.label}）", **params}
        self.builder.add(code, self.path, self.node.location, **params)
