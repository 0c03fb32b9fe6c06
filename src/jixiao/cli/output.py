"""Printing findings: one line each (`file:line: 级别 代码 message`) or JSON."""

from __future__ import annotations

import json

import click

from ..model import Evaluation, Finding, Severity, Stage, has_errors

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def print_findings(findings: list[Finding], as_json: bool, file: str | None = None) -> int:
    """Print and return the exit code: 1 when there are errors, else 0."""
    if as_json:
        click.echo(json.dumps({"findings": [f.as_json() for f in findings]}, ensure_ascii=False, indent=2))
    else:
        for f in sorted(findings, key=lambda f: (_ORDER[f.severity], f.location.line if f.location and f.location.line else 0)):
            click.echo(f.as_line(file))
        click.echo(summary(findings), err=True)
    return 1 if has_errors(findings) else 0


def summary(findings: list[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    if not findings:
        return "未发现问题。"
    return f"共 {len(findings)} 条：错误 {counts[Severity.ERROR]} 条，警告 {counts[Severity.WARNING]} 条，提示 {counts[Severity.INFO]} 条。"


def refuse_targets(evaluation: Evaluation | None, what: str) -> None:
    """A 绩效目标表 has no results yet: scoring it or writing its self-evaluation report is a usage error (exit 2)."""
    if evaluation is not None and evaluation.stage is Stage.TARGET:
        raise click.UsageError(f"这是绩效目标表（stage: target），还没有实际完成值和执行数，不能{what}。"
                               "审核指标设置请用 jixiao check；转为 Excel 模板请用 jixiao convert。")
