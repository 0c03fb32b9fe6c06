"""extract: a published report (PDF, DOCX, HTML, TXT) → the input format, a summary, or values beside their sources."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..model import Severity, has_errors
from .app import app


@app.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="把提取结果写成输入格式（YAML），可直接用于评分、审核和生成报告。")
@click.option("--summary", is_flag=True, help="输出摘要 JSON（单位、年度、金额、项目和指标；原文未写的为 null）。")
@click.option("--explain", is_flag=True, help="逐项列出提取的数值及其出处（位置和原文）。")
def extract(file: Path, output: Path | None, summary: bool, explain: bool) -> None:
    """从已公开的绩效自评报告（PDF、DOCX、HTML、TXT）中提取数据。"""
    from ..extract import extract_file
    from ..load import to_yaml

    result = extract_file(file)
    for f in result.findings:
        click.echo(f.as_line(str(file)), err=True)
    if has_errors(result.findings):
        sys.exit(1)
    if summary:
        click.echo(json.dumps(result.summary, ensure_ascii=False, indent=2))
    if explain:
        _explain(result.values)
    if output is not None or not (summary or explain):
        if result.evaluation is None:
            click.echo("未生成输入数据：报告中缺少年度或单位名称（可用 --summary 查看已识别的内容）。", err=True)
            sys.exit(1)
        text = to_yaml(result.evaluation)
        if output is None:
            click.echo(text, nl=False)
            return
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            click.echo(f"无法写入 {output}：{exc.strerror}", err=True)
            sys.exit(1)
        click.echo(f"已写入 {output}", err=True)
    if any(f.severity is Severity.WARNING for f in result.findings) and not result.values:
        sys.exit(1)


def _explain(values) -> None:
    if not values:
        click.echo("没有提取到任何数值。")
        return
    for v in values:
        where = str(v.location) if v.location else "?"
        span = f" 字符 {v.location.span[0]}–{v.location.span[1]}" if v.location and v.location.span else ""
        click.echo(f"{v.path} = {_show(v.value)}  （{where}{span}，可信度 {v.confidence:.2f}，{_METHODS.get(v.method, v.method)}）")
        click.echo(f"    原文：{v.source}")
        if v.why:
            click.echo(f"    依据：{v.why}")


_METHODS = {"label": "标签后读取", "table": "表格按列读取", "table-aligned": "表格按类型对齐", "title": "取自标题",
            "byline": "取自网页来源栏", "heading": "取自编号标题", "derived": "由其他数值转来", "computed": "计算所得",
            "prose": "取自正文", "first-year": "文中第一个年份"}


def _show(value) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)
