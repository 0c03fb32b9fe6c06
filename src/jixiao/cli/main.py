"""Entry point: runs the click group, turning usage errors and unexpected failures into Chinese messages."""

from __future__ import annotations

import os
import sys

import click

from .app import app
from . import cmd_input  # noqa: F401  (registers validate, convert, schema)

# Each command module registers itself on `app` when imported.
for _name in ("cmd_template", "cmd_score", "cmd_check", "cmd_render", "cmd_extract", "cmd_doctor", "cmd_serve"):
    try:
        __import__(f"{__package__}.{_name}")
    except ModuleNotFoundError as exc:  # a command whose module is not there yet
        if exc.name != f"{__package__}.{_name}":
            raise

_USAGE_TRANSLATIONS = {
    "Missing argument": "缺少参数",
    "No such option": "没有这个选项",
    "No such command": "没有这个命令",
    "Invalid value for": "参数值无效：",
    "Got unexpected extra argument": "多余的参数",
    "requires an argument": "需要一个值",
}


def _zh(message: str) -> str:
    for en, zh in _USAGE_TRANSLATIONS.items():
        if en in message:
            return f"{zh}（{message}）"
    return message


def main(argv: list[str] | None = None) -> None:
    try:
        app.main(args=argv, prog_name="jixiao", standalone_mode=False)
    except click.UsageError as exc:
        hint = f"\n运行“{exc.ctx.command_path} --help”查看用法。" if exc.ctx else ""
        click.echo(f"用法错误：{_zh(exc.format_message())}{hint}", err=True)
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
