"""The input format as data: every key, its Chinese names, its type and meaning.

One table serves the YAML/JSON loader, the Excel template, the JSON Schema and docs/input-format.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import ByNature, BySource, Finance, Kind, Level1, MoneyUnit, Stage
from .fieldtypes import BOOL, DATE, DECIMAL, ENUM, INT, LIST, MONEY, OBJECT, QUANTITY, RATE, STR, TEXTS, FieldType


@dataclass(frozen=True)
class Field:
    key: str
    zh: tuple[str, ...]  # first is the canonical Chinese name
    type: FieldType  # how the value is read, shown in the schema and docs, laid out in Excel and edited
    doc: str = ""
    children: tuple["Field", ...] = ()
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)  # enum value -> accepted spellings
    required: bool = False
    example: object = None
    widget: str | None = None  # the editor widget when not the type's (a long text, a checkbox)
    result: bool = False  # filled in at the year's end (实际完成值, 执行数 …): not part of a 绩效目标表

    @property
    def editor_widget(self) -> str:
        return self.widget or self.type.widget

    @property
    def label(self) -> str:
        return self.zh[0]

    def child(self, key: str) -> "Field":
        return next(c for c in self.children if c.key == key)


_FIN = Finance.LABELS  # the model owns these Chinese names; the input format lists more spellings after them


def _money(key, *zh, doc="", example=None, result=False):
    return Field(key, zh, MONEY, doc, example=example, result=result)


def _fund_line(key, *zh):
    """One 其中 row of a task's 项目资金 block: 年初预算数, 全年预算数, 全年执行数."""
    return Field(key, zh, OBJECT, f"其中：{zh[0]}（年初预算数、全年预算数、全年执行数）。", children=(
        _money("initial_budget", "年初预算数", doc="年初预算数。"),
        _money("budget", "全年预算数", doc="全年预算数。"),
        _money("executed", "全年执行数", "执行数", doc="全年执行数。", result=True),
    ))


INDICATOR = Field(
    "indicators", ("绩效指标",), LIST, "任务或项目的绩效指标，一行一个三级指标。",
    children=(
        Field("level1", ("一级指标",), ENUM, "产出指标 / 效益指标 / 满意度指标 / 成本指标（可简写为 产出/效益/满意度/成本）。",
              choices={lv.value: (lv.label, lv.short_label) for lv in Level1},
              example="产出指标"),
        Field("level2", ("二级指标",), STR, "数量指标、质量指标、时效指标、成本指标、经济效益指标、社会效益指标、生态效益指标、可持续影响指标、服务对象满意度指标（可简写为 数量、质量、满意度 等，读取时换成完整名称）。", example="质量指标"),
        Field("name", ("三级指标", "指标名称"), STR, "三级指标名称。", required=True, example="案件办结率"),
        Field("unit", ("计量单位", "度量单位"), STR, "计量单位；指标值已带单位时可省略。", example="%"),
        Field("period_target", ("实施周期指标值",), QUANTITY, "实施周期（跨年度）的指标值。", example="≥98%"),
        Field("target", ("年度指标值", "指标值"), QUANTITY, "本年度指标值，如 ≥98%、5天以内、1次、达成年度指标。", example="100%"),
        Field("actual", ("实际完成值", "完成值"), QUANTITY, "实际完成值。", example="100%", result=True),
        Field("met", ("是否完成",), BOOL, "作者自己填写的“是否完成”（是/否）。", example=True, result=True),
        Field("weight", ("分值", "权重"), DECIMAL, "指标分值；缺省时在所属一级指标内平均分配。", example=10),
        Field("score", ("得分",), DECIMAL, "作者自评的得分，评分时与计算结果核对。", example=10, result=True),
        Field("deviation", ("偏差原因分析及改进措施", "偏差原因", "未完成原因分析"), STR, "未完成、超额完成或定性指标未完全达成时必填。", example="无偏差。",
              widget="textarea", result=True),
        Field("not_applicable", ("不适用",), BOOL, "指标不适用于本年度；规则集开启时剔除并按百分制折算。", example=False,
              widget="checkbox"),
        Field("approved_target", ("批复指标值", "原指标值"), QUANTITY,
              "绩效目标表批复的年度指标值；目标调整过时填写，与年度指标值不同就须写调整原因。", example="≥95%", result=True),
        Field("adjust_reason", ("调整原因", "指标调整原因"), STR, "年度指标值不同于批复指标值的原因。",
              example="年中追加预算，任务量相应增加。", widget="textarea", result=True),
    ),
)

TASK = Field(
    "tasks", ("重点工作任务", "项目", "重点任务"), LIST,
    "部门整体评价中的重点工作任务；项目支出评价中只有一项，即项目本身。",
    children=(
        Field("name", ("名称", "任务名称", "项目名称"), STR, "任务或项目名称。", required=True, example="妇联活动及组织建设阵地建设"),
        Field("expected", ("期望达到的目标", "预期目标"), STR, "期望达到的目标。", widget="textarea"),
        Field("outcome", ("目标实际完成情况及主要成效", "实际完成情况"), STR, "目标实际完成情况及主要成效。", widget="textarea", result=True),
        _money("initial_budget", "年初预算数", doc="年初预算数（自评表“年度资金总额”行；不参与执行率计算）。", example=91.20),
        _money("budget", "年度支出预算数", "全年预算数", doc="年度支出预算数。", example=91.20),
        _money("executed", "预算完成数", "全年执行数", "执行数", doc="预算完成数（执行数）。", example=91.20, result=True),
        Field("execution_rate", ("执行率",), RATE, "作者填写的执行率（百分数，如 100 或 100%）。", example="100%", result=True),
        Field("execution_note", ("执行偏差说明",), STR, "执行率偏低或超预算时的说明。", widget="textarea", result=True),
        Field("start_date", ("开始日期", "项目开始时间", "实施开始时间"), DATE,
              "项目（任务）的实施开始日期，如 2024-03-01。", example="2024-01-01"),
        Field("end_date", ("结束日期", "项目完成时间", "实施结束时间"), DATE,
              "项目（任务）的实施结束日期；时效指标的期限不应晚于它。", example="2024-12-31"),
        Field("execution_weight", ("预算执行率分值", "资金分值"), DECIMAL,
              "自评表“年度资金总额”行的分值，照单位填写（多为 10）。", example=10),
        Field("execution_score", ("预算执行率得分", "资金得分"), DECIMAL,
              "自评表“年度资金总额”行的得分，照单位自评填写。", example=10, result=True),
        Field("by_source", ("资金来源", "其中"), OBJECT, "自评表“年度资金总额”下的“其中”各行。", children=(
            _fund_line("current_year", "当年财政拨款", "本年财政拨款", "财政拨款"),
            _fund_line("carried_over", "上年结转资金", "上年结转"),
            _fund_line("other", "其他资金"),
        )),
        INDICATOR,
    ),
)

FINANCE = Field(
    "finance", ("收支情况", "部门整体收支情况"), OBJECT, "部门整体收支情况；金额单位见 unit。",
    children=(
        _money("budget", _FIN["budget"], "调整后预算数", doc="全年（调整后）预算数，执行率的分母。", example=688.34),
        _money("initial_budget", _FIN["initial_budget"], doc="年初预算数（不参与执行率计算）。"),
        _money("executed", _FIN["executed"], "全年执行数", "预算完成数", doc="全年执行数。", example=688.34, result=True),
        Field("execution_rate", (_FIN["execution_rate"], "完成预算的%"), RATE,
              "作者填写的执行率（百分数；写成 0 到 1 的小数时按百分数读取并提示）。", example="100%", result=True),
        Field("execution_weight", ("预算执行率分值", "资金分值"), DECIMAL,
              "部门整体支出绩效自评表“年度资金总额”行的分值，照单位填写（多为 10）。", example=10),
        Field("execution_score", ("预算执行率得分", "资金得分"), DECIMAL,
              "部门整体支出绩效自评表“年度资金总额”行的得分，照单位自评填写。", example=10, result=True),
        Field("by_source", (_FIN["by_source"],), OBJECT, "按资金来源分的支出。", children=tuple(
            _money(key, label, example=688.34 if key == "general_budget" else 0) for key, label in BySource.LABELS.items()
        )),
        Field("by_nature", (_FIN["by_nature"],), OBJECT, "按支出性质分的支出。", children=(
            _money("basic", ByNature.LABELS["basic"], example=581.73),
            _money("project", ByNature.LABELS["project"], example=106.61),
        )),
        _money("carryover", _FIN["carryover"], doc="年末结转和结余。", example=0, result=True),
    ),
)

TEXTS_DOC = "一段文字，或文字列表（每项一段）。"

ROOT = Field(
    "", ("自评数据",), OBJECT, "",
    children=(
        Field("jixiao", ("格式版本",), INT, "输入格式版本，目前为 1。", example=1),
        Field("kind", ("评价类型",), ENUM, "department（部门整体）或 project（项目支出）。", required=True,
              choices={k.value: k.spellings for k in Kind},
              example="department"),
        Field("stage", ("文书类型", "阶段"), ENUM,
              "self（绩效自评，缺省）或 target（绩效目标：预算编制时申报、财政批复的绩效目标表，不填实际完成值）。",
              choices={s.value: s.spellings for s in Stage}, example="self"),
        Field("year", ("年度", "评价年度"), INT, "评价年度。", required=True, example=2023),
        Field("unit", ("金额单位",), ENUM, "金额单位：万元（默认）、元 或 亿元（专项债等）；金额按所写单位保存，比较时精确换算。",
              choices={u.value: (u.value,) for u in MoneyUnit}, example="万元"),
        Field("ruleset", ("规则集",), STR, "评分规则集名称（内置或管理员安装的规则集，如 cn-mof-2020；不能是文件路径）；缺省时按评价类型选择。", example="cn-mof-2020"),
        Field("department", ("单位", "部门", "单位信息"), OBJECT, "部门（单位）信息。", required=True, children=(
            Field("name", ("单位名称", "部门名称"), STR, "单位全称。", required=True, example="广州市荔湾区妇女联合会"),
            Field("code", ("预算编码", "单位编码"), STR, "预算单位编码。"),
            Field("supervisor", ("主管部门",), STR, "主管部门（项目支出自评表用）。"),
            Field("functions", ("部门职能", "主要职能"), TEXTS, "部门职能，一条一项。"),
        )),
        FINANCE,
        Field("goals", ("绩效目标", "部门整体支出绩效目标", "年度总体目标"), TEXTS, "年度绩效目标，一条一项。"),
        TASK,
        Field("conclusion", ("自评结论", "自评结论综述"), TEXTS, "自评结论综述。" + TEXTS_DOC, result=True),
        Field("achievements", ("主要成效", "主要工作成效"), TEXTS, "主要工作成效。" + TEXTS_DOC, result=True),
        Field("problems", ("存在的主要问题", "存在问题"), TEXTS, "存在的主要问题。" + TEXTS_DOC, result=True),
        Field("measures", ("下一步改进措施", "改进措施"), TEXTS, "下一步改进措施。" + TEXTS_DOC, result=True),
        Field("declared_score", ("自评得分",), DECIMAL, "作者自评的总分。", example=98, result=True),
        Field("declared_grade", ("自评等级",), STR, "作者自评的等级（优/良/中/差，或 优秀 等）。", example="优", result=True),
        Field("attachments", ("附件", "附件说明"), TEXTS, "报告的附件名称，一个附件一项（正文后的“附件：”说明）。",
              example="2023年度部门整体支出绩效自评表"),
        Field("signature", ("落款", "署名", "发文机关署名"), STR, "报告末尾的落款（单位署名）；缺省时用单位名称。"),
        Field("date", ("成文日期", "报告日期"), STR, "成文日期，如 2024年3月15日（也可写 2024-03-15）。", example="2024年3月15日"),
        Field("filled_by", ("填报人",), STR, "自评表的填报人。"),
        Field("phone", ("联系电话",), STR, "填报人的联系电话。"),
        Field("unit_head", ("单位负责人",), STR, "单位负责人（自评表签字栏）。"),
    ),
)


def walk(spec: Field = ROOT, prefix: str = ""):
    """Every field with its dotted path (`tasks[].indicators[].target`)."""
    for child in spec.children:
        path = f"{prefix}.{child.key}" if prefix else child.key
        yield path, child
        if child.children:
            yield from walk(child, path + ("[]" if child.type is LIST else ""))
