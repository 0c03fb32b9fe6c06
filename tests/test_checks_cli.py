"""`jixiao check` as a user runs it: lines, groups, JSON, drafts, exit codes, Excel cell locations."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "liwan-fulian-2023.yaml"
CLEAN = ROOT / "examples" / "clean-department-2024.yaml"
LINE = re.compile(r"^(?P<where>.+?): (?P<level>错误|警告|提示) (?P<code>JX-[A-Z]\d{3}) (?P<message>.+)$")


def test_lines_grouped_with_file_line_level_code_message(cli):
    result = cli("check", SEED)
    # Since issue 12 the seed's missing actuals, stated as met, are warnings (JX-I015) and score as met, so
    # every indicator has full points and the inflated-score hint (JX-S001) appears.
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    headings = [line for line in lines if line.startswith("【")]
    assert headings == ["【指标】12 条", "【评分】1 条", "【文字】1 条"]
    findings = [LINE.match(line) for line in lines if not line.startswith("【")]
    assert all(findings) and len(findings) == 14
    assert findings[0]["where"] == f"{SEED}:37" and findings[0]["code"] == "JX-I004"
    assert "共 14 条：错误 0 条，警告 13 条，提示 1 条" in result.stderr


def test_clean_example_exits_zero(cli):
    result = cli("check", CLEAN)
    assert result.returncode == 0 and result.stdout == "" and "未发现问题" in result.stderr


def test_json_output(cli):
    result = cli("check", SEED, "--json")
    doc = json.loads(result.stdout)
    first = doc["findings"][0]
    assert set(first) == {"code", "severity", "message", "path", "location"}
    assert {f["code"] for f in doc["findings"]} >= {"JX-I015", "JX-I003", "JX-I004", "JX-I005", "JX-I007"}
    # the seed's missing actuals are warnings since issue 12 (the unit states they were met): no error, exit 0
    assert result.returncode == 0


def test_draft_prints_sections_three_and_four_naming_the_indicators(cli):
    result = cli("check", SEED, "--draft")
    text = result.stdout
    assert text.startswith("三、存在的主要问题\n一是") and "\n四、下一步改进措施\n一是" in text
    assert "“案件办结率”" in text and "“召开会议次数”" in text and "缺少满意度指标" in text


def test_draft_in_json(cli):
    doc = json.loads(cli("check", SEED, "--json", "--draft").stdout)
    assert len(doc["drafts"]["problems"]) == len(doc["drafts"]["measures"]) >= 4


def test_unknown_ruleset_is_a_usage_error(cli):
    result = cli("check", SEED, "--ruleset", "cn-mof-2099")
    assert result.returncode == 2 and "cn-mof-2099" in result.stderr and "Traceback" not in result.stderr


def test_named_ruleset_is_used(cli):
    assert cli("check", CLEAN, "--ruleset", "cn-mof-2020").returncode == 0


def test_missing_file_and_broken_yaml_give_findings_not_tracebacks(cli, tmp_path):
    missing = cli("check", tmp_path / "none.yaml")
    assert missing.returncode == 1 and "JX-L001" in missing.stdout
    broken = tmp_path / "broken.yaml"
    broken.write_text("kind: department\nyear: [2023\n", encoding="utf-8")
    result = cli("check", broken)
    assert result.returncode == 1 and "JX-L002" in result.stdout and "Traceback" not in result.stderr


def test_excel_findings_point_at_sheet_and_cell(cli, tmp_path):
    xlsx = tmp_path / "liwan.xlsx"
    assert cli("convert", SEED, xlsx).returncode == 0
    result = cli("check", xlsx)
    lines = [LINE.match(line) for line in result.stdout.splitlines() if not line.startswith("【")]
    i003 = [m for m in lines if m and m["code"] == "JX-I003"]
    assert len(i003) == 4 and all(re.search(r"\.xlsx:.+!\$?[A-Z]+\$?\d+$", m["where"]) for m in i003)
