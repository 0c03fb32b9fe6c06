"""Find, read, merge (`extends`) and validate rule sets. Every problem in a rule-set file is a finding."""

from __future__ import annotations

import difflib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..load.tree import Node, TreeError, parse_yaml
from ..model import Finding, Location
from ..model.catalogue import finding
from .consistency import consistency_problems
from .ruleset import RuleSet

MAX_BYTES = 1024 * 1024
_DATA = "jixiao.rules.data"


def list_rulesets() -> list[str]:
    """Names of the built-in rule sets, sorted."""
    return list(_builtin_names())


@cache
def _builtin_names() -> tuple[str, ...]:
    # the package data does not change while the program runs; scoring asks for every evaluation
    return tuple(sorted(p.name[:-5] for p in resources.files(_DATA).iterdir() if p.name.endswith(".yaml")))


def default_ruleset_name(kind: object) -> str:
    """The rule set used when neither the caller nor the input names one."""
    # a department by the official indicator rules; the Guangzhou reference method is a named option
    return "cn-dept-2020" if str(getattr(kind, "value", kind)) == "department" else "cn-mof-2020"


def is_path(name_or_path: str) -> bool:
    return name_or_path.endswith((".yaml", ".yml")) or "/" in name_or_path or "\\" in name_or_path


def load_ruleset(name_or_path: str) -> tuple[RuleSet | None, list[Finding]]:
    """A built-in name or a YAML file → (RuleSet, findings). The rule set is None when there are errors."""
    if is_path(name_or_path):
        return _load(name_or_path, None)
    if name_or_path not in list_rulesets():
        return None, [finding("JX-R008", name=name_or_path, available="、".join(list_rulesets()))]
    ruleset, findings = _load_builtin(name_or_path)
    return ruleset, list(findings)


@cache
def _load_builtin(name: str) -> tuple[RuleSet | None, tuple[Finding, ...]]:
    ruleset, findings = _load(None, name)
    return ruleset, tuple(findings)


class _Chain:
    """Reads one rule set and its ancestors, keeping each key's location for findings."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.locations: dict[tuple, Location] = {}

    def read(self, path: str | None, name: str | None, seen: tuple[str, ...]) -> dict[str, Any] | None:
        label = path or name or ""
        if label in seen:
            self.findings.append(finding("JX-R006", chain=" → ".join((*seen, label))))
            return None
        root = self._root(path, name)
        if root is None:
            return None
        if not isinstance(root.value, dict):
            self.findings.append(finding("JX-R002", location=root.location, reason="规则集文件的顶层应为键值对（字段: 值）"))
            return None
        data = _plain(root, (), self.locations if len(seen) == 0 else {})
        parent = data.get("extends")
        if parent is None:
            return data
        if not isinstance(parent, str) or not _parent_exists(parent, path):
            self.findings.append(finding("JX-R005", location=root.key_locations.get("extends"),
                                         name=data.get("name", label), parent=parent,
                                         available="、".join(list_rulesets())))
            return None
        parent_path = _parent_path(parent, path)
        base = self.read(parent_path, None if parent_path else parent, (*seen, label))
        return None if base is None else merge(base, data)

    def _root(self, path: str | None, name: str | None) -> Node | None:
        try:
            if path is not None:
                text = _read_file(path)
            else:
                text = resources.files(_DATA).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
            return parse_yaml(text, path or f"{name}.yaml")
        except _ReadError as exc:
            self.findings.append(finding("JX-R001", location=Location(file=path), reason=str(exc)))
        except TreeError as exc:
            self.findings.append(finding("JX-R002", location=exc.finding.location, reason=exc.finding.message))
        return None


class _ReadError(Exception):
    pass


def _read_file(path: str) -> str:
    p = Path(path)
    if not p.is_file():
        raise _ReadError("规则集文件不存在" if not p.exists() else "这不是文件")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise _ReadError(f"无法读取规则集文件：{exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise _ReadError("规则集文件过大（上限 1 MB）")
    if not data.strip():
        raise _ReadError("规则集文件是空的")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _ReadError("规则集文件不是 UTF-8 编码") from None


def _parent_exists(parent: str, child_path: str | None) -> bool:
    return _parent_path(parent, child_path) is not None or parent in list_rulesets()


def _parent_path(parent: str, child_path: str | None) -> str | None:
    """A parent written as a file name is looked up beside the child file."""
    if not is_path(parent):
        return None
    base = Path(child_path).parent if child_path else Path(".")
    candidate = base / parent
    return str(candidate) if candidate.is_file() else None


def _plain(node: Node, path: tuple, locations: dict[tuple, Location]) -> Any:
    if node.location is not None:
        locations[path] = node.location
    if isinstance(node.value, dict):
        for key, loc in node.key_locations.items():
            locations.setdefault((*path, key), loc)
        return {k: _plain(v, (*path, k), locations) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [_plain(v, (*path, i), locations) for i, v in enumerate(node.value)]
    return node.value


def merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """Child over parent: mappings merge key by key; lists and scalars are replaced whole."""
    out = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def _load(path: str | None, name: str | None) -> tuple[RuleSet | None, list[Finding]]:
    chain = _Chain()
    data = chain.read(path, name, ())
    if data is None:
        return None, chain.findings
    try:
        ruleset = RuleSet.model_validate(data)
    except ValidationError as exc:
        return None, chain.findings + _validation_findings(exc, chain.locations)
    problems = [finding("JX-R007", location=Location(file=path), reason=p) for p in consistency_problems(ruleset)]
    return (None if problems else ruleset), chain.findings + problems


_KNOWN_KEYS = tuple(RuleSet.model_fields)


def _validation_findings(exc: ValidationError, locations: dict[tuple, Location]) -> list[Finding]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        where = _nearest(loc, locations)
        field = ".".join(str(p) for p in loc)
        if err["type"] == "extra_forbidden":
            close = difflib.get_close_matches(str(loc[-1]), _KNOWN_KEYS, n=1) if len(loc) == 1 else []
            suggestion = f"，是否应为“{close[0]}”？" if close else ""
            out.append(finding("JX-R003", location=where, key=field, suggestion=suggestion))
        elif err["type"] == "missing":
            out.append(finding("JX-R004", location=where, field=field, problem="缺失（必填）"))
        else:
            out.append(finding("JX-R004", location=where, field=field,
                               problem=f"的值“{_short(err.get('input'))}”无效：{_zh(err['type'])}"))
    return out


def _nearest(loc: tuple, locations: dict[tuple, Location]) -> Location | None:
    for n in range(len(loc), -1, -1):
        if loc[:n] in locations:
            return locations[loc[:n]]
    return None


_TYPE_ZH = {"decimal": "应为数字", "bool": "应为 true 或 false", "string": "应为文字", "literal": "不在允许的取值内",
            "dict": "应为键值对", "tuple": "应为列表", "list": "应为列表", "model": "应为键值对", "int": "应为整数"}


def _zh(error_type: str) -> str:
    for key, text in _TYPE_ZH.items():
        if key in error_type:
            return text
    return "类型不对"


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 30 else text[:30] + "…"
