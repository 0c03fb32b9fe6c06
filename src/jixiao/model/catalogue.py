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
    # On a published report (read back by extraction): the fields relative to the finding's owner that must
    # have been read with confidence for the finding to stay an error; whether it needs the whole text (an
    # absence or a total, not judged on a text that stops short); whether it is not judged there at all.
    needs: tuple[str, ...] = ()
    whole_text: bool = False
    not_on_reports: bool = False
    # judged on a report only when its text has this word: the form has the column the code reads (原因)
    requires_word: str = ""
    # judged on a 绩效目标表 too (what is declared at budget time: targets, indicator design, the budget's split);
    # the rest reads results (实际完成值, 执行数, 得分) a 绩效目标表 does not have yet
    on_targets: bool = False


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
            needs=tuple((e.get("published") or {}).get("needs", ())),
            whole_text=bool((e.get("published") or {}).get("whole_text", False)),
            not_on_reports=bool((e.get("published") or {}).get("skip", False)),
            requires_word=str((e.get("published") or {}).get("requires_word", "")),
            on_targets=bool(e.get("targets", False)),
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
