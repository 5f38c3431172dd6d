"""The .docx reader: document order, tables, Word's automatic numbering as text, damaged and hostile zips.

Documents are made with python-docx, then their numbering.xml and styles.xml are replaced or
extended with numbering definitions written here, as Word writes them.
"""

from __future__ import annotations

import io
import random
import zipfile

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from reportparse.errors import InputError
from reportparse.formats import extract_text, sniff
from reportparse.formats.docx import docx_text
from reportparse.formats.numformats import format_number

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MB = 1024 * 1024


# -- building documents -----------------------------------------------------------------------------

def lvl(ilvl, fmt, text, *, start=1, suff="nothing", restart=None, legal=False, style=None):
    extra = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    extra += f'<w:pStyle w:val="{style}"/>' if style else ""
    extra += "<w:isLgl/>" if legal else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


def abstract(aid, *levels):
    return f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'


def num(nid, aid, overrides=""):
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def numbering_xml(*parts):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{W_NS}">{"".join(parts)}</w:numbering>'


# the usual outline of a Chinese report: 一、 （一） 1. （1）
REPORT_LIST = abstract(
    10,
    lvl(0, "chineseCounting", "%1、"),
    lvl(1, "chineseCounting", "（%2）"),
    lvl(2, "decimal", "%3.", suff="space"),
    lvl(3, "decimal", "（%4）"),
)


def numbered(doc, text, num_id, ilvl=0, style=None):
    p = doc.add_paragraph(text, style=style)
    p_pr = p._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", ilvl), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(value))
        num_pr.append(el)
    p_pr.append(num_pr)
    return p


def add_style(styles_root, style_id, *, based_on=None, num_id=None, ilvl=None):
    """A paragraph style, optionally based on another and carrying w:numPr."""
    st_el = etree.SubElement(styles_root, f"{{{W_NS}}}style", {f"{{{W_NS}}}type": "paragraph",
                                                                 f"{{{W_NS}}}styleId": style_id})
    etree.SubElement(st_el, f"{{{W_NS}}}name", {f"{{{W_NS}}}val": style_id})
    if based_on:
        etree.SubElement(st_el, f"{{{W_NS}}}basedOn", {f"{{{W_NS}}}val": based_on})
    if num_id is not None:
        p_pr = etree.SubElement(st_el, f"{{{W_NS}}}pPr")
        num_pr = etree.SubElement(p_pr, f"{{{W_NS}}}numPr")
        if ilvl is not None:
            etree.SubElement(num_pr, f"{{{W_NS}}}ilvl", {f"{{{W_NS}}}val": str(ilvl)})
        etree.SubElement(num_pr, f"{{{W_NS}}}numId", {f"{{{W_NS}}}val": str(num_id)})


def patched(doc, numbering: str | None = None, styles=None) -> bytes:
    """The saved document with word/numbering.xml replaced and styles.xml edited by ``styles(root)``."""
    buf = io.BytesIO()
    doc.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/numbering.xml" and numbering is not None:
                data = numbering.encode("utf-8")
            elif info.filename == "word/styles.xml" and styles is not None:
                root = etree.fromstring(data)
                styles(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            dst.writestr(info.filename, data)
    return out.getvalue()


def lines_of(data: bytes) -> list[str]:
    return extract_text(data, "report.docx").text.splitlines()


# -- numbering ----------------------------------------------------------------------------------------

def test_four_levels_of_chinese_report_numbering():
    doc = docx.Document()
    doc.add_paragraph("临江县发展和改革局2023年度工作总结")
    numbered(doc, "2023年工作回顾", 1, 0)
    numbered(doc, "经济运行稳中向好", 1, 1)
    numbered(doc, "全年地区生产总值增长5.6%", 1, 2)
    numbered(doc, "第一产业增加值18.2亿元", 1, 3)
    numbered(doc, "第二产业增加值41.7亿元", 1, 3)
    numbered(doc, "固定资产投资完成计划的103%", 1, 2)
    numbered(doc, "重点项目加快推进", 1, 1)
    numbered(doc, "新开工项目27个", 1, 2)
    numbered(doc, "存在的问题和不足", 1, 0)
    doc.add_paragraph("一是产业结构仍需优化。")
    numbered(doc, "民生短板仍然存在", 1, 1)
    data = patched(doc, numbering_xml(REPORT_LIST, num(1, 10)))
    assert lines_of(data) == [
        "临江县发展和改革局2023年度工作总结",
        "一、2023年工作回顾",
        "（一）经济运行稳中向好",
        "1. 全年地区生产总值增长5.6%",
        "（1）第一产业增加值18.2亿元",
        "（2）第二产业增加值41.7亿元",
        "2. 固定资产投资完成计划的103%",
        "（二）重点项目加快推进",
        "1. 新开工项目27个",
        "二、存在的问题和不足",
        "一是产业结构仍需优化。",
        "（一）民生短板仍然存在",
    ]


def test_suffixes_tab_space_nothing_and_multi_level_text():
    doc = docx.Document()
    numbered(doc, "总体要求", 1, 0)
    numbered(doc, "指导思想", 1, 1)
    numbered(doc, "基本原则", 1, 1)
    numbered(doc, "主要任务", 1, 0)
    numbered(doc, "深化改革", 1, 1)
    outline = abstract(3, lvl(0, "decimal", "%1", suff="tab"), lvl(1, "decimal", "%1.%2", suff="space"))
    assert lines_of(patched(doc, numbering_xml(outline, num(1, 3)))) == [
        "1\t总体要求", "1.1 指导思想", "1.2 基本原则", "2\t主要任务", "2.1 深化改革"]


def test_numbering_from_heading_styles_following_based_on():
    def styles(root):
        add_style(root, "ReportPart", num_id=5)                     # level found through the level's w:pStyle
        add_style(root, "ReportItem", num_id=5, ilvl=1)
        add_style(root, "ReportItemBold", based_on="ReportItem")    # inherits the numbering
        add_style(root, "ReportNote", based_on="ReportItem")
        add_style(root, "Unnumbered", based_on="ReportItem", num_id=0)  # numId 0 switches it off

    doc = docx.Document()
    partial = numbering_xml(
        abstract(20, lvl(0, "chineseCounting", "第%1部分", style="ReportPart", suff="space"),
                 lvl(1, "decimal", "%1.%2", style="ReportItem", legal=True, suff="space")),
        num(5, 20))
    data = patched(doc, partial, styles)
    # python-docx reads its own styles.xml, so add paragraphs by raw style id after patching
    doc = docx.Document(io.BytesIO(data))
    for text, style in (("年度重点工作完成情况", "ReportPart"), ("招商引资", "ReportItem"),
                        ("项目建设", "ReportItemBold"), ("说明：数据截至12月20日", "Unnumbered"),
                        ("下一步工作打算", "ReportPart"), ("稳增长", "ReportNote")):
        p = doc.add_paragraph(text)
        p.style = doc.styles.get_by_id(style, docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    assert lines_of(patched(doc)) == [
        "第一部分 年度重点工作完成情况",
        "1.1 招商引资",          # isLgl: the chineseCounting level shows as 1
        "1.2 项目建设",
        "说明：数据截至12月20日",
        "第二部分 下一步工作打算",
        "2.1 稳增长",
    ]


def test_direct_numpr_overrides_style_level():
    def styles(root):
        add_style(root, "ListHead", num_id=1, ilvl=0)

    doc = docx.Document(io.BytesIO(patched(docx.Document(), numbering_xml(REPORT_LIST, num(1, 10)), styles)))
    style = doc.styles.get_by_id("ListHead", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    doc.add_paragraph("抓好党建", style=style)
    p = doc.add_paragraph("压实责任", style=style)
    p._p.get_or_add_pPr().append(etree.fromstring(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="1"/></w:numPr>'))
    assert lines_of(patched(doc)) == ["一、抓好党建", "（一）压实责任"]


def test_start_override_restarts_and_shared_list_continues():
    doc = docx.Document()
    numbered(doc, "上半年工作", 1)
    numbered(doc, "下半年工作", 1)
    doc.add_paragraph("附件：重点任务清单")
    numbered(doc, "完成老旧小区改造", 2)     # same list, w:startOverride: starts again
    numbered(doc, "新建养老服务中心", 2)
    numbered(doc, "推进农村公路建设", 3)     # same list, no override: continues
    overrides = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    data = patched(doc, numbering_xml(REPORT_LIST, num(1, 10), num(2, 10, overrides), num(3, 10)))
    assert lines_of(data) == ["一、上半年工作", "二、下半年工作", "附件：重点任务清单",
                              "一、完成老旧小区改造", "二、新建养老服务中心", "三、推进农村公路建设"]


def test_level_restart_rules():
    doc = docx.Document()
    for text, ilvl in (("优化营商环境", 0), ("精简审批", 1), ("压缩时限", 1), ("强化监管", 0), ("信用监管", 1),
                       ("守住底线", 0), ("安全生产", 1)):
        numbered(doc, text, 7, ilvl)
    never = abstract(30, lvl(0, "decimal", "%1."), lvl(1, "decimal", "(%2)", restart=0))
    doc2 = docx.Document()
    numbered(doc2, "全面完成", 8, 0)
    numbered(doc2, "指标一", 8, 2)
    numbered(doc2, "分项", 8, 1)
    numbered(doc2, "指标二", 8, 2)
    numbered(doc2, "基本完成", 8, 0)
    numbered(doc2, "指标三", 8, 2)
    after_first = abstract(31, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2)"),
                           lvl(2, "lowerRoman", "%3.", restart=1))   # restarts after level 1 only
    assert lines_of(patched(doc, numbering_xml(never, num(7, 30)))) == [
        "1.优化营商环境", "(1)精简审批", "(2)压缩时限", "2.强化监管", "(3)信用监管", "3.守住底线", "(4)安全生产"]
    assert lines_of(patched(doc2, numbering_xml(after_first, num(8, 31)))) == [
        "1.全面完成", "i.指标一", "a)分项", "ii.指标二", "2.基本完成", "i.指标三"]


def test_unused_upper_level_and_start_values():
    doc = docx.Document()
    numbered(doc, "直接从二级开始", 1, 1)
    numbered(doc, "第二条", 1, 1)
    listing = abstract(40, lvl(0, "decimal", "%1", start=1), lvl(1, "decimal", "%1.%2", start=3, suff="space"))
    assert lines_of(patched(doc, numbering_xml(listing, num(1, 40)))) == ["0.3 直接从二级开始", "0.4 第二条"]


def test_bullets_none_and_formats_in_a_document():
    doc = docx.Document()
    numbered(doc, "加强组织领导", 1, 0)
    numbered(doc, "强化督查考核", 1, 0)
    numbered(doc, "营造良好氛围", 2, 0)
    numbered(doc, "健全机制", 3, 0)
    numbered(doc, "甲方", 4, 0)
    numbered(doc, "乙方", 4, 0)
    numbered(doc, "年度目标", 5, 0)
    defs = numbering_xml(
        abstract(50, lvl(0, "bullet", "\uf0b7", suff="tab")),
        abstract(51, lvl(0, "bullet", "■", suff="space")),
        abstract(52, lvl(0, "none", "附：")),
        abstract(53, lvl(0, "ideographTraditional", "%1、")),
        abstract(54, lvl(0, "decimalEnclosedCircle", "%1", start=3)),
        num(1, 50), num(2, 51), num(3, 52), num(4, 53), num(5, 54))
    assert lines_of(patched(doc, defs)) == ["•\t加强组织领导", "•\t强化督查考核", "■ 营造良好氛围", "附：健全机制",
                                            "甲、甲方", "乙、乙方", "③年度目标"]


@pytest.mark.parametrize("fmt, values, expected", [
    ("decimal", (1, 10, 123), ["1", "10", "123"]),
    ("chineseCounting", (1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 0),
     ["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "〇"]),
    ("chineseCountingThousand", (1000, 1010, 2024, 10001), ["一千", "一千零一十", "二千零二十四", "一万零一"]),
    ("chineseLegalSimplified", (1, 10, 11, 20, 305), ["壹", "壹拾", "壹拾壹", "贰拾", "叁佰零伍"]),
    ("ideographTraditional", (1, 2, 10, 11), ["甲", "乙", "癸", "甲"]),
    ("ideographZodiac", (1, 12), ["子", "亥"]),
    ("japaneseCounting", (1, 10, 11, 20, 100, 101, 1000), ["一", "十", "十一", "二十", "百", "百一", "千"]),
    ("decimalEnclosedCircle", (1, 10, 20, 21), ["①", "⑩", "⑳", "21"]),
    ("decimalEnclosedCircleChinese", (2, 5), ["②", "⑤"]),
    ("decimalEnclosedParen", (1, 3), ["⑴", "⑶"]),
    ("decimalFullWidth", (1, 12), ["１", "１２"]),
    ("decimalZero", (5, 12, 100), ["05", "12", "100"]),
    ("upperLetter", (1, 26, 27, 28), ["A", "Z", "AA", "BB"]),
    ("lowerLetter", (3, 29), ["c", "cc"]),
    ("upperRoman", (1, 4, 9, 14, 1999), ["I", "IV", "IX", "XIV", "MCMXCIX"]),
    ("lowerRoman", (3, 40), ["iii", "xl"]),
    ("bullet", (1,), [""]),
    ("none", (1,), [""]),
    ("cardinalText", (7,), ["7"]),   # unknown to us: decimal
])
def test_number_formats(fmt, values, expected):
    assert [format_number(v, fmt) for v in values] == expected


def test_custom_zero_padded_format():
    assert format_number(7, "custom", "001, 002, 003, ...") == "007"


# -- document order, tables, runs ----------------------------------------------------------------------

def test_table_between_paragraphs_one_line_per_row():
    doc = docx.Document()
    numbered(doc, "主要经济指标完成情况", 1)
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([("指标", "目标", "完成"), ("地区生产总值增速", "6%", "5.6%"), ("一般公共预算收入", "12亿元", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 0).add_paragraph("（可比价）")
    numbered(doc, "下一步工作", 1)
    assert lines_of(patched(doc, numbering_xml(REPORT_LIST, num(1, 10)))) == [
        "一、主要经济指标完成情况",
        "指标\t目标\t完成",
        "地区生产总值增速 （可比价）\t6%\t5.6%",
        "一般公共预算收入\t12亿元",
        "二、下一步工作",
    ]


def raw_docx(body: str, extra: dict[str, str] | None = None) -> bytes:
    """A minimal package written by hand: content types, relationships, word/document.xml."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}" xmlns:mc="http://'
                   f'schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>')
        for name, text in (extra or {}).items():
            z.writestr(name, text)
    return buf.getvalue()


def test_tracked_changes_fields_hidden_text_breaks_and_content_controls():
    body = (
        '<w:p><w:r><w:t>本年度</w:t></w:r><w:del><w:r><w:delText>没有</w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t>全面</w:t></w:r></w:ins><w:r><w:t>完成任务</w:t></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（隐藏批注）</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>见第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p>'
        '<w:sdt><w:sdtContent><w:p><w:hyperlink><w:r><w:t>政务公开</w:t></w:r></w:hyperlink>'
        '<w:r><w:tab/><w:t>网址</w:t><w:br/><w:t>第二行</w:t><w:br w:type="page"/></w:r></w:p></w:sdtContent></w:sdt>'
        '<w:p><w:r><w:t xml:space="preserve">文本框外 </w:t></w:r><w:r><w:drawing><w:txbxContent><w:p><w:r>'
        '<w:t>文本框内</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>'
        '<w:p/>'
        '<w:p><w:r><w:t>结束</w:t></w:r></w:p>'
    )
    assert docx_text(raw_docx(body)) == "本年度全面完成任务\n见第3页\n政务公开\t网址\n第二行\n文本框外 \n\n结束\n"


def test_no_numbering_part_and_unknown_num_id():
    body = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>'
    assert docx_text(raw_docx(body)) == "正文\n"


def test_strict_open_xml_namespace():
    strict = raw_docx("<w:p><w:r><w:t>严格格式</w:t></w:r></w:p>")
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(strict)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info).replace(
                W_NS.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main"))
    assert docx_text(buf.getvalue()) == "严格格式\n"


def test_xml_entities_are_not_expanded():
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
              f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>')
    data = raw_docx("", {})
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, laughs if info.filename == "word/document.xml" else src.read(info))
    try:
        text = docx_text(buf.getvalue())
    except InputError:
        return
    assert "哈" not in text


# -- bad and hostile input ------------------------------------------------------------------------------

def one_line_error(data: bytes, path: str = "报告.docx") -> str:
    with pytest.raises(InputError) as info:
        extract_text(data, path)
    message = str(info.value)
    assert "\n" not in message and path in message
    return message


def test_zip_bomb_total_size_refused_before_unpacking(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            block = b" " * MB
            for _ in range(300):
                member.write(block)
    data = bomb.read_bytes()
    assert len(data) < 2 * MB
    assert "refused: archive would unpack to 300 MB" in one_line_error(data)


def test_zip_bomb_ratio_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" + b"a" * (20 * MB))
    message = one_line_error(buf.getvalue())
    assert "refused: archive would unpack to 20 MB" in message and "word/document.xml" in message


def test_crafted_central_directory_sizes_refused():
    data = bytearray(raw_docx('<w:p><w:r><w:t>小文件</w:t></w:r></w:p>'))
    # claim 4 GB - 1 for every member in the central directory; nothing would be read to find out
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        data[pos + 24:pos + 28] = (0xFFFFFFFE).to_bytes(4, "little")
        pos = data.find(b"PK\x01\x02", pos + 4)
    assert "refused: archive would unpack to" in one_line_error(bytes(data))


@pytest.mark.parametrize("cut", [10, 100, 0.5, -30])
def test_truncated_docx(cut):
    data = raw_docx('<w:p><w:r><w:t>截断的文件</w:t></w:r></w:p>')
    data = data[:cut] if isinstance(cut, int) else data[: int(len(data) * cut)]
    assert "damaged .docx" in one_line_error(data)


def test_a_zip_that_is_not_a_word_document():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("photos/readme.txt", "照片")
    assert "not a Word document (a zip archive)" in one_line_error(buf.getvalue())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "not a Word document (an Excel workbook)" in one_line_error(buf.getvalue(), "表.xlsx")


def test_damaged_xml_and_crc():
    data = raw_docx("<w:p><w:r><w:t>未闭合")
    assert "damaged .docx (word/document.xml is not well-formed XML" in one_line_error(data)
    good = bytearray(raw_docx('<w:p><w:r><w:t>校验和</w:t></w:r></w:p>'))
    pos = good.rfind(b"word/document.xml") - 46  # its entry in the central directory, at the end
    assert good[pos:pos + 4] == b"PK\x01\x02"
    good[pos + 16] ^= 0xFF                    # a wrong CRC-32 in its central directory entry
    assert "damaged .docx (Bad CRC-32" in one_line_error(bytes(good))


def _fuzz_base() -> bytes:
    if "bytes" not in _FUZZ_BASE:
        doc = docx.Document()
        numbered(doc, "加强作风建设", 1, 0)
        numbered(doc, "转变作风", 1, 1)
        doc.add_table(rows=1, cols=2).cell(0, 0).text = "表格"
        _FUZZ_BASE["bytes"] = patched(doc, numbering_xml(REPORT_LIST, num(1, 10)))
    return _FUZZ_BASE["bytes"]


_FUZZ_BASE: dict[str, bytes] = {}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), flips=st.integers(1, 8), cut=st.booleans())
def test_mutated_zip_bytes_give_text_or_input_error(seed, flips, cut):
    rng = random.Random(seed)
    raw = bytearray(_fuzz_base())
    for _ in range(flips):
        raw[rng.randrange(4, len(raw))] = rng.randrange(256)
    if cut:
        raw = raw[: rng.randrange(4, len(raw))]
    try:
        assert isinstance(docx_text(bytes(raw), "f.docx"), str)
    except InputError as exc:
        assert "\n" not in str(exc)


ODD_VALUES = ["-1", "0", "9", "10", "4294967296", "x", "", "%", "%0", "%9%1%", "（%2）", "\uf0b7", "decimal", "bullet"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["ilvl", "val", "numId", "abstractNumId", "styleId"]),
                          st.sampled_from(ODD_VALUES)), min_size=1, max_size=6),
       st.integers(0, 2**32))
def test_odd_numbering_values_give_text_or_input_error(edits, seed):
    """Attribute values in numbering.xml, styles.xml and document.xml replaced by odd ones, at random."""
    rng = random.Random(seed)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_fuzz_base())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename in ("word/numbering.xml", "word/styles.xml", "word/document.xml"):
                root = etree.fromstring(data)
                for attr, value in edits:
                    hits = [el for el in root.iter() if el.get(f"{{{W_NS}}}{attr}") is not None]
                    if hits:
                        rng.choice(hits).set(f"{{{W_NS}}}{attr}", value)
                data = etree.tostring(root)
            dst.writestr(info.filename, data)
    try:
        assert isinstance(docx_text(out.getvalue(), "f.docx"), str)
    except InputError as exc:
        assert "\n" not in str(exc)


def test_extract_text_dispatches_docx_by_content():
    doc = docx.Document()
    doc.add_paragraph("述职报告")
    data = patched(doc)
    assert sniff(data) == "zip"
    result = extract_text(data, "named-wrongly.txt")
    assert (result.text, result.format, result.encoding) == ("述职报告\n", "docx", None)
