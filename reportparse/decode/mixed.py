"""Two readings the main order would otherwise call binary: UTF-32, and a file whose lines mix encodings.

* UTF-32 (with or without a BOM): three NUL bytes in every four for ASCII, two for hanzi; UTF-16 reads
  no text from it, so it is tried once UTF-16 has failed.
* Mixed UTF-8 and GB18030: a report pieced together from a web page and an older Word file, some lines
  in each. Each line is read as UTF-8 when it is valid UTF-8, else as GB18030; the reading is believed when
  both kinds of line occur and the whole scores as plausible Chinese. ``source.encoding`` is then
  ``utf-8+gb18030``. Offsets count characters of this text as for any other.
"""

from __future__ import annotations

from .cjk import COMMON_SET, PLAUSIBLE, chinese_score, frequent_any, frequent_gb
from .reading import MAX_CONTROL_SHARE, Decoded, control_share

UTF32_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"))
MIXED = "utf-8+gb18030"


def read_utf32(data: bytes) -> Decoded | None:
    """The UTF-32 reading of ``data`` when it has a UTF-32 BOM, or reads as Chinese text without one."""
    for bom, codec in UTF32_BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(codec), codec)
            except UnicodeDecodeError:
                return None
    if len(data) % 4:
        return None
    for codec in ("utf-32-le", "utf-32-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if control_share(text) <= MAX_CONTROL_SHARE and chinese_score(text, frequent_any(), COMMON_SET) >= PLAUSIBLE:
            return Decoded(text, codec)
    return None


def read_mixed(data: bytes) -> Decoded | None:
    """Line by line, UTF-8 where a line is UTF-8 and GB18030 elsewhere; None unless both occur."""
    pieces: list[str] = []
    kinds: set[str] = set()
    for line in data.splitlines(keepends=True):
        try:
            pieces.append(line.decode("utf-8"))
            if not line.isascii():
                kinds.add("utf-8")
        except UnicodeDecodeError:
            try:
                pieces.append(line.decode("gb18030"))
            except UnicodeDecodeError:
                return None
            kinds.add("gb18030")
    if kinds != {"utf-8", "gb18030"}:
        return None
    text = "".join(pieces)
    if chinese_score(text, frequent_gb(), COMMON_SET) < PLAUSIBLE:
        return None
    return Decoded(text, MIXED)
