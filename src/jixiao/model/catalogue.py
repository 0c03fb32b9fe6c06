"""The one catalogue of finding codes: stable (never reused), each with severity, title and message template.

The entries live in catalogue.yaml beside this module; docs/findings.md is generated from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .finding import Finding, Severity
from .location import Location


@dataclass(frozen=True)
class CodeSpec:
    code: str
    severity: Severity
    title: str  # 中文标题
    description: str
    message: str  # str.format template
    example_fail: str = ""
    example_pass: str = ""
    group: str = ""


@cache
def catalogue() -> dict[str, CodeSpec]:
    text = resources.files(__package__).joinpath("catalogue.yaml").read_text(encoding="utf-8")
    entries = yaml.safe_load(text)
    specs = {}
    for e in entries:
        spec = CodeSpec(
            code=e["code"],
            severity=Severity(e["severity"]),
            title=e["title"],
            description=e["description"].strip(),
            message=e["message"],
            example_fail=(e.get("example_fail") or "").strip(),
            example_pass=(e.get("example_pass") or "").strip(),
            group=e.get("group", ""),
        )
        if spec.code in specs:
            raise ValueError(f"catalogue.yaml: duplicate code {spec.code}")
        specs[spec.code] = spec
    return specs


def finding(
    code: str,
    path: str = "",
    location: Location | None = None,
    severity: Severity | None = None,
    **params: object,
) -> Finding:
    """Make a Finding from its catalogue entry; `params` fill the message template."""
    spec = catalogue()[code]
    return Finding(
        code=code,
        severity=severity or spec.severity,
        message=spec.message.format(**params),
        path=path,
        location=location,
    )
