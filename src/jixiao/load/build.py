"""Located tree → Evaluation, with findings for everything that is wrong. Never raises for bad input."""

from __future__ import annotations

import difflib
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from ..model import (
    ByNature, BySource, Department, Evaluation, Finance, Finding, FundLine, Indicator, Kind, Level1, Location,
    Money, MoneyUnit, Paragraph, Task, TaskSources,
)
from ..model.catalogue import finding
from ..model.values import parse_quantity
from .fields import FINANCE, INDICATOR, ROOT, TASK, Field
from .tree import Node

SUPPORTED_VERSIONS = (1,)


def normalize_key(key: object) -> str:
    text = unicodedata.normalize("NFKC", str(key)).strip()
    return re.sub(r"\s+", "", text).lower()


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


_BOOL_WORDS = {
    True: {"是", "完成", "已完成", "达成", "true", "yes", "y", "√", "✓", "对"},
    False: {"否", "未完成", "未达成", "false", "no", "n", "×", "✗", "错"},
}
_AMOUNT = re.compile(r"^\s*(-?[\d,，]*\.?\d+)\s*(万元|元)?\s*$")
_RATE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[%％]?\s*$")


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
        v = node.value
        if v is None or (isinstance(v, str) and not v.strip()):
            return None
        kind = f.type
        if kind == "str":
            if isinstance(v, (dict, list)):
                return self.type_error(node, f, path, "文字")
            return str(v).strip() if isinstance(v, str) else _plain(v)
        if kind == "int":
            n = _number(v)
            if n is None or n != n.to_integral_value():
                return self.type_error(node, f, path, "整数")
            return int(n)
        if kind == "decimal":
            n = _number(v)
            return n if n is not None else self.type_error(node, f, path, "数字")
        if kind == "money":
            return self.money(f, node, path)
        if kind == "rate":
            n = _number(v)
            if n is None and isinstance(v, str) and (m := _RATE.match(unicodedata.normalize("NFKC", v))):
                n = Decimal(m.group(1))
            return n if n is not None else self.type_error(node, f, path, "百分数（如 100 或 100%）")
        if kind == "bool":
            if isinstance(v, bool):
                return v
            word = normalize_key(v)
            for value, words in _BOOL_WORDS.items():
                if word in words:
                    return value
            return self.type_error(node, f, path, "是 或 否")
        if kind == "enum":
            word = normalize_key(v)
            for value, spellings in f.choices.items():
                if word in {normalize_key(s) for s in spellings}:
                    return value
            self.add("JX-L006", path, node.location, field=f"{path}（{f.label}）", got=_short(v),
                     allowed="、".join(f.choices))
            return None
        if kind == "quantity":
            if isinstance(v, (dict, list)):
                return self.type_error(node, f, path, "指标值文字（如 ≥98%）")
            text = _plain(v) if not isinstance(v, str) else v
            q, problem = parse_quantity(text, default_unit=context.get("unit"))
            if problem:
                self.add("JX-L008", path, node.location, problem=problem)
            return q
        if kind == "texts":
            items = v if isinstance(v, list) else [node]
            out = []
            for i, item in enumerate(items):
                if isinstance(item.value, (dict, list)):
                    self.type_error(item, f, f"{path}[{i}]", "文字")
                elif not _empty(item.value):
                    out.append(Paragraph(text=_plain(item.value).strip(), location=item.location))
            return tuple(out)
        raise AssertionError(f"unknown field type {kind}")  # a bug in fields.py, not bad input

    def money(self, f: Field, node: Node, path: str) -> Money | None:
        v = node.value
        n = _number(v)
        unit = self.unit
        if n is None and isinstance(v, str):
            m = _AMOUNT.match(unicodedata.normalize("NFKC", v))
            if m:
                n = Decimal(m.group(1).replace(",", "").replace("，", ""))
                unit = MoneyUnit(m.group(2)) if m.group(2) else unit
        if n is None:
            return self.type_error(node, f, path, f"金额（数字，单位{self.unit.value}）")
        return Money(amount=n, unit=unit)

    # -- objects ---------------------------------------------------------------------
    def values(self, fields: dict[str, tuple[Field, Node]], path: str, context: dict | None = None):
        """Convert the scalar fields of a mapping; returns (values, field_locations)."""
        vals: dict[str, Any] = {}
        locs: dict[str, Location] = {}
        for key, (f, child) in fields.items():
            if f.type in ("object", "list"):
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


def _number(v: Any) -> Decimal | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, Decimal)):
        return Decimal(v)
    if isinstance(v, float):
        return Decimal(str(v))
    if isinstance(v, str):
        text = unicodedata.normalize("NFKC", v).strip().replace(",", "")
        try:
            n = Decimal(text)
        except InvalidOperation:
            return None
        return n if n.is_finite() else None
    return None


def _plain(v: Any) -> str:
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, bool):
        return "是" if v else "否"
    return str(v)


def _short(v: Any) -> str:
    text = _plain(v)
    return text if len(text) <= 40 else text[:40] + "…"
