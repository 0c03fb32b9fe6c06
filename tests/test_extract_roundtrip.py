"""Round trip: the seed's department rendered to DOCX, Markdown and PDF, then extracted, gives the same figures."""

import pytest

from jixiao.extract import extract_file

render = pytest.importorskip("jixiao.render", reason="jixiao.render has not landed yet")
if not all(hasattr(render, n) for n in ("build_view", "render_docx", "render_markdown")):
    pytest.skip("jixiao.render lacks build_view/render_docx/render_markdown", allow_module_level=True)


def _figures(evaluation):
    f = evaluation.finance
    return {
        "department": evaluation.department.name, "year": evaluation.year,
        "finance": (f.budget, f.executed, f.by_source.general_budget, f.by_source.other, f.by_nature.basic,
                    f.by_nature.project, f.carryover),
        "tasks": [(t.name, t.budget, t.executed, [(i.name, str(i.period_target), str(i.target)) for i in t.indicators])
                  for t in evaluation.tasks],
    }


def _normalise_quotes(figures):
    text = repr(figures)
    return text.replace("“", '"').replace("”", '"')


def _same_figures(extracted, seed):
    assert extracted is not None
    assert _normalise_quotes(_figures(extracted)) == _normalise_quotes(_figures(seed))


def test_docx(seed, tmp_path):
    path = render.render_docx(render.build_view(seed), tmp_path / "seed.docx")
    _same_figures(extract_file(path).evaluation, seed)


def test_markdown(seed, tmp_path):
    path = tmp_path / "seed.md"
    path.write_text(render.render_markdown(render.build_view(seed)), encoding="utf-8")
    _same_figures(extract_file(path).evaluation, seed)


@pytest.mark.pdf
def test_pdf(seed, tmp_path):
    from .conftest import need_tool

    need_tool("soffice")
    path = render.render_pdf(render.build_view(seed), tmp_path / "seed.pdf")
    _same_figures(extract_file(path).evaluation, seed)
