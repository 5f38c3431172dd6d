"""Word's number formats (w:numFmt) rendered as the text a reader sees: 一、十一, 壹, 甲, ①, ⅳ …"""

from __future__ import annotations

_PUA_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf06c": "●", "\uf06e": "■", "\uf075": "◆", "\uf0d8": "➢",
                "\uf076": "❖", "\uf0fc": "✓", "\uf071": "❑", "\uf0a8": "◆", "\uf06f": "□", "\uf0b2": "◇"}


def bullet(text: str) -> str:
    return "".join(_PUA_BULLETS.get(ch, "•") if "\ue000" <= ch <= "\uf8ff" else ch for ch in text).strip()


_CN_LOWER = ("〇一二三四五六七八九", "十百千")
_CN_LEGAL = ("零壹贰叁肆伍陆柒捌玖", "拾佰仟")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _chinese(n: int, digits: str, units: str, *, zero: str = "零", drop_one: str = "十", legal=False) -> str:
    """Chinese counting: 11 十一, 20 二十, 105 一百零五; legal 壹拾壹. Below 10^8."""
    if n <= 0:
        return digits[0]
    if n >= 10000:
        high, low = divmod(n, 10000)
        rest = _chinese(low, digits, units, zero=zero, drop_one="", legal=legal) if low else ""
        gap = zero if 0 < low < 1000 else ""
        return _chinese(high, digits, units, zero=zero, drop_one=drop_one, legal=legal) + "万" + gap + rest
    out: list[str] = []
    pending_zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero and zero:
            out.append(zero)
        pending_zero = False
        if not (d == 1 and unit and unit in drop_one and not out and not legal):
            out.append(digits[d])
        out.append(unit)
    return "".join(out)


def formatted_length(n: int, fmt: str, custom: str | None = None) -> int:
    """At least ``len(format_number(n, fmt, custom))``, found without building it: letters repeat, so 10^10
    as ``upperLetter`` is 384,615,385 characters; every other format takes at most three a digit.

    >>> formatted_length(28, "upperLetter"), formatted_length(10**10, "upperLetter")
    (2, 384615385)
    """
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        return (n - 1) // 26 + 1
    digits = len(str(abs(n)))
    return max(3 * digits + 1, len(custom or ""))


def format_number(n: int, fmt: str, custom: str | None = None) -> str:
    """One level's value as Word writes it in a w:numFmt.

    >>> [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 105)]
    ['一', '十', '十一', '二十', '一百零五']
    >>> format_number(12, "chineseLegalSimplified"), format_number(3, "decimalEnclosedCircle")
    ('壹拾贰', '③')
    >>> format_number(28, "upperLetter"), format_number(14, "lowerRoman"), format_number(7, "decimalZero")
    ('BB', 'xiv', '07')
    """
    if fmt in ("decimal", "decimalHalfWidth") or n < 0:
        return str(n)
    if fmt in ("none", "bullet"):
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return chr(0x245F + n) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2473 + n) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2487 + n) if 1 <= n <= 20 else str(n)
    if fmt == "ideographEnclosedCircle":
        return chr(0x321F + n) if 1 <= n <= 10 else str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _chinese(n, *_CN_LOWER)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, *_CN_LEGAL, legal=True)
    if fmt in ("japaneseCounting", "japaneseLegal"):
        return _chinese(n, *_CN_LOWER, zero="", drop_one="十百千")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return str(n).translate(str.maketrans("0123456789", _CN_LOWER[0]))
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        if n <= 0:
            return str(n)
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        if not 0 < n < 4000:
            return str(n)
        out = []
        for value, glyphs in _ROMAN:
            count, n = divmod(n, value)
            out.append(glyphs * count)
        return "".join(out) if fmt == "upperRoman" else "".join(out).lower()
    if fmt == "custom" and custom:  # "001, 002, 003, ...": zero-padded to the first item's width
        head = custom.split(",")[0].strip()
        if head.isdigit():
            return str(n).zfill(len(head))
    return str(n)
