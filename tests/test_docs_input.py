"""docs/input-format.md is generated from the field table; this keeps them in sync and complete."""

from pathlib import Path

from jixiao.load.docs import input_format_markdown
from jixiao.load.fields import walk

DOC = Path(__file__).resolve().parent.parent / "docs" / "input-format.md"


def test_doc_matches_the_field_table():
    assert DOC.read_text(encoding="utf-8") == input_format_markdown(), (
        "docs/input-format.md is stale: run `python -m jixiao.load.docs > docs/input-format.md`")


def test_every_field_is_documented_with_its_chinese_name():
    text = DOC.read_text(encoding="utf-8")
    for path, f in walk():
        assert f"`{f.zh[0]}`" in text, path
        assert f"| `{path}` |" in text or f"| `{path.split('.', 1)[-1]}` |" in text, path
