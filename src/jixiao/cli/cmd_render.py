"""render: the report (DOCX, PDF, HTML, Markdown) and the 自评表 (XLSX) from one input file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..load import load_file
from ..model import has_errors
from ..render import (
    PdfUnavailable, build_view, pdf_available, render_docx, render_html, render_markdown, render_pdf, render_xlsx,
)
from ..review import review
from ..rules.loader import is_path, load_ruleset_file
from .app import app
from .output import print_findings, refuse_targets



def _operator_ruleset(value: str | None):
    """`--ruleset` is the local operator's: a file path is read here (a usage error when it is bad); a name is
    resolved by the review."""
    if not value or not is_path(value):
        return value
    ruleset, findings = load_ruleset_file(value)
    if ruleset is None:
        raise click.UsageError("规则集无效：" + "；".join(f.message for f in findings))
    return ruleset

FORMATS = ("docx", "xlsx", "pdf", "html", "md")
_NAMES = {"docx": "报告（Word）", "xlsx": "自评表（Excel）", "pdf": "报告（PDF）", "html": "报告（网页）", "md": "报告（Markdown）"}


def _parse_formats(text: str | None) -> tuple[list[str], bool]:
    """The formats asked for, and whether the user named them (PDF is then required)."""
    if not text:
        return list(FORMATS), False
    wanted = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [w for w in wanted if w not in FORMATS]
    if unknown or not wanted:
        raise click.UsageError(f"不支持的格式“{'、'.join(unknown) or text}”：可选 {','.join(FORMATS)}")
    return list(dict.fromkeys(wanted)), True


@app.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "-f", "formats", metavar="LIST", help="输出格式，逗号分隔：docx,xlsx,pdf,html,md（默认：能生成的全部）。")
@click.option("--output", "-o", "out_dir", type=click.Path(path_type=Path), default=Path("."), show_default=True, help="输出目录。")
@click.option("--ruleset", help="评分规则集（默认按评价类型选择）。")
@click.option("--template", type=click.Path(path_type=Path, exists=True, dir_okay=False), help="自定义 DOCX 模板（由默认模板修改而来）。")
@click.option("--with-review", is_flag=True,
              help="在报告中加入复核内容（规则集测算的得分、审核发现），供内部审阅；对外公开的报告不要加。")
def render(file: Path, formats: str | None, out_dir: Path, ruleset: str | None, template: Path | None,
           with_review: bool) -> None:
    """由 FILE 生成自评报告（DOCX/PDF/HTML/Markdown）和自评表（XLSX）。

    报告只包含单位自己的文字、自评得分和等级；规则集测算的得分写在自评表的“复核得分”列。
    """
    wanted, explicit = _parse_formats(formats)
    result = load_file(file)
    if result.evaluation is None or has_errors(result.findings):
        print_findings(result.findings, False, str(file))
        click.echo("输入有错误，未生成任何文件。", err=True)
        sys.exit(1)
    refuse_targets(result.evaluation, "生成自评报告和自评表")
    if result.findings:
        print_findings(result.findings, False, str(file))
    if "pdf" in wanted and not explicit and not pdf_available():
        wanted.remove("pdf")
        click.echo("提示：未安装 LibreOffice，已跳过 PDF（安装 libreoffice-writer-nogui 后可生成）。", err=True)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        click.echo(f"无法创建输出目录 {out_dir}：{exc.strerror}", err=True)
        sys.exit(1)
    reviewed = review(result, _operator_ruleset(ruleset))
    if reviewed.scorecard is None and reviewed.ruleset_findings:  # the rule set named (option or input) cannot be used
        raise click.UsageError("规则集无效：" + "；".join(f.message for f in reviewed.ruleset_findings))
    _warn_if_errors(reviewed, file)
    view = build_view(reviewed, with_review=with_review)
    _say_what_is_missing(result.evaluation, file)
    sys.exit(_write_all(view, wanted, _output_base(file, out_dir, wanted), template))


def _warn_if_errors(reviewed, file: Path) -> None:
    """The review found errors (budget, indicators, scores): render anyway, but say so on stderr."""
    errors = reviewed.errors
    if errors:
        click.echo(f"警告：审核发现 {errors} 个错误，文件仍会生成；请运行 jixiao check {file} 查看并修改后再报送。",
                   err=True)


def _say_what_is_missing(evaluation, file: Path) -> None:
    """Sections the unit left empty stay empty in the report; say so, and where a draft can be had."""
    empty = [label for label, texts in (("存在的主要问题", evaluation.problems), ("下一步改进措施", evaluation.measures))
             if not texts]
    if empty:
        click.echo(f"提示：未填写“{'”“'.join(empty)}”，报告中该部分标为“本部分未填报”。"
                   f"可运行 jixiao check {file} --draft 根据审核发现起草，确认后填入输入文件。", err=True)


def _output_base(file: Path, out_dir: Path, wanted: list[str]) -> Path:
    """Outputs are named after the input, but never over it: a filled template 表.xlsx rendered into its own
    directory gives 表-自评表.xlsx, not a 自评表 written over the clerk's workbook."""
    base = out_dir / file.stem
    targets = [base.with_suffix(f".{fmt}") for fmt in wanted]
    if any(t.resolve() == file.resolve() for t in targets):
        return out_dir / f"{file.stem}-自评表"
    return base


def _write_all(view, wanted: list[str], base: Path, template: Path | None) -> int:
    status = 0
    docx_path = None
    for fmt in wanted:
        target = base.with_suffix(f".{fmt}")
        try:
            if fmt == "docx":
                docx_path = render_docx(view, target, template)
            elif fmt == "xlsx":
                render_xlsx(view, target)
            elif fmt == "pdf":
                render_pdf(docx_path or view, target)
            elif fmt == "html":
                target.write_text(render_html(view), encoding="utf-8")
            else:
                target.write_text(render_markdown(view), encoding="utf-8")
        except PdfUnavailable as exc:
            click.echo(f"未生成 PDF：{exc}", err=True)
            status = 1
            continue
        except OSError as exc:
            click.echo(f"无法写入 {target}：{exc.strerror or exc}", err=True)
            status = 1
            continue
        click.echo(f"已写入 {_NAMES[fmt]}：{target}", err=True)
    return status
