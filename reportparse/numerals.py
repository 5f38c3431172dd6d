"""Numbers written as heading and item ordinals: Chinese numerals, Arabic digits, circled digits."""

from __future__ import annotations

_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_CIRCLED_ONE, _CIRCLED_TWENTY = 0x2460, 0x2473


def chinese_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral up to the thousands; None when it is not one.

    >>> [chinese_to_int(s) for s in ("一", "十", "十二", "二十", "二十三", "一百零五")]
    [1, 10, 12, 20, 23, 105]
    >>> chinese_to_int("二〇二六"), chinese_to_int("统一")
    (2026, None)
    """
    if not numeral:
        return None
    if all(ch in _DIGITS for ch in numeral) and len(numeral) > 1:
        # digit by digit, as in years: 二〇二六
        return int("".join(str(_DIGITS[ch]) for ch in numeral))
    total, digit = 0, None
    for ch in numeral:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def ordinal_value(text: str, numeral: str) -> int | None:
    """The number a heading or item marker's ``num`` group stands for, by the rule's numeral kind.

    >>> ordinal_value("12", "arabic"), ordinal_value("③", "circled"), ordinal_value("十一", "chinese")
    (12, 3, 11)
    """
    if numeral == "arabic":
        return int(text) if text.isascii() and text.isdigit() else None
    if numeral == "circled":
        code = ord(text) if len(text) == 1 else -1
        return code - _CIRCLED_ONE + 1 if _CIRCLED_ONE <= code <= _CIRCLED_TWENTY else None
    return chinese_to_int(text)
