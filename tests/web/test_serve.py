"""`jixiao serve`: first start migrates a fresh SQLite file, loads the examples and prints the demo accounts once."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .conftest import ROOT

JIXIAO = Path(sys.executable).parent / "jixiao"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(data_dir: Path) -> tuple[subprocess.Popen, int, str]:
    port = _free_port()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(data_dir)}
    proc = subprocess.Popen([str(JIXIAO), "serve", "--port", str(port), "--data-dir", str(data_dir)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = ""
    deadline = time.time() + 60
    while time.time() < deadline:
        line = proc.stdout.readline()
        out += line
        if "已启动" in line or proc.poll() is not None:
            break
    for _ in range(50):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            break
        except OSError:
            time.sleep(0.1)
    return proc, port, out


def test_first_start_creates_database_and_demo_accounts_once(tmp_path):
    proc, port, out = _start(tmp_path)
    try:
        assert (tmp_path / "jixiao.sqlite3").exists()
        accounts = dict(re.findall(r"用户名 (\S+)\s+密码 (\S+)", out))
        assert {"admin", "shenhe", "tianbao1"} <= set(accounts), out
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=5).read().decode()
        assert "登录" in page and "cdn" not in page.lower()
        css = urllib.request.urlopen(f"http://127.0.0.1:{port}/static/web/jixiao.css", timeout=5)
        assert css.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    proc, port, out = _start(tmp_path)
    try:
        assert "已启动" in out and "密码" not in out  # the passwords are shown only on the first start
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_unreachable_database_is_a_clear_message(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "JIXIAO_DATA_DIR": str(tmp_path),
           "JIXIAO_DATABASE_URL": "postgresql://postgres@127.0.0.1:1/none"}
    run = subprocess.run([str(JIXIAO), "serve", "--port", str(_free_port())], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "无法连接或初始化数据库" in run.stderr and "Traceback" not in run.stderr


def test_no_demo_starts_with_one_administrator_and_nothing_else(tmp_path):
    port = _free_port()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    proc = subprocess.Popen([str(JIXIAO), "serve", "--no-demo", "--port", str(port), "--data-dir", str(tmp_path)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = ""
    try:
        deadline = time.time() + 60
        while time.time() < deadline and "已启动" not in out and proc.poll() is None:
            out += proc.stdout.readline()
        accounts = dict(re.findall(r"用户名 (\S+)\s+密码 (\S+)", out))
        assert list(accounts) == ["admin"] and "系统管理" in out, out
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    import sqlite3

    db = sqlite3.connect(tmp_path / "jixiao.sqlite3")
    assert db.execute("select count(*) from jixiao_department").fetchone() == (0,)
    assert db.execute("select count(*) from jixiao_evaluation").fetchone() == (0,)
