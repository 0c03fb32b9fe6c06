"""validate, convert, schema: the input-format commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..load import load_file, to_json, to_yaml
from ..load.schema import json_schema
from ..model import has_errors
from ..review import review_file
from .app import app
from .cmd_check import print_grouped
from .output import print_findings


@app.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出审核发现。")
def validate(file: Path, as_json: bool) -> None:
    """检查 FILE（YAML、JSON 或 Excel 模板）：与 jixiao check 报告同样的问题，读取问题在前。

    退出码：0 没有错误，1 有错误。
    """
    # The same review as `check`: a sheet that validates clean must not have errors in check.
    findings = list(review_file(file).findings)
    if as_json:
        click.echo(json.dumps({"findings": [f.as_json() for f in findings]}, ensure_ascii=False, indent=2))
    else:
        print_grouped(findings, str(file))
    sys.exit(1 if has_errors(findings) else 0)


@app.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
def convert(source: Path, target: Path) -> None:
    """在 YAML、JSON 和 XLSX 之间转换（按扩展名判断格式），内容不丢失。"""
    suffix = target.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json", ".xlsx"):
        raise click.UsageError(f"不支持的输出格式“{suffix or '无扩展名'}”：请使用 .yaml、.json 或 .xlsx")
    result = load_file(source)
    if result.evaluation is None or has_errors(result.findings):
        print_findings(result.findings, False, str(source))
        click.echo("输入有错误，未生成输出文件。", err=True)
        sys.exit(1)
    try:
        if suffix == ".xlsx":
            from ..load.xlsx_write import write_xlsx

            write_xlsx(result.evaluation, target)
        else:
            text = to_json(result.evaluation) if suffix == ".json" else to_yaml(result.evaluation)
            target.write_text(text, encoding="utf-8")
    except OSError as exc:
        click.echo(f"无法写入 {target}：{exc.strerror}", err=True)
        sys.exit(1)
    if result.findings:
        print_findings(result.findings, False, str(source))
    click.echo(f"已写入 {target}", err=True)


@app.command()
def schema() -> None:
    """输出输入格式的 JSON Schema，供编辑器补全和校验 YAML 文件。"""
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))
