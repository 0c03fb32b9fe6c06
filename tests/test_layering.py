"""The library layers stay clean: model, rules and checks import no web, CLI, Office or PDF library."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "jixiao"
FORBIDDEN_IN_CORE = {"django", "click", "rich", "typer", "openpyxl", "docx", "docxtpl", "pypdfium2", "pdfplumber",
                     "fitz", "pdfminer"}


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module a file imports, including imports inside functions."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def files(package: str) -> list[Path]:
    return sorted((SRC / package).rglob("*.py"))


@pytest.mark.parametrize("package", ["model", "rules", "checks"])
def test_core_layers_import_no_framework(package):
    offending = {str(f.relative_to(SRC)): sorted(imported_modules(f) & FORBIDDEN_IN_CORE) for f in files(package)}
    assert {k: v for k, v in offending.items() if v} == {}


def test_only_web_imports_django_and_only_cli_imports_click():
    for f in SRC.rglob("*.py"):
        rel = f.relative_to(SRC).parts
        mods = imported_modules(f)
        if rel[0] != "web":
            assert "django" not in mods, f
        if rel[0] != "cli":
            assert not mods & {"click", "rich", "typer"}, f


def test_the_review_pipeline_imports_no_web_or_cli():
    mods = imported_modules(SRC / "review.py")
    assert not mods & {"django", "click", "rich", "typer"}


def _guarded_jixiao_imports(path: Path) -> list[int]:
    """Lines of `try: import <jixiao module> except ImportError` in a file."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Try):
            continue
        catches = {getattr(h.type, "id", None) for h in node.handlers}
        if not catches & {"ImportError", "ModuleNotFoundError"}:
            continue
        for inner in ast.walk(ast.Module(body=node.body, type_ignores=[])):
            if isinstance(inner, ast.ImportFrom) and (inner.level > 0 or (inner.module or "").startswith("jixiao")):
                lines.append(inner.lineno)
    return lines


def test_modules_that_ship_are_imported_without_a_guard():
    """jixiao's own modules always ship: only third-party extras (Django, a library's C build) may be guarded."""
    guarded = {str(f.relative_to(SRC)): lines for f in SRC.rglob("*.py") if (lines := _guarded_jixiao_imports(f))}
    assert set(guarded) <= {"cli/cmd_serve.py"}, guarded  # the web app needs the optional Django extra


def test_the_check_itself_catches_a_forbidden_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    import openpyxl\n    from django.db import models\n", encoding="utf-8")
    assert imported_modules(bad) & FORBIDDEN_IN_CORE == {"openpyxl", "django"}
