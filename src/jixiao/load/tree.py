"""Parse YAML or JSON text into a located tree: every value keeps the line it was written on.

Scalars keep their exact text: a YAML float such as 91.20 becomes Decimal("91.20"), never a float.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from ..model import Finding, Location
from ..model.catalogue import finding
from .syntax_zh import json_problem, yaml_problem

try:  # the C parser is much faster; fall back to the pure-Python one
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_NODES = 200_000  # a self-evaluation has a few thousand values; more means a mistake or an attack
MAX_DEPTH = 40


@dataclass
class Node:
    """A value from the input with where it was written. `value` is dict[str, Node], list[Node] or a scalar."""

    value: Any
    location: Location | None = None
    key_locations: dict[str, Location] = field(default_factory=dict)  # for mappings: where each key is


class TreeError(Exception):
    def __init__(self, found: Finding):
        super().__init__(found.message)
        self.finding = found


def _loc(file: str | None, mark) -> Location:
    return Location(file=file, line=mark.line + 1, column=mark.column + 1)


_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_NULL_TAG = "tag:yaml.org,2002:null"
_constructor = yaml.constructor.SafeConstructor()


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag == _NULL_TAG:
        return None
    if node.tag == _BOOL_TAG:
        return _constructor.construct_yaml_bool(node)
    if node.tag == _INT_TAG:
        return _constructor.construct_yaml_int(node)
    if node.tag == _FLOAT_TAG:
        raw = node.value.replace("_", "")
        try:
            number = Decimal(raw)
        except InvalidOperation:
            return node.value  # .inf, .nan: kept as text; the builder reports a type error
        return number if number.is_finite() else node.value
    return node.value


class _Converter:
    def __init__(self, file: str | None):
        self.file = file
        self.count = 0
        self.seen: set[int] = set()

    def convert(self, node: yaml.Node, depth: int = 0) -> Node:
        self.count += 1
        if self.count > MAX_NODES:
            raise TreeError(finding("JX-L007", reason=f"输入包含超过 {MAX_NODES} 个值，超出上限"))
        if depth > MAX_DEPTH:
            raise TreeError(finding("JX-L007", location=_loc(self.file, node.start_mark),
                                    reason=f"嵌套层数超过 {MAX_DEPTH} 层"))
        if id(node) in self.seen:
            raise TreeError(finding("JX-L007", location=_loc(self.file, node.start_mark),
                                    reason="不支持 YAML 锚点与别名（&、*），请把内容直接写出"))
        if not isinstance(node, yaml.ScalarNode):
            self.seen.add(id(node))
        loc = _loc(self.file, node.start_mark)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Node] = {}
            key_locs: dict[str, Location] = {}
            for k, v in node.value:
                key = k.value if isinstance(k, yaml.ScalarNode) else str(k.value)
                key_loc = _loc(self.file, k.start_mark)
                if key in out:
                    raise TreeError(finding("JX-L002", location=key_loc, reason=f"字段“{key}”重复出现"))
                out[key] = self.convert(v, depth + 1)
                key_locs[key] = key_loc
            return Node(out, loc, key_locs)
        if isinstance(node, yaml.SequenceNode):
            return Node([self.convert(v, depth + 1) for v in node.value], loc)
        return Node(_scalar(node), loc)


def parse_yaml(text: str, file: str | None = None) -> Node:
    """YAML text → located tree. Raises TreeError with a finding for bad syntax or structure."""
    if "&" in text or "*" in text:  # cheap guard before composing: aliases are how YAML bombs expand
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise TreeError(finding("JX-L007", location=_loc(file, event.start_mark),
                                        reason="不支持 YAML 锚点与别名（&、*），请把内容直接写出"))
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _loc(file, mark) if mark else Location(file=file)
        problem = yaml_problem(exc.problem or exc.context or "") if (exc.problem or exc.context) else "无法解析"
        raise TreeError(finding("JX-L002", location=where, reason=f"YAML 语法错误：{problem}")) from None
    except yaml.YAMLError as exc:
        raise TreeError(finding("JX-L002", location=Location(file=file),
                                reason=f"YAML 语法错误：{yaml_problem(str(exc))}")) from None
    if root is None:
        raise TreeError(finding("JX-L001", location=Location(file=file), reason="文件没有内容"))
    return _Converter(file).convert(root)


def _from_plain(value: Any, loc: Location) -> Node:
    if isinstance(value, dict):
        return Node({k: _from_plain(v, loc) for k, v in value.items()}, loc, {k: loc for k in value})
    if isinstance(value, list):
        return Node([_from_plain(v, loc) for v in value], loc)
    return Node(value, loc)


def _no_duplicates(pairs):
    out = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"字段“{k}”重复出现")
        out[k] = v
    return out


def parse_json(text: str, file: str | None = None) -> Node:
    """JSON text → located tree. Lines come from reading the same text as YAML, which JSON almost always is."""
    try:
        data = json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise TreeError(finding("JX-L002", location=Location(file=file, line=exc.lineno, column=exc.colno),
                                reason=f"JSON 语法错误：{json_problem(exc.msg)}")) from None
    except (ValueError, RecursionError) as exc:
        raise TreeError(finding("JX-L002", location=Location(file=file), reason=f"JSON 格式错误：{exc}")) from None
    try:
        return parse_yaml(text, file)
    except TreeError:
        return _from_plain(data, Location(file=file))  # valid JSON that YAML can't read (tabs …): file-level locations
