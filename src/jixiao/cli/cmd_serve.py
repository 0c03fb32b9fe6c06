"""serve: run the web app with waitress; first start migrates the database and creates the demo data."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .app import app


@app.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址；对内网开放用 0.0.0.0。")
@click.option("--port", default=8000, show_default=True, type=int, help="端口。")
@click.option("--threads", default=8, show_default=True, type=int, help="处理请求的线程数。")
@click.option("--data-dir", type=click.Path(path_type=Path), help="数据目录（SQLite 文件与密钥），默认 ./var 或 JIXIAO_DATA_DIR。")
@click.option("--examples", type=click.Path(path_type=Path, file_okay=False), help="首次启动时载入的示例目录，默认 ./examples。")
@click.option("--no-demo", is_flag=True, help="首次启动时不创建演示数据，只创建一个管理员账号。")
def serve(host: str, port: int, threads: int, data_dir: Path | None, examples: Path | None, no_demo: bool) -> None:
    """启动网页系统（填报、提交、审核）。默认使用数据目录中的 SQLite；设置 JIXIAO_DATABASE_URL 使用 PostgreSQL。"""
    if data_dir is not None:
        os.environ["JIXIAO_DATA_DIR"] = str(data_dir)
    try:
        from ..web import server
    except ImportError:
        raise click.ClickException("未安装网页组件：请运行 pip install 'jixiao[web]'")
    try:
        accounts = server.prepare(examples, demo=not no_demo)
    except ImportError:
        raise click.ClickException("未安装网页组件：请运行 pip install 'jixiao[web]'")
    except server.DatabaseUnavailable as exc:
        raise click.ClickException(str(exc))
    if accounts and no_demo:
        click.echo("首次启动：已创建管理员账号（密码只显示这一次，请妥善保存）。登录后在“系统管理”中"
                   "新建评价年度、单位和用户：")
    elif accounts:
        click.echo("首次启动：已创建演示单位和以下账号（密码只显示这一次，请妥善保存）：")
    for a in accounts:
        click.echo(f"  {a.role:<4} 用户名 {a.username:<14} 密码 {a.password}  {a.department}")
    click.echo(f"绩效自评系统已启动：http://{host}:{port}/ （数据库：{server.database_label()}；按 Ctrl+C 停止）")
    server.run(host, port, threads)
