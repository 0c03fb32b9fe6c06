"""Find, read, merge (`extends`) and validate rule sets. Every problem in a rule-set file is a finding.

Rule sets are chosen by name (built-in, or installed by an administrator in JIXIAO_RULESETS_DIR); a file is read
only where the local operator names one (load_ruleset_file).
"""

from __future__ import annotations

import difflib
import os
import re
from functools import cache, lru_cache
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
# A rule set is chosen by name: lowercase letters, digits, dots and dashes. No separator, no "..", no ":",
# no ".yaml", so a name can never be taken for a path, a URL or a file name (docs/scoring.md).
NAME = re.compile(r"[a-z0-9][a-z0-9.-]{0,63}")
INSTALLED_ENV = "JIXIAO_RULESETS_DIR"


def is_name(value: object) -> bool:
    """Whether `value` is a well-formed rule-set name (not whether such a rule set exists)."""
    return (isinstance(value, str) and NAME.fullmatch(value) is not None and ".." not in value
            and not value.endswith((".yaml", ".yml")))


def installed_dir() -> Path | None:
    """Where an administrator installs rule sets on the server (`<name>.yaml`), from JIXIAO_RULESETS_DIR."""
    value = os.environ.get(INSTALLED_ENV, "").strip()
    return Path(value) if value else None


def _installed_names() -> tuple[str, ...]:
    directory = installed_dir()
    if directory is None or not directory.is_dir():
        return ()
    builtin = set(_builtin_names())  # a built-in name always means the built-in rule set
    return tuple(sorted(p.stem for p in directory.glob("*.yaml")
                        if is_name(p.stem) and p.stem not in builtin and p.is_file()))


def list_rulesets() -> list[str]:
    """Names of the rule sets one may choose: the built-in ones, then those installed on the server."""
    return [*_builtin_names(), *_installed_names()]


def ruleset_titles() -> list[tuple[str, str]]:
    """(name, Chinese title) of every rule set that loads, for a choice list."""
    out = []
    for name in list_rulesets():
        ruleset, _ = load_ruleset(name)
        if ruleset is not None:
            out.append((name, ruleset.title))
    return out


@cache
def _builtin_names() -> tuple[str, ...]:
    # the package data does not change while the program runs; scoring asks for every evaluation
    return tuple(sorted(p.name[:-5] for p in resources.files(_DATA).iterdir() if p.name.endswith(".yaml")))


def default_ruleset_name(kind: object) -> str:
    """The rule set used when neither the caller nor the input names one."""
    # a department by the official indicator rules; the Guangzhou reference method is a named option
    return "cn-dept-2020" if str(getattr(kind, "value", kind)) == "department" else "cn-mof-2020"


def is_path(value: str) -> bool:
    """How a local operator's `--ruleset` value reads: a file (ends in .yaml or has a directory) or a name."""
    return value.endswith((".yaml", ".yml")) or "/" in value or "\\" in value


def load_ruleset(name: str) -> tuple[RuleSet | None, list[Finding]]:
    """A rule set by name → (RuleSet, findings); None when there are errors.

    Only names: the built-in registry, then the server's installed directory. Anything else — a path, a URL,
    a name with a separator — is an unknown rule set (JX-R008) and no file is opened for it. A document's
    `ruleset:` key comes from whoever wrote the document, so it goes through here and only here.
    """
    if is_name(name) and name in _builtin_names():
        ruleset, findings = _load_builtin(name)
        return ruleset, list(findings)
    path = _installed_path(name) if is_name(name) else None
    if path is None:
        return None, [_unknown(name)]
    try:
        stat = path.stat()
    except OSError:
        return None, [_unknown(name)]
    ruleset, findings = _load_installed(str(path), stat.st_mtime_ns, stat.st_size)
    return ruleset, list(findings)


def load_ruleset_file(path: str | Path) -> tuple[RuleSet | None, list[Finding]]:
    """A rule-set YAML file the local operator names (CLI `--ruleset FILE`); its size is checked before reading.

    Never call this with a value from a document or a web form: those name rule sets (load_ruleset).
    """
    return _load(_Source(file=str(path)))


def load_ruleset_option(value: str) -> tuple[RuleSet | None, list[Finding]]:
    """What the operator typed after `--ruleset` on the command line: a file when it reads as one, else a name."""
    return load_ruleset_file(value) if is_path(value) else load_ruleset(value)


def _unknown(name: object) -> Finding:
    shown = str(name)
    shown = shown if len(shown) <= 60 else shown[:60] + "…"
    return finding("JX-R008", name=shown, available="、".join(list_rulesets()))


def _installed_path(name: str) -> Path | None:
    directory = installed_dir()
    if directory is None or name in _builtin_names():
        return None
    path = directory / f"{name}.yaml"
    return path if path.is_file() else None


@cache
def _load_builtin(name: str) -> tuple[RuleSet | None, tuple[Finding, ...]]:
    ruleset, findings = _load(_Source(name=name))
    return ruleset, tuple(findings)


@lru_cache(maxsize=64)
def _load_installed(path: str, mtime_ns: int, size: int) -> tuple[RuleSet | None, tuple[Finding, ...]]:
    # keyed on the file's time and size: an administrator replacing the file is seen without a restart
    ruleset, findings = _load(_Source(file=path, installed=True))
    return ruleset, tuple(findings)


class _Source:
    """Where one link of an `extends` chain is read from: a built-in name, or a file (installed or the operator's)."""

    def __init__(self, name: str | None = None, file: str | None = None, installed: bool = False) -> None:
        self.name, self.file, self.installed = name, file, installed

    @property
    def label(self) -> str:
        return self.file or self.name or ""

    def parent(self, parent: object) -> "_Source | None":
        """The source `extends: parent` names, or None when there is none.

        Built-in and installed rule sets name their parent; only the operator's own file may also name a
        file beside it."""
        if not isinstance(parent, str):
            return None
        if is_name(parent) and parent in _builtin_names():
            return _Source(name=parent)
        if self.file is not None and not self.installed and is_path(parent):
            candidate = Path(self.file).parent / parent
            return _Source(file=str(candidate)) if candidate.is_file() else None
        installed = _installed_path(parent) if is_name(parent) and self.file is not None else None
        return _Source(file=str(installed), installed=True) if installed else None


class _Chain:
    """Reads one rule set and its ancestors, keeping each key's location for findings."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.locations: dict[tuple, Location] = {}

    def read(self, source: _Source, seen: tuple[str, ...]) -> dict[str, Any] | None:
        label = source.label
        if label in seen:
            self.findings.append(finding("JX-R006", chain=" → ".join((*seen, label))))
            return None
        root = self._root(source)
        if root is None:
            return None
        if not isinstance(root.value, dict):
            self.findings.append(finding("JX-R002", location=root.location, reason="规则集文件的顶层应为键值对（字段: 值）"))
            return None
        data = _plain(root, (), self.locations if len(seen) == 0 else {})
        parent = data.get("extends")
        if parent is None:
            return data
        parent_source = source.parent(parent)
        if parent_source is None:
            self.findings.append(finding("JX-R005", location=root.key_locations.get("extends"),
                                         name=data.get("name", label), parent=parent,
                                         available="、".join(list_rulesets())))
            return None
        base = self.read(parent_source, (*seen, label))
        return None if base is None else merge(base, data)

    def _root(self, source: _Source) -> Node | None:
        try:
            if source.file is not None:
                text = _read_file(source.file)
            else:
                text = resources.files(_DATA).joinpath(f"{source.name}.yaml").read_text(encoding="utf-8")
            return parse_yaml(text, source.file or f"{source.name}.yaml")
        except _ReadError as exc:
            self.findings.append(finding("JX-R001", location=Location(file=source.file), reason=str(exc)))
        except TreeError as exc:
            self.findings.append(finding("JX-R002", location=exc.finding.location, reason=exc.finding.message))
        return None


class _ReadError(Exception):
    pass


def _read_file(path: str) -> str:
    """The file's text, refused before reading when it is not a regular file or larger than MAX_BYTES."""
    p = Path(path)
    try:
        if not p.is_file():  # also refuses devices and pipes, which have no size to check
            raise _ReadError("规则集文件不存在" if not p.exists() else "这不是文件")
        if p.stat().st_size > MAX_BYTES:
            raise _ReadError("规则集文件过大（上限 1 MB）")
        with p.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the file may have grown since the check
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


def _load(source: _Source) -> tuple[RuleSet | None, list[Finding]]:
    chain = _Chain()
    data = chain.read(source, ())
    path = source.file
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
