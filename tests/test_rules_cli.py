"""jixiao score / rules list / rules show, run as a user would."""

from __future__ import annotations

import json

from .conftest import EXAMPLES, SEED, run_cli

LIBRARY = EXAMPLES / "community-library-2024.yaml"


def test_score_json_is_exactly_the_contract():
    r = run_cli("score", LIBRARY, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert list(data) == ["ruleset", "total", "grade", "items"]
    assert data["ruleset"] == "cn-mof-2020" and data["total"] == 93.76 and data["grade"] == "优"
    assert all(list(i) == ["path", "rule", "weight", "score", "explain"] for i in data["items"])
    assert data["items"][0] == {"path": "finance", "rule": "execution", "weight": 10, "score": 9.3,
                                "explain": data["items"][0]["explain"]}


def test_score_text_table_ends_with_total_and_grade():
    r = run_cli("score", LIBRARY)
    assert r.returncode == 0, r.stderr
    for header in ("项目", "规则", "分值", "得分", "说明"):
        assert header in r.stdout
    assert "图书编目上架差错率" in r.stdout and "反向指标" in r.stdout
    assert r.stdout.strip().splitlines()[-1].startswith("总分：93.76") and "等级：优" in r.stdout.splitlines()[-1]


def test_department_reference_score_is_said():
    r = run_cli("score", SEED, "--ruleset", "gz-dept-ref-2023")
    assert r.returncode == 0, r.stderr
    assert "参考分" in r.stdout and "gz-dept-ref-2023" in r.stdout


def test_department_default_says_what_it_rests_on():
    r = run_cli("score", SEED)
    assert r.returncode == 0, r.stderr
    assert "cn-dept-2020" in r.stdout and "参考分）" not in r.stdout.splitlines()[-1] and "财预〔2020〕10号" in r.stdout


def test_ruleset_option_name_and_file(tmp_path):
    r = run_cli("score", LIBRARY, "--ruleset", "gd-proj-ref-2023")
    assert r.returncode == 0 and "等级：优秀" in r.stdout
    f = tmp_path / "caps.yaml"
    f.write_text("name: caps\ntitle: 执行率封顶\nextends: cn-mof-2020\n"
                 "policies: {execution_caps: {enabled: true}}\n", encoding="utf-8")
    r = run_cli("score", LIBRARY, "--ruleset", f, "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["ruleset"] == "caps"


def test_unknown_ruleset_is_a_usage_error():
    r = run_cli("score", LIBRARY, "--ruleset", "cn-mof-2030")
    assert r.returncode == 2
    assert "cn-mof-2020" in r.stderr and "Traceback" not in r.stderr


def test_bad_ruleset_file_gives_findings(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("name: bad\ntitle: 坏\nextends: cn-mof-2020\nweigths: {}\n", encoding="utf-8")
    r = run_cli("score", LIBRARY, "--ruleset", f)
    assert r.returncode == 1
    assert "JX-R003" in r.stdout and "bad.yaml:4" in r.stdout and "Traceback" not in r.stderr


def test_bad_input_gives_findings(tmp_path):
    f = tmp_path / "in.yaml"
    f.write_text("kind: project\n", encoding="utf-8")
    r = run_cli("score", f)
    assert r.returncode == 1 and "JX-L004" in r.stdout and "Traceback" not in r.stderr


def test_input_naming_unknown_ruleset(tmp_path):
    f = tmp_path / "in.yaml"
    f.write_text(LIBRARY.read_text(encoding="utf-8").replace("ruleset: cn-mof-2020", "ruleset: nope-2020"),
                 encoding="utf-8")
    r = run_cli("score", f)
    assert r.returncode == 1 and "JX-R008" in r.stdout


def test_rules_list_and_show():
    r = run_cli("rules", "list")
    assert r.returncode == 0
    for name in ("cn-mof-2020", "gz-dept-ref-2023", "cn-dept-common-2013"):
        assert name in r.stdout
    r = run_cli("rules", "show", "cn-mof-2020")
    assert r.returncode == 0 and "产出指标 50" in r.stdout and "财预〔2020〕10号" in r.stdout
    r = run_cli("rules", "show", "gz-dept-ref-2023")
    assert "参考分：是" in r.stdout and "任务预算占比" in r.stdout
    r = run_cli("rules", "show", "nope")
    assert r.returncode == 2
