"""Hostile files, built at test time (none is committed): tiny inputs that would cost a machine dearly.

Also used by ``bench/fuzz_readers.py`` for its seeds. Every builder returns bytes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')

REPORT_LINES = ("2024年度述职报告", "一、加强理论学习", "全年参加学习十二次，撰写心得四篇。",
                "二、存在的问题", "一是调研不够深入；二是创新意识不强。")


def docx(paragraphs: list[str], *, numbered: int = 0, numbering_xml: str | None = None) -> bytes:
    """A minimal .docx: one w:p per paragraph; the first ``numbered`` ones in list 1, level 0."""
    body = []
    for i, text in enumerate(paragraphs):
        num = ('<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
               if i < numbered else "")
        body.append(f"<w:p>{num}<w:r><w:t>{_escape(text)}</w:t></w:r></w:p>")
    document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
                + "".join(body) + "</w:body></w:document>")
    members = {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS, "word/document.xml": document}
    if numbering_xml is not None:
        members["word/numbering.xml"] = numbering_xml
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text.encode("utf-8"))
    return out.getvalue()


def numbering_docx(start: int, fmt: str = "upperLetter", paragraphs: int = 3) -> bytes:
    """A list whose numbering starts at ``start`` in ``fmt``: 10^10 in letters is a 384-million-letter label."""
    numbering = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">'
                 f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
                 f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    return docx(list(REPORT_LINES[:paragraphs]), numbered=paragraphs, numbering_xml=numbering)


def lying_member_docx(inflated: int) -> bytes:
    """A .docx whose word/document.xml declares 1,000 bytes in the zip's directories but inflates to
    ``inflated`` bytes (a valid document padded with spaces inside w:body)."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
    tail = b"<w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [compressor.compress(head)]
    block = b" " * (1 << 20)
    for _ in range(max(0, inflated - len(head) - len(tail)) >> 20):
        parts.append(compressor.compress(block))
    parts += [compressor.compress(tail), compressor.flush()]
    deflated = b"".join(parts)
    return _zip_with_raw_member("word/document.xml", deflated, declared=1000,
                                others={"[Content_Types].xml": _CONTENT_TYPES.encode(), "_rels/.rels": _RELS.encode()})


def _zip_with_raw_member(name: str, deflated: bytes, declared: int, others: dict[str, bytes]) -> bytes:
    """A zip written by hand, so that member ``name``'s directories can declare a size its data belies."""
    out = io.BytesIO()
    central = []
    for member, data in list(others.items()) + [(name, b"")]:
        raw = deflated if member == name else zlib.compress(data, 9)[2:-4]
        size = declared if member == name else len(data)
        crc = 0 if member == name else zlib.crc32(data)
        offset = out.tell()
        encoded = member.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(raw), size, len(encoded), 0))
        out.write(encoded + raw)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(raw), size,
                                   len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    start = out.tell()
    for record in central:
        out.write(record)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- PDF ---------------------------------------------------------------------------------------------

def pdf(contents: list[bytes], *, compress: bool = True) -> bytes:
    """A PDF with one page per content stream, Helvetica as /F1, written with a correct xref."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font = 3
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for content in contents:
        data = zlib.compress(content, 9) if compress else content
        stream = (b"<< /Length %d%s >>\nstream\n" % (len(data), b" /Filter /FlateDecode" if compress else b"")
                  + data + b"\nendstream")
        objects.append(stream)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (len(objects), font))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return _pdf_file(objects)


def pdf_with_raw_stream(deflated: bytes, text: bytes = b"BT /F1 12 Tf 72 720 Td (Report) Tj ET") -> bytes:
    """A one-page PDF that also holds an unused stream of the given deflated bytes (a flate bomb)."""
    base = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    content = zlib.compress(text)
    base.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream")
    base.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /Font << /F1 3 0 R >> /XObject << /Bomb 6 0 R >> >> >>")
    base.append(b"<< /Length %d /Filter /FlateDecode /Type /XObject /Subtype /Form /BBox [0 0 1 1] >>\nstream\n"
                % len(deflated) + deflated + b"\nendstream")
    return _pdf_file(base)


def flate_bomb(inflated: int) -> bytes:
    """zlib data that inflates to ``inflated`` zero bytes, made a megabyte at a time."""
    compressor = zlib.compressobj(9)
    block = b"\0" * (1 << 20)
    parts = [compressor.compress(block) for _ in range(inflated >> 20)]
    return b"".join(parts) + compressor.flush()


def text_page(lines: list[str]) -> bytes:
    """A content stream drawing ASCII lines in Helvetica."""
    ops = [b"BT /F1 12 Tf 14 TL 72 760 Td"]
    for line in lines:
        ops.append(b"(%s) Tj T*" % line.encode("latin-1"))
    ops.append(b"ET")
    return b"\n".join(ops)


def many_operators_page(count: int) -> bytes:
    """``count`` one-character Tj operators: 21 KB deflated, minutes for a PDF interpreter."""
    return b"BT /F1 1 Tf 72 720 Td\n" + b"(a)Tj\n" * count + b"ET"


def self_referencing_pdf(which: str) -> bytes:
    """A PDF whose page tree (``pages``) or catalog (``root``) is an object that is a reference to itself,
    ``2 0 obj 2 0 R endobj``: the fuzzer's find, which pdfminer resolves for ever."""
    if which == "root":
        return _pdf_file([b"1 0 R"])
    return _pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", b"2 0 R"])


def _pdf_file(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def owner_password_pdf() -> bytes:
    """A report PDF with an owner password only (copy-protected: anyone may open it, extraction 'not allowed')."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf([text_page(["Annual Report 2024", "1. Study",
                                                                         "We studied twelve times."])]))))
    writer.encrypt(user_password="", owner_password="owner-secret", permissions_flag=0b0100,
                   algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
