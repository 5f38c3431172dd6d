"""Document titles in 《》, nested 〈〉 and quotes kept, typed by the title's ending.

Cost: linear in the text: one scan for titles (a title cannot cross a line break), and each title
typed by the document rules' patterns.
"""

from __future__ import annotations

import regex

from ..rulebook import DocumentRule, RuleBook
from .mentions import Document

TITLE = regex.compile(r"《(?P<title>(?:[^《》\n]|《[^《》\n]*》)+)》")
TRAILING_NOTE = regex.compile(r"[（(][^（()）]{1,20}[)）]$")


def find_documents(text: str, book: RuleBook) -> list[Document]:
    kinds = book.of(DocumentRule)
    found = []
    for m in TITLE.finditer(text):
        title = m.group("title")
        ending = TRAILING_NOTE.sub("", title)  # 实施方案(2023—2025年): the kind stands before the note
        kind = next((k.name for k in kinds if k.pattern.search(ending)), None)
        found.append(Document(title, kind, m.start(), m.end()))
    return found
