"""score, rules list, rules show: the scoring commands. Scores come from the review pipeline (jixiao.review)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..model import Kind
from ..review import review_file
from ..rules import RuleSet, ScoreCard, list_rulesets, load_ruleset
from ..rules.loader import is_path, load_ruleset_option
from ..rules.ruleset import BLOCK_LABELS
from ..rules.scorecard import num, rule_label
from .app import app
from .output import print_findings, refuse_targets

_METHOD_ZH = {"project": "项目支出方法", "department": "部门整体参考方法（执行率 + 重点工作任务）",
              "framework": "部门整体共性指标框架"}


def _console() -> Console:
    return Console(width=None if sys.stdout.isatty() else 120, highlight=False)


def _ruleset_or_exit(name: str) -> RuleSet:
    """A named or file rule set; an unknown name is a usage error (exit 2), a bad file prints findings (exit 1)."""
    if not is_path(name) and name not in list_rulesets():
        raise click.UsageError(f"没有名为“{name}”的规则集。可用的规则集：{'、'.join(list_rulesets())}；"
                               "也可以给出规则集文件的路径（.yaml）。")
    ruleset, findings = load_ruleset_option(name)
    if ruleset is None:
        print_findings(findings, False, name)
        click.echo("规则集有错误，未评分。", err=True)
        sys.exit(1)
    return ruleset


@app.command(name="score")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--ruleset", "ruleset_name", metavar="名称|路径", help="规则集名称或 YAML 文件；缺省用输入中的 ruleset 或按评价类型选择。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出评分结果。")
def score_command(file: Path, ruleset_name: str | None, as_json: bool) -> None:
    """按规则集为 FILE 评分，逐项列出分值、得分和计算说明。"""
    ruleset = _ruleset_or_exit(ruleset_name) if ruleset_name else None
    result = review_file(file, ruleset)
    if not result.input_ok:
        print_findings(result.input_findings, False, str(file))
        click.echo("输入有错误，未评分。", err=True)
        sys.exit(1)
    refuse_targets(result.evaluation, "评分")
    if result.scorecard is None and result.ruleset_findings:  # the input's own `ruleset:` names something unusable
        print_findings(result.ruleset_findings, False, str(file))
        click.echo("输入中指定的规则集无法使用，未评分。", err=True)
        sys.exit(1)
    if result.scorecard is None:  # no result given yet (JX-S009): nothing to score, which is not 0 分
        click.echo("还没有填写任何实际完成值或执行数，未评分；填写后再运行 jixiao score。", err=True)
        sys.exit(1)
    card = result.scorecard
    if as_json:
        click.echo(json.dumps(card.as_json(), ensure_ascii=False, indent=2))
    else:
        _print_card(card)


def _print_card(card: ScoreCard) -> None:
    console = _console()
    table = Table(title=f"评分结果（规则集 {card.ruleset}）", show_lines=True, expand=True)
    table.add_column("项目", ratio=3, overflow="fold")
    table.add_column("规则", ratio=2, overflow="fold")
    table.add_column("分值", justify="right", no_wrap=True)
    table.add_column("得分", justify="right", no_wrap=True)
    table.add_column("说明", ratio=7, overflow="fold")
    for item in card.items:
        detail = ".indicators[" in item.path and card.items[-1].path != item.path and _is_department(card)
        label = f"  {item.label}" if detail else item.label
        table.add_row(f"{label}\n[dim]{item.path}[/dim]", rule_label(item.rule), num(item.weight) if item.weight is not None else "",
                      num(item.score), item.explain)
    console.print(table)
    for note in card.notes:
        console.print(f"注：{note}")
    ref = "（参考分）" if card.reference else ""
    console.print(f"[bold]总分：{num(card.total)}{ref}    等级：{card.grade_label}[/bold]")


def _is_department(card: ScoreCard) -> bool:
    return any(i.rule == "department.task" for i in card.items)


@app.group()
def rules() -> None:
    """查看内置规则集及其参数。"""


@rules.command(name="list")
def rules_list() -> None:
    """列出内置规则集。"""
    table = Table(title="内置规则集")
    for header in ("名称", "标题", "适用", "方法", "参考分", "继承自"):
        table.add_column(header, overflow="fold")
    for name in list_rulesets():
        rs, _ = load_ruleset(name)
        if rs is None:
            continue
        table.add_row(rs.name, rs.title, Kind(rs.kind).label, _METHOD_ZH[rs.method], "是" if rs.reference else "否",
                      rs.extends or "—")
    _console().print(table)


@rules.command(name="show")
@click.argument("name")
def rules_show(name: str) -> None:
    """说明规则集 NAME（名称或 YAML 文件）的计分方法与全部参数。"""
    rs = _ruleset_or_exit(name)
    console = _console()
    console.print(f"[bold]{rs.title}[/bold]")
    console.print(f"名称：{rs.name}    版本：{rs.version}    继承自：{rs.extends or '—'}")
    console.print(f"适用：{Kind(rs.kind).label}绩效自评    方法：{_METHOD_ZH[rs.method]}    参考分：{'是' if rs.reference else '否'}")
    console.print("\n[bold]说明[/bold]\n" + rs.docs.strip())
    if rs.note:
        console.print("\n[bold]评分依据[/bold]\n" + rs.note.strip())
    if rs.sources:
        console.print("\n[bold]依据[/bold]")
        for source in rs.sources:
            console.print(f"- {source}")
    console.print("\n[bold]参数[/bold]")
    table = Table(show_header=True)
    table.add_column("参数")
    table.add_column("取值", overflow="fold")
    for key, value in _parameters(rs):
        table.add_row(key, value)
    console.print(table)


def _parameters(rs: RuleSet) -> list[tuple[str, str]]:
    w = rs.weights
    q = rs.qualitative
    p = rs.policies
    rows = [
        ("一级指标分值 weights", f"预算执行率 {num(w.execution)}；" + "；".join(
            f"{BLOCK_LABELS[b]} {num(getattr(w, b))}" for b in ("output", "effect", "satisfaction", "cost"))),
        ("一级指标归属 level1_blocks", "；".join(f"{k} → {BLOCK_LABELS[v]}" for k, v in rs.level1_blocks.items())),
        ("空缺一级指标分值转入 empty_block_to", "；".join(f"{BLOCK_LABELS[k]} → {BLOCK_LABELS[v]}" for k, v in rs.empty_block_to.items())),
        ("执行率计分上限 execution_rate_cap", f"{num(rs.execution_rate_cap * 100)}%"),
        ("反向指标 reverse_variant", "目标 ÷ 实际" if rs.reverse_variant == "ratio" else "1 − 超出 ÷ 目标（不低于 0）"),
        ("等值指标 equal_variant", "较小值 ÷ 较大值" if rs.equal_variant == "minmax" else "按正向指标计"),
        ("已填分值 given_weights", "照用" if rs.given_weights == "as_given" else "合计不等于指标部分分值时按比例折算"),
        ("定性指标 qualitative", f"达成 {num(q.met * 100)}%；部分达成 {num(q.partial * 100)}%；未达成 {num(q.not_met * 100)}%；"
                                 f"档内申报得分{'采用' if q.keep_declared_in_band else '不采用'}"),
        ("执行率封顶 policies.execution_caps", _onoff(p.execution_caps.enabled) + "：" + "；".join(
            f"执行率 < {num(s.below)}% → 总分 ≤ {num(s.cap)}" for s in p.execution_caps.steps)),
        ("超额完成扣分 policies.overachieve_deduction", _onoff(p.overachieve_deduction.enabled) +
         f"：实际 ≥ 目标 × {num(p.overachieve_deduction.ratio)} 时每项扣 {num(p.overachieve_deduction.points)} 分"),
        ("不适用指标折算 policies.not_applicable_rescale", _onoff(p.not_applicable_rescale.enabled)),
        ("等级 grades", "；".join(f"≥ {num(g.min)} {g.grade}（显示为“{rs.grade_labels.get(g.grade, g.grade)}”）" for g in rs.grades)),
    ]
    if rs.method == "department":
        how = "按任务预算占比" if rs.department.task_weighting == "budget" else "各任务平分"
        rows.append(("重点工作任务 department", f"共 {num(rs.department.tasks_weight)} 分，{how}"))
    if rs.method == "framework":
        for ind in rs.framework.indicators:
            target = f"，目标 {ind.op}{num(ind.target)}%" if ind.target is not None else ""
            rows.append((f"{ind.level1}/{ind.level2}", f"{ind.name} {num(ind.weight)} 分（{ind.measure}{target}）"))
    named = sorted(rs.checks.model_fields_set)  # the thresholds the rule set (or a parent) writes out
    if named:
        rows.append(("审核阈值 checks", "；".join(f"{k} = {getattr(rs.checks, k)}" for k in named)))
    return rows


def _onoff(enabled: bool) -> str:
    return "开启" if enabled else "关闭"
