"""The ScoreCard: a total, a grade, and one explained item per scored element. Renderers only read it."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..model import CENT, Location, round2

__all__ = ["RULE_LABELS", "ScoreCard", "ScoreItem", "json_number", "num", "round2", "rule_label"]


def num(value: Decimal | None) -> str:
    """A number for explanations: 2 decimals at most, no trailing zeros (10, 12.5, 16.67)."""
    if value is None:
        return "—"
    text = str(value.quantize(CENT, ROUND_HALF_UP))  # str() of a value quantized to cents has two decimals
    if text[-3:] == ".00":
        return text[:-3]
    return text[:-1] if text[-1] == "0" else text


def json_number(value: Decimal | None) -> int | float | None:
    """Exact for 2-decimal values: an int when whole, else the float whose repr is the same decimal."""
    if value is None:
        return None
    value = round2(value)
    return int(value) if value == value.to_integral_value() else float(value)


class ScoreItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    path: str  # "finance", "tasks[0]", "tasks[0].indicators[2]", "total"
    rule: str  # rule id: "execution", "indicator.ge", "policy.execution_caps" …
    label: str  # 中文 name of what is scored
    weight: Decimal | None = None
    inputs: dict[str, str] = {}
    explain: str  # the formula in words, with the numbers
    score: Decimal
    location: Location | None = None
    verdict: Any = None  # jixiao.model.Verdict of an indicator item: the comparison the points come from

    @classmethod
    def make(cls, path: str, rule: str, label: str, weight: Decimal | None, inputs: dict[str, str],
             explain: str, score: Decimal, location: Location | None = None, verdict: Any = None) -> "ScoreItem":
        """Build without validation: the engine passes well-typed values, and this is the hot loop.

        Equivalent to model_construct with every field given, at a third of its cost.
        """
        item = cls.__new__(cls)
        _set(item, "__dict__", {"path": path, "rule": rule, "label": label, "weight": weight, "inputs": inputs,
                                "explain": explain, "score": score, "location": location, "verdict": verdict})
        _set(item, "__pydantic_fields_set__", _ITEM_FIELDS)
        _set(item, "__pydantic_extra__", None)
        _set(item, "__pydantic_private__", None)
        return item

    def at(self, path: str) -> "ScoreItem":
        """The same item at another path."""
        return ScoreItem.make(path, self.rule, self.label, self.weight, self.inputs, self.explain, self.score,
                              self.location, self.verdict)

    def as_json(self) -> dict:
        return {"path": self.path, "rule": self.rule, "weight": json_number(self.weight),
                "score": json_number(self.score), "explain": self.explain}


_set = object.__setattr__
_ITEM_FIELDS = frozenset(ScoreItem.model_fields)


class ScoreCard(BaseModel):
    model_config = ConfigDict(frozen=True)

    ruleset: str
    total: Decimal
    grade: str  # 优/良/中/差
    grade_label: str  # display label of the rule set (优秀 …)
    reference: bool = False  # 参考分: the framework behind the rule set is not confirmed
    notes: tuple[str, ...] = ()
    items: tuple[ScoreItem, ...] = ()

    def item(self, path: str) -> ScoreItem | None:
        """The first item scored at `path` (an indicator may also have a policy item after it)."""
        return next((i for i in self.items if i.path == path), None)

    def items_at(self, path: str) -> list[ScoreItem]:
        return [i for i in self.items if i.path == path]

    def as_json(self) -> dict:
        return {"ruleset": self.ruleset, "total": json_number(self.total), "grade": self.grade,
                "items": [i.as_json() for i in self.items]}


# 中文 names of rule ids, for tables a finance officer reads (framework rules read as 共性指标).
RULE_LABELS = {
    "execution": "预算执行率", "indicator.ge": "正向指标", "indicator.le": "反向指标", "indicator.eq": "等值指标",
    "indicator.qualitative": "定性指标", "indicator.qualitative.declared": "定性指标（申报得分）",
    "indicator.missing_actual": "缺实际值", "indicator.missing_target": "缺指标值", "indicator.unparsed": "值无法识别",
    "indicator.unit_mismatch": "单位不一致", "indicator.not_applicable": "不适用剔除",
    "indicator.stated": "按单位所述", "indicator.date": "时限指标", "indicator.not_comparable": "无法比较",
    "policy.overachieve_deduction": "超额完成扣分", "policy.not_applicable_rescale": "不适用折算",
    "policy.execution_caps": "执行率封顶", "department.task": "重点工作任务", "framework.rescale": "按可计分指标折算",
    "bound": "总分界限",
}


def rule_label(rule: str) -> str:
    return RULE_LABELS.get(rule, "共性指标" if rule.startswith("framework.") else rule)
