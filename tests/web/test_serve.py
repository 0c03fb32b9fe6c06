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


class _Browser:
    """A cookie-keeping HTTP client that posts forms with their CSRF token, as a browser would."""

    def __init__(self, base: str):
        import http.cookiejar

        self.base, self.jar = base, http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def get(self, path: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, data: dict) -> tuple[int, str]:
        import urllib.parse

        token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
        body = urllib.parse.urlencode(dict(data, csrfmiddlewaretoken=token)).encode()
        return self._open(urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path}))

    def _open(self, request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=30) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")


def test_a_fresh_server_holds_against_a_filler(tmp_path):
    """From a fresh `jixiao serve` as a 填报人: rule-set paths read no file, a typo'd rule set leaves every
    download working, and 30 wrong passwords end in a lockout."""
    import html as html_lib

    proc, port, out = _start(tmp_path)
    try:
        accounts = dict(re.findall(r"用户名 (\S+)\s+密码 (\S+)", out))
        base = f"http://127.0.0.1:{port}"
        me = _Browser(base)
        me.get("/login/")
        assert me.post("/login/", {"username": "tianbao1", "password": accounts["tianbao1"]})[0] == 302
        home = me.get("/")[1]
        pk = re.search(r'href="/e/(\d+)/"', home).group(1)
        _, page = me.get(f"/e/{pk}/")
        form = page[page.index('id="editor"'):]
        fields = {m.group(1): html_lib.unescape(m.group(2))
                  for m in re.finditer(r'<input type="text" name="([^"]+)"[^>]*value="([^"]*)"', form)}
        fields.update({m.group(1): html_lib.unescape(m.group(2))
                       for m in re.finditer(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S)})
        for value in ("/etc/passwd", "../../../../etc/passwd", "file:///etc/passwd", "gz-dept-ref-2032"):
            _, page = me.get(f"/e/{pk}/")
            version = re.search(r'name="base_version" value="(\d+)"', page).group(1)
            assert me.post(f"/e/{pk}/", dict(fields, ruleset=value, base_version=version))[0] == 302
            _, page = me.get(f"/e/{pk}/")
            assert "JX-R008" in page and "root:" not in page, value
        for fmt in ("yaml", "json", "docx", "xlsx"):
            status, _ = me.get(f"/e/{pk}/download/{fmt}/")
            assert status == 200, fmt
        attacker = _Browser(base)
        attacker.get("/login/")
        codes = [attacker.post("/login/", {"username": "tianbao1", "password": f"guess{n}"})[0] for n in range(30)]
        assert 429 in codes
        status, page = attacker.post("/login/", {"username": "tianbao1", "password": accounts["tianbao1"]})
        assert status == 429 and "登录已暂时锁定" in page
    finally:
        proc.terminate()
        proc.wait(timeout=10)
