"""The text of a .docx: paragraphs in document order, tables row by row, Word's numbering as text.

Read with zipfile and lxml rather than python-docx: python-docx drops automatic numbering, lists
tables apart from paragraphs, refuses .docm/.dotx content types and raises a dozen kinds of error
on damaged files. Reading the parts directly keeps document order, lets :mod:`.numbering` see
every paragraph's w:pPr, and leaves one place where errors become :class:`InputError`.

Safety: the zip's central directory is checked before anything is unpacked (total size, ratio);
zipfile never inflates a member past the size the directory declares; lxml is told not to resolve
entities, load DTDs or touch the network, and keeps libxml2's default depth and size limits.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib

from lxml import etree

from ..decode.errors import naming_path
from ..errors import InputError
from .numbering import MC, W, Numbering

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


def docx_text(data: bytes, path: str | None = None) -> str:
    """Paragraphs one per line, table rows one per line (cells joined by a tab), numbering resolved."""
    try:
        archive = _open(data, path)
        with archive:
            main = _main_part(archive, path)
            rels = _rels(archive, main)
            document = _xml(archive, main)
            if document.tag != W + "document":
                raise _not_word(archive, path)
            numbering = _xml(archive, rels.get("numbering"), optional=True)
            styles = _xml(archive, rels.get("styles"), optional=True)
        body = document.find(W + "body")
        if body is None:
            raise _Damaged(f"{main} has no w:body")
        lines: list[str] = []
        _blocks(body, Numbering(numbering, styles), lines)
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


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)  # KeyError when absent
    if info.flag_bits & 0x1:
        raise _Damaged(f"{name} is encrypted")
    with archive.open(info) as member:  # zipfile stops at the declared size and checks the CRC
        return member.read()


def _xml(archive: zipfile.ZipFile, name: str | None, optional: bool = False):
    if name is None or (optional and name not in archive.NameToInfo):
        return None
    try:
        return etree.fromstring(_read(archive, name).replace(*_STRICT), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _Damaged(f"{name} is not well-formed XML: {exc}") from None


def _targets(archive: zipfile.ZipFile, rels_name: str, base: str) -> dict[str, str]:
    """Relationship type (its last path segment) -> part name, for internal targets."""
    if rels_name not in archive.NameToInfo:
        return {}
    out: dict[str, str] = {}
    for rel in _xml(archive, rels_name).iter(_REL):
        target, kind = rel.get("Target"), rel.get("Type") or ""
        if not target or rel.get("TargetMode") == "External":
            continue
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out.setdefault(kind.rsplit("/", 1)[-1], name)
    return out


def _main_part(archive: zipfile.ZipFile, path: str | None) -> str:
    main = _targets(archive, "_rels/.rels", "").get("officeDocument")
    if main and main in archive.NameToInfo:
        return main
    if "word/document.xml" in archive.NameToInfo:
        return "word/document.xml"
    raise _not_word(archive, path)


def _not_word(archive: zipfile.ZipFile, path: str | None) -> InputError:
    names = archive.NameToInfo
    kind = ("an Excel workbook" if "xl/workbook.xml" in names else
            "a PowerPoint presentation" if "ppt/presentation.xml" in names else
            "an OpenDocument file" if "mimetype" in names and "content.xml" in names else
            "a zip archive")
    return InputError(naming_path(f"not a Word document ({kind})", path))


def _rels(archive: zipfile.ZipFile, main: str) -> dict[str, str]:
    folder, name = posixpath.split(main)
    found = _targets(archive, posixpath.join(folder, "_rels", name + ".rels"), folder)
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
