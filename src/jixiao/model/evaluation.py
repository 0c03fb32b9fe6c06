"""The evaluation: one domain model for 部门整体支出 and 项目支出 self-evaluations."""

from __future__ import annotations

from datetime import date

import unicodedata
from decimal import Decimal
from enum import StrEnum
from typing import ClassVar, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .location import Location
from .money import Money, MoneyUnit, execution_rate, money_sum
from .quantity import Quantity
from .verdict import Verdict, compare_in


class Kind(StrEnum):
    DEPARTMENT = "department"  # 部门整体支出绩效自评
    PROJECT = "project"  # 项目支出绩效自评

    @property
    def label(self) -> str:
        """部门整体支出 / 项目支出: as titles and sentences name the kind."""
        return _KIND_LABELS[self.value][0]

    @property
    def short_label(self) -> str:
        """部门整体 / 项目支出: as forms and drop-down lists name it."""
        return _KIND_LABELS[self.value][1]

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every way an input may write the kind (department, 部门整体, 整体 …)."""
        label, short, others = _KIND_LABELS[self.value]
        return tuple(dict.fromkeys((self.value, short, label, *others)))


# kind → (label, short label, other accepted spellings)
_KIND_LABELS = {"department": ("部门整体支出", "部门整体", ("整体",)),
                "project": ("项目支出", "项目支出", ("项目", "项目支出绩效自评"))}


class Stage(StrEnum):
    """Which document of the year: the targets declared at budget time, or the self-evaluation against them."""

    SELF = "self"  # 绩效自评: the year's results against its targets
    TARGET = "target"  # 绩效目标: the 绩效目标表 declared with the budget and approved by the finance bureau

    @property
    def label(self) -> str:
        """绩效自评 / 绩效目标: as titles, lists and messages name the document."""
        return _STAGE_LABELS[self.value][0]

    @property
    def spellings(self) -> tuple[str, ...]:
        label, others = _STAGE_LABELS[self.value]
        return tuple(dict.fromkeys((self.value, label, *others)))


_STAGE_LABELS = {"self": ("绩效自评", ("自评",)), "target": ("绩效目标", ("绩效目标表", "绩效目标申报", "目标申报"))}


class Level1(StrEnum):
    OUTPUT = "产出指标"
    EFFECT = "效益指标"
    SATISFACTION = "满意度指标"
    COST = "成本指标"

    @property
    def label(self) -> str:
        return self.value

    @property
    def short_label(self) -> str:
        """产出 / 效益 / 满意度 / 成本, as inputs may abbreviate it."""
        return self.value.removesuffix("指标")


# Canonical 二级 names per 一级 (DESIGN.md glossary; 成本 both under 产出 and on its own, rules-spec §4.1).
LEVEL2_BY_LEVEL1: dict[Level1, tuple[str, ...]] = {
    Level1.OUTPUT: ("数量指标", "质量指标", "时效指标", "成本指标"),
    Level1.EFFECT: ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    Level1.SATISFACTION: ("服务对象满意度指标",),
    Level1.COST: ("经济成本指标", "社会成本指标", "生态环境成本指标"),
}


# What inputs write for a canonical 二级 (数量 for 数量指标, 满意度指标 for 服务对象满意度指标).
_LEVEL2_SPELLINGS: dict[str, str] = {
    **{name.removesuffix("指标"): name for names in LEVEL2_BY_LEVEL1.values() for name in names},
    "满意度": "服务对象满意度指标", "满意度指标": "服务对象满意度指标", "服务对象满意度": "服务对象满意度指标",
    "可持续影响": "可持续影响指标", "可持续发展指标": "可持续影响指标",
}


def level2_label(text: str | None) -> str | None:
    """The canonical 二级 for what an input wrote (数量 → 数量指标); any other text is kept as written.

    The one reading of 二级 labels: the model applies it to every Indicator, whatever layer made it."""
    if text is None:
        return None
    compact = "".join(unicodedata.normalize("NFKC", str(text)).split())
    if not compact:
        return None
    return _LEVEL2_SPELLINGS.get(compact, compact if compact in _CANONICAL_LEVEL2 else str(text).strip())


_CANONICAL_LEVEL2 = frozenset(name for names in LEVEL2_BY_LEVEL1.values() for name in names)


class _Node(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    location: Location | None = Field(default=None, exclude=True, repr=False)
    # Where each field's value was written (file line or sheet cell), for findings that point at one value.
    field_locations: dict[str, Location] = Field(default_factory=dict, exclude=True, repr=False)

    def where(self, field: str | None = None) -> Location | None:
        if field is not None and field in self.field_locations:
            return self.field_locations[field]
        return self.location


class Paragraph(_Node):
    """One item of text (a function, a goal, a problem …) with where it was written."""

    text: str


class Indicator(_Node):
    level1: Level1 | None = None
    level2: str | None = None
    name: str = ""
    unit: str | None = None  # 计量单位, when the values do not carry it
    period_target: Quantity | None = None  # 实施周期指标值
    target: Quantity | None = None  # 年度指标值
    actual: Quantity | None = None  # 实际完成值
    met: bool | None = None  # 是否完成, as stated by the author
    weight: Decimal | None = None  # 分值
    score: Decimal | None = None  # 得分, as declared by the author
    deviation: str | None = None  # 偏差原因分析及改进措施
    approved_target: Quantity | None = None  # 批复的年度指标值 (绩效目标表), when the target was changed since
    adjust_reason: str | None = None  # 调整原因: why `target` differs from `approved_target`
    not_applicable: bool = False  # 不适用: dropped and rescaled where the rule set says so

    @field_validator("level2", mode="before")
    @classmethod
    def _canonical_level2(cls, value: object) -> object:
        return level2_label(value) if isinstance(value, str) else value

    @property
    def resolved_level1(self) -> Level1 | None:
        """The 一级, inferred from the 二级 when only that was given (服务对象满意度指标 → 满意度指标)."""
        if self.level1 is not None:
            return self.level1
        for level1, names in LEVEL2_BY_LEVEL1.items():
            if self.level2 in names:
                return level1
        return None

    @property
    def target_adjusted(self) -> bool:
        """调整: the 年度指标值 differs from the one approved with the 绩效目标表 (both given)."""
        approved, target = self.approved_target, self.target
        return approved is not None and target is not None and not approved.same_as(target)

    def verdict(self) -> Verdict:
        """Was the target met? The one comparison every layer uses (jixiao.model.verdict)."""
        return compare_in(self.target, self.actual, self)  # name, level1, level2, unit and met describe it


class _Spending(_Node):
    """A node with a budget, an executed amount and the rate its author stated (Task, Finance)."""

    budget: Money | None = None
    executed: Money | None = None
    execution_rate: Decimal | None = None  # 执行率 in percent, as stated by the author

    def computed_rate(self) -> Decimal | None:
        """执行数 ÷ 预算数 in percent, unrounded; None when it cannot be computed."""
        return execution_rate(self.budget, self.executed)

    def rate_or_stated(self) -> Decimal | None:
        """The computed rate when both amounts are given, else the author's figure (for display)."""
        rate = self.computed_rate()
        return rate if rate is not None else self.execution_rate


class FundLine(_Node):
    """One row of a 自评表's 项目资金 block: 年初预算数, 全年预算数, 全年执行数."""

    initial_budget: Money | None = None  # 年初预算数
    budget: Money | None = None  # 全年预算数
    executed: Money | None = None  # 全年执行数


class TaskSources(_Node):
    """The 其中 rows under 年度资金总额 on a 项目支出绩效自评表."""

    LABELS: ClassVar[dict[str, str]] = {"current_year": "其中：当年财政拨款", "carried_over": "上年结转资金",
                                        "other": "其他资金"}

    current_year: FundLine | None = None  # 其中：当年财政拨款
    carried_over: FundLine | None = None  # 上年结转资金
    other: FundLine | None = None  # 其他资金


class Task(_Spending):
    """A 重点工作任务 of a department, or the project itself in a project evaluation.

    `budget` is the 年度支出预算数, `executed` the 预算完成数."""

    name: str = ""
    expected: str | None = None  # 期望达到的目标
    outcome: str | None = None  # 目标实际完成情况及主要成效
    initial_budget: Money | None = None  # 年初预算数
    execution_note: str | None = None  # 执行偏差说明
    start_date: date | None = None  # 项目（任务）实施开始日期
    end_date: date | None = None  # 实施结束日期
    execution_weight: Decimal | None = None  # 年度资金总额 row: 分值, as declared by the author
    execution_score: Decimal | None = None  # 年度资金总额 row: 得分, as declared by the author
    by_source: TaskSources | None = None
    indicators: tuple[Indicator, ...] = ()


class _Breakdown(_Node):
    """Amounts split by a dimension; LABELS gives each field's Chinese name, in the order reports list them."""

    LABELS: ClassVar[dict[str, str]] = {}

    def parts(self) -> list[Money | None]:
        return [getattr(self, key) for key in self.LABELS]

    def named_parts(self) -> list[tuple[str, Money | None]]:
        """(中文名, amount) for every field, in order."""
        return [(label, getattr(self, key)) for key, label in self.LABELS.items()]


class BySource(_Breakdown):
    LABELS: ClassVar[dict[str, str]] = {
        "general_budget": "一般公共预算财政拨款", "government_fund": "政府性基金预算财政拨款",
        "state_capital": "国有资本经营预算财政拨款", "other": "其他资金"}

    general_budget: Money | None = None
    government_fund: Money | None = None
    state_capital: Money | None = None
    other: Money | None = None


class ByNature(_Breakdown):
    LABELS: ClassVar[dict[str, str]] = {"basic": "基本支出", "project": "项目支出"}

    basic: Money | None = None
    project: Money | None = None


class Finance(_Spending):
    """部门整体收支情况. `budget` is the 全年（调整后）预算数, the denominator of the execution rate."""

    LABELS: ClassVar[dict[str, str]] = {
        "budget": "全年预算数", "initial_budget": "年初预算数", "executed": "执行数", "execution_rate": "执行率",
        "by_source": "按资金来源", "by_nature": "按支出性质", "carryover": "年末结转和结余"}

    initial_budget: Money | None = None
    execution_weight: Decimal | None = None  # 年度资金总额 row of the 部门整体 form: 分值, as declared
    execution_score: Decimal | None = None  # 年度资金总额 row of the 部门整体 form: 得分, as declared
    by_source: BySource | None = None
    by_nature: ByNature | None = None
    carryover: Money | None = None


class Department(_Node):
    name: str = ""
    code: str | None = None  # 预算编码
    supervisor: str | None = None  # 主管部门 (project forms)
    functions: tuple[Paragraph, ...] = ()


class Evaluation(_Node):
    format_version: int = 1
    kind: Kind
    stage: Stage = Stage.SELF
    year: int
    unit: MoneyUnit = MoneyUnit.WAN
    ruleset: str | None = None
    department: Department
    finance: Finance | None = None
    goals: tuple[Paragraph, ...] = ()
    tasks: tuple[Task, ...] = ()
    conclusion: tuple[Paragraph, ...] = ()
    achievements: tuple[Paragraph, ...] = ()
    problems: tuple[Paragraph, ...] = ()
    measures: tuple[Paragraph, ...] = ()
    declared_score: Decimal | None = None  # 自评得分
    declared_grade: str | None = None  # 自评等级
    attachments: tuple[Paragraph, ...] = ()  # 附件说明: the names of the report's attachments
    signature: str | None = None  # 落款 (发文机关署名); the department's name when not given
    date: str | None = None  # 成文日期, as written
    filled_by: str | None = None  # 填报人
    phone: str | None = None  # 联系电话
    unit_head: str | None = None  # 单位负责人
    source: str | None = Field(default=None, exclude=True)  # the file it was loaded from

    @property
    def title(self) -> str:
        return "".join(self.title_parts())

    def title_parts(self) -> tuple[str, ...]:
        """The title in the pieces it may be broken between: year, unit, project, kind of report.

        A project report names its project: 2024年度某局 / 某某建设 / 项目支出绩效自评报告; a 绩效目标 document is
        the 绩效目标表 (2025年度某局 / 部门整体支出绩效目标表).
        """
        head = (f"{self.year}年度", self.department.name)
        document = "绩效目标表" if self.stage is Stage.TARGET else "绩效自评报告"
        if self.kind is Kind.PROJECT and len(self.tasks) == 1 and self.tasks[0].name.strip():
            project = self.tasks[0].name.strip()
            stem = project[:-2] if project.endswith("项目") and len(project) > 2 else project
            return (*head, stem, f"项目支出{document}")
        return (*head, f"{self.kind.label}{document}")

    def started_from_targets(self) -> "Evaluation":
        """The self-evaluation that starts from this approved 绩效目标表: every 年度指标值 becomes the approved
        one (批复指标值), so a target changed afterwards shows as 调整 and needs its reason. Nothing is dropped."""
        tasks = tuple(task.model_copy(update={"indicators": tuple(
            ind if ind.approved_target is not None or ind.target is None
            else ind.model_copy(update={"approved_target": ind.target}) for ind in task.indicators)})
            for task in self.tasks)
        return self.model_copy(update={"stage": Stage.SELF, "tasks": tasks})

    def indicators(self):
        """Every indicator with its task index and indicator index."""
        for ti, task in enumerate(self.tasks):
            for ii, ind in enumerate(task.indicators):
                yield ti, ii, ind

    def funds(self) -> "Funds":
        """The whole evaluation's budget and execution: `finance`, else the tasks' amounts summed."""
        fin = self.finance
        if fin is not None and fin.budget is not None:
            return Funds("finance", fin.budget, fin.executed, fin.where("executed"))
        budgets = [t.budget for t in self.tasks if t.budget is not None]
        if not budgets:
            return Funds("finance", None, None, fin.location if fin else None)
        executed = [t.executed for t in self.tasks if t.executed is not None]
        return Funds("tasks", money_sum(budgets, self.unit), money_sum(executed, self.unit) if executed else None,
                     self.tasks[0].location)

    def has_results(self) -> bool:
        """Whether anything of the year's results is given: an indicator's 实际完成值 or 是否完成, or an amount
        spent (执行数). Without any, there is nothing to score yet (a new or just pre-filled draft), not a 0."""
        if any(ind.actual is not None or ind.met is not None for _, _, ind in self.indicators()):
            return True
        return self.funds().executed is not None or any(t.executed is not None for t in self.tasks)

    def execution_rate(self) -> Decimal | None:
        """The evaluation's execution rate in percent (unrounded), from `funds()`."""
        f = self.funds()
        return execution_rate(f.budget, f.executed)


class Funds(NamedTuple):
    path: str  # "finance", or "tasks" when summed from the tasks
    budget: Money | None
    executed: Money | None
    location: Location | None
