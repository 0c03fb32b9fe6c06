"""jixiao render and jixiao doctor, run as a user runs them."""

import shutil

import pytest

from .conftest import SEED, run_cli


def test_render_selected_formats(tmp_path):
    done = run_cli("render", SEED, "--format", "docx,xlsx,md,html", "-o", tmp_path)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f"liwan-fulian-2023.{ext}" for ext in ("docx", "html", "md", "xlsx")]
    assert "已写入" in done.stderr


def test_unknown_format_is_a_usage_error(tmp_path):
    done = run_cli("render", SEED, "--format", "docx,odt", "-o", tmp_path)
    assert done.returncode == 2
    assert "不支持的格式" in done.stderr and "Traceback" not in done.stderr


def test_bad_input_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("jixiao: 1\nkind: department\n", encoding="utf-8")
    out = tmp_path / "out"
    done = run_cli("render", bad, "-o", out)
    assert done.returncode == 1
    assert "未生成任何文件" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists() or not any(out.iterdir())


def test_unknown_ruleset_is_reported_in_chinese(tmp_path):
    done = run_cli("render", SEED, "--format", "md", "--ruleset", "no-such-set", "-o", tmp_path)
    assert done.returncode == 2
    assert "规则集无效" in done.stderr and "no-such-set" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.pdf
def test_render_all_formats_by_default(tmp_path):
    if shutil.which("soffice") is None:
        import os
        if os.environ.get("JIXIAO_CI"):
            pytest.fail("soffice is required in CI")
        pytest.skip("LibreOffice not installed")
    done = run_cli("render", SEED, "-o", tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "liwan-fulian-2023.pdf").read_bytes().startswith(b"%PDF")


def test_doctor_reports_converters_and_fonts():
    done = run_cli("doctor")
    assert "转换程序" in done.stdout and "soffice" in done.stdout
    assert "仿宋" in done.stdout and "黑体" in done.stdout
    if shutil.which("soffice") and shutil.which("fc-match"):
        assert done.returncode == 0, done.stdout
        assert "方正小标宋简体" in done.stdout and "Noto Serif CJK SC Bold 替代" in done.stdout
    else:
        assert done.returncode == 1 and "apt-get install" in done.stdout


def test_the_published_report_has_no_review_unless_asked(tmp_path):
    plain, review = tmp_path / "plain", tmp_path / "review"
    assert run_cli("render", SEED, "--format", "md,html", "-o", plain).returncode == 0
    done = run_cli("render", SEED, "--format", "md", "--with-review", "-o", review)
    assert done.returncode == 0, done.stderr
    public = (plain / "liwan-fulian-2023.md").read_text(encoding="utf-8")
    internal = (review / "liwan-fulian-2023.md").read_text(encoding="utf-8")
    assert "审核发现" not in public and "规则集" not in public and str(SEED.parent) not in public
    assert "审核发现" in internal and "复核参考" in internal and str(SEED.parent) not in internal


def test_empty_sections_are_pointed_to_the_drafts(tmp_path):
    bare = tmp_path / "bare.yaml"
    text = SEED.read_text(encoding="utf-8")
    bare.write_text(text[:text.index("problems:")], encoding="utf-8")
    done = run_cli("render", bare, "--format", "md", "-o", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "未填写“存在的主要问题”“下一步改进措施”" in done.stderr and "--draft" in done.stderr
    md = (tmp_path / "bare.md").read_text(encoding="utf-8")
    assert md.count("（本部分未填报。）") >= 2
