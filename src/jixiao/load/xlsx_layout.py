"""The Excel template as data: its sheets, rows and columns, shared by the reader and the writer.

Every value column names a field of the input format (jixiao.load.fields) by its dotted path, so
the template carries exactly the fields of the YAML format under their Chinese names.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import LEVEL2_BY_LEVEL1, Kind, Level1, MoneyUnit, Stage
from .fields import ROOT, Field, walk

# Column kinds beyond the field types: the task number, the task an indicator belongs to, a text
# category of 结论与问题, and the text of one list item.
NUMBER, TASK_REF, CATEGORY, ITEM = "#number", "#task", "#category", "#item"

KIND_CHOICES = tuple(k.short_label for k in Kind)
STAGE_CHOICES = tuple(s.label for s in Stage)
UNIT_CHOICES = tuple(u.value for u in MoneyUnit)
YES_NO = ("是", "否")
LEVEL1_CHOICES = tuple(level.value for level in Level1)
LEVEL2_CHOICES = tuple(dict.fromkeys(name for names in LEVEL2_BY_LEVEL1.values() for name in names))
MEASURE_UNITS = ("%", "次", "个", "项", "人", "人次", "万人次", "户", "户次", "场", "件", "宗", "天",
                 "个工作日", "小时", "篇", "份", "所", "家", "平方米", "万元", "元", "分", "年", "月")
# 结论与问题: category label → root field key. Labels are the canonical Chinese names of the fields.
CATEGORY_KEYS = {"自评结论": "conclusion", "主要成效": "achievements",
                 "存在的主要问题": "problems", "下一步改进措施": "measures", "附件": "attachments"}

_FIELDS: dict[str, Field] = dict(walk(ROOT))


def field_at(path: str) -> Field:
    """The input-format field at a dotted path such as `tasks[].indicators[].target`."""
    return _FIELDS[path]


@dataclass(frozen=True)
class Column:
    header: str
    path: str  # a field path (`tasks[].name`), or one of NUMBER, TASK_REF, CATEGORY, ITEM
    width: int = 14
    choices: tuple[str, ...] = ()
    free_entry: bool = False  # the drop-down only suggests: other values are allowed
    required: bool = False  # the header must be present for the sheet to be read
    note: str = ""  # shown as the header cell's comment

    @property
    def field(self) -> Field | None:
        return _FIELDS.get(self.path)

    @property
    def key(self) -> str:
        """The field key within its row (`name` for `tasks[].name`)."""
        return self.path.rsplit(".", 1)[-1]

    @property
    def row_path(self) -> tuple[str, ...]:
        """The keys from the row's record to the value (`by_source`, `other`, `budget`)."""
        return tuple(self.path.rsplit("[].", 1)[-1].split("."))

    @property
    def names(self) -> tuple[str, ...]:
        """Every header spelling the reader accepts: the template header, the field's Chinese names and key."""
        f = self.field
        return (self.header, *(f.zh if f else ()), *((f.key,) if f else ()))


@dataclass(frozen=True)
class Pair:
    """One 字段/值 row of a form sheet (基本信息, 收支情况)."""

    path: str
    choices: tuple[str, ...] = ()

    @property
    def field(self) -> Field:
        return _FIELDS[self.path]

    @property
    def label(self) -> str:
        return self.field.label


@dataclass(frozen=True)
class Sheet:
    name: str
    form: str  # "pairs": 字段/值 rows; "table": one record per row
    columns: tuple[Column, ...] = ()
    pairs: tuple[Pair, ...] = ()
    required: bool = False
    aliases: tuple[str, ...] = ()
    guide: str = ""  # one paragraph for the 说明 sheet

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


_PAIR_COLUMNS = (
    Column("字段", "#label", 24, required=True),
    Column("值", "#value", 46, required=True),
    Column("填写说明", "#hint", 60),
)

BASIC = Sheet("基本信息", "pairs", _PAIR_COLUMNS, required=True, pairs=(
    Pair("jixiao"), Pair("kind", KIND_CHOICES), Pair("year"), Pair("unit", UNIT_CHOICES), Pair("ruleset"),
    Pair("department.name"), Pair("department.code"), Pair("department.supervisor"),
    Pair("declared_score"), Pair("declared_grade"),
    Pair("signature"), Pair("date"), Pair("filled_by"), Pair("phone"), Pair("unit_head"),
    Pair("stage", STAGE_CHOICES),  # last: rows of templates filled in before it keep their places
), guide="每行一个字段，在“值”列填写。评价类型、年度、单位名称必填；金额单位缺省为万元；格式版本保持 1 不变。")

FUNCTIONS = Sheet("部门职能", "table", (
    Column("部门职能", "department.functions", 100, required=True),
), aliases=("主要职能",), guide="每行填写一条部门职能（项目支出评价可不填）。")

FINANCE = Sheet("收支情况", "pairs", _PAIR_COLUMNS, pairs=(
    Pair("finance.budget"), Pair("finance.initial_budget"), Pair("finance.executed"), Pair("finance.execution_rate"),
    Pair("finance.by_source.general_budget"), Pair("finance.by_source.government_fund"),
    Pair("finance.by_source.state_capital"), Pair("finance.by_source.other"),
    Pair("finance.by_nature.basic"), Pair("finance.by_nature.project"), Pair("finance.carryover"),
    Pair("finance.execution_weight"), Pair("finance.execution_score"),
), aliases=("部门整体收支情况",),
    guide="部门整体的收入支出情况，金额按“基本信息”中的金额单位填写数字，保留两位小数；执行率填百分数（如 100%）。")

GOALS = Sheet("绩效目标", "table", (
    Column("绩效目标", "goals", 100, required=True),
), aliases=("年度总体目标", "部门整体支出绩效目标"), guide="每行填写一条年度绩效目标。")

TASKS = Sheet("重点任务", "table", (
    Column("序号", NUMBER, 8, required=True, note="任务序号（1、2、3……），“绩效指标”表用它指明指标属于哪项任务。"),
    Column("名称", "tasks[].name", 30, required=True),
    Column("期望达到的目标", "tasks[].expected", 40),
    Column("年度支出预算数", "tasks[].budget", 16),
    Column("预算完成数", "tasks[].executed", 16),
    Column("执行率", "tasks[].execution_rate", 12),
    Column("执行偏差说明", "tasks[].execution_note", 30),
    Column("目标实际完成情况及主要成效", "tasks[].outcome", 50),
    Column("年初预算数", "tasks[].initial_budget", 16),
    Column("执行率分值", "tasks[].execution_weight", 10),
    Column("执行率得分", "tasks[].execution_score", 10),
    *(Column(f"{row}{head}", f"tasks[].by_source.{key}.{part}", 16)
      for key, row in (("current_year", "当年财政拨款"), ("carried_over", "上年结转资金"), ("other", "其他资金"))
      for part, head in (("initial_budget", "年初预算数"), ("budget", "全年预算数"), ("executed", "全年执行数"))),
    Column("开始日期", "tasks[].start_date", 14),
    Column("结束日期", "tasks[].end_date", 14),
), required=True, aliases=("重点工作任务", "项目"),
    guide="每行一项重点工作任务（项目支出评价只填一行，即项目本身）。序号从 1 开始，不要重复。")

INDICATORS = Sheet("绩效指标", "table", (
    Column("所属任务序号", TASK_REF, 10, required=True, note="填写“重点任务”表中的序号；只有一项任务时可不填。"),
    Column("一级指标", "tasks[].indicators[].level1", 12, LEVEL1_CHOICES),
    Column("二级指标", "tasks[].indicators[].level2", 16, LEVEL2_CHOICES, free_entry=True),
    Column("三级指标", "tasks[].indicators[].name", 28, required=True),
    Column("计量单位", "tasks[].indicators[].unit", 10, MEASURE_UNITS, free_entry=True),
    Column("实施周期指标值", "tasks[].indicators[].period_target", 14),
    Column("年度指标值", "tasks[].indicators[].target", 14),
    Column("实际完成值", "tasks[].indicators[].actual", 14),
    Column("是否完成", "tasks[].indicators[].met", 10, YES_NO),
    Column("分值", "tasks[].indicators[].weight", 8),
    Column("得分", "tasks[].indicators[].score", 8),
    Column("偏差原因分析及改进措施", "tasks[].indicators[].deviation", 40),
    Column("不适用", "tasks[].indicators[].not_applicable", 8, YES_NO),
    Column("批复指标值", "tasks[].indicators[].approved_target", 14),
    Column("调整原因", "tasks[].indicators[].adjust_reason", 30),
), required=True, guide="每行一个三级指标。指标值照报告的写法填写，如 ≥98%、98%以上、5天以内、1次、达成年度指标。")

CONCLUSIONS = Sheet("结论与问题", "table", (
    Column("类别", CATEGORY, 18, tuple(CATEGORY_KEYS), required=True),
    Column("内容", ITEM, 100, required=True),
), guide="每行一段文字，类别从下拉列表选择：自评结论、主要成效、存在的主要问题、下一步改进措施、附件（附件名称，一个一行）。")

# Label columns a clerk merges down a run of rows, as the printed 自评表 does: every covered row takes the value.
FILLED_DOWN = frozenset({"tasks[].indicators[].level1", "tasks[].indicators[].level2", TASK_REF, CATEGORY})

# Value checks the template's cells carry (Excel data validation), by field key: 年度 a year, 分值/得分 0–100.
# Amounts (every 金额 field) must be numbers ≥ 0, but only as a warning: “912000元” is allowed text.
YEAR_RANGE = (2000, 2100)
SCORE_KEYS = frozenset({"weight", "score", "execution_weight", "execution_score", "declared_score"})
LEVEL2_FREE = "tasks[].indicators[].level2"  # 二级: the list suggests; a unit's own 二级 is kept after a warning

GUIDE_SHEET = "说明"
DATA_SHEETS: tuple[Sheet, ...] = (BASIC, FUNCTIONS, FINANCE, GOALS, TASKS, INDICATORS, CONCLUSIONS)
HEADER_SCAN_ROWS = 5  # the reader looks for the header row among the first rows (a title row is allowed)
TEMPLATE_ROWS = 300  # rows prepared with drop-downs and formats in an empty template


def guide_lines() -> list[tuple[str, str]]:
    """The 说明 sheet, line by line, as (text, style) with style title / heading / body."""
    lines = [
        ("预算绩效自评数据填报模板（jixiao）", "title"),
        ("本工作簿用于填报一个年度的部门整体支出或项目支出绩效自评数据。填好后可用 jixiao 检查、评分并生成自评报告和自评表。", "body"),
        ("一、填写步骤", "heading"),
        ("1. 先填“基本信息”：评价类型（部门整体 / 项目支出）、年度、单位名称为必填，金额单位缺省为万元。", "body"),
        ("2. 部门整体评价再填“部门职能”“收支情况”“绩效目标”；项目支出评价可以不填这三张表。", "body"),
        ("3. 在“重点任务”中每行填一项任务（项目支出评价只填一行，即项目本身），序号从 1 开始。", "body"),
        ("4. 在“绩效指标”中每行填一个三级指标，“所属任务序号”填它所属任务的序号。", "body"),
        ("5. 在“结论与问题”中每行填一段文字，类别从下拉列表选择。", "body"),
        ("6. 保存后运行：jixiao validate 文件名.xlsx（与 jixiao check 报告同样的问题，读取问题在前），"
         "按提示的工作表和单元格（如 绩效指标!F12）修改。", "body"),
        ("二、各工作表", "heading"),
    ]
    lines += [(f"【{sheet.name}】{sheet.guide}", "body") for sheet in DATA_SHEETS]
    lines += [
        ("三、填写规则", "heading"),
        ("• 不要删除、改名或调整工作表和表头；可以增加行，空行会被忽略。鼠标停在表头上可以看到该列的填写说明。", "body"),
        ("• 金额只填数字（如 688.34），单位以“基本信息”中的金额单位为准；个别金额单位不同时可写成“912000元”。", "body"),
        ("• 执行率填百分数：输入 100% 即可；也可以填数字 100，表示 100%。", "body"),
        ("• 指标值照报告的写法填写：≥98%、98%以上、不低于85%、≤5天、5天以内、1次、4场、达成年度指标。"
         "这几列已设为文本格式，输入的内容会原样保留。", "body"),
        ("• 是否完成、不适用填“是”或“否”；不适用的指标按规则集剔除后折算。分值、得分填数字。", "body"),
        ("• 有下拉箭头的单元格请从列表中选择；二级指标和计量单位也可以直接输入列表中没有的名称（确认后原样保留），"
         "二级指标可简写为“数量”“质量”等。", "body"),
        ("• 年度须为 2000–2100 的整数，分值、得分须为 0–100 的数字；金额填了文字（如 278000元）时 Excel 会提示，"
         "确认无误点“是”即可。金额单位以“基本信息”为准：万元表里填了按元计的数，检查时会提示。", "body"),
        ("• 工作表已设保护（没有密码），表头和字段名不能改，填写区可以直接输入、增删行、改单元格格式。"
         "需要合并单元格时，先点“审阅 → 撤销工作表保护”。", "body"),
        ("• 一级指标、二级指标、所属任务序号可以向下合并单元格，合并区域的每一行都按该值读取；"
         "其他列（分值、得分、金额等）不要合并，检查时会指出合并区域。", "body"),
        ("• 单元格按显示的样子读取：日期按其格式（2022年12月30日、2022年12月）；计量单位为 % 的指标，"
         "“常规”格式的 0.9586 按 95.86% 读取并提示所在单元格。", "body"),
        ("• 本“说明”工作表不会被读取；其他自行添加的工作表如有内容，检查时会提示。", "body"),
    ]
    return lines
