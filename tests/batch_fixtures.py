"""Reports for batch tests and the batch benchmark, made from the project's own layout fixtures
(tests/data/extract/layouts): each variant moves a layout to another year and another unit, and files it under
a province's folder, the way downloaded reports are kept. Deterministic: the same n gives the same files."""

from __future__ import annotations

import json
import re
from pathlib import Path

LAYOUTS = Path(__file__).parent / "data" / "extract" / "layouts"
PROVINCES = ("湖南", "广东", "四川", "安徽", "云南")
PLACES = ("青石县", "白河县", "东岭县", "西坪县", "南湖区", "北山区", "临溪县", "长岗县", "松林县", "石桥区")
_YEAR = re.compile(r"(?<!\d)20(1[6-9]|2[0-5])(?!\d)")
_PLACE = re.compile(r"^.{1,6}?(?:县|区|市)(?=.{2,})")


def templates(extra: list[Path] | None = None) -> list[tuple[str, str, str | None]]:
    """(name, text, department) of each layout fixture, and of any extra report texts given."""
    found = []
    for path in sorted(LAYOUTS.iterdir()):
        if path.suffix not in (".txt", ".html"):
            continue
        key = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        found.append((path.name, path.read_text(encoding="utf-8"), key.get("department")))
    for path in extra or ():
        found.append((path.name, path.read_text(encoding="utf-8", errors="replace"), None))
    return found


def variant(text: str, department: str | None, i: int) -> str:
    """The i-th variant of a report: its years moved by 0–3, its unit's place name changed, a serial number added."""
    shift = i % 4
    text = _YEAR.sub(lambda m: str(int(m.group()) - shift), text)
    if department:
        place = _PLACE.match(department)
        if place:
            renamed = PLACES[i % len(PLACES)] + department[place.end():]
            text = text.replace(department, renamed)
    return text + f"\n（批量样本编号 {i:06d}）\n"


def make_reports(folder: Path, n: int, extra: list[Path] | None = None) -> list[Path]:
    """n report files under folder/<province>/, cycling through the templates."""
    sources = templates(extra)
    paths = []
    for i in range(n):
        name, text, department = sources[i % len(sources)]
        suffix = Path(name).suffix
        target = folder / PROVINCES[i % len(PROVINCES)] / f"{i:06d}-{Path(name).stem}{suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(variant(text, department, i), encoding="utf-8")
        paths.append(target)
    return paths
