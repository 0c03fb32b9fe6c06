"""batch: many published reports → one dataset (DuckDB or Parquet), in parallel, resumable; batch report: its HTML page."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..batch import ENGINES, FORMATS, BatchOptions, StoreError, run_batch, worker_count
from ..rules import list_rulesets
from .app import app
from .zh_help import ZhGroup

_ENGINE_ZH = {"local": "本机多进程", "dask": "Dask 集群"}


class _BatchGroup(ZhGroup):
    """`jixiao batch INPUT…` runs a batch; `jixiao batch report …` is the one subcommand (a file named “report”
    is given as ./report)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@app.group(cls=_BatchGroup)
def batch() -> None:
    """批量处理已公开的自评报告：提取、评分、审核，结果写入一个分析数据集（DuckDB 或 Parquet）。

    \b
    jixiao batch 报告目录/ @清单.txt -o 结果.duckdb     批量处理（可中断，重新运行即续跑）
    jixiao batch report 结果.duckdb -o 报告.html       生成汇总分析页面
    """


@batch.command(name="run")
@click.argument("inputs", nargs=-1, required=True, metavar="输入...")
@click.option("-o", "--output", "dataset", required=True, type=click.Path(path_type=Path), metavar="数据集",
              help="数据集：DuckDB 文件（缺省），或 --format parquet 时的目录。已存在时续跑：内容相同的文件不再处理。")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="duckdb", show_default=True,
              help="数据集格式：duckdb 为单个文件；parquet 为每张表一个 .parquet 文件的目录。")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help=f"并行进程数（Dask 时为启动的本地工作进程数），缺省为全部 CPU 核（本机 {worker_count(None)} 个）。")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="执行引擎：local 为本机多进程；dask 在 Dask 集群上运行同样的任务（需安装 jixiao[cluster]）。")
@click.option("--scheduler", metavar="地址", help="Dask 调度器地址（如 tcp://10.0.0.5:8786）；缺省在本机启动 N 个工作进程的集群。")
@click.option("--ruleset", "ruleset_name", metavar="名称", help="规则集名称；缺省按每份报告的评价类型选择。")
@click.option("--timeout", type=click.FloatRange(min=0), default=120, show_default=True, metavar="秒",
              help="每份文件的处理时间上限，超时的文件记为失败（JX-P002）后继续；0 为不限。")
@click.option("-q", "--quiet", is_flag=True, help="不显示进度条。")
def batch_run(inputs: tuple[str, ...], dataset: Path, fmt: str, jobs: int | None, engine: str, scheduler: str | None,
              ruleset_name: str | None, timeout: float, quiet: bool) -> None:
    """批量处理 输入...：报告文件、目录（递归查找 PDF/DOCX/HTML/TXT/MD），或 @清单.txt（每行一个路径）。"""
    if ruleset_name and ruleset_name not in list_rulesets():
        raise click.UsageError(f"没有名为“{ruleset_name}”的规则集。可用的规则集：{'、'.join(list_rulesets())}"
                               "（批量处理只接受规则集名称，以便每个工作进程和集群节点用同一规则集）。")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler 只用于 --engine dask。")
    if engine == "dask":
        _require_dask()
    options = BatchOptions(list(inputs), dataset, fmt, jobs, engine, scheduler, ruleset_name, timeout or None)
    bar = _Progress(quiet)
    try:
        summary = run_batch(options, on_total=bar.start, on_result=bar.update)
    except StoreError as exc:
        bar.close()
        click.echo(f"错误：{exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        bar.close()
        click.echo(f"已中断。已写入的结果保留在 {dataset}，重新运行同一命令即可续跑。", err=True)
        sys.exit(130)
    bar.close()
    for f in summary.skipped_inputs:
        click.echo(f.as_line(), err=True)
    if summary.total == 0:
        click.echo("没有找到可处理的报告文件（PDF、DOCX、HTML、TXT、MD）。", err=True)
        sys.exit(1)
    parts = [f"共 {summary.total} 个文件", f"本次处理 {summary.processed} 份（其中失败或超时 {summary.failed} 份）",
             f"已在数据集中而跳过 {summary.skipped} 份"]
    if summary.duplicates:
        parts.append(f"内容与其他输入相同而跳过 {summary.duplicates} 份")
    click.echo("；".join(parts) + f"；用时 {summary.seconds:.1f} 秒（{_ENGINE_ZH[engine]}）。", err=True)
    click.echo(f"数据集：{dataset}" + (f"（{len(summary.written)} 个 Parquet 文件）" if summary.written else ""), err=True)


@batch.command(name="report")
@click.argument("dataset", type=click.Path(path_type=Path), metavar="数据集")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), metavar="文件.html",
              help="写出的 HTML 页面（单个文件，图表内嵌，离线可看）。")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="列出最常见问题的条数。")
def batch_report(dataset: Path, output: Path, top: int) -> None:
    """把 数据集 汇总成一页 HTML：等级、执行率、常见问题，按省份、部门、年度分列。"""
    from ..batch.report import build_report

    try:
        page = build_report(dataset, top=top)
    except StoreError as exc:
        click.echo(f"错误：{exc}", err=True)
        sys.exit(1)
    try:
        output.write_text(page, encoding="utf-8")
    except OSError as exc:
        click.echo(f"错误：无法写入 {output}：{exc.strerror}", err=True)
        sys.exit(1)
    click.echo(f"已写入 {output}", err=True)


def _require_dask() -> None:
    from importlib.util import find_spec

    if find_spec("distributed") is None:
        click.echo("错误：--engine dask 需要 Dask：pip install 'jixiao[cluster]'", err=True)
        sys.exit(1)


class _Progress:
    """tqdm on stderr, in Chinese: done/total, rate and time left."""

    def __init__(self, quiet: bool) -> None:
        self.quiet, self.bar = quiet, None

    def start(self, to_do: int, already: int) -> None:
        if already:
            click.echo(f"数据集中已有 {already} 份相同内容的文件，跳过。", err=True)
        if self.quiet or to_do == 0:
            return
        self.bar = _zh_tqdm()(total=to_do, desc="批量处理", file=sys.stderr, dynamic_ncols=True, smoothing=0.1,
                              bar_format="{desc}：{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} 份 "
                                         "[已用 {elapsed}，剩余 {remaining}，{rate_zh}]{postfix}")
        self.failed = 0

    def update(self, result) -> None:
        if self.bar is None:
            return
        if result.status != "ok":
            self.failed += 1
            self.bar.set_postfix_str(f"失败 {self.failed}", refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _zh_tqdm():
    """tqdm whose rate reads 份/秒 (or 秒/份 while slower than one a second)."""
    from tqdm import tqdm

    class ZhTqdm(tqdm):
        @property
        def format_dict(self):
            d = super().format_dict
            rate = d.get("rate") or (d["n"] / d["elapsed"] if d.get("elapsed") and d["n"] else None)
            d["rate_zh"] = "速度未知" if not rate else (f"{rate:.1f} 份/秒" if rate >= 1 else f"{1 / rate:.1f} 秒/份")
            return d

    return ZhTqdm
