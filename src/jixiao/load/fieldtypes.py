"""The types of the input format's fields, as objects: each knows how to read a value (with its findings),
its JSON-Schema fragment, its Chinese name, its Excel number format and the editor widget that edits it.

The field table (fields.py) gives every field one of these; the loader, the Excel template, the JSON Schema,
docs/input-format.md and the web editor ask the type instead of switching on its name, so adding a type is
adding one object here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Protocol

from ..model import Money, MoneyUnit, Paragraph, rate_from_fraction
from ..model.values import parse_quantity

if TYPE_CHECKING:
    from .fields import Field


class Reading(Protocol):
    """What a converter may ask of the loader while reading one value."""

    field: "Field"
    node: Any  # the located value (load.tree.Node)
    unit: MoneyUnit  # the evaluation's money unit
    default_unit: str | None  # the indicator's 计量单位, for its values

    def fail(self, expected: str) -> None:
        """Report that the value is not of the expected kind (JX-L005); the value is dropped."""

    def fail_item(self, index: int, item: Any, expected: str) -> None:
        """The same for one item of a list."""

    def note(self, code: str, **params: object) -> None:
        """Report a finding of `code` at the value."""


Converter = Callable[[Any, Reading], Any]


@dataclass(frozen=True)
class FieldType:
    name: str
    zh: str  # the type's Chinese name in docs/input-format.md
    convert: Converter | None = None  # the raw YAML/JSON/Excel value → the model's value; None for containers
    schema: dict | Callable[["Field"], dict] | None = None  # JSON-Schema fragment (containers: built from children)
    excel_format: str | None = None  # the template's number format for the column
    widget: str = "text"  # the editor widget: text | textarea | lines | select | checkbox
    container: bool = False  # object or list: has child fields instead of a value
    percent: bool = False  # held in percent: Excel keeps the ratio (95.8% is 0.958) under a percent format
    from_percent_cell: Callable[[Decimal], Any] | None = None  # a percent-formatted Excel number (×100 already)
    cell_places: int | None = None  # an Excel number is read with at least this many decimals (amounts: 2)

    def read(self, value: Any, reading: Reading) -> Any:
        assert self.convert is not None, f"{self.name} holds child fields, not a value"  # a bug in fields.py
        return self.convert(value, reading)

    def schema_of(self, field: "Field") -> dict:
        return dict(self.schema(field) if callable(self.schema) else self.schema or {})

    def __str__(self) -> str:
        return self.name


# -- converters --------------------------------------------------------------------------------------
_BOOL_WORDS = {
    True: {"是", "完成", "已完成", "达成", "true", "yes", "y", "√", "✓", "对"},
    False: {"否", "未完成", "未达成", "false", "no", "n", "×", "✗", "错"},
}
_AMOUNT = re.compile(r"^\s*(-?[\d,，]*\.?\d+)\s*(万元|亿元|元)?\s*$")
_RATE = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[%％]?\s*$")


def normalize_key(key: object) -> str:
    text = unicodedata.normalize("NFKC", str(key)).strip()
    return re.sub(r"\s+", "", text).lower()


def number(v: Any) -> Decimal | None:
    """A number as an exact Decimal (YAML scalars arrive as their text), or None."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, Decimal)):
        return Decimal(v)
    if isinstance(v, float):
        return Decimal(str(v))
    if isinstance(v, str):
        text = unicodedata.normalize("NFKC", v).strip().replace(",", "")
        try:
            n = Decimal(text)
        except InvalidOperation:
            return None
        return n if n.is_finite() else None
    return None


def plain(v: Any) -> str:
    if isinstance(v, Decimal):
        return format(v, "f")
    if isinstance(v, bool):
        return "是" if v else "否"
    return str(v)


def short(v: Any) -> str:
    text = plain(v)
    return text if len(text) <= 40 else text[:40] + "…"


def _str(v: Any, r: Reading) -> str | None:
    if isinstance(v, (dict, list)):
        return r.fail("文字")
    return v.strip() if isinstance(v, str) else plain(v)


def _int(v: Any, r: Reading) -> int | None:
    n = number(v)
    if n is None or n != n.to_integral_value():
        return r.fail("整数")
    return int(n)


def _decimal(v: Any, r: Reading) -> Decimal | None:
    n = number(v)
    return n if n is not None else r.fail("数字")


def _money(v: Any, r: Reading) -> Money | None:
    n, unit = number(v), r.unit
    if n is None and isinstance(v, str) and (m := _AMOUNT.match(unicodedata.normalize("NFKC", v))):
        n = Decimal(m.group(1).replace(",", "").replace("，", ""))
        unit = MoneyUnit(m.group(2)) if m.group(2) else unit
    if n is None:
        return r.fail(f"金额（数字，单位{r.unit.value}）")
    return Money(amount=n, unit=unit)


def _rate(v: Any, r: Reading) -> Decimal | None:
    n = number(v)
    if n is None and isinstance(v, str) and (m := _RATE.match(unicodedata.normalize("NFKC", v))):
        n = Decimal(m.group(1))
    if n is None:
        return r.fail("百分数（如 100 或 100%）")
    n, note = rate_from_fraction(n, plain(v))
    if note:
        r.note("JX-L010", note=note)
    return n


_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def _date(v: Any, r: Reading) -> date | None:
    """2023-03-01, 2023年3月1日, 2023/3/1, 2023.3.1, or an Excel or YAML date."""
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    m = _DATE.match(unicodedata.normalize("NFKC", str(v))) if isinstance(v, (str, int)) else None
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    return r.fail("日期（如 2024-03-31 或 2024年3月31日）")


def _bool(v: Any, r: Reading) -> bool | None:
    if isinstance(v, bool):
        return v
    word = normalize_key(v)
    for value, words in _BOOL_WORDS.items():
        if word in words:
            return value
    return r.fail("是 或 否")


def _enum(v: Any, r: Reading) -> str | None:
    word = normalize_key(v)
    for value, spellings in r.field.choices.items():
        if word in {normalize_key(s) for s in spellings}:
            return value
    r.note("JX-L006", got=short(v), allowed="、".join(r.field.choices))
    return None


def _quantity(v: Any, r: Reading):
    if isinstance(v, (dict, list)):
        return r.fail("指标值文字（如 ≥98%）")
    q, problem = parse_quantity(plain(v) if not isinstance(v, str) else v, default_unit=r.default_unit)
    if problem:
        r.note("JX-L008", problem=problem)
    return q


def _texts(v: Any, r: Reading) -> tuple[Paragraph, ...]:
    """One text or a list of them; a list arrives as located nodes (load.tree.Node)."""
    items = v if isinstance(v, list) else [r.node]
    out = []
    for i, item in enumerate(items):
        if isinstance(item.value, (dict, list)):
            r.fail_item(i, item, "文字")
        elif not (item.value is None or (isinstance(item.value, str) and not item.value.strip())):
            out.append(Paragraph(text=plain(item.value).strip(), location=item.location))
    return tuple(out)


def _percent_text(percent: Decimal) -> str:
    return f"{format(percent, 'f')}%"


def _enum_schema(field: "Field") -> dict:
    return {"enum": [s for spellings in field.choices.values() for s in spellings]}


_NUMBER_OR_TEXT = {"type": ["number", "string"]}

# -- the types ----------------------------------------------------------------------------------------
STR = FieldType("str", "文字", _str, {"type": ["string", "number"]}, excel_format="@")
INT = FieldType("int", "整数", _int, {"type": ["integer", "string"]})
DECIMAL = FieldType("decimal", "数字", _decimal, _NUMBER_OR_TEXT)
MONEY = FieldType("money", "金额", _money, _NUMBER_OR_TEXT, excel_format="0.00", cell_places=2)
RATE = FieldType("rate", "百分数", _rate, _NUMBER_OR_TEXT, excel_format="0.00%", percent=True,
                 from_percent_cell=lambda percent: percent)
QUANTITY = FieldType("quantity", "指标值", _quantity, _NUMBER_OR_TEXT, excel_format="@",
                     from_percent_cell=_percent_text)
BOOL = FieldType("bool", "是/否", _bool, {"type": ["boolean", "string"]}, widget="select")
DATE = FieldType("date", "日期", _date, {"type": "string"}, excel_format="yyyy-mm-dd")
TEXTS = FieldType("texts", "文字或文字列表", _texts,
                  {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}, widget="lines")
ENUM = FieldType("enum", "取值之一", _enum, _enum_schema, widget="select")
OBJECT = FieldType("object", "键值对", container=True)
LIST = FieldType("list", "列表", container=True)

TYPES = {t.name: t for t in (STR, INT, DECIMAL, MONEY, RATE, QUANTITY, BOOL, DATE, TEXTS, ENUM, OBJECT, LIST)}
