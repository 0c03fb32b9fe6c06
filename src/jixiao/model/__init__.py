"""The domain model: frozen pydantic v2 values. Imports nothing but pydantic and the standard library."""

from .evaluation import (
    LEVEL2_BY_LEVEL1,
    ByNature,
    BySource,
    Department,
    Evaluation,
    Finance,
    Indicator,
    Kind,
    Level1,
    Paragraph,
    Task,
)
from .finding import Finding, Severity, has_errors
from .location import Location
from .money import Money, MoneyUnit, money_sum
from .quantity import Operator, QualTier, Quantity

__all__ = [
    "LEVEL2_BY_LEVEL1", "ByNature", "BySource", "Department", "Evaluation", "Finance", "Finding",
    "Indicator", "Kind", "Level1", "Location", "Money", "MoneyUnit", "Operator", "Paragraph",
    "QualTier", "Quantity", "Severity", "Task", "has_errors", "money_sum",
]
