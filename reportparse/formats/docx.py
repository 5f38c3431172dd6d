"""The text of a .docx: paragraphs in document order, tables row by row, Word's numbering as text.

Read with zipfile and lxml rather than python-docx: python-docx drops automatic numbering, lists
tables apart from paragraphs, refuses .docm/.dotx content types and raises a dozen kinds of error
on damaged files. Reading the parts directly keeps document order, lets :mod:`.numbering` see
every paragraph's w:pPr, and leaves one place where errors become :class:`InputError`.

Safety: the zip's central directory is checked before anything is unpacked (total size, ratio), and
then each member is counted while it inflates, against the ``inflate-member-max-bytes`` and
``inflate-total-max-bytes`` budgets: the sizes a directory declares may lie. Word's numbering labels
are measured before they are built (``numbering-label-max-characters``). lxml is told not to resolve
entities, load DTDs or touch the network, and keeps libxml2's default depth and size limits.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib

from lxml import etree

from typing import TYPE_CHECKING

from ..budgets import INFLATE_CHUNK, Inflation, limit, refusal
from ..decode.errors import naming_path
from ..errors import InputError
from .numbering import MC, W, LabelTooLong, Numbering

if TYPE_CHECKING:
    from ..rulebook import RuleBook

MAX_TOTAL = 200 * 1024 * 1024    # bytes all members would unpack to
MAX_RATIO = 100                  # unpacked / packed, for a member over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 10_000
MB = 1024 * 1024

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_STRICT = (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W[1:-1].encode())  # ISO Strict -> transitional
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)

# w:p content that is not the paragraph's visible text: deleted runs, field codes, text boxes and
# drawings (skipped), footnote marks, ruby annotations, properties
_SKIP = {W + t for t in ("pPr", "rPr", "del", "moveFrom", "delText", "instrText", "delInstrText", "fldData",
                         "txbxContent", "drawing", "pict", "object", "footnoteReference", "endnoteReference",
                         "commentReference", "annotationRef", "rt", "sym")}
_SKIP.add(MC + "Fallback")
_BLOCK_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo", W + "smartTag"}


class _Damaged(Exception):
    """Internal: a reason the package is unreadable, turned into an InputError at the top."""


def docx_text(data: bytes, path: str | None = None, rules: RuleBook | None = None) -> str:
    """Paragraphs one per line, table rows one per line (cells joined by a tab), numbering resolved.
    ``rules`` gives the budgets (default: the shipped settings)."""
    try:
        archive = _open(data, path)
        with archive:
            package = _Package(archive, Inflation(rules, path))
            main = _main_part(package, path)
            rels = _rels(package, main)
            document = package.xml(main)
            if document.tag != W + "document":
                raise _not_word(archive, path)
            numbering = package.xml(rels.get("numbering"), optional=True)
            styles = package.xml(rels.get("styles"), optional=True)
        body = document.find(W + "body")
        if body is None:
            raise _Damaged(f"{main} has no w:body")
        lines: list[str] = []
        max_label = limit(rules, "numbering-label-max-characters")
        _blocks(body, Numbering(numbering, styles, max_label=max_label), lines)
    except LabelTooLong as exc:
        raise refusal("numbering-label-max-characters", exc.allowed,
                      f"a list label Word's numbering would generate has {exc.length:,} characters", path) from None
    except InputError:
        raise
    except _Damaged as exc:
        raise InputError(naming_path(f"damaged .docx ({str(exc).splitlines()[0]})", path)) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError,
            KeyError, IndexError, RecursionError, UnicodeError, struct.error, etree.LxmlError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(naming_path(f"damaged .docx ({detail})", path)) from None
    return "\n".join(lines) + ("\n" if lines else "")


# -- the package ----------------------------------------------------------------------------------

def _open(data: bytes, path: str | None) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, IndexError) as exc:
        raise _Damaged("truncated or not a zip archive" if isinstance(exc, zipfile.BadZipFile) else str(exc)) from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(naming_path(f"refused: archive holds {len(members)} files", path))
    total = sum(m.file_size for m in members)
    if total > MAX_TOTAL:
        raise InputError(naming_path(f"refused: archive would unpack to {total // MB} MB", path))
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            ratio = m.file_size // max(m.compress_size, 1)
            raise InputError(naming_path(
                f"refused: archive would unpack to {max(total // MB, 1)} MB ({m.filename} compressed {ratio}:1)",
                path))
    return archive


class _Package:
    """The zip's members, each inflated under the file's budgets."""

    def __init__(self, archive: zipfile.ZipFile, inflation: Inflation):
        self.archive, self.inflation = archive, inflation

    def has(self, name: str) -> bool:
        return name in self.archive.NameToInfo

    def read(self, name: str) -> bytes:
        info = self.archive.getinfo(name)  # KeyError when absent
        if info.flag_bits & 0x1:
            raise _Damaged(f"{name} is encrypted")
        chunks: list[bytes] = []
        size = 0
        with self.archive.open(info) as member:  # zipfile checks the CRC at the end
            while chunk := member.read(INFLATE_CHUNK):
                size += len(chunk)
                self.inflation.add(name, size, len(chunk))
                chunks.append(chunk)
        return b"".join(chunks)

    def xml(self, name: str | None, optional: bool = False):
        if name is None or (optional and not self.has(name)):
            return None
        try:
            return etree.fromstring(self.read(name).replace(*_STRICT), _PARSER)
        except etree.XMLSyntaxError as exc:
            raise _Damaged(f"{name} is not well-formed XML: {exc}") from None


def _targets(package: _Package, rels_name: str, base: str) -> dict[str, str]:
    """Relationship type (its last path segment) -> part name, for internal targets."""
    if not package.has(rels_name):
        return {}
    out: dict[str, str] = {}
    for rel in package.xml(rels_name).iter(_REL):
        target, kind = rel.get("Target"), rel.get("Type") or ""
        if not target or rel.get("TargetMode") == "External":
            continue
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out.setdefault(kind.rsplit("/", 1)[-1], name)
    return out


def _main_part(package: _Package, path: str | None) -> str:
    main = _targets(package, "_rels/.rels", "").get("officeDocument")
    if main and package.has(main):
        return main
    if package.has("word/document.xml"):
        return "word/document.xml"
    raise _not_word(package.archive, path)


def _not_word(archive: zipfile.ZipFile, path: str | None) -> InputError:
    names = archive.NameToInfo
    kind = ("an Excel workbook" if "xl/workbook.xml" in names else
            "a PowerPoint presentation" if "ppt/presentation.xml" in names else
            "an OpenDocument file" if "mimetype" in names and "content.xml" in names else
            "a zip archive")
    return InputError(naming_path(f"not a Word document ({kind})", path))


def _rels(package: _Package, main: str) -> dict[str, str]:
    folder, name = posixpath.split(main)
    found = _targets(package, posixpath.join(folder, "_rels", name + ".rels"), folder)
    for kind, default in (("numbering", "numbering.xml"), ("styles", "styles.xml")):
        found.setdefault(kind, posixpath.join(folder, default))
    return found


# -- the body -------------------------------------------------------------------------------------

def _children(el, wanted: str):
    """Children of ``el`` with tag ``wanted``, looking through content controls and tracked insertions."""
    for child in el:
        if child.tag == wanted:
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children(child, wanted)
        elif child.tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            if choice is not None:
                yield from _children(choice, wanted)


def _blocks(container, numbering: Numbering, lines: list[str]) -> None:
    """Paragraphs and tables of a body or table cell, in order, appended to ``lines``."""
    for child in container:
        tag = child.tag
        if tag == W + "p":
            lines.append(_paragraph(child, numbering))
        elif tag == W + "tbl":
            for row in _children(child, W + "tr"):
                cells = []
                for cell in _children(row, W + "tc"):
                    inner: list[str] = []
                    _blocks(cell, numbering, inner)
                    cells.append(" ".join(x.strip() for x in inner if x.strip()).replace("\n", " "))
                lines.append("\t".join(cells).rstrip("\t") if any(cells) else "")
        elif tag in _BLOCK_WRAPPERS:
            _blocks(child, numbering, lines)
        elif tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            if choice is not None:
                _blocks(choice, numbering, lines)


def _paragraph(p, numbering: Numbering) -> str:
    out: list[str] = []
    _runs(p, out)
    text = "".join(out)
    found = numbering.label(p.find(W + "pPr"))
    if found is None:
        return text
    label, suffix = found
    return label + suffix + text if label else text


def _hidden(run) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(W + "val") not in ("0", "false", "off")


def _runs(el, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            if child.get(W + "type") in (None, "textWrapping"):
                out.append("\n")  # a soft line break; page and column breaks show nothing
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "r":
            if not _hidden(child):
                _runs(child, out)
        elif tag == MC + "AlternateContent":
            choice = child.find(MC + "Choice")
            if choice is not None:
                _runs(choice, out)
        else:  # hyperlinks, fields, content controls, insertions, smart tags …
            _runs(child, out)
