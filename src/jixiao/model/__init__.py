"""The domain model: frozen pydantic v2 values. Imports nothing but pydantic and the standard library."""

from .evaluation import (
    LEVEL2_BY_LEVEL1,
    ByNature,
    BySource,
    Department,
    Evaluation,
    Finance,
    FundLine,
    Indicator,
    Kind,
    Level1,
    Paragraph,
    Task,
    TaskSources,
)
from .finding import Finding, Severity, has_errors
from .location import Location
from .money import Money, MoneyUnit, money_sum
from .quantity import Operator, QualTier, Quantity

__all__ = [
    "LEVEL2_BY_LEVEL1", "ByNature", "BySource", "Department", "Evaluation", "Finance", "Finding", "FundLine",
    "Indicator", "Kind", "Level1", "Location", "Money", "MoneyUnit", "Operator", "Paragraph",
    "QualTier", "Quantity", "Severity", "Task", "TaskSources", "has_errors", "money_sum",
]
