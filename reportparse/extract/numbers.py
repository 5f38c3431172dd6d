"""Numbers as written in reports, to exact Decimals: 1.39万亿, 三百六十五, 百分之十一点八, 三分之一."""

from __future__ import annotations

from decimal import Decimal, localcontext

from ..numerals import chinese_to_int

MAGNITUDES = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7,
              "亿": 10**8, "十亿": 10**9, "百亿": 10**10, "千亿": 10**11, "万亿": 10**12}
FRACTION_PLACES = Decimal("0.0000000001")


def arabic(text: str) -> Decimal:
    """
    >>> arabic("1,244"), arabic("2.76")
    (Decimal('1244'), Decimal('2.76'))
    """
    return Decimal(text.replace(",", ""))


def chinese(text: str) -> Decimal | None:
    """A Chinese numeral, with 点 decimals and 万/亿 groups.

    >>> chinese("三百六十五"), chinese("十一点八"), chinese("四千四百四十五亿"), chinese("两")
    (Decimal('365'), Decimal('11.8'), Decimal('444500000000'), Decimal('2'))
    >>> chinese("一万二千"), chinese("零点五"), chinese("统一")
    (Decimal('12000'), Decimal('0.5'), None)
    """
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = chinese(whole) if whole else Decimal(0)
        digits = [chinese_to_int(ch) for ch in frac]
        if head is None or not frac or any(d is None or d > 9 for d in digits):
            return None
        return head + Decimal("0." + "".join(str(d) for d in digits))
    for group, size in (("亿", 10**8), ("万", 10**4)):
        if group in text:
            high, _, low = text.partition(group)
            high_value = chinese(high) if high else Decimal(1)
            low_value = chinese(low) if low else Decimal(0)
            if high_value is None or low_value is None:
                return None
            return high_value * size + low_value
    value = chinese_to_int(text)
    return None if value is None else Decimal(value)


def number(text: str) -> Decimal | None:
    """Arabic or Chinese, whichever ``text`` is."""
    if text[:1].isdigit():
        try:
            return arabic(text)
        except ArithmeticError:
            return None
    return chinese(text)


def scale(value: Decimal, magnitude: str | None) -> Decimal:
    """
    >>> scale(Decimal("16.4"), "亿"), scale(Decimal("1.39"), "万亿")
    (Decimal('1640000000.0'), Decimal('1390000000000.00'))
    """
    return value * MAGNITUDES[magnitude] if magnitude else value


def fraction(numerator: Decimal, denominator: Decimal) -> Decimal:
    """
    >>> fraction(Decimal(1), Decimal(3))
    Decimal('0.3333333333')
    """
    with localcontext() as ctx:
        ctx.prec = 40
        return (numerator / denominator).quantize(FRACTION_PLACES).normalize()


def to_json(value: Decimal | None) -> int | float | None:
    """An int when whole (exact at any size), else a float.

    >>> to_json(Decimal("1640000000.0")), to_json(Decimal("6.5")), to_json(None)
    (1640000000, 6.5, None)
    """
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def to_text(value: Decimal | None) -> str | None:
    """The exact decimal string, no exponent, no trailing zeros.

    >>> to_text(Decimal("1390000000000.00")), to_text(Decimal("11.80"))
    ('1390000000000', '11.8')
    """
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return text
