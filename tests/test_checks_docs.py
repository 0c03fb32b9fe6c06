"""docs/findings.md is generated from the catalogue and the checks; it must match what they produce now."""

from pathlib import Path

from jixiao.checks.docs import render
from jixiao.model.catalogue import catalogue

ROOT = Path(__file__).resolve().parent.parent
REGENERATE = "python -m jixiao.checks.docs --write"


def test_findings_page_is_in_sync(monkeypatch):
    monkeypatch.chdir(ROOT)
    page = (ROOT / "docs" / "findings.md").read_text(encoding="utf-8")
    assert page == render(), f"docs/findings.md is stale: run `{REGENERATE}` from the repository root"


def test_page_documents_every_code_and_the_worked_examples(monkeypatch):
    monkeypatch.chdir(ROOT)
    page = render()
    for code, spec in catalogue().items():
        assert f"### {code}" in page and spec.title in page
    assert "实例：荔湾区妇联" in page and "通用绩效指标过多 | JX-I004 | JX-I004" in page
    assert "实例：一份规范的自评" in page and "（没有发现）" in page
