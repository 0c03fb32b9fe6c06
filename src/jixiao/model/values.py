"""Parse target and actual values as reports write them: ≥98%、5天以内、三十余场、583元/人*月、2023年12月31日前 …

Decisions for ambiguous forms (checks and scoring rely on them):
- Strict comparisons (>, <, 大于, 低于, 少于, 超过 …) fold into ≥/≤: the model has no strict
  operators and reports use the two interchangeably. Odd glyphs of real tables read as what they
  look like: ═ is =, ≧ ≥, ≦ ≤, ＞ >, ﹤ <, =< ≤.
- A number with no direction written (5人, 100%) is EQ with `implicit` set; comparing it with an actual
  infers the direction from the indicator's kind (jixiao.model.verdict).
- A range (95%-100%, 95%～100%, 90至100分) is ≥ its lower bound, the part that is committed to;
  a range closed by 以内/内 (3-5个工作日内) is ≤ its upper bound.
- Units may be compound: 元/人*月, 元/生.年, 元/户·年, 人次/年 (kept as written; units.py compares them).
- Dates and deadlines (2023年12月31日前, 12月底前, 2023年12月) carry a DateSpan: 前/以前/内 is ≤ (not later
  than), 后/起 is ≥; a date with neither is an implicit deadline. A year left out is taken from the
  value it is compared with.
- A bare number keeps no unit (0.958 stays 0.958, never 95.8%) unless the caller passes `default_unit`;
  the comparison reads a 0–1 fraction against a percent target as a percent, and says so.
- Chinese numerals count only before a measure word (一次, 三十余场); otherwise the text is wording
  (一般, 十分满意, 万无一失) and stays qualitative.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from .quantity import DateSpan, Operator, Quantity

GE, LE, EQ = Operator.GE, Operator.LE, Operator.EQ
_Parsed = tuple[Operator, Decimal, str | None, bool]  # op, number, unit, implicit

# Prefix words: word → (operator or None for a neutral word, strong?). A soft verb (达到, 控制在)
# yields to a suffix (达到5天以内 is ≤). Longest first so 不低于 wins over 低于.
_PREFIX_WORDS: dict[str, tuple[Operator | None, bool]] = {
    **{w: (GE, True) for w in (">=", "=>", ">", "≥", "大于等于", "大于或等于", "不低于", "不少于",
                                "不小于", "至少", "大于", "高于", "多于", "超过")},
    **{w: (LE, True) for w in ("<=", "=<", "<", "≤", "小于等于", "小于或等于", "不超过", "不高于",
                                "不多于", "不大于", "最多", "至多", "小于", "低于", "少于")},
    "=": (EQ, True), "达到": (GE, False), "达": (GE, False), "控制在": (LE, False),
    **{w: (None, False) for w in ("约", "大约", "约为", "为", "共", "共计", "合计", "累计", "计",
                                  "完成", "实际完成", "实际完成值", "完成值", "已完成", "已达到", "已实现", "实现", "新增", "全年",
                                  "年均", "平均", "每年")},
}
_PREFIXES = sorted(_PREFIX_WORDS.items(), key=lambda kv: -len(kv[0]))
_SUFFIX_OPS = {"及以上": GE, "或以上": GE, "以上": GE, "及以下": LE, "或以下": LE, "以下": LE,
               "以内": LE, "之内": LE, "内": LE, "左右": None}
# Verbs that may follow a value without changing it (100%完成, 3天内办结).
_TAIL_WORDS = ("完成|办结|办理|完工|到位|达标|落实|发放|解决|处理|处置|回复|答复|响应|整改|上报|"
               "报送|拨付|支付|兑付|验收|覆盖")
_UNIT_TAIL = re.compile(rf"(?P<unit>.*?)(?P<suffix>{'|'.join(_SUFFIX_OPS)})?(?:{_TAIL_WORDS})*", re.S)

_ARABIC = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_CN_NUM = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?")
_PER = re.compile(r"([百千])分之")
_MORE = re.compile(r"([万亿]?)[余多]")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}

# Measure words a Chinese numeral must be followed by to count as a number (else it is wording).
MEASURE_WORDS = frozenset(
    "次 个 场 项 人 名 位 家 户 所 期 册 本 篇 份 批 套 台 件 条 处 座 间 张 辆 架 艘 只 头 株 棵 亩 公顷 "
    "平方米 平方公里 公里 千米 米 吨 千克 公斤 元 天 日 年 月 周 季度 小时 分钟 分 秒 人次 户次 家次 批次 "
    "场次 课时 学时 门 节 类 种 轮 届 部 支 队 组 片 块 栋 幅 宗 集 首 例 起 倍 级 星 村 镇 校 工作日 "
    "百分点 %".split()
)
_SYMBOL_UNIT = re.compile(r"(%|‰|°C|°)[\u3400-\u9fff]*")  # 98%满意: the words after % are not unit
# A unit word, or words joined by / and a product sign (元/人*月, 元/生.年, 元/户·年, 人次/年).
_UNIT_WORD = r"[\u3400-\u9fff][\u3400-\u9fffA-Za-z]{0,7}[23]?"
_WORD_UNIT = re.compile(rf"{_UNIT_WORD}(?:[/／](?:{_UNIT_WORD}|[A-Za-z]{{1,4}})(?:[*×·•・.．]{_UNIT_WORD})*)*")
# Latin units are few in these reports; a list keeps 3abc or 1e5 from passing as a unit.
_LATIN_UNITS = frozenset("m m2 m3 km km2 cm mm kg g t l ml h min s kw mw kwh gb tb mb".split())
_RANGE = re.compile(r"(?P<lo>[0-9]+(?:\.[0-9]+)?)(?P<lu>[^0-9~\-—–至到]*)[~\-—–至到](?P<hi>[0-9].*)", re.S)
_DATE = re.compile(r"[0-9]{4}年|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}"
                   r"|[0-9]{1,2}月(?:[0-9]{1,2}[日号]|底|末|中旬|上旬|下旬|初|份|前|之前|以前)")
_LEADING_NAME = re.compile(r"[\u3400-\u9fff]{1,15}(?=[≥≤<>=])")  # 满意度≥90%: drop the name
_PAREN = re.compile(r"\([^()]*\)")  # (含)、(满意度) notes inside a value
_CJK = re.compile(r"[\u3400-\u9fff]")
_NOT_QUAL = re.compile(r"[0-9≥≤<>=%‰]")
_CHAR_MAP = str.maketrans({"≧": "≥", "≦": "≤", "═": "=", "〜": "~", "﹣": "-"})
_LABEL_STRIP = "。.，,；;：:！!？?、\"'“”‘’"
_ALIASES = {"√": "是", "✓": "是", "✔": "是", "×": "否", "✗": "否", "✘": "否",
            "已达成年度指标": "达成年度指标", "已达成预期指标": "达成预期指标"}
_MAX_QUANTITY_LEN = 80  # longer text is a sentence, not a value; also bounds regex work


def parse_quantity(
    text: str | int | float | Decimal | None, default_unit: str | None = None
) -> tuple[Quantity | None, str | None]:
    """Read a target or actual value; returns (quantity, problem). Never raises for any input."""
    if text is None:
        return None, None
    original = str(text).strip()
    if not original:
        return None, None
    unit = (default_unit or "").strip() or None
    try:
        result = _parse(text, original, unit)
    except Exception:  # a user's cell must never crash a load; it becomes a finding instead
        result = _unreadable(original)
    if isinstance(result, str):
        return Quantity(op=Operator.UNPARSED, text=original), result
    return result, None


def format_quantity(q: Quantity) -> str:
    """Canonical display form: ≥98%、≤5天、100%、1次、达成年度指标; unreadable values as written."""
    if q.op is Operator.QUALITATIVE:
        return q.label or q.text
    if q.op is Operator.UNPARSED or q.number is None:
        return q.text
    sign = {GE: "≥", LE: "≤", EQ: "" if q.implicit else "="}.get(q.op, "")
    return f"{sign}{_format_number(q.number)}{q.unit or ''}"


def _parse(value: object, text: str, default_unit: str | None) -> Quantity | str:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = Decimal(text)  # str(float) is its shortest repr, so no binary noise
        if not number.is_finite():
            return _unreadable(text)
        return Quantity(op=EQ, number=number, unit=default_unit, text=text, implicit=True)
    s = _normalise(text)
    if _DATE.search(s) or s.startswith(_YEAR_END_WORDS):
        dated = parse_date(s)
        if dated is not None:
            op, span, implicit = dated
            return Quantity(op=op, date=span, text=text, implicit=implicit)
        return Quantity(op=Operator.QUALITATIVE, label=s.strip(_LABEL_STRIP), text=text)
    found = _quantity(s, default_unit) if len(s) <= _MAX_QUANTITY_LEN else None
    if isinstance(found, str):
        return found.format(text=_short(text))
    if found is not None:
        op, number, unit, implicit = found
        return Quantity(op=op, number=number, unit=unit, text=text, implicit=implicit)
    label = _qualitative_label(s)
    if label is not None:
        return Quantity(op=Operator.QUALITATIVE, label=label, text=text)
    return _unreadable(text)


# -- dates ------------------------------------------------------------------------------------------
_YEAR_END_WORDS = ("年底", "年末", "年内", "年度内", "本年", "当年", "今年")
_DATE_LEAD = re.compile(r"(?:截至|截止|计划于|计划|预计于|预计|力争于|力争|争取|已于|于|在|按期于|按时于|到|至)+")
_DATE_BODY = re.compile(
    r"(?:(?P<year>(?:19|20)[0-9]{2})(?:年度?|[-./](?=[0-9]))|(?P<this>本年度?|当年度?|今年))?"
    r"(?:(?P<month>[0-9]{1,2})(?:月份?|[-./](?=[0-9]))(?:(?P<day>[0-9]{1,2})[日号]?|(?P<mpart>底|末|中旬|上旬|下旬|初|中))?"
    r"|(?P<ypart>底|末|内|中|上半年|下半年))?")
_DATE_BEFORE = ("之前", "以前", "前", "以内", "之内", "内", "为止", "止")
_DATE_AFTER = ("之后", "以后", "后", "起")
_DATE_TAIL = re.compile(r"[\u3400-\u9fff]{0,8}")
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH_PART = {"上旬": (1, 10), "初": (1, 10), "中旬": (11, 20), "中": (11, 20), "下旬": (21, 31), "底": (21, 31),
               "末": (21, 31)}


def parse_date(s: str) -> tuple[Operator, DateSpan, bool] | None:
    """(op, span, implicit) for a date or deadline already normalised (no spaces); None when s is not one."""
    lead = _DATE_LEAD.match(s)
    rest = s[lead.end():] if lead else s
    if rest.startswith(("年底", "年末", "年内", "年度内")):
        rest = "本年" + rest[1:] if not rest.startswith("年度内") else "本年内" + rest[4:]
    m = _DATE_BODY.match(rest)
    if m is None or not (m["year"] or m["this"]) and not m["month"]:
        return None
    span = _span(m)
    if span is None:
        return None
    tail = rest[m.end():]
    op, implicit = EQ, True
    for words, direction in ((_DATE_BEFORE, LE), (_DATE_AFTER, GE)):
        word = next((w for w in words if tail.startswith(w)), None)
        if word is not None:
            op, implicit, tail = direction, False, tail[len(word):]
            break
    if m["ypart"] == "内" and implicit:
        op, implicit = LE, False  # 年内: within the year
    if not _DATE_TAIL.fullmatch(tail.rstrip(_LABEL_STRIP)):
        return None  # more than a verb after the date (2023年12月完成率100%): not a date value
    return op, span, implicit


def _span(m: re.Match[str]) -> DateSpan | None:
    year = int(m["year"]) if m["year"] else None
    if m["month"]:
        month = int(m["month"])
        if not 1 <= month <= 12:
            return None
        last_day = _last_day(year, month)
        if m["day"]:
            day = int(m["day"])
            if not 1 <= day <= last_day:
                return None
            return DateSpan(year=year, first=(month, day), last=(month, day))
        lo, hi = _MONTH_PART.get(m["mpart"] or "", (1, 31))
        return DateSpan(year=year, first=(month, lo), last=(month, min(hi, last_day)))
    part = m["ypart"] or ""
    if part in ("底", "末"):
        return DateSpan(year=year, first=(12, 1), last=(12, 31))
    if part == "上半年":
        return DateSpan(year=year, first=(1, 1), last=(6, 30))
    if part == "下半年":
        return DateSpan(year=year, first=(7, 1), last=(12, 31))
    if part == "中":
        return DateSpan(year=year, first=(6, 1), last=(7, 31))
    return DateSpan(year=year, first=(1, 1), last=(12, 31))


def _last_day(year: int | None, month: int) -> int:
    if month == 2 and year is not None:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return _MONTH_DAYS[month - 1]


def _normalise(text: str) -> str:
    """Full-width to half-width (NFKC), no spaces, no thousands separators (1,200 → 1200)."""
    s = unicodedata.normalize("NFKC", text).translate(_CHAR_MAP)
    s = re.sub(r"\s+", "", s).replace("百分百", "100%")
    return re.sub(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))", "", s)


def _quantity(s: str, default_unit: str | None) -> _Parsed | str | None:
    """(op, number, unit), a problem template with {text}, or None when s is not a quantity."""
    s = _LEADING_NAME.sub("", _PAREN.sub("", s), count=1)
    prefix, strong, s = _strip_prefix(s)
    if (rng := _RANGE.fullmatch(s)) is not None:
        return _range(rng, default_unit)
    read = _read_number(s)
    if read is None:
        return None
    number, forced_unit, is_cn, rest = read
    more = _MORE.match(rest)
    if more:
        rest = more[1] + rest[more.end():]
    parts = _UNIT_TAIL.fullmatch(rest)
    assert parts is not None  # the lazy unit group can always take everything
    unit = _check_unit(parts["unit"], forced_unit, is_cn)
    if unit is None:
        return None
    suffix = _SUFFIX_OPS.get(parts["suffix"] or "")
    tail = GE if more else suffix
    if (more and suffix is LE) or (strong and {prefix, tail} == {GE, LE}):
        return "指标值“{text}”的比较方向前后矛盾：请只保留一种写法，如“≤5天”或“≥98%”"
    op = prefix if strong and prefix in (GE, LE) else tail or prefix or EQ
    return op, number, unit or default_unit, prefix is None and tail is None


def _strip_prefix(s: str) -> tuple[Operator | None, bool, str]:
    """Peel neutral and comparison words off the front (累计完成不少于10场 → ≥, 10场)."""
    op, strong = None, False
    for _ in range(4):
        hit = next(((w, o, st) for w, (o, st) in _PREFIXES if s.startswith(w)), None)
        if hit is None:
            break
        word, o, st = hit
        s = s[len(word):]
        if o is not None and (st or op is None):
            op, strong = o, st
    return op, strong, s


def _range(m: re.Match[str], default_unit: str | None) -> _Parsed | str | None:
    hi = _quantity(m["hi"], default_unit)
    if not isinstance(hi, tuple):
        return hi
    hi_op, hi_number, unit, _ = hi
    lo, lo_unit = Decimal(m["lo"]), m["lu"]
    if lo_unit and not (unit or "").startswith(lo_unit):  # 3天-5次: two different things
        return None
    if lo > hi_number:
        return "区间“{text}”的下限大于上限：请写成“≥95%”或“95%-100%”"
    return (LE, hi_number, unit, False) if hi_op is LE else (GE, lo, unit, False)


def _read_number(s: str) -> tuple[Decimal, str | None, bool, str] | None:
    """(number, unit forced by 百分之, written in Chinese?, rest of s)."""
    if (m := _PER.match(s)) is not None:
        inner = _read_number(s[m.end():])
        if inner is None or inner[1] is not None:
            return None
        return inner[0], "%" if m[1] == "百" else "‰", False, inner[3]
    if (m := _ARABIC.match(s)) is not None:
        return Decimal(m[0]), None, False, s[m.end():]
    if (m := _CN_NUM.match(s)) is not None:
        number = _cn_number(m[0])
        return None if number is None else (number, None, True, s[m.end():])
    return None


def _cn_number(s: str) -> Decimal | None:
    whole, _, frac = s.partition("点")
    value = _cn_int(whole)
    if value is None:
        return None
    digits = "".join(str(_CN_DIGITS[c]) for c in frac)
    return Decimal(f"{value}.{digits}") if digits else Decimal(value)


def _cn_int(s: str) -> int | None:
    """十二 → 12, 一百零五 → 105, 两万 → 20000, 二〇二三 → 2023; None for 十四五-like wording."""
    if len(s) > 1 and all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    total = section = 0
    digit: int | None = None
    for ch in s:
        if ch in _CN_DIGITS:
            if digit:  # two digits without a place between them: 十四五
                return None
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        else:
            if total == section == 0 and digit is None:  # 万人: no number before 万
                return None
            if ch == "亿":
                total = (total + section + (digit or 0)) * _CN_BIG[ch]
            else:
                total += (section + (digit or 0)) * _CN_BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def _check_unit(unit: str, forced: str | None, is_cn: bool) -> str | None:
    """The unit as written, "" for none, or None when the rest is not a unit."""
    if forced is not None:
        return forced if not unit or _CJK.fullmatch(unit[:1]) else None
    if not unit:
        return ""
    if (sym := _SYMBOL_UNIT.fullmatch(unit)) is not None:
        return "℃" if sym[1] == "°C" else sym[1]
    if is_cn:  # 一般, 十分满意: a numeral not followed by a measure word is wording
        known = unit in MEASURE_WORDS or (unit[0] in "万亿个" and unit[1:] in MEASURE_WORDS)
        return unit if known else None
    return unit if _WORD_UNIT.fullmatch(unit) or unit.lower() in _LATIN_UNITS else None


def _qualitative_label(s: str) -> str | None:
    label = s.strip(_LABEL_STRIP)
    if label in _ALIASES:
        return _ALIASES[label]
    if not _CJK.search(label) or _NOT_QUAL.search(label):
        return None
    return label


def _unreadable(text: str) -> str:
    return f"无法识别的指标值“{_short(text)}”：请写成“≥98%”“5天以内”“达成年度指标”等形式"


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:30] + "…"


def _format_number(n: Decimal) -> str:
    s = format(n, "f")
    return s.rstrip("0").rstrip(".") if "." in s else s
