"""Whether an outcome met its target, following the direction of the target's qualifier.

Which way a qualifier bounds a target (不低于: at least, 以内: at most, 左右: about) is language
knowledge: it lives in ``rules/qualifiers.toml`` as each qualifier's ``direction``.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from ..rulebook import QualifierRule, RuleBook


@lru_cache(maxsize=8)
def _directions(book: RuleBook) -> dict[str, str]:
    return {word: rule.direction for rule in book.of(QualifierRule) for word in rule.words}


def direction_of(qualifier: str | None, book: RuleBook) -> str | None:
    """``at-least``, ``at-most``, ``about``, or None for a target without a qualifier."""
    return _directions(book).get(qualifier) if qualifier else None


def tolerance_for(rule_tolerance: str, target: Decimal) -> Decimal:
    """An absolute tolerance, or a share of the target when the rule's ends with %.

    >>> tolerance_for("0.5", Decimal("5")), tolerance_for("5%", Decimal("11000000"))
    (Decimal('0.5'), Decimal('550000'))
    """
    if rule_tolerance.endswith("%"):
        return abs(target) * Decimal(rule_tolerance[:-1]) / 100
    return Decimal(rule_tolerance)


def verdict(target: Decimal | None, target_max: Decimal | None, direction: str | None,
            outcome: Decimal | None, tolerance: Decimal) -> str:
    """
    >>> verdict(Decimal(5), None, "about", Decimal("5.2"), Decimal("0.5"))
    'met'
    >>> verdict(Decimal(6), Decimal("6.5"), None, Decimal("6.1"), Decimal("0.5"))
    'met'
    >>> verdict(Decimal("11000000"), None, "at-least", Decimal("13610000"), Decimal("550000"))
    'exceeded'
    >>> verdict(Decimal(5), None, "at-least", Decimal("4.8"), Decimal("0.5"))
    'missed'
    >>> verdict(Decimal(3), None, "about", Decimal("0.2"), Decimal("0.5"))
    'missed'
    """
    if target is None or outcome is None:
        return "unknown"
    if target_max is not None:
        low, high = min(target, target_max), max(target, target_max)
        return "met" if low <= outcome <= high else "exceeded" if outcome > high else "missed"
    if direction == "at-least":
        return "missed" if outcome < target else "exceeded" if outcome > target + tolerance else "met"
    if direction == "at-most":
        return "met" if outcome <= target else "missed"
    if abs(outcome - target) <= tolerance:
        return "met"
    return "exceeded" if outcome > target else "missed"
