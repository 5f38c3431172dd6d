"""Whether an outcome met its target, following the target's qualifier."""

from __future__ import annotations

from decimal import Decimal

AT_LEAST = {"以上", "不低于", "不少于", "超过", "突破", "至少", "高于"}
AT_MOST = {"以内", "以下", "不超过", "低于", "之内", "最高"}


def tolerance_for(rule_tolerance: str, target: Decimal) -> Decimal:
    """An absolute tolerance, or a share of the target when the rule's ends with %.

    >>> tolerance_for("0.5", Decimal("5")), tolerance_for("5%", Decimal("11000000"))
    (Decimal('0.5'), Decimal('550000'))
    """
    if rule_tolerance.endswith("%"):
        return abs(target) * Decimal(rule_tolerance[:-1]) / 100
    return Decimal(rule_tolerance)


def verdict(target: Decimal | None, target_max: Decimal | None, qualifier: str | None,
            outcome: Decimal | None, tolerance: Decimal) -> str:
    """
    >>> verdict(Decimal(5), None, "左右", Decimal("5.2"), Decimal("0.5"))
    'met'
    >>> verdict(Decimal(6), Decimal("6.5"), None, Decimal("6.1"), Decimal("0.5"))
    'met'
    >>> verdict(Decimal("11000000"), None, "以上", Decimal("13610000"), Decimal("550000"))
    'exceeded'
    >>> verdict(Decimal(3), None, "左右", Decimal("0.2"), Decimal("0.5"))
    'missed'
    """
    if target is None or outcome is None:
        return "unknown"
    if target_max is not None:
        low, high = min(target, target_max), max(target, target_max)
        return "met" if low <= outcome <= high else "exceeded" if outcome > high else "missed"
    if qualifier in AT_LEAST:
        return "missed" if outcome < target else "exceeded" if outcome > target + tolerance else "met"
    if qualifier in AT_MOST:
        return "met" if outcome <= target else "missed"
    if abs(outcome - target) <= tolerance:
        return "met"
    return "exceeded" if outcome > target else "missed"
