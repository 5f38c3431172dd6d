"""Every punctuation set the package uses, in one place, each named for what it decides.

Chinese reports mix full-width marks with ASCII ones (web pages, Word exports), so each set holds
both forms where both occur. Sets are strings: ``ch in SET`` on a short string is as fast as a
frozenset lookup and keeps them readable.

    >>> all(ch in CLAUSE_BREAKS for ch in SENTENCE_ENDS)
    True
"""

from __future__ import annotations

# A sentence is over: a weakness point or an item title ends here.
SENTENCE_ENDS = "。！？!?"
# A problem of a list ends here: in a weakness passage each problem of a `；` list is a point.
LIST_BREAKS = "；;"
# A title written on a heading's line ends at its full stop (一、加强学习。本年度…).
TITLE_FULL_STOP = "。"
# A cue that ends with one of these names the problem that follows it (…突出问题是，农业…)
CLAUSE_COMMAS = "，,"
# A numbered line whose title runs long and holds one of these is a sentence, not a heading
CLAUSE_MARKS = "，；,;"
# …or at a colon that text follows (（一）存在的问题：一是…；二是…。); a colon with no sentence after it
# stays inside the title (一、坚持问题导向：以改革促发展)
TITLE_COLONS = "：:"
# An item's title runs to the first of these (一是加强学习；…).
ITEM_TITLE_STOPS = "。；！？;!?"
# Trimmed from the ends of an item's title: the comma after 一是， the colon after 第一：…
ITEM_TITLE_TRIM = "，、；：,;: \t\u3000"
# Trimmed from the ends of a heading's title (一、加强学习：).
HEADING_TITLE_TRIM = "：:。；;，, \t\u3000"
# A statement ends: a figure's sentence for the panel starts after the last of these.
STATEMENT_ENDS = "。；"
# Trimmed from the end of a point's headline when it labels a thread.
POINT_ENDS = "。；;"
# A paragraph that ends without one of these runs on into the next line (a wrapped line).
PARAGRAPH_ENDS = "。！？!?；;：:…”」』）)"
# An enumeration marker counts at the start of a paragraph or right after one of these (统一是 is prose).
MARKER_BOUNDARY = "。；：！？，;:!?,"
MARKER_SPACES = " \u3000\t\u00a0"  # blanks a page may leave between such a mark and the marker
# Any of these in a short line makes it a sentence, not a breadcrumb entry.
SENTENCE_MARKS = "。，；！？,;!?"
# A line that ends on one of these introduces what the next line states (主要预期目标是：).
INTRODUCING_COLONS = "：:"
# What ends the clause a point leads with in compare (、 joins the items of one list inside a clause).
LEAD_CLAUSE_ENDS = "，。；：！？,;:!?"
# Clause breaks: a figure's indicator, a meeting's name never reach back past one (、 separates list items).
CLAUSE_BREAKS = "，。；：、！？,;:!?"
# Parentheses and double quotes: a figure's clause does not reach back past them.
PARENS_AND_QUOTES = "（）()“”"
# Brackets a meeting's name does not reach back past (a title in 《》 is a document, not a meeting).
NAME_BRACKETS = "《》（）()【】[]"
# Blank characters inside a line (the ideographic space included).
SPACES = " \u3000"
# a minus sign glued to a figure after a word (增速-4.7%); folded text has the full-width one as "-"
MINUS_SIGNS = "-−"
# Sentence-final marks of a PDF line: a line ending with one is not continued by the next.
LINE_FINAL = "。！？；：…!?;:"
# Closing quotes and brackets that may follow a line's final mark (。” or 。）).
CLOSERS = "”’\"'」』）)】》"
# Quotes around a name or inside it: “双代会”, 市“两会”.
OPENING_QUOTES = "“‘「"
CLOSING_QUOTES = "”’」"
# Opening brackets of a short parenthesis inside a name: 办公厅（室）.
OPENING_PARENS = "（("
CLOSING_PARENS = "）)"
# Blank at a line's edges: indentation, and the zero-width characters scraped pages leave on empty lines.
INDENT_CHARS = " \t\u3000\u00a0\ufeff\u200b\u200c\u200d\u2060"

# Punctuation and full-width forms that Chinese text uses all the time (decoding scores a reading by them).
CHINESE_TEXT_MARKS = (
    "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕—…·－～　％＋＝／．﹒•"
    + "".join(chr(c) for c in range(0xFF10, 0xFF1A))  # ０-９
    + "".join(chr(c) for c in range(0xFF21, 0xFF3B))  # Ａ-Ｚ
    + "".join(chr(c) for c in range(0xFF41, 0xFF5B))  # ａ-ｚ
)
# Typography of Latin-1/cp1252 text: a single-byte decoding that yields these is plausible.
LATIN_TYPOGRAPHY = "\u00a0‘’‚“”„–—…€«»°·§©®™•"
