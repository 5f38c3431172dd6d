"""PDF input: text layer, re-joined lines, page furniture on its own lines, and the errors.

The PDFs are drawn here with reportlab's built-in CID font STSong-Light (no font file needed);
the report text is written for these tests.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reportparse import parse_text
from reportparse.api import default_rules
from reportparse.errors import InputError
from reportparse.formats import OcrOptions, extract_text
from reportparse.formats.pdf import pdf_text, tidy
from reportparse.scan import scan
from reportparse.text import fold, split_lines

canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
WIDTH, HEIGHT = A4
LEFT, RIGHT, SIZE, LEADING = 72, WIDTH - 72, 14, 24
HEADER = "某某县发展和改革局局长2025年度述职报告"

STUDY = ("今年以来，我始终把学习贯彻党的创新理论作为首要政治任务，坚持集体学习与个人自学相结合，"
         "全年参加党组理论学习中心组学习十二次，撰写学习体会四篇，在全局干部大会上作专题辅导一次。")
FUNDS = "全年争取中央和省级预算内资金2.3亿元，同比增长6.5%，带动社会投资四十余亿元。"
ACROSS = ("我们坚持问题导向，深入乡镇、园区和重点企业开展调研，走访企业和社区四十余家，梳理出融资难、"
          "用地紧、审批慢等突出问题二十三个，逐项明确责任单位和办结时限，形成专题调研报告三篇，"
          "其中两篇得到县委、县政府主要领导肯定性批示。")
WEAK = "理论学习的系统性还不够强，学用结合还有差距，对新经济新业态的研究还不够深入。"


class Page:
    """A page drawn the way a word processor lays out a report: wrapped lines, indented paragraphs."""

    def __init__(self, c, number: int):
        self.c, self.number, self.y = c, number, HEIGHT - 110
        c.setFont(FONT, 10)
        c.drawCentredString(WIDTH / 2, HEIGHT - 50, HEADER)

    def heading(self, text: str) -> None:
        self.c.setFont(FONT, SIZE)
        self.c.drawString(LEFT + 2 * SIZE, self.y, text)
        self.y -= LEADING

    def paragraph(self, text: str, *, indent: bool = True, spacing: float = 0.0, stop: int | None = None) -> str:
        """Draw ``text`` wrapped at the right margin; returns what did not fit before line ``stop``."""
        x, lines = LEFT + (2 * SIZE if indent else 0), 0
        while text and (stop is None or lines < stop):
            n = 1
            while n < len(text) and x + _width(text[:n + 1], spacing) <= RIGHT:
                n += 1
            t = self.c.beginText(x, self.y)
            t.setFont(FONT, SIZE)
            t.setCharSpace(spacing)
            t.textOut(text[:n])
            self.c.drawText(t)
            text, x, lines, self.y = text[n:], LEFT, lines + 1, self.y - LEADING
        return text

    def finish(self) -> None:
        self.c.setFont(FONT, 10)
        self.c.drawCentredString(WIDTH / 2, 40, f"- {self.number} -")
        self.c.showPage()


def _width(text: str, spacing: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, SIZE) + spacing * len(text)


def report_pdf(**canvas_args) -> bytes:
    buf = io.BytesIO()
    c = canvas_mod.Canvas(buf, pagesize=A4, **canvas_args)
    page = Page(c, 1)
    page.heading("一、履职基本情况")
    page.heading("（一）坚持理论武装，提升政治能力")
    page.paragraph(STUDY)
    page.heading("（二）聚焦主责主业，推动项目落地")
    page.paragraph(FUNDS, spacing=5)  # letter-spaced: the extractor sees gaps between every character
    page.paragraph("参与 Smart Grid 国际合作项目，完成技术对接两轮。")
    rest = page.paragraph(ACROSS, stop=2)
    page.finish()
    page = Page(c, 2)
    page.paragraph(rest, indent=False)
    page.heading("二、存在的问题和不足")
    page.paragraph(WEAK)
    page.finish()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def report() -> bytes:
    return report_pdf()


@pytest.fixture(scope="module")
def text(report) -> str:
    extracted = extract_text(report, "report.pdf")
    assert extracted.format == "pdf"
    return extracted.text


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def test_headings_start_lines(text):
    lines = lines_of(text)
    for heading in ("一、履职基本情况", "（一）坚持理论武装，提升政治能力", "（二）聚焦主责主业，推动项目落地",
                    "二、存在的问题和不足"):
        assert heading in lines


def test_wrapped_paragraph_is_one_line(text):
    lines = lines_of(text)
    assert STUDY in lines
    assert WEAK in lines


def test_letter_spacing_removed_latin_spaces_kept(text):
    lines = lines_of(text)
    assert FUNDS in lines
    assert "增 长" not in text and "6 . 5" not in text
    assert "参与 Smart Grid 国际合作项目，完成技术对接两轮。" in lines


def test_paragraph_across_page_break_is_joined_and_furniture_follows(text):
    lines = lines_of(text)
    at = lines.index(ACROSS)
    assert lines[at + 1:at + 3] == ["- 1 -", HEADER]
    assert lines[at + 3] == "二、存在的问题和不足"


def test_page_numbers_and_headers_on_their_own_lines(text):
    lines = lines_of(text)
    assert lines.count("- 1 -") == 1 and lines.count("- 2 -") == 1
    assert lines.count(HEADER) == 2
    assert lines[0] == HEADER and lines[-2:] == ["- 2 -", ""]


def test_nothing_is_cut(text):
    """Every drawn character is in the text, in order (lossless but for layout)."""
    flat = text.replace("\n", "").replace(" ", "")
    for piece in (HEADER, "一、履职基本情况", STUDY, FUNDS, ACROSS, "二、存在的问题和不足", WEAK, "-2-"):
        assert piece.replace(" ", "") in flat


def test_parser_marks_page_numbers_as_noise(text):
    report = parse_text(text)
    noise = {text[n.start:n.end].strip() for s in report.sections for n in s.walk() if n.kind == "noise"}
    assert {"- 1 -", "- 2 -"} <= noise
    blocks = scan(text, fold(text), split_lines(text), default_rules())
    rules = {text[b.line.content:b.line.end]: b.rule for b in blocks if b.kind == "noise"}
    assert rules["- 1 -"] == rules["- 2 -"] == "page-number"
    titles = [n.title for s in report.sections for n in s.walk() if n.kind == "section"]
    assert "履职基本情况" in titles and "存在的问题和不足" in titles


def test_wrap_before_a_heading_marker_is_joined_where_paragraphs_are_indented():
    """……步调统⏎一、实现…… is one sentence broken by the layout, not a heading."""
    head = "为推动改革举措落地见效，我们坚持全县一盘棋、上下协同、步调统"
    tail = "一、实现资源统筹调度，形成了部门协同、条块联动的工作格局。"
    room = RIGHT - (LEFT + 2 * SIZE)
    assert _width(head, 0) <= room < _width(head + tail[0], 0)  # the first line breaks before 一、
    buf = io.BytesIO()
    c = canvas_mod.Canvas(buf, pagesize=A4)
    page = Page(c, 1)
    page.heading("一、主要工作")
    page.paragraph(STUDY)
    page.paragraph(head + tail)
    page.heading("二、下一步打算")
    page.paragraph(WEAK)
    page.finish()
    c.save()
    lines = lines_of(pdf_text(buf.getvalue(), "wrap.pdf"))
    assert head + tail in lines
    assert [ln for ln in lines if ln.startswith(("一、", "二、"))] == ["一、主要工作", "二、下一步打算"]


def test_block_paragraphs_without_indentation_follow_punctuation():
    """No first-line indents: a full line ending with 。 closes its paragraph; a short title stands alone."""
    buf = io.BytesIO()
    c = canvas_mod.Canvas(buf, pagesize=A4)
    page = Page(c, 1)
    full = "全县新增城镇就业三千二百余人，城镇登记失业率控制在百分之三以内。"  # one full line, then 。
    assert len(full) == 32 and _width(full, 0) <= RIGHT - LEFT
    page.paragraph("一、主要工作", indent=False)
    page.paragraph(STUDY, indent=False)
    page.paragraph(full, indent=False)
    page.paragraph("农村居民人均可支配收入增长百分之六点八。", indent=False)
    page.paragraph("主要做法", indent=False)
    page.paragraph(ACROSS, indent=False)
    page.finish()
    c.save()
    lines = lines_of(pdf_text(buf.getvalue(), "block.pdf"))
    assert lines[1:7] == ["一、主要工作", STUDY, full, "农村居民人均可支配收入增长百分之六点八。", "主要做法", ACROSS]


def test_page_number_forms_are_own_lines():
    buf = io.BytesIO()
    c = canvas_mod.Canvas(buf, pagesize=A4)
    for n, footer in enumerate(["— 1 —", "第 2 页", "3/12", "4"], start=1):
        page = Page(c, n)
        page.paragraph(f"第{n}项工作进展顺利，" + "各项任务按计划推进，阶段目标如期完成，" * 3 + "以上。", stop=2)
        c.setFont(FONT, 10)
        c.drawCentredString(WIDTH / 2, 40, footer)
        c.showPage()
    c.save()
    lines = lines_of(pdf_text(buf.getvalue(), "forms.pdf"))
    for footer in ("— 1 —", "第2页", "3/12", "4"):
        assert footer in lines


def test_image_only_pdf_has_no_text_layer(tmp_path: Path):
    buf = io.BytesIO()
    c = canvas_mod.Canvas(buf, pagesize=A4)
    c.rect(100, 100, 300, 500, fill=1)
    c.showPage()
    c.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buf.getvalue())
    with pytest.raises(InputError, match=r"^no text layer \(scanned PDF\?\): .*scan\.pdf$"):
        extract_text(path.read_bytes(), str(path), ocr=OcrOptions(mode="never"))


def test_page_numbers_alone_are_no_text_layer():
    buf = io.BytesIO()
    c = canvas_mod.Canvas(buf, pagesize=A4)
    c.setFont(FONT, 10)
    c.drawCentredString(WIDTH / 2, 40, "- 1 -")
    c.showPage()
    c.save()
    with pytest.raises(InputError, match="no text layer"):
        pdf_text(buf.getvalue(), "numbers.pdf")


def _encrypted(report: bytes, user: str, algorithm: str = "AES-256") -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(report))
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_encrypted_pdf(report, tmp_path: Path, algorithm):
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypted(report, "user-secret", algorithm))
    with pytest.raises(InputError, match=r"^encrypted PDF: .*locked\.pdf$"):
        extract_text(path.read_bytes(), str(path))


def test_owner_password_only_opens(report, text):
    assert extract_text(_encrypted(report, ""), "open.pdf").text == text


@pytest.mark.parametrize("cut", [0.5, 0.9, 0.1])
def test_truncated_pdf_is_damaged(report, cut):
    with pytest.raises(InputError, match=r"^damaged PDF.*: cut\.pdf$"):
        extract_text(report[:int(len(report) * cut)], "cut.pdf")


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\nnot really a pdf\n%%EOF\n",
    b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF",
])
def test_garbage_with_pdf_magic_is_damaged(data):
    with pytest.raises(InputError, match=r"^damaged PDF"):
        extract_text(data, "bad.pdf")
    with pytest.raises(InputError, match=r"^damaged PDF[^:]*(\([^)]*\))?$"):
        pdf_text(data)  # no path: the message names none


def test_middle_of_file_corrupted(report):
    half = len(report) // 2
    data = report[:half // 2] + b"\x00" * half + report[half // 2 + half:]
    try:
        out = pdf_text(data, "hole.pdf")
    except InputError as exc:
        assert "hole.pdf" in str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(out, str)


def test_tidy_keeps_latin_words():
    assert tidy("增 长 6 . 5 %") == "增长6.5%"
    assert tidy("第 3 页") == "第3页"
    assert tidy("1. 2025 年 工作 回顾") == "1. 2025年工作回顾"
    assert tidy("使用 Word 和 WPS 排版") == "使用 Word 和 WPS 排版"
