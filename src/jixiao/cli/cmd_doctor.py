"""doctor: which converters and fonts PDF output needs, which are here, and what to install."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import click

from ..render.fonts import fandol_dir, font_status
from ..render.pdf import soffice
from .app import app

# (program, what it is for, Debian package)
CONVERTERS = (
    ("soffice", "DOCX 转 PDF", "libreoffice-writer-nogui"),
    ("pdftoppm", "PDF 页面转图片", "poppler-utils"),
    ("pdffonts", "检查 PDF 字体嵌入", "poppler-utils"),
    ("pdftotext", "PDF 文字提取", "poppler-utils"),
    ("fc-match", "字体匹配", "fontconfig"),
)


@app.command()
def doctor() -> None:
    """检查生成 PDF 所需的转换程序和中文字体，并说明缺什么、装什么。"""
    missing: set[str] = set()
    click.echo("转换程序：")
    for program, purpose, package in CONVERTERS:
        found = soffice() if program == "soffice" else shutil.which(program)
        click.echo(f"  {'✓' if found else '✗'} {program:<10} {purpose}：{found or '未找到（安装 ' + package + '）'}")
        if not found:
            missing.add(package)
    click.echo("字体（公文字体名 → 实际使用的字体）：")
    fandol = fandol_dir()
    click.echo(f"  Fandol 字体目录：{fandol or '未找到（安装 texlive-lang-chinese）'}")
    if fandol is None:
        missing.add("texlive-lang-chinese")
    with tempfile.TemporaryDirectory(prefix="jixiao-doctor-") as tmp:
        statuses = font_status(Path(tmp))
    for s in statuses:
        mark = "✓" if s.ok else "✗"
        face = f" {s.resolved_style}" if s.resolved and s.resolved_style else ""
        wanted = f"{s.wanted} {s.style}" if s.style != "Regular" else s.wanted
        hint = "" if s.ok else f"（应为 {wanted}，安装 {s.package}）"
        click.echo(f"  {mark} {s.name:<8} → {s.resolved or '无'}{face}{hint}")
        if not s.ok:
            missing.add(s.package)
    heavy = next((s for s in statuses if s.style == "Bold" and s.ok), None)
    if heavy is not None:
        click.echo(f"  标题字体（方正小标宋简体）未安装时，PDF 用较重的 {heavy.resolved} {heavy.resolved_style} 替代（比正文的宋体更重）。")
    if statuses:
        click.echo("  生僻字（如“滘”）Fandol 字体中没有时，取自 Noto Serif CJK SC（衬线，与正文一致）。")
    if missing:
        click.echo(f"缺少：{' '.join(sorted(missing))}。Debian/Ubuntu 上以管理员身份运行：apt-get install {' '.join(sorted(missing))}")
        sys.exit(1)
    click.echo("一切就绪：可以生成 PDF。")
