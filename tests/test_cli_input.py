"""The CLI on real files, as a user runs it: exit codes, Chinese messages, never a traceback."""

import json

import pytest

from .conftest import SEED


def assert_clean_failure(proc, code=1):
    assert proc.returncode == code, proc.stderr + proc.stdout
    assert "Traceback" not in proc.stderr + proc.stdout


def test_validate_seed_has_no_errors(cli):
    proc = cli("validate", SEED)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_validate_json_output_shape(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: department\nyear: 2023\ndepartment: {name: x}\nfinanse: {}\n", encoding="utf-8")
    proc = cli("validate", bad, "--json")
    assert_clean_failure(proc)
    data = json.loads(proc.stdout)
    f = data["findings"][0]  # input problems first, then the review's
    assert set(f) == {"code", "severity", "message", "path", "location"}
    assert f["code"] == "JX-L003" and f["severity"] == "error" and f["location"] == f"{bad}:4"
    assert "finance" in f["message"]


def test_validate_line_format(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: department\nyear: 2023\ndepartment: {name: x}\nfinance: {budget: 很多}\n", encoding="utf-8")
    proc = cli("validate", bad)
    assert_clean_failure(proc)
    assert proc.stdout.startswith("【读取】")
    assert proc.stdout.splitlines()[1].startswith(f"{bad}:4: 错误 JX-L005 ")


def test_validate_reports_what_check_reports(cli, tmp_path):
    """A file that validates without errors has no errors in check either: the same findings, same order."""
    p = tmp_path / "over.yaml"
    p.write_text("kind: project\nyear: 2023\ndepartment: {name: 某局}\n"
                 "tasks: [{name: 某项目, budget: 29, executed: 35}]\n", encoding="utf-8")
    validated, checked = cli("validate", p), cli("check", p)
    assert validated.returncode == checked.returncode == 1
    assert "JX-B001" in validated.stdout
    assert validated.stdout == checked.stdout


@pytest.mark.parametrize("make,needle", [
    (lambda p: p.write_bytes(b""), "空"),
    (lambda p: p.write_bytes(bytes(range(256)) * 4), "二进制"),
    (lambda p: p.write_bytes("年度: 2023\n单位: 妇联\n".encode("gb18030")), "UTF-8"),
    (lambda p: p.write_text("a: &a [1,2]\nb: [*a,*a]\n", encoding="utf-8"), "别名"),
    (lambda p: p.write_text("kind: [", encoding="utf-8"), "语法"),
    (lambda p: p.write_text("year: 2023\nkind: department\ndepartment: 5\n", encoding="utf-8"), "department"),
    (lambda p: p.write_text("- 1\n- 2\n", encoding="utf-8"), "键值对"),
])
def test_bad_inputs_get_a_clear_message(cli, tmp_path, make, needle):
    p = tmp_path / "in.yaml"
    make(p)
    proc = cli("validate", p)
    assert_clean_failure(proc)
    assert needle in proc.stdout


def test_directory_and_huge_file(cli, tmp_path):
    proc = cli("validate", tmp_path)
    assert_clean_failure(proc)
    assert "目录" in proc.stdout
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    proc = cli("validate", big)
    assert_clean_failure(proc)
    assert "过大" in proc.stdout


def test_usage_errors_exit_2_in_chinese(cli):
    proc = cli("validate")
    assert proc.returncode == 2 and "用法错误" in proc.stderr and "Traceback" not in proc.stderr
    proc = cli("no-such-command")
    assert proc.returncode == 2 and "没有命令" in proc.stderr
    proc = cli("convert", SEED, "out.txt")
    assert proc.returncode == 2 and "不支持的输出格式" in proc.stderr


def test_convert_to_json_keeps_the_seed_figures(cli, tmp_path):
    out = tmp_path / "x.json"
    proc = cli("convert", SEED, out)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    f = data["finance"]
    assert (f["budget"], f["executed"], f["by_nature"]["basic"], f["by_nature"]["project"]) == (688.34, 688.34, 581.73, 106.61)
    assert [t["budget"] for t in data["tasks"]] == [91.20, 8.43]
    back = tmp_path / "back.yaml"
    assert cli("convert", out, back).returncode == 0
    assert cli("validate", back).returncode == 0


def test_convert_refuses_input_with_errors_and_writes_nothing(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: department\n", encoding="utf-8")
    out = tmp_path / "out.json"
    proc = cli("convert", bad, out)
    assert_clean_failure(proc)
    assert not out.exists()


def test_schema_validates_the_example(cli):
    import jsonschema
    import yaml

    proc = cli("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    doc = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**doc, "finanse": {}}, schema)


@pytest.mark.parametrize("args, message", [
    (("validate",), "缺少参数 FILE。"),
    (("render", "--pdf", "x.yaml"), "没有选项 --pdf。"),
    (("render", "--formt", "docx", "x.yaml"), "没有选项 --formt。是不是要用 --format？"),
    (("score", "--ruleset"), "选项 --ruleset 后面需要一个值。"),
    (("serve", "--port", "abc"), "--port 的值无效：“abc”不是整数。"),
    (("validate", "a", "b", "c"), "多余的参数：b c。"),
])
def test_usage_errors_are_wholly_chinese(cli, args, message):
    proc = cli(*args)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[0] == f"用法错误：{message}"


@pytest.mark.parametrize("args", [("--help",), ("render", "--help"), ("rules", "--help"), ("rules", "show", "-h")])
def test_help_pages_have_no_english_chrome(cli, args):
    proc = cli(*args)
    assert proc.returncode == 0
    assert proc.stdout.startswith("用法：jixiao") and "选项：" in proc.stdout and "显示本帮助并退出。" in proc.stdout
    for english in ("Usage:", "Options:", "Commands:", "Show this message", "[default:", "[required]"):
        assert english not in proc.stdout
