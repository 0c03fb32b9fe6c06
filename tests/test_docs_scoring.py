"""docs/scoring.md says how printed values read; every row of its table must still read that way."""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.model import Operator, infer_direction, parse_quantity, rate_from_fraction

DOC = Path(__file__).resolve().parent.parent / "docs" / "scoring.md"
ROW = re.compile(r"^\| `(?P<text>[^`]+)` \| (?P<indicator>[^|]*) \| (?P<reads>[^|]+) \|")


def rows() -> list[re.Match[str]]:
    text = DOC.read_text(encoding="utf-8")
    table = text.split("<!-- printed-values -->")[1].split("<!-- /printed-values -->")[0]
    return [m for line in table.splitlines() if (m := ROW.match(line))]


def reading(text: str, indicator: str) -> str:
    """How jixiao reads a printed value, in the words of the doc's 读作 column."""
    name, _, level2 = indicator.partition("（")
    level2 = level2.rstrip("）")
    if name == "预算执行率":
        value, _ = rate_from_fraction(parse_quantity(text)[0].number, text)
        return f"{format(value.normalize(), 'f')}%"
    q, _ = parse_quantity(text)
    if q.op is Operator.UNPARSED:
        return "无法识别"
    if q.op is Operator.QUALITATIVE:
        return "定性：" + (q.tier.value if q.tier else q.label)
    if q.date is not None:
        month, day = q.date.last if q.op is not Operator.GE else q.date.first
        sign = "≥" if q.op is Operator.GE else "≤"
        when = f"{q.date.year}-{month:02d}-{day:02d}" if q.date.year else f"{month:02d}-{day:02d}"
        return f"日期 {sign}{when}"
    number, unit = q.base()
    op = infer_direction(name, None, level2, q.unit)[0] if q.implicit else q.op
    return f"{op.symbol}{format(number.normalize(), 'f')}{unit}" + ("（推定）" if q.implicit else "")


def test_the_table_is_there_and_large_enough():
    assert len(rows()) >= 20


def test_every_printed_value_reads_as_the_doc_says():
    wrong = [(m["text"], m["reads"].strip(), reading(m["text"], m["indicator"].strip())) for m in rows()
             if reading(m["text"], m["indicator"].strip()) != m["reads"].strip()]
    assert wrong == []
