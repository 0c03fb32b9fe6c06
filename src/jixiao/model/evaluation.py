"""The evaluation: one domain model for 部门整体支出 and 项目支出 self-evaluations."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from .location import Location
from .money import Money, MoneyUnit
from .quantity import Quantity


class Kind(StrEnum):
    DEPARTMENT = "department"  # 部门整体支出绩效自评
    PROJECT = "project"  # 项目支出绩效自评

    @property
    def label(self) -> str:
        return "部门整体支出" if self is Kind.DEPARTMENT else "项目支出"


class Level1(StrEnum):
    OUTPUT = "产出指标"
    EFFECT = "效益指标"
    SATISFACTION = "满意度指标"
    COST = "成本指标"


# Canonical 二级 names per 一级 (DESIGN.md glossary; 成本 both under 产出 and on its own, rules-spec §4.1).
LEVEL2_BY_LEVEL1: dict[Level1, tuple[str, ...]] = {
    Level1.OUTPUT: ("数量指标", "质量指标", "时效指标", "成本指标"),
    Level1.EFFECT: ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    Level1.SATISFACTION: ("服务对象满意度指标",),
    Level1.COST: ("经济成本指标", "社会成本指标", "生态环境成本指标"),
}


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
    not_applicable: bool = False  # 不适用: dropped and rescaled where the rule set says so


class FundLine(_Node):
    """One row of a 自评表's 项目资金 block: 年初预算数, 全年预算数, 全年执行数."""

    initial_budget: Money | None = None  # 年初预算数
    budget: Money | None = None  # 全年预算数
    executed: Money | None = None  # 全年执行数


class TaskSources(_Node):
    """The 其中 rows under 年度资金总额 on a 项目支出绩效自评表."""

    current_year: FundLine | None = None  # 其中：当年财政拨款
    carried_over: FundLine | None = None  # 上年结转资金
    other: FundLine | None = None  # 其他资金


class Task(_Node):
    """A 重点工作任务 of a department, or the project itself in a project evaluation."""

    name: str = ""
    expected: str | None = None  # 期望达到的目标
    outcome: str | None = None  # 目标实际完成情况及主要成效
    initial_budget: Money | None = None  # 年初预算数
    budget: Money | None = None  # 年度支出预算数
    executed: Money | None = None  # 预算完成数
    execution_rate: Decimal | None = None  # 执行率 in percent, as stated by the author
    execution_note: str | None = None  # 执行偏差说明
    execution_weight: Decimal | None = None  # 年度资金总额 row: 分值, as declared by the author
    execution_score: Decimal | None = None  # 年度资金总额 row: 得分, as declared by the author
    by_source: TaskSources | None = None
    indicators: tuple[Indicator, ...] = ()


class BySource(_Node):
    general_budget: Money | None = None  # 一般公共预算财政拨款
    government_fund: Money | None = None  # 政府性基金预算财政拨款
    state_capital: Money | None = None  # 国有资本经营预算财政拨款
    other: Money | None = None  # 其他资金

    def parts(self) -> list[Money | None]:
        return [self.general_budget, self.government_fund, self.state_capital, self.other]


class ByNature(_Node):
    basic: Money | None = None  # 基本支出
    project: Money | None = None  # 项目支出


class Finance(_Node):
    budget: Money | None = None  # 全年预算数
    initial_budget: Money | None = None  # 年初预算数
    executed: Money | None = None  # 执行数
    execution_rate: Decimal | None = None  # 完成预算的%, as stated by the author
    execution_weight: Decimal | None = None  # 年度资金总额 row of the 部门整体 form: 分值, as declared
    execution_score: Decimal | None = None  # 年度资金总额 row of the 部门整体 form: 得分, as declared
    by_source: BySource | None = None
    by_nature: ByNature | None = None
    carryover: Money | None = None  # 年末结转和结余


class Department(_Node):
    name: str = ""
    code: str | None = None  # 预算编码
    supervisor: str | None = None  # 主管部门 (project forms)
    functions: tuple[Paragraph, ...] = ()


class Evaluation(_Node):
    format_version: int = 1
    kind: Kind
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

        A project report names its project: 2024年度某局 / 某某建设 / 项目支出绩效自评报告.
        """
        head = (f"{self.year}年度", self.department.name)
        if self.kind is Kind.PROJECT and len(self.tasks) == 1 and self.tasks[0].name.strip():
            project = self.tasks[0].name.strip()
            stem = project[:-2] if project.endswith("项目") and len(project) > 2 else project
            return (*head, stem, "项目支出绩效自评报告")
        return (*head, f"{self.kind.label}绩效自评报告")

    def indicators(self):
        """Every indicator with its task index and indicator index."""
        for ti, task in enumerate(self.tasks):
            for ii, ind in enumerate(task.indicators):
                yield ti, ii, ind
