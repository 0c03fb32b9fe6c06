"""Numbers every layer uses, defined once: zero, one hundred, a cent, and the rounding of scores and rates."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def round2(value: Decimal) -> Decimal:
    """ROUND_HALF_UP to 2 decimals: how every score item and every shown rate is rounded (rules-spec §10)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)
