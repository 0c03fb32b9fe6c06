"""jixiao batch: inputs, the dataset's tables, resume after a kill, the cluster engine, failures and timeouts,
the CLI's errors, and the report page. Fixture reports are made from the project's own layout fixtures."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from jixiao.batch import BatchOptions, open_dataset, run_batch, table_rows
from jixiao.batch.inputs import collect_inputs
from jixiao.batch.schema import TABLES
from jixiao.review import review_report

from .batch_fixtures import LAYOUTS, make_reports
from .conftest import require_module

ROOT = Path(__file__).resolve().parent.parent
JIXIAO = [sys.executable, "-m", "jixiao.cli.main"]


def run(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*JIXIAO, *map(str, args)], capture_output=True, text=True, cwd=ROOT, **kw)


def dataset_rows(path: Path) -> dict[str, list[tuple]]:
    con = open_dataset(path)
    try:
        return {t: table_rows(con, t) for t in TABLES}
    finally:
        con.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    make_reports(folder, 40)
    return folder


@pytest.fixture(scope="module")
def baseline(reports, tmp_path_factory) -> Path:
    """The 40 reports, one uninterrupted local run with two processes."""
    dataset = tmp_path_factory.mktemp("base") / "base.duckdb"
    summary = run_batch(BatchOptions([reports], dataset, jobs=2))
    assert summary.processed == 40 and summary.skipped == 0
    return dataset


# ---- inputs ---------------------------------------------------------------------------------------------------

def test_inputs_folders_lists_and_what_is_skipped(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    one = tmp_path / "a" / "one.txt"
    one.write_text("报告", encoding="utf-8")
    two = tmp_path / "a" / "b" / "two.html"
    two.write_text("<p>报告</p>", encoding="utf-8")
    (tmp_path / "a" / "b" / "notes.csv").write_text("x", encoding="utf-8")  # not a report suffix: not picked up
    (tmp_path / "a" / "link.txt").symlink_to(tmp_path / "outside.txt")  # a link inside a folder is not followed
    (tmp_path / "outside.txt").write_text("外部", encoding="utf-8")
    listing = tmp_path / "list.txt"
    listing.write_text("# 清单\na/one.txt\n\nmissing.pdf\na\n", encoding="utf-8")
    found = collect_inputs([tmp_path / "a", f"@{listing}", tmp_path / "nowhere", f"@{tmp_path / 'no-list.txt'}"])
    assert found.files == [one.resolve(), two.resolve()]  # each once, folder order, the list's repeats dropped
    skipped = [(str(f.location), f.code) for f in found.skipped]
    assert skipped == [(f"{listing}:4", "JX-P001"), (str(tmp_path / "nowhere"), "JX-P001"),
                       (str(tmp_path / "no-list.txt"), "JX-P001")]
    assert "missing.pdf" in found.skipped[0].message and "不存在" in found.skipped[0].message


# ---- the dataset ----------------------------------------------------------------------------------------------

def test_every_table_has_rows_with_hash_path_version_and_ruleset(baseline, reports):
    rows = dataset_rows(baseline)
    con = duckdb.connect(str(baseline), read_only=True)
    for table in TABLES:
        assert rows[table], table
        nulls = con.execute(f"SELECT count(*) FROM {table} WHERE sha256 IS NULL OR source_path IS NULL "
                            "OR jixiao_version IS NULL").fetchone()[0]
        assert nulls == 0, table
    money = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'documents'").fetchall())
    assert money["budget_yuan"] == "DECIMAL(18,2)" and money["total_score"] == "DECIMAL(18,2)"
    assert con.execute("SELECT count(DISTINCT province) FROM documents WHERE status = 'ok'").fetchone()[0] == 5
    statuses = dict(con.execute("SELECT status, count(*) FROM documents GROUP BY 1").fetchall())
    assert statuses["ok"] > 30 and set(statuses) <= {"ok", "failed"}
    con.close()


def test_scores_are_the_review_pipelines(baseline, reports):
    """The dataset holds what jixiao.review_report gives for the same file: no second scoring."""
    con = duckdb.connect(str(baseline), read_only=True)
    sample = con.execute("SELECT source_path, total_score, grade, execution_rate, errors + warnings + infos, ruleset "
                         "FROM documents WHERE status = 'ok' ORDER BY source_path LIMIT 6").fetchall()
    for path, total, grade, rate, findings, ruleset in sample:
        review = review_report(path)
        assert (total, grade, rate, findings, ruleset) == (review.total, review.grade, review.execution_rate,
                                                          len(review.findings), review.ruleset.name)
    con.close()


def test_money_is_stored_exactly_in_yuan(tmp_path):
    dataset = tmp_path / "one.duckdb"
    run_batch(BatchOptions([LAYOUTS / "col14.txt"], dataset, jobs=1))
    con = duckdb.connect(str(dataset), read_only=True)
    budget = con.execute("SELECT amount_yuan FROM finance WHERE task_index IS NULL AND item = 'budget'").fetchone()[0]
    assert budget == Decimal("325000.00")  # 32.50 万元
    con.close()


def test_parquet_holds_the_same_tables(baseline, reports, tmp_path):
    out = tmp_path / "pq"
    result = run(["batch", reports, "-o", out, "--format", "parquet", "-j", "2", "-q"])
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.glob("*.parquet")} >= {f"{t}.parquet" for t in TABLES}
    assert dataset_rows(out) == dataset_rows(baseline)


# ---- resume ---------------------------------------------------------------------------------------------------

def test_rerun_skips_what_is_stored(baseline, reports, tmp_path):
    dataset = tmp_path / "two-steps.duckdb"
    first = sorted(reports.rglob("*"))[:15]
    run_batch(BatchOptions([p for p in first if p.is_file()], dataset, jobs=2))
    summary = run_batch(BatchOptions([reports], dataset, jobs=2))
    assert summary.skipped > 0 and summary.skipped + summary.processed == 40
    assert dataset_rows(dataset) == dataset_rows(baseline)


def test_killed_batch_resumes_to_the_uninterrupted_dataset(tmp_path):
    folder = tmp_path / "many"
    make_reports(folder, 400)
    dataset = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([*JIXIAO, "batch", str(folder), "-o", str(dataset), "-j", "2"], cwd=ROOT,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    done = 0
    buffer = ""
    while done < 200:  # past three written batches of 64, well before the end
        chunk = proc.stderr.read(64)
        assert chunk, f"batch ended before it could be killed: {buffer[-500:]}"
        buffer += chunk
        counts = re.findall(r"(\d+)/400 份", buffer)
        done = int(counts[-1]) if counts else 0
    os.killpg(proc.pid, signal.SIGKILL)  # the batch and its workers, at once, mid-write perhaps
    proc.wait()
    stored = len(dataset_rows(dataset)["documents"])
    assert 0 < stored < 400
    resumed = run(["batch", folder, "-o", dataset, "-j", "2", "-q"])
    assert resumed.returncode == 0, resumed.stderr
    assert f"已在数据集中而跳过 {stored} 份" in resumed.stderr
    whole = tmp_path / "whole.duckdb"
    assert run(["batch", folder, "-o", whole, "-j", "2", "-q"]).returncode == 0
    assert dataset_rows(dataset) == dataset_rows(whole)


def test_ctrl_c_stops_the_batch_keeps_what_is_written_and_says_so(tmp_path):
    folder = tmp_path / "many"
    make_reports(folder, 300)
    dataset = tmp_path / "stopped.duckdb"
    proc = subprocess.Popen([*JIXIAO, "batch", str(folder), "-o", str(dataset), "-j", "2"], cwd=ROOT,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    buffer = ""
    while not re.search(r"(?:[7-9]\d|\d{3})/300 份", buffer):
        chunk = proc.stderr.read(64)
        assert chunk, buffer[-500:]
        buffer += chunk
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C reaches the batch and its workers
    rest = proc.stderr.read()
    assert proc.wait() == 130
    assert "已中断" in rest and "重新运行同一命令即可续跑" in rest and "Traceback" not in buffer + rest
    con = duckdb.connect(str(dataset), read_only=True)
    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert con.execute("SELECT interrupted FROM batch_runs").fetchall() == [(True,)]
    con.close()
    assert 0 < stored < 300


# ---- the cluster engine ---------------------------------------------------------------------------------------

def test_dask_cluster_of_two_workers_writes_the_local_dataset(baseline, reports, tmp_path):
    require_module("distributed")
    from distributed import Client

    from jixiao.batch.cluster import start_local_cluster

    with start_local_cluster(2) as cluster, Client(cluster) as client:
        assert len(client.nthreads()) == 2
        dataset = tmp_path / "cluster.duckdb"
        summary = run_batch(BatchOptions([reports], dataset, engine="dask", scheduler=cluster.scheduler_address))
        assert summary.processed == 40
    assert dataset_rows(dataset) == dataset_rows(baseline)


# ---- failures and timeouts ------------------------------------------------------------------------------------

def slow_report(folder: Path) -> Path:
    """A report hundreds of tables long: tens of seconds of extraction, many times the limit below."""
    path = folder / "slow.txt"
    path.write_text((LAYOUTS / "cell_lines.txt").read_text(encoding="utf-8") * 800, encoding="utf-8")
    return path


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_failed_and_overrunning_documents_are_recorded_and_the_batch_goes_on(tmp_path, engine):
    if engine == "dask":
        require_module("distributed")
    folder = tmp_path / "in"
    folder.mkdir()
    slow_report(folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "old.doc.txt").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    good = make_reports(folder / "good", 3)
    dataset = tmp_path / "d.duckdb"
    summary = run_batch(BatchOptions([folder], dataset, jobs=2, timeout=3, engine=engine))
    assert summary.processed == 6 and summary.failed == 3
    con = duckdb.connect(str(dataset), read_only=True)
    status = dict(con.execute("SELECT file_name, status FROM documents").fetchall())
    assert status == {"slow.txt": "timeout", "empty.txt": "failed", "old.doc.txt": "failed",
                      **{p.name: "ok" for p in good}}
    codes = dict(con.execute("SELECT d.file_name, f.code FROM findings f JOIN documents d USING (sha256) "
                             "WHERE d.status <> 'ok'").fetchall())
    assert codes == {"slow.txt": "JX-P002", "empty.txt": "JX-E001", "old.doc.txt": "JX-E004"}
    assert con.execute("SELECT message FROM findings WHERE code = 'JX-P002'").fetchone()[0] == "处理超过 3 秒，已终止并记为失败"
    assert con.execute("SELECT sha256 FROM documents WHERE file_name = 'slow.txt'").fetchone()[0] != ""
    con.close()


# ---- the command line -----------------------------------------------------------------------------------------

def test_cli_errors_are_chinese_with_exit_codes(tmp_path, baseline):
    report = LAYOUTS / "col14.txt"
    cases = [
        (["batch", report, "-o", tmp_path / "x.duckdb", "--ruleset", "没有这个"], 2, "没有名为“没有这个”的规则集"),
        (["batch", report], 2, "缺少选项"),
        (["batch", tmp_path / "nowhere", "-o", tmp_path / "y.duckdb"], 1, "没有找到可处理的报告文件"),
        (["batch", report, "-o", tmp_path], 1, "是目录"),
        (["batch", report, "-o", tmp_path / "x.duckdb", "--scheduler", "tcp://127.0.0.1:1"], 2, "只用于 --engine dask"),
        (["batch", "report", tmp_path / "none.duckdb", "-o", tmp_path / "r.html"], 1, "不存在"),
    ]
    not_db = tmp_path / "not-a-db.duckdb"
    not_db.write_text("这不是数据库", encoding="utf-8")
    cases.append((["batch", report, "-o", not_db], 1, "无法打开数据集"))
    for args, code, words in cases:
        result = run(args)
        assert result.returncode == code, (args, result.stderr)
        assert words in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)
    assert not_db.read_text(encoding="utf-8") == "这不是数据库"  # never overwritten


def test_a_dataset_keeps_its_rule_set(tmp_path):
    dataset = tmp_path / "r.duckdb"
    assert run(["batch", LAYOUTS / "col14.txt", "-o", dataset, "-q"]).returncode == 0
    result = run(["batch", LAYOUTS / "glued.txt", "-o", dataset, "--ruleset", "gd-proj-ref-2023", "-q"])
    assert result.returncode == 1 and "请用相同的设置续跑" in result.stderr
    assert len(dataset_rows(dataset)["documents"]) == 1


# ---- the report page ------------------------------------------------------------------------------------------

def test_report_is_one_self_contained_chinese_page(baseline, tmp_path):
    out = tmp_path / "report.html"
    result = run(["batch", "report", baseline, "-o", out])
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") >= 4
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?https?:""", page)
    for heading in ("等级分布", "预算执行率", "最常见的问题", "按省份", "按部门", "按年度"):
        assert heading in page, heading
    con = duckdb.connect(str(baseline), read_only=True)
    ok = con.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0]
    top = con.execute("SELECT code FROM findings GROUP BY code ORDER BY count(*) DESC, code LIMIT 1").fetchone()[0]
    con.close()
    assert f"成功 {ok} 份" in page and top in page
