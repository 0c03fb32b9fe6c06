"""`jixiao extract`: input format, --summary, --explain, and clear failures."""

import json
from pathlib import Path

from jixiao.load import load_file

DATA = Path(__file__).parent / "data" / "extract"


def test_summary_prints_the_json(cli):
    run = cli("extract", DATA / "project_spaces.txt", "--summary")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == json.loads((DATA / "project_spaces.json").read_text(encoding="utf-8"))


def test_output_yaml_loads_without_errors(cli, tmp_path):
    for name in ("dept_prose", "project_pipe", "project_spaces"):
        out = tmp_path / f"{name}.yaml"
        run = cli("extract", DATA / f"{name}.txt", "-o", out)
        assert run.returncode == 0, run.stderr
        loaded = load_file(out)
        assert loaded.ok, [f.as_line() for f in loaded.findings]
        assert loaded.evaluation.tasks


def test_output_keeps_the_figures(cli, tmp_path):
    out = tmp_path / "dept.yaml"
    cli("extract", DATA / "dept_prose.txt", "-o", out)
    evaluation = load_file(out).evaluation
    assert str(evaluation.finance.budget.amount) == "1236.50"
    assert evaluation.finance.by_source.government_fund.amount == 80.25
    assert evaluation.tasks[1].indicators[1].met is False
    assert evaluation.declared_score == 92.5


def test_explain_shows_values_beside_their_sources(cli):
    run = cli("extract", DATA / "dept_prose.txt", "--explain")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("carryover = 56.25")))
    assert "dept_prose.txt:" in lines[at] and "可信度" in lines[at]
    assert "年末结转和结余 56.25 万元" in lines[at + 1] and lines[at + 1].strip().startswith("原文：")


def test_failures_are_chinese_and_non_zero(cli, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    for path in (broken, tmp_path / "missing.docx"):
        run = cli("extract", path)
        assert run.returncode == 1
        assert "无法提取" in run.stderr and "Traceback" not in run.stderr


def test_report_without_year_or_department_cannot_be_written(cli, tmp_path):
    text = tmp_path / "part.txt"
    text.write_text("专项资金执行情况:下达旅游发展专项资金20万元。", encoding="utf-8")
    run = cli("extract", text, "-o", tmp_path / "out.yaml")
    assert run.returncode == 1 and "JX-E006" in run.stderr
    assert not (tmp_path / "out.yaml").exists()
    summary = json.loads(cli("extract", text, "--summary").stdout)
    assert summary["projects"][0]["budget"] == 20
