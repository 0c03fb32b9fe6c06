"""Entry point: runs the click group, turning usage errors and unexpected failures into Chinese messages."""

from __future__ import annotations

import os
import sys

import click

from .app import app
from .zh_help import usage_error
# Each command module registers itself on `app` when imported.
from . import cmd_batch, cmd_check, cmd_doctor, cmd_extract, cmd_input, cmd_render, cmd_score, cmd_serve, cmd_template  # noqa: F401

def main(argv: list[str] | None = None) -> None:
    try:
        app.main(args=argv, prog_name="jixiao", standalone_mode=False)
    except click.UsageError as exc:
        hint = f"\n运行“{exc.ctx.command_path} --help”查看用法。" if exc.ctx else ""
        click.echo(f"用法错误：{usage_error(exc.format_message())}{hint}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("已取消。", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        click.echo(f"错误：{exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a defect in jixiao, not bad input: say so plainly, no traceback
        if os.environ.get("JIXIAO_DEBUG"):
            raise
        click.echo(f"jixiao 内部错误：{type(exc).__name__}: {exc}\n这是程序缺陷，请设置 JIXIAO_DEBUG=1 重新运行并报告输出。", err=True)
        sys.exit(3)


if __name__ == "__main__":
    main()
