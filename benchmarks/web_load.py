"""Load test of the web app: N concurrent clients saving and reading evaluations against a local server.

    .venv/bin/python benchmarks/web_load.py                       # 50 clients, 60 s, PostgreSQL 127.0.0.1:5432
    .venv/bin/python benchmarks/web_load.py --clients 10 --duration 15 --database sqlite
    .venv/bin/python benchmarks/web_load.py --dashboard 300          # only the 绩效概览 of 300 departments

It creates a fresh database (PostgreSQL database `jixiao_bench`, or a temporary SQLite file), 10 departments
with one evaluation each and 5 填报人 per department (so saves on one draft race each other), starts
`jixiao serve`, and lets every client loop: open the editor, save the whole form with one field changed, open the
history. It prints p50/p95/max latency for pages and for saves (a save rescoring and rechecking the document),
and checks that every save the server acknowledged is a revision in the database (none lost; races become
conflict revisions, not overwrites). Exit code 1 on any error or lost revision.

It runs two rounds, each for the full duration on a fresh server: first with people's pace (every client pauses
between requests, on average --think seconds, at random between 0 and twice that, so clients do not move in
step), then with no pause at all. The second round is a stress test: 50 clients that never pause keep every
core busy, so its latency is the number of clients divided by the throughput, and it says more about the
machine than about the app. Both rounds are printed; `--think 0` runs only the second.

`--dashboard N` measures the bureau's 绩效概览 instead: N departments, each with a scored evaluation this year
and last year (revisions as save_revision stores them, from the examples' real reviews), then --clients
reviewers (default 1 here) open /dashboard/ over and over for --duration seconds; it prints p50/p95/max.
`--pg-name` picks the PostgreSQL database the script drops and recreates (default jixiao_bench).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
PG_BENCH = "postgresql://postgres@127.0.0.1:5432/jixiao_bench"
PASSWORD = "Bench-pass-2024"
DEPARTMENTS = 10


def prepare_database(kind: str, data_dir: Path, pg_name: str = "jixiao_bench", dashboard: int = 0) -> str:
    if kind == "postgresql":
        import psycopg

        if not pg_name.replace("_", "").isalnum():
            raise SystemExit(f"--pg-name: 数据库名只能含字母、数字和下划线：{pg_name}")
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {pg_name}")
            conn.execute(f"CREATE DATABASE {pg_name}")
        os.environ["JIXIAO_DATABASE_URL"] = PG_BENCH.rsplit("/", 1)[0] + "/" + pg_name
    os.environ["JIXIAO_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    from jixiao.load import load_file
    from jixiao.web.analysis import document_of
    from jixiao.web.models import Department, Evaluation, Profile, Role, Year
    from jixiao.web.services import save_revision

    if dashboard:
        seed_dashboard(dashboard)
        return os.environ.get("JIXIAO_DATABASE_URL", "")
    doc = document_of(load_file(ROOT / "examples" / "liwan-fulian-2023.yaml").evaluation)
    year = Year.objects.create(year=2023)
    User = get_user_model()
    for d in range(DEPARTMENTS):
        dept = Department.objects.create(name=f"压测单位{d:02d}")
        ev = Evaluation.objects.create(department=dept, year=year)
        for u in range(5):
            user = User.objects.create_user(f"u{d:02d}{u}", password=PASSWORD)
            Profile.objects.create(user=user, role=Role.FILLER, department=dept)
        save_revision(ev, dict(doc, department={"name": dept.name}), user, 0, "压测初始数据")
    return os.environ.get("JIXIAO_DATABASE_URL", "")


def seed_dashboard(count: int) -> None:
    """`count` departments with an evaluation in 2022 and 2023 each, one reviewer (u000).

    Each example is reviewed once (jixiao.review, as a save does) and its stored figures and findings are
    reused, with the score moved a little per department so the charts have a spread; rows are bulk-inserted."""
    from decimal import Decimal

    from django.contrib.auth import get_user_model

    from jixiao.load import load_file
    from jixiao.web.analysis import analyse, document_of
    from jixiao.web.models import Department, Evaluation, Kind, Profile, Revision, Role, Year

    reviewer = get_user_model().objects.create_user("u000", password=PASSWORD)
    Profile.objects.create(user=reviewer, role=Role.REVIEWER)
    samples = []
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        doc = document_of(load_file(path).evaluation)
        samples.append((doc, analyse(doc)))
    years = [Year.objects.create(year=y) for y in (2022, 2023)]
    depts = Department.objects.bulk_create(Department(name=f"压测单位{d:03d}") for d in range(count))
    evs = Evaluation.objects.bulk_create(Evaluation(department=d, year=y, kind=Kind.DEPARTMENT, version=1, revision_count=1)
                                         for d in depts for y in years)
    revs = []
    for i, ev in enumerate(evs):
        doc, result = samples[i % len(samples)]
        score = None if result.total is None else max(Decimal(0), result.total - Decimal(i % 37))
        revs.append(Revision(evaluation=ev, number=1, document=doc, author=reviewer, source="压测初始数据", score=score,
                             grade=result.grade, execution_rate=result.execution_rate, errors=result.errors,
                             warnings=result.warnings, findings=result.findings_json()))
    Revision.objects.bulk_create(revs, batch_size=200)
    for ev, rev in zip(evs, revs):
        ev.current = rev
    Evaluation.objects.bulk_update(evs, ["current"], batch_size=200)


def run_dashboard(clients: list[Client], duration: float) -> dict:
    stats = {"pages": [], "errors": []}
    lock = threading.Lock()
    until = time.time() + duration

    def loop(client: Client):
        times, errors = [], []
        while time.time() < until:
            status, html, t = client.request("/dashboard/?year=2023")
            times.append(t)
            if status != 200 or 'id="dashboard-data"' not in html:
                errors.append(f"dashboard {status}")
        with lock:
            stats["pages"] += times
            stats["errors"] += errors

    threads = [threading.Thread(target=loop, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return stats


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    def __init__(self, base: str, username: str):
        self.base = base
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
        self.jar = jar
        self.username = username

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, float]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        start = time.perf_counter()
        try:
            with self.opener.open(req, timeout=60) as r:
                status, text = r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            status, text = e.code, ""
        return status, text, time.perf_counter() - start

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def login(self) -> None:
        self.request("/login/")
        status, _, _ = self.request("/login/", {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf()})
        if status != 302:
            raise RuntimeError(f"login failed for {self.username}: {status}")


FIELD = re.compile(r'<(input|textarea|select)[^>]*\bname="([^"]+)"[^>]*?(?:value="([^"]*)")?[^>]*>', re.S)


def form_data(html: str) -> dict:
    """The editor's text inputs with their values (enough to post a full document back)."""
    form = html[html.index('id="editor"'):html.index("</form>", html.index('id="editor"'))]
    form = re.sub(r"<template.*?</template>", "", form, flags=re.S)
    data = {}
    for m in re.finditer(r'<input type="text" name="([^"]+)"[^>]*value="([^"]*)"', form):
        data[m.group(1)] = m.group(2).replace("&quot;", '"').replace("&amp;", "&")
    for m in re.finditer(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        data[m.group(1)] = m.group(2).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    for m in re.finditer(r'<select name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', m.group(2))
        data[m.group(1)] = chosen.group(1) if chosen else ""
    base = re.search(r'name="base_version" value="(\d+)"', html)
    data["base_version"] = base.group(1) if base else "0"
    return data


def run_client(client: Client, evaluation_id: int, until: float, think: float, stats: dict, lock: threading.Lock) -> None:
    pages, saves, errors, acknowledged = [], [], [], 0
    n = 0
    rng = random.Random(client.username)

    def pause():
        if think:
            time.sleep(rng.uniform(0, 2 * think))

    while time.time() < until:
        n += 1
        pause()
        status, html, t = client.request(f"/e/{evaluation_id}/")
        pages.append(t)
        if status != 200:
            errors.append(f"editor {status}")
            continue
        data = form_data(html)
        data["conclusion"] = f"{client.username} 第{n}次保存"
        data["csrfmiddlewaretoken"] = client.csrf()
        pause()
        status, _, t = client.request(f"/e/{evaluation_id}/", data)
        saves.append(t)
        if status == 302:
            acknowledged += 1
        else:
            errors.append(f"save {status}")
        pause()
        status, _, t = client.request(f"/e/{evaluation_id}/history/")
        pages.append(t)
        if status != 200:
            errors.append(f"history {status}")
    with lock:
        stats["pages"] += pages
        stats["saves"] += saves
        stats["errors"] += errors
        stats["acknowledged"] += acknowledged


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values, default=0)


def run_round(clients: list[Client], ids: list[int], duration: float, think: float) -> dict:
    from jixiao.web.models import Revision

    before = Revision.objects.count()
    stats = {"pages": [], "saves": [], "errors": [], "acknowledged": 0}
    lock = threading.Lock()
    until = time.time() + duration
    threads = [threading.Thread(target=run_client, args=(c, ids[i % DEPARTMENTS], until, think, stats, lock))
               for i, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stats["stored"] = Revision.objects.count() - before
    return stats


def report(stats: dict, think: float, duration: float) -> bool:
    """Print one round; True when it had no error and lost no revision."""
    pace = f"每个客户端两次请求之间平均停顿 {think:g} 秒" if think else "无停顿（压力测试）"
    print(f"— {pace}，{duration:.0f} 秒")
    for name, values, target in (("页面", stats["pages"], 0.3), ("保存", stats["saves"], 1.0)):
        if values:
            print(f"  {name}：{len(values)} 次（{len(values) / duration:.1f}/秒），p50 {statistics.median(values) * 1000:.0f} ms，"
                  f"p95 {p95(values) * 1000:.0f} ms（目标 < {target * 1000:.0f} ms），最大 {max(values) * 1000:.0f} ms")
    print(f"  确认的保存 {stats['acknowledged']} 次，数据库新增版本 {stats['stored']} 个")
    print(f"  错误 {len(stats['errors'])} 次" + (f"：{stats['errors'][:5]}" if stats["errors"] else ""))
    lost = stats["acknowledged"] - stats["stored"]
    if lost:
        print(f"  丢失版本 {lost} 个！")
    return not stats["errors"] and not lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60, help="seconds per round")
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause between a client's requests in the first round; 0 runs only the no-pause round")
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--threads", type=int, default=4, help="waitress threads per instance")
    parser.add_argument("--instances", type=int, default=min(4, os.cpu_count() or 1),
                        help="server processes on one database, as behind a proxy (clients spread over them)")
    parser.add_argument("--dashboard", type=int, default=0, metavar="N",
                        help="measure only the 绩效概览 of N departments (two years each)")
    parser.add_argument("--pg-name", default="jixiao_bench", help="PostgreSQL database to drop and recreate")
    args = parser.parse_args()
    if args.dashboard and "--clients" not in sys.argv:
        args.clients = 1

    data_dir = Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    db_url = prepare_database(args.database, data_dir, args.pg_name, args.dashboard)
    if args.database == "sqlite":
        args.instances = 1  # one writer process for a SQLite file
    env = dict(os.environ, JIXIAO_DATA_DIR=str(data_dir))
    servers, bases = [], []
    for _ in range(args.instances):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        servers.append(subprocess.Popen(
            [str(Path(sys.executable).parent / "jixiao"), "serve", "--no-demo", "--port", str(port), "--threads", str(args.threads)],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        bases.append(f"http://127.0.0.1:{port}")
    print(f"数据库：{args.database} {db_url}；{args.instances} 个服务进程 × {args.threads} 线程；"
          f"{os.cpu_count()} 个 CPU 核（客户端与服务端同机）；{args.clients} 个并发客户端")
    ok = True
    try:
        for base in bases:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
        from jixiao.web.models import Evaluation, Revision

        if args.dashboard:
            clients = [Client(bases[i % len(bases)], "u000") for i in range(args.clients)]
            for c in clients:
                c.login()
            for c in clients:  # one warm-up request each (connections, template loading)
                c.request("/dashboard/?year=2023")
            stats = run_dashboard(clients, args.duration)
            values = stats["pages"]
            print(f"— 绩效概览：{args.dashboard} 个单位 × 2 个年度，{args.clients} 个客户端，{args.duration:.0f} 秒")
            print(f"  {len(values)} 次（{len(values) / args.duration:.1f}/秒），p50 {statistics.median(values) * 1000:.0f} ms，"
                  f"p95 {p95(values) * 1000:.0f} ms（目标 < 300 ms），最大 {max(values) * 1000:.0f} ms")
            print(f"  错误 {len(stats['errors'])} 次" + (f"：{stats['errors'][:5]}" if stats["errors"] else ""))
            return 1 if stats["errors"] else 0
        ids = list(Evaluation.objects.order_by("pk").values_list("pk", flat=True))
        clients = [Client(bases[i % len(bases)], f"u{i % DEPARTMENTS:02d}{(i // DEPARTMENTS) % 5}") for i in range(args.clients)]
        for c in clients:
            c.login()
        for think in ([args.think] if args.think else []) + [0.0]:
            ok = report(run_round(clients, ids, args.duration, think), think, args.duration) and ok
        print(f"其中冲突版本（同一草稿被几人同时保存）共 {Revision.objects.filter(conflict=True).count()} 个，均保留在历史中")
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
