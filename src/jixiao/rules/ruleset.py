"""A rule set as data: every parameter of the scoring engine, with the defaults of rules-spec §10.

Rule sets live as YAML under rules/data/ (or in a user's file). A rule set names its parent in
`extends` and overrides only what differs; the merged mapping is validated by these models.

The rule set is the one owner of scoring parameters: the engine scores with them, and the checks read
the same weights, redistribution and qualitative bands from here (plus their own typed thresholds,
`checks`), so a check never expects other weights than those the score was computed with.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import ZERO, Level1, round2
from .scorecard import num
from .thresholds import CheckThresholds


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


Block = Literal["output", "effect", "satisfaction", "cost"]
BLOCK_LABELS: dict[str, str] = {"output": Level1.OUTPUT.label, "effect": Level1.EFFECT.label,
                                "satisfaction": Level1.SATISFACTION.label, "cost": Level1.COST.label}


class Weights(_Part):
    """一级 weights out of 100 (rules-spec §1.4)."""

    execution: Decimal = Decimal(10)
    output: Decimal = Decimal(50)
    effect: Decimal = Decimal(30)
    satisfaction: Decimal = Decimal(10)
    cost: Decimal = Decimal(0)


class Qualitative(_Part):
    """Qualitative tiers (rules-spec §1.6, §10): the default share of w per tier and each tier's band."""

    met: Decimal = Decimal(1)
    partial: Decimal = Decimal("0.7")
    not_met: Decimal = Decimal("0.3")
    bands: dict[Literal["met", "partial", "not_met"], tuple[Decimal, Decimal]] = Field(
        default_factory=lambda: {
            "met": (Decimal("0.8"), Decimal(1)),
            "partial": (Decimal("0.6"), Decimal("0.8")),
            "not_met": (Decimal(0), Decimal("0.6")),
        }
    )
    keep_declared_in_band: bool = True

    def in_band(self, score: Decimal, weight: Decimal, tier: str) -> bool:
        """Whether a score lies in the tier's band: [0.8w, w] for met, [0.6w, 0.8w) and [0, 0.6w) below
        (rules-spec §1.6; bounds rounded to the cent, so 80% of the weight belongs to 达成)."""
        low, high = self.bands[tier]
        lo, hi = round2(weight * low), round2(weight * high)
        return lo <= score <= hi if tier == "met" else lo <= score < hi


class CapStep(_Part):
    below: Decimal  # execution rate in percent
    cap: Decimal  # the total may not exceed this


class ExecutionCaps(_Part):
    enabled: bool = False
    steps: tuple[CapStep, ...] = (
        CapStep(below=Decimal(50), cap=Decimal(59)),
        CapStep(below=Decimal(60), cap=Decimal(69)),
        CapStep(below=Decimal(70), cap=Decimal(79)),
        CapStep(below=Decimal(80), cap=Decimal(89)),
    )


class OverachieveDeduction(_Part):
    enabled: bool = False
    ratio: Decimal = Decimal("1.3")  # A ≥ ratio × T counts as over-completion
    points: Decimal = Decimal(2)  # deducted per such indicator, never below 0


class NotApplicableRescale(_Part):
    enabled: bool = False


class Policies(_Part):
    execution_caps: ExecutionCaps = ExecutionCaps()
    overachieve_deduction: OverachieveDeduction = OverachieveDeduction()
    not_applicable_rescale: NotApplicableRescale = NotApplicableRescale()


class Grade(_Part):
    min: Decimal
    grade: Literal["优", "良", "中", "差"]


class DepartmentMethod(_Part):
    """部门整体 reference method: department execution + each task scored by the project method."""

    tasks_weight: Decimal = Decimal(90)
    task_weighting: Literal["budget", "equal"] = "budget"


class FrameworkIndicator(_Part):
    id: str
    level1: str
    level2: str
    name: str
    weight: Decimal
    measure: str  # a measure the engine computes from the data (framework.py), or "manual"
    op: Literal[">=", "<="] = ">="
    target: Decimal | None = None  # percent
    formula: str = ""  # 中文 formula shown in the explanation


class Framework(_Part):
    missing: Literal["rescale", "zero"] = "rescale"
    indicators: tuple[FrameworkIndicator, ...] = ()


class RuleSet(_Part):
    name: str
    title: str
    version: str = "1"
    extends: str | None = None
    kind: Literal["project", "department"] = "project"
    method: Literal["project", "department", "framework"] = "project"
    reference: bool = False  # 参考分: the official framework behind it is not confirmed
    note: str = ""  # a plain statement of what the score rests on, first among every score card's notes
    docs: str = ""
    sources: tuple[str, ...] = ()
    weights: Weights = Weights()
    level1_blocks: dict[str, Block] = Field(
        default_factory=lambda: {"产出指标": "output", "成本指标": "output", "效益指标": "effect", "满意度指标": "satisfaction"}
    )
    empty_block_to: dict[Block, Block] = Field(
        default_factory=lambda: {"satisfaction": "effect", "effect": "output", "output": "effect", "cost": "output"}
    )
    execution_rate_cap: Decimal = Decimal(1)
    # Indicators' 分值 that add up to more or less than the table's points: used as given (the total is then
    # held inside 0–100), or scaled in proportion to them.
    given_weights: Literal["as_given", "rescale"] = "as_given"
    reverse_variant: Literal["ratio", "vendor"] = "ratio"
    equal_variant: Literal["minmax", "ge"] = "minmax"
    qualitative: Qualitative = Qualitative()
    policies: Policies = Policies()
    grades: tuple[Grade, ...] = (
        Grade(min=Decimal(90), grade="优"),
        Grade(min=Decimal(80), grade="良"),
        Grade(min=Decimal(60), grade="中"),
        Grade(min=Decimal(0), grade="差"),
    )
    grade_labels: dict[str, str] = Field(default_factory=lambda: {"优": "优", "良": "良", "中": "中", "差": "差"})
    department: DepartmentMethod = DepartmentMethod()
    framework: Framework = Framework()
    checks: CheckThresholds = CheckThresholds()  # thresholds only the checks read (rules/thresholds.py)

    def grade_of(self, total: Decimal) -> str:
        for g in self.grades:
            if total >= g.min:
                return g.grade
        return self.grades[-1].grade

    def block_weight(self, block: str) -> Decimal:
        return getattr(self.weights, block)

    @property
    def indicator_points(self) -> Decimal:
        """The points of an indicator table: the 一级 blocks together (100 less the execution rate's 10)."""
        w = self.weights
        return w.output + w.effect + w.satisfaction + w.cost

    def block_of(self, level1: Level1 | None) -> Block:
        """The block an indicator's 一级 counts in (成本指标 in 产出 by default); no 一级 counts as 产出."""
        # Level1 is a str enum: it finds its Chinese name among the keys as it is
        return self.level1_blocks.get(level1, "output") if level1 is not None else "output"

    def block_weights(self, present: set[str]) -> tuple[dict[str, Decimal], list[str]]:
        """Each block's weight for a table whose indicators fall in the blocks `present`: a block without
        indicators passes its points on along `empty_block_to`. Returns the weights and a note per move."""
        weights = {b: self.block_weight(b) for b in BLOCKS}
        notes: list[str] = []
        for block in BLOCKS:
            if block in present or weights[block] <= 0:
                continue
            target, hops = self.empty_block_to.get(block), 0
            while target is not None and target not in present and hops < len(BLOCKS):
                target, hops = self.empty_block_to.get(target), hops + 1
            moved = weights[block]
            weights[block] = ZERO
            if target is None or target not in present:
                notes.append(f"没有{BLOCK_LABELS[block]}，其 {num(moved)} 分无处分配，未计入")
                continue
            weights[target] += moved
            notes.append(f"没有{BLOCK_LABELS[block]}，其 {num(moved)} 分并入{BLOCK_LABELS[target]}（规则集参数 empty_block_to）")
        return weights, notes


BLOCKS: tuple[Block, ...] = ("output", "effect", "satisfaction", "cost")

