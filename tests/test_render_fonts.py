"""The font mapping for PDF output: the shipped alias file is the one ALIASES generates; 小标宋 maps to a Bold face."""

import shutil
import tempfile
from pathlib import Path

import pytest

from jixiao.render.fonts import ALIASES, alias_file, aliases_xml, font_status


def test_shipped_alias_file_is_generated_from_the_table():
    assert alias_file().read_text(encoding="utf-8") == aliases_xml(), (
        "regenerate: python -m jixiao.render.fonts > src/jixiao/render/fonts/jixiao-aliases.conf")


def test_the_title_font_has_a_heavier_substitute_and_fandol_a_serif_fallback():
    by_name = {name: a for a in ALIASES for name in a.names}
    assert by_name["方正小标宋简体"].style == "Bold" and by_name["宋体"].style == "Regular"
    xml = aliases_xml()
    assert "<const>bold</const>" in xml
    assert all(a.fallback == "Noto Serif CJK SC" for a in ALIASES if a.family.startswith("Fandol"))


def test_fontconfig_resolves_every_name_to_its_substitute():
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig not installed")
    with tempfile.TemporaryDirectory() as tmp:
        statuses = font_status(Path(tmp))
    bad = [(s.name, s.resolved, s.resolved_style) for s in statuses if not s.ok]
    if bad and not __import__("os").environ.get("JIXIAO_CI"):
        pytest.skip(f"fonts missing here: {bad}")
    assert not bad
    title = next(s for s in statuses if s.name == "方正小标宋简体")
    assert (title.resolved, title.resolved_style) == ("Noto Serif CJK SC", "Bold")
