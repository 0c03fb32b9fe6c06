"""template: write the empty Excel template for finance staff to fill in."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..load.xlsx_write import write_template
from .app import app


@app.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("绩效自评模板.xlsx"),
              show_default=True, help="输出的 Excel 文件（.xlsx）。")
@click.option("--force", is_flag=True, help="文件已存在时覆盖。")
def template(output: Path, force: bool) -> None:
    """生成空白的 Excel 填报模板（含填写说明和下拉列表）。"""
    if output.suffix.lower() != ".xlsx":
        raise click.UsageError(f"模板必须保存为 .xlsx 文件，而不是“{output.suffix or '无扩展名'}”")
    if output.exists() and not force:
        click.echo(f"{output} 已存在；为避免覆盖已填写的内容，未写入。如确需覆盖，请加 --force。", err=True)
        sys.exit(1)
    try:
        write_template(output)
    except OSError as exc:
        click.echo(f"无法写入 {output}：{exc.strerror}", err=True)
        sys.exit(1)
    click.echo(f"已写入 {output}：填好后运行“jixiao validate {output}”检查。", err=True)
