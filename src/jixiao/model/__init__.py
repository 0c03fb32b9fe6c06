"""The domain model and its arithmetic: frozen pydantic v2 values, the value grammar, the one comparison of
an actual with its target (Verdict), the execution rate, money and units, constants and Chinese labels.

Imports nothing but pydantic and the standard library; every other layer calls it instead of computing.
"""

from .constants import CENT, HUNDRED, ONE, ZERO, round2
from .evaluation import (
    LEVEL2_BY_LEVEL1,
    ByNature,
    BySource,
    Department,
    Evaluation,
    Finance,
    FundLine,
    Funds,
    Indicator,
    Kind,
    Level1,
    Paragraph,
    Stage,
    Task,
    TaskSources,
    level2_label,
)
from .finding import Finding, Severity, has_errors
from .location import Location
from .money import Money, MoneyUnit, execution_rate, money_sum, rate_from_fraction
from .quantity import DateSpan, Operator, QualTier, Quantity
from .values import format_quantity, parse_quantity
from .verdict import Basis, Outcome, Problem, Verdict, compare, infer_direction

__all__ = [
    "CENT", "HUNDRED", "LEVEL2_BY_LEVEL1", "ONE", "ZERO", "Basis", "ByNature", "BySource", "DateSpan", "Department",
    "Evaluation", "Finance", "Finding", "FundLine", "Funds", "Indicator", "Kind", "Level1", "Location", "Money",
    "MoneyUnit", "Operator", "Outcome", "Paragraph", "Problem", "QualTier", "Quantity", "Severity", "Stage", "Task",
    "TaskSources", "Verdict", "compare", "execution_rate", "format_quantity", "has_errors", "infer_direction", "level2_label",
    "money_sum", "parse_quantity", "rate_from_fraction", "round2",
]
