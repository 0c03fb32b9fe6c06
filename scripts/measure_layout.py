"""Render each example's report to PDF, measure it against GB/T 9704-2012 and save page images for the docs.

Run: .venv/bin/python scripts/measure_layout.py
Prints the measurements table of docs/rendering.md (tests/test_render_layout.py checks that the table in
the docs is what the PDFs measure) and writes docs/images/*.png: every page of each example's PDF and
of its 自评表 printed to PDF by LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdf_layout import measure, table  # noqa: E402

from jixiao.load import load_file  # noqa: E402
from jixiao.render import build_view, render_pdf, render_xlsx  # noqa: E402

# example file → (column name in the table, image prefix)
EXAMPLES = {
    "liwan-fulian-2023.yaml": ("荔湾区妇联（部门整体）", "liwan"),
    "community-library-2024.yaml": ("社区图书馆分馆（项目）", "library"),
    "clean-department-2024.yaml": ("某区图书馆（部门整体）", "clean"),
}
IMAGES = ROOT / "docs" / "images"


def main() -> int:
    measured = {}
    with tempfile.TemporaryDirectory(prefix="jixiao-layout-") as tmp:
        work = Path(tmp)
        for file, (name, prefix) in EXAMPLES.items():
            view = build_view(load_file(ROOT / "examples" / file).evaluation)
            pdf = render_pdf(view, work / f"{prefix}.pdf")
            measured[name] = measure(pdf, view.signature, view.date)
            _pages(pdf, f"{prefix}-report")
            sheet = render_xlsx(view, work / f"{prefix}.xlsx")
            _pages(_print(sheet, work), f"{prefix}-table")
    print(table(measured), end="")
    return 0


def _print(xlsx: Path, work: Path) -> Path:
    """The 自评表 as LibreOffice prints it."""
    subprocess.run(["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work / "printed"), str(xlsx)],
                   capture_output=True, timeout=180, check=True)
    return work / "printed" / (xlsx.stem + ".pdf")


def _pages(pdf: Path, prefix: str) -> None:
    for old in IMAGES.glob(f"{prefix}-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(Path(out) / prefix)], check=True)
        for page in sorted(Path(out).glob("*.png")):
            number = int(page.stem.rsplit("-", 1)[1])
            shutil.move(str(page), IMAGES / f"{prefix}-{number}.png")


if __name__ == "__main__":
    sys.exit(main())
