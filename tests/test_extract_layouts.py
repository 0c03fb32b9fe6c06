"""Every layout real tables arrive in, one fixture each (the project's own, written in the style of the real
texts): the extractor reads each with no miss and no false value, field by field as the corpus measure scores."""

import json
from pathlib import Path

import pytest

from jixiao.extract import extract_file
from jixiao.extract.measure import score_summary

LAYOUTS = Path(__file__).parent / "data" / "extract" / "layouts"
FILES = {p.stem: p for p in LAYOUTS.iterdir() if p.suffix in (".txt", ".html")}
NAMES = sorted(FILES)


@pytest.mark.parametrize("name", NAMES)
def test_layout_reads_without_a_miss(name):
    key = json.loads((LAYOUTS / f"{name}.json").read_text(encoding="utf-8"))
    summary = extract_file(FILES[name]).summary
    tally = score_summary(key, summary)
    assert tally.misses == [], tally.misses
    assert tally.tp >= 5


def test_every_layout_has_its_key():
    assert NAMES and all((LAYOUTS / f"{n}.json").exists() for n in NAMES)
