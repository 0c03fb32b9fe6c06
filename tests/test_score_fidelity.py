"""benchmarks/score_fidelity.py runs on any directory laid out as scores/ + truth/ (here a made-up table)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location("score_fidelity", ROOT / "benchmarks" / "score_fidelity.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rows_that_agree_and_rows_that_differ_with_the_reason(tmp_path, capsys):
    (tmp_path / "scores").mkdir()
    (tmp_path / "truth").mkdir()
    scores = {"total": 95, "execution": {"weight": 10, "score": 10}, "rows": [
        {"name": "培训人次", "weight": 45, "score": 45}, {"name": "投诉率", "weight": 45, "score": 40},
        {"name": "走访户数", "weight": 0, "score": 0}]}
    truth = {"department": "某局", "year": 2024, "unit": "万元", "budget_total": 10, "executed_total": 10,
             "projects": [{"name": "项目", "indicators": [
                 {"name": "培训人次", "target": "≥200人次", "actual": "210人次"},
                 {"name": "投诉率", "target": "1%", "actual": "0.5%"}]}]}
    (tmp_path / "scores" / "900.json").write_text(json.dumps(scores, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "truth" / "900.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    assert _script().main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "[一致] 培训人次：单位 45，规则集 45" in out
    assert "[不同] 投诉率：单位 40，规则集 45——单位对已超额完成的指标扣了分" in out  # 1% bare: read as ≤
    assert "总分：单位 95，规则集 100" in out and "一致 3 行，不同 1 行" in out
