"""check: run the reviewer's checks on an input file; optionally draft sections 三 and 四 from the findings."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..model import Finding, Severity, has_errors
from ..model.catalogue import catalogue
from ..review import review_file
from ..rules.loader import load_ruleset_option
from ..rules.scorecard import json_number
from .app import app
from .output import summary

_GROUP_ORDER = ("读取", "规则集", "预算", "指标", "评分", "文字")
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@app.command(name="check")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--ruleset", "ruleset_name", metavar="名称|路径", help="规则集名称或 YAML 文件；缺省用输入中的 ruleset 或按评价类型选择。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出审核发现和评分（加 --draft 时同时输出起草的段落）。")
@click.option("--draft", is_flag=True, help="根据审核发现起草“三、存在的主要问题”和“四、下一步改进措施”。")
def check_command(file: Path, ruleset_name: str | None, as_json: bool, draft: bool) -> None:
    """审核 FILE：预算数据、绩效指标、评分和报告文字，每条发现一行（文件:行: 级别 代码 说明）。

    退出码：0 没有错误，1 有错误，2 用法错误。
    """
    ruleset = _ruleset(ruleset_name) if ruleset_name else None
    result = review_file(file, ruleset)  # input data, or a published report read through the extractor
    findings = list(result.findings)
    drafts = result.drafts if draft else None
    if as_json:
        doc: dict = {"findings": [f.as_json() for f in findings]}
        if result.scorecard is not None:  # the score the declared-score checks compared with
            card = result.scorecard
            doc["score"] = {"ruleset": card.ruleset, "total": json_number(card.total), "grade": card.grade}
        if drafts is not None:
            doc["drafts"] = {"problems": list(drafts.problems), "measures": list(drafts.measures)}
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    elif drafts is not None:
        click.echo(drafts.as_text())
        click.echo(summary(findings), err=True)
    else:
        print_grouped(findings, str(file))
    sys.exit(1 if has_errors(findings) else 0)


def _ruleset(name: str):
    """The named rule set; a name that does not exist is a usage error (exit 2)."""
    ruleset, found = load_ruleset_option(name)  # the operator's own option: a name or a file
    if ruleset is None:
        raise click.UsageError("；".join(f.message for f in found) or f"规则集“{name}”无法使用")
    return ruleset


def _group(f: Finding) -> str:
    spec = catalogue().get(f.code)
    return spec.group if spec and spec.group else "其他"


def print_grouped(findings: list[Finding], file: str) -> None:
    """Findings under a heading per group (读取, 预算, 指标 …), each sorted by place, then a summary."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(_group(f), []).append(f)
    order = sorted(groups, key=lambda g: (_GROUP_ORDER.index(g) if g in _GROUP_ORDER else len(_GROUP_ORDER), g))
    for name in order:
        items = sorted(groups[name], key=_place)
        click.echo(f"【{name}】{len(items)} 条")
        for f in items:
            click.echo(f.as_line(file))
    click.echo(summary(findings), err=True)


def _place(f: Finding) -> tuple:
    loc = f.location
    return (loc.sheet or "" if loc else "", loc.line or 0 if loc else 0, _SEVERITY_ORDER[f.severity], f.code, f.path)
