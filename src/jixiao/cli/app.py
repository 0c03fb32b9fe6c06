"""The click group every command registers on, and the Chinese usage-error handling."""

from __future__ import annotations

import click

from .zh_help import ZhGroup

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=ZhGroup, context_settings=CONTEXT)
@click.version_option(package_name="jixiao", message="jixiao %(version)s")
def app() -> None:
    """jixiao（绩效）：预算绩效自评的录入、评分、审核、报告生成与数据提取。"""
