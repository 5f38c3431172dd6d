"""The reading layer: each step with examples and counter-examples, the offset map, and the report
mapped back to the decoded text (offsets index the original, surfaces are cut from it)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse import RuleError, parse_text
from reportparse.api import default_rules
from reportparse.contract import violations
from reportparse.reading import Reading, read
from reportparse.rulebook import load_rules

BOOK = default_rules()


def reads(text: str, step: str) -> str:
    return read(text, BOOK, only=step).text


# -- spaces, punctuation, traditional: what each step reads away, and what it keeps ---------------

READ_AWAY = [
    ("spaces", "2006 年", "2006年"),
    ("spaces", "粮食产量1.2 万吨，实现产值3.56 亿元", "粮食产量1.2万吨，实现产值3.56亿元"),
    ("spaces", "增长6.7 %", "增长6.7%"),
    ("spaces", "2 0 2 3年", "2023年"),
    ("spaces", "1 . 5万人", "1.5万人"),
    ("spaces", "工 作 报 告", "工作报告"),
    ("spaces", "增长 6.7%", "增长6.7%"),
    ("spaces", "1.2\u200b万吨", "1.2万吨"),
    ("spaces", "19\u200c94年", "1994年"),
    ("spaces", "加强\ufeff学习", "加强学习"),
    ("spaces", "第 一章 总则", "第一章 总则"),
    ("punctuation", "一年来,我认真学习;成效明显!", "一年来，我认真学习；成效明显！"),
    ("punctuation", "(一)加强学习", "（一）加强学习"),
    ("punctuation", "(1)规范文件运转", "（1）规范文件运转"),
    ("punctuation", "国产大飞机(C919)首飞成功", "国产大飞机（C919）首飞成功"),
    ("punctuation", "主要表现在: 一是", "主要表现在： 一是"),
    ("punctuation", "你准备好了吗?", "你准备好了吗？"),
    ("punctuation", "来信请寄office@example.cn;谢谢", "来信请寄office@example.cn；谢谢"),
    ("traditional", "存在的問題和不足", "存在的问题和不足"),
    ("traditional", "增長6.7%", "增长6.7%"),
    ("traditional", "黨的十九屆四中全會", "党的十九届四中全会"),
]

KEPT = [
    ("spaces", "第一章 总则"),             # the chapter pattern needs its space
    ("spaces", "第一章 2024年工作回顾"),
    ("spaces", "Hello world, this is English."),
    ("spaces", "型号C919 type"),
    ("spaces", "2019 2020 2021"),          # numbers in columns, not a letter-spaced figure
    ("spaces", "张三  李四  王五"),          # two spaces lay out a list of names
    ("spaces", "第一章\u3000总则"),          # the ideographic space is deliberate
    ("spaces", "  一、加强学习"),            # indentation belongs to the line
    ("punctuation", "会议于8:30开始。"),
    ("punctuation", "增长1.5%，完成1,234项。"),
    ("punctuation", "详见https://www.example.gov.cn/list?page=1,2(a)!"),
    ("punctuation", "Hello, world (test)!"),
    ("punctuation", "He said: yes; she said: no."),
    ("punctuation", "型号C919。"),
    ("traditional", "存在的问题和不足"),
    ("traditional", "乾隆年间"),
    ("traditional", "Hello world"),
    ("traditional", "１９９４年"),
]


@pytest.mark.parametrize("step,messy,clean", READ_AWAY)
def test_step_reads_the_mess_away(step, messy, clean):
    assert reads(messy, step) == clean


@pytest.mark.parametrize("step,text", KEPT)
def test_step_keeps_what_is_meant(step, text):
    assert reads(text, step) == text


# -- unwrap ----------------------------------------------------------------------------------------

WRAPPED = ("一年来，我始终把学习放在首位，认真学习党的二十大精神，\n"
           "深入学习习近平新时代中国特色社会主义思想，坚持原原本本\n"
           "学、联系实际学，做到学思用贯通、知信行统一。全年参加集中\n"
           "学习二十四次，撰写心得体会十二篇，全年粮食产量达到1.2\n"
           "\u200b万吨，理论水平有了新的提高，工作能力也得到了锻炼和增强\n"
           "。\n")


def test_wrapped_lines_are_joined():
    text = reads(WRAPPED, "unwrap")
    assert text.count("\n") == 1 and "原原本本学、" in text and "1.2万吨" in text


def test_a_figure_split_from_its_unit_by_a_break_and_a_zero_width_space_is_found():
    report = parse_text(WRAPPED)
    tons = [q for q in report.quantities if q.unit == "吨"]
    assert [(q.value, q.text) for q in tons] == [(12000, "1.2\n\u200b万吨")]
    assert WRAPPED[tons[0].start:tons[0].end] == tons[0].text


def test_a_heading_after_a_wrapped_line_is_not_glued():
    text = WRAPPED.replace("。\n", "。\n一、下一步打算\n二是加强学习，提高能力。\n", 1)
    text = text.replace("学习二十四次", "一、学习二十四次")
    lines = reads(text, "unwrap").split("\n")
    assert any(line.startswith("一、学习二十四次") for line in lines)
    assert "一、下一步打算" in lines


def test_a_heading_that_ends_without_punctuation_stays_a_heading():
    text = "一、存在的问题和不足\n" + WRAPPED
    report = parse_text(text)
    assert [(n.marker, n.title) for n in report.walk() if n.kind == "section"] == [("一、", "存在的问题和不足")]


def test_a_clean_report_is_not_unwrapped():
    text = "关于2023年度个人述职报告\n尊敬的各位领导、同志们：\n一、加强学习\n一年来，我始终把学习放在首位。\n"
    assert reads(text, "unwrap") == text


def test_latin_words_across_a_wrap_keep_a_space():
    text = "我们引进了由国外专家编写的培训教材，书名为 Public Administration and\n" \
           "Management in Practice，全年组织集中学习二十四次，撰写心得十二篇\n" \
           "体会，参加培训的干部职工共计一百二十人次，考试合格率达到了百分之\n" \
           "九十八，取得了良好的效果，达到了预期的培训目标和要求，受到好评。\n"
    assert "and Management" in reads(text, "unwrap")


# -- flattened -------------------------------------------------------------------------------------

FLATTENED = ("各位代表：现在，我代表本院向大会报告工作，请予审议。 2025年工作回顾 一、围绕大局，加强审判工作 "
             "全院干警坚持服务大局，依法审理各类案件，全年受理案件一万余件，审结率保持在较高水平。 "
             "（一）依法惩治犯罪，维护社会稳定 我们坚持宽严相济，审结刑事案件三百余件，判处罪犯四百余人。 "
             "二、深化改革，提升司法公信 我们持续推进改革，案件质量稳步提升，人民群众满意度逐年上升。\n")


def test_a_page_run_together_on_one_line_is_read_as_paragraphs_and_headings():
    lines = reads(FLATTENED, "flattened").split("\n")
    assert "2025年工作回顾" in lines and "一、围绕大局，加强审判工作" in lines
    assert "（一）依法惩治犯罪，维护社会稳定" in lines and "二、深化改革，提升司法公信" in lines


def test_the_headings_of_a_run_together_page_are_found_where_the_file_has_them():
    report = parse_text(FLATTENED)
    sections = [n for n in report.walk() if n.kind == "section"]
    assert [n.title for n in sections if n.marker] == ["围绕大局，加强审判工作", "依法惩治犯罪，维护社会稳定",
                                                        "深化改革，提升司法公信"]
    for node in sections:
        assert FLATTENED[node.title_start:node.title_end] == node.title


def test_one_sentence_gap_in_a_long_paragraph_is_no_line_break():
    text = ("全院干警坚持服务大局，依法审理各类案件。 全年受理案件一万余件，审结率保持在较高水平，调解撤诉率稳步上升，"
            "群众满意度明显提高，司法公信力不断增强，各项工作取得了新的进展，为全县经济社会发展提供了有力司法保障。\n")
    assert reads(text, "flattened") == text


def test_a_colon_before_a_heading_on_a_flattened_page_is_a_break():
    text = ("为进一步规范政府信息公开工作，根据有关规定和上级要求，现将本年度政府信息公开工作情况报告如下: 一、概述 "
            "自今年开展工作以来，街道严格按照上级要求成立了领导小组，明确专人负责日常工作。 二、主动公开情况 "
            "全年主动公开政府信息一百余条，各类信息均及时准确地向社会公开发布。\n")
    lines = reads(text, "flattened").split("\n")
    assert "一、概述" in lines and "二、主动公开情况" in lines


# -- pinyin ---------------------------------------------------------------------------------------

LINKED = ("一、过去一年的工作\n\n5、民主\n\n法制\n\n建设得到加强，安定团结的局面进一步巩固\n\n"
          "一年来，我们深入贯彻党的十五届五中全会和省委五届九\n\n次全会\n\n精神，认真实施《\n信访条例\n》，"
          "群众反映的问题得到及时解决。与\n\n邪教组织\n\n的斗争取得胜利，社会大局稳定。\n")


def test_words_a_page_set_apart_as_links_are_read_back_into_their_sentences():
    lines = reads(LINKED, "links").split("\n")
    assert "5、民主法制建设得到加强，安定团结的局面进一步巩固" in lines
    assert any("和省委五届九次全会精神，认真实施《信访条例》，" in line for line in lines)


def test_names_cut_by_links_are_found_whole_where_the_file_has_them():
    report = parse_text(LINKED)
    assert [m.name for m in report.meetings] == ["党的十五届五中全会", "省委五届九\n\n次全会"]
    assert [LINKED[d.start:d.end] for d in report.documents] == ["《\n信访条例\n》"]
    heading = next(n for n in report.walk() if n.kind == "section" and n.marker == "5、")
    assert LINKED[heading.title_start:heading.title_end] == "民主\n\n法制\n\n建设得到加强，安定团结的局面进一步巩固"


@pytest.mark.parametrize("text", [
    "二、主要工作\n（一）聚焦产业升级，经济实力持续增强\n\n高新技术企业\n\n新增20家，研发投入增长15%。\n",
    "城乡居民收入分别增长5%和7%\n存在的不足\n一些地方和部门作风不实，服务意识不强。\n",
    "全年财政收入增长8%。（以上数据为初步统计）\n重点项目\n全年实施重点项目50个，完成投资20亿元。\n",
    "三、存在的问题\n一是经济总量不大，产业结构不优\n二是\n民生短板较多，群众满意度不高。\n",
    "以上报告，请予审议，不妥之处请批评指正，\n张三\n二〇二三年十二月，县人民政府办公室印发。\n",
])
def test_a_clean_report_keeps_its_short_lines(text):
    # a short subheading after an unfinished line, a line after a closing bracket, an item marker alone, a signature
    assert reads(text, "links") == text


def test_a_menu_a_title_block_and_a_short_heading_are_no_links():
    for text in ("首页\n领导之窗\n政务公开\n", "政府工作报告\n\n县长 王明\n\n各位代表：\n",
                 "全年任务圆满完成。\n加强学习\n我们坚持集中学习，全年开展专题学习十二次。\n",
                 "我们完成了以下任务，\n重点项目\n（一）交通建设方面，新建道路三十公里。\n"):
        assert reads(text, "links") == text


def test_pinyin_glosses_are_read_as_part_of_their_characters():
    text = "會議傳達(dá)了中央經(jīng)濟工作會議精神，部署省兩會(huì)工作。附件(a)\n"
    assert reads(text, "pinyin") == "會議傳達了中央經濟工作會議精神，部署省兩會工作。附件(a)\n"
    report = parse_text(text)
    assert violations(report.to_dict(), text) == []
    names = [text[m.start:m.end] for m in report.meetings]
    assert names == ["中央經(jīng)濟工作會議", "省兩會(huì)"]  # a name that ends with a glossed character takes its gloss


def test_a_figure_ends_before_the_gloss_of_its_unit():
    text = "全年落實重點項目12個(gè)，提出建議四項(xiàng)。\n"
    report = parse_text(text)
    assert violations(report.to_dict(), text) == []
    assert [(q.text, q.unit) for q in report.quantities] == [("12個", "个"), ("四項", "项")]  # dev README's calls


# -- glued ----------------------------------------------------------------------------------------

GLUED = ("新的学年，学校继续坚持以教育工作会议精神为指导，在精致党建上再发力，在精准教研上再创新，在德育管理上再提升，"
         "培根铸魂育新人。一、坚持党建工作的统领地位不动摇(一)提高精准决策力，建设精干的管理团队。进一步落实党组织领导的"
         "校长负责制，健全议事决策机制，明确班子成员分工，优化工作流程，减少内耗环节，确保重点工作有保障，常规工作有亮点。"
         "(二)擦亮学校党建品牌，探索党建和教学的深度融合。开展主题党日活动，抓好支部建设，用好党员先锋岗，筑牢战斗堡垒。"
         "二、聚焦课堂教学提质增效(一)抓实教学常规。落实备课、上课、作业、辅导各环节要求，提高课堂效率，减轻学生负担，"
         "促进学生全面发展，让每一个孩子都能在课堂上有所收获，家长满意度持续提高。\n")


def test_headings_glued_to_the_sentence_before_them_are_set_on_lines_of_their_own():
    lines = reads(GLUED, "glued").split("\n")
    assert "一、坚持党建工作的统领地位不动摇" in lines and "二、聚焦课堂教学提质增效" in lines
    assert any(line.startswith("(一)提高精准决策力") for line in lines)
    assert any(line.startswith("(二)擦亮学校党建品牌") for line in lines)


def test_the_headings_of_a_glued_page_are_found_where_the_file_has_them():
    report = parse_text(GLUED)
    assert violations(report.to_dict(), GLUED) == []
    sections = [n for n in report.walk() if n.kind == "section" and n.marker]
    assert [(n.marker, n.title) for n in sections] == [
        ("一、", "坚持党建工作的统领地位不动摇"), ("(一)", "提高精准决策力，建设精干的管理团队"),
        ("(二)", "擦亮学校党建品牌，探索党建和教学的深度融合"), ("二、", "聚焦课堂教学提质增效"), ("(一)", "抓实教学常规")]
    for node in report.walk():
        assert report.surface(node) == GLUED[node.start:node.end]
        if node.title_span:
            assert GLUED[node.title_start:node.title_end] == node.title


def test_a_part_title_glued_to_its_first_subsection_on_a_short_line_is_broken():
    text = "一、存在的问题(一)村级活动阵地缺乏，组织活动难以开展。\n我镇共有四十二个党支部。\n"
    assert reads(text, "glued").split("\n")[:2] == ["一、存在的问题", "(一)村级活动阵地缺乏，组织活动难以开展。"]
    later = "一、落实规定情况(二)所列事项已办结。\n"  # not a first marker: a reference inside the title
    assert reads(later, "glued") == later


GLUED_LABELS = ("今年以来，全乡党建工作在县委的正确领导下，紧紧围绕中心工作，扎实推进各项任务，取得了明显成效，全乡各级党组织"
                "的凝聚力和战斗力进一步增强，党员干部的精神面貌焕然一新，群众对党组织的满意度逐年提高，各村班子团结干事的氛围日益浓厚，"
                "基层党建与乡村振兴、产业发展、社会治理深度融合，为全乡经济社会持续健康发展提供了坚强的组织保证和有力的作风支撑。三、主要做法。一是抓学习，组织全乡党员开展集中学习六次。"
                "二是抓队伍，新发展党员五名，培训入党积极分子二十人。四、存在的问题在全乡党员干部的共同努力下，我乡党建工作取得了"
                "一定成绩，但与群众的期望相比还有差距。一是村级集体经济薄弱。二是党员年龄偏大。五、今后的打算一是加强培训。"
                "二是壮大村级集体经济。\n")


def test_a_part_title_glued_to_its_body_ends_after_a_role_label():
    heads = [line[:8] for line in reads(GLUED_LABELS, "glued").split("\n")]
    assert heads == ["今年以来，全乡党", "三、主要做法。一", "四、存在的问题", "在全乡党员干部的", "五、今后的打算", "一是加强培训。二", ""]
    report = parse_text(GLUED_LABELS)
    assert violations(report.to_dict(), GLUED_LABELS) == []
    assert [p.text for p in report.weaknesses] == ["一是村级集体经济薄弱。", "二是党员年龄偏大。"]
    assert [p.text for p in report.plans] == ["一是加强培训。", "二是壮大村级集体经济。"]


def test_a_heading_numeral_typed_as_a_dash_is_read_as_one_and_kept_as_typed():
    text = ("—、总体情况\n全年完成各项任务。\n二、工作开展情况(-)坚守第一道防线，做好服务保障。发布预警信息120条。\n"
            "(二)全力应对干旱。开展人工增雨作业6次。\n")
    report = parse_text(text)
    assert violations(report.to_dict(), text) == []
    sections = [(n.marker, n.title, n.level) for n in report.walk() if n.kind == "section"]
    assert sections == [("—、", "总体情况", 1), ("二、", "工作开展情况", 1),
                        ("(-)", "坚守第一道防线，做好服务保障", 2), ("(二)", "全力应对干旱", 2)]


def test_an_inline_list_of_parts_in_a_paragraph_is_not_broken_up():
    text = ("会议提出了三点要求，各单位要认真抓好贯彻落实，确保会议精神落地见效，推动全年各项目标任务圆满完成，"
            "为全县经济社会发展作出新的更大贡献。一、提高思想认识。二、加强组织领导。三、狠抓工作落实。会后各单位迅速传达。\n")
    assert reads(text, "glued") == text


def test_an_inline_list_in_a_long_paragraph_is_not_broken_up():
    text = ("今年要办好十件民生实事，件件落实到位。（1）新建改扩建幼儿园20所，新增学位6000个，缓解入园难问题。"
            "（2）改善农村学校办学条件，为100所中小学建设供暖设施，让孩子们温暖过冬。（3）新建县域医疗次中心58个。\n")
    assert reads(text, "glued") == text


def test_an_inserted_break_stands_for_no_character():
    reading = Reading("要求。一、加强学习。二、改进作风")
    reading.insert("glued", [3, 10])
    assert reading.text == "要求。\n一、加强学习。\n二、改进作风"
    assert [reading.span(a, b) for a, b in [(0, 3), (4, 11), (12, 18)]] == [(0, 3), (3, 10), (10, 16)]
    assert [reading.boundary(i) for i in (0, 4, 12, 18)] == [0, 3, 10, 16]  # lines tile the original
    reading.edit("spaces", [(5, 6, "")])  # a later step composes with the insertion
    assert reading.text == "要求。\n一加强学习。\n二、改进作风" and reading.span(4, 10) == (3, 10)


glued_pieces = st.lists(st.sampled_from(
    ["一、加强学习", "二、改进作风", "(一)提高能力", "(二)完善制度", "（1）", "1.", "。", "，", "全年完成任务", "培根铸魂育新人",
     "”", "2023年", "增长6.7%", " ", "第一章总则"]), min_size=30, max_size=120).map("".join)


@settings(max_examples=100, deadline=None)
@given(glued_pieces)
def test_glued_text_keeps_the_invariants(text):
    report = parse_text(text)
    assert violations(report.to_dict(), text) == []
    for node in report.walk():
        assert report.surface(node) == text[node.start:node.end]


# -- the offset map --------------------------------------------------------------------------------

def test_offset_map_is_tight_and_tiles():
    reading = Reading("ab  cd\u200bef")
    reading.edit("spaces", [(2, 4, ""), (6, 7, "")])
    assert reading.text == "abcdef"
    assert [reading.start_of(i) for i in range(6)] == [0, 1, 4, 5, 7, 8]
    assert reading.end_of(2) == 2 and reading.boundary(2) == 4  # a surface stops, a node edge moves on
    assert reading.boundary(0) == 0 and reading.boundary(6) == 9
    reading.edit("unwrap", [(1, 3, "")])  # a second step composes with the first
    assert reading.text == "adef" and [reading.start_of(i) for i in range(4)] == [0, 5, 7, 8]


def test_report_offsets_index_the_original_text():
    text = "一、存在的問題和不足\n一是學習不夠深入,粮食产量1.2 万吨;二是作风不够扎实。\n"
    report = parse_text(text)
    assert violations(report.to_dict(), text) == []
    assert report.text == text
    tons = next(q for q in report.quantities if q.unit == "吨")
    assert text[tons.start:tons.end] == tons.text == "1.2 万吨" and tons.value == 12000
    section = next(n for n in report.walk() if n.kind == "section")
    assert section.title == "存在的問題和不足" and section.role == "weaknesses"
    assert [w.text for w in report.weaknesses][0].startswith("一是學習")
    codes = [w.message.split(":")[0] for w in report.warnings if w.code == "normalised"]
    assert codes == ["traditional", "punctuation", "spaces"]


def test_clean_text_has_no_normalised_warning():
    report = parse_text("一、加强学习\n一是学理论；二是学业务。\n")
    assert not [w for w in report.warnings if w.code == "normalised"]


# -- the rule file ---------------------------------------------------------------------------------

def test_a_step_is_switched_off_in_an_overlay(tmp_path):
    (tmp_path / "reading.toml").write_text(
        '[[reading]]\nname = "spaces"\nenabled = false\nexamples = []\ncounter_examples = []\n', encoding="utf-8")
    book = load_rules(tmp_path)
    assert read("2006 年", book).text == "2006 年"
    assert read("2006 年，增長", book).text == "2006 年，增长"


@pytest.mark.parametrize("body,field", [
    ('[[reading]]\nname = "tidy"\nexamples = []\ncounter_examples = []\n', "name"),
    ('[[reading]]\nname = "punctuation"\nascii = ",;"\nfull_width = "，"\nchinese = "x"\nkeep = "y"\n'
     'examples = []\ncounter_examples = []\n', "full_width"),
    ('[[reading]]\nname = "unwrap"\nexamples = []\ncounter_examples = []\n', "line_ends"),
    ('[[reading]]\nname = "glued"\nline_ends = "。"\nafter_end = "”"\nopen_styles = ["chinese-dun", "roman"]\n'
     'examples = []\ncounter_examples = []\n', "open_styles"),
    ('[[reading]]\nname = "glued"\nline_ends = "。"\nafter_end = "”"\nopen_styles = ["unnumbered-part"]\n'
     'examples = []\ncounter_examples = []\n', "open_styles"),
])
def test_bad_reading_rules_fail_at_load(tmp_path, body, field):
    (tmp_path / "reading.toml").write_text(body, encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules(tmp_path)
    assert f"field {field!r}" in str(caught.value)


# -- the lossless contract on messy text -----------------------------------------------------------

MESSY = ["一、", "（二）", "(三)", "1.", "一是", "二是", "第一，", "第二，", "。", "；", "，", ",", ";", ":", "(", ")",
         "!", "?", "\n", "\r\n", " ", "  ", "\u3000", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
         "1.5", "8:30", "2006", " 年", "1.2 万吨", "C919", "https://a.cn/x?y=1,2", "Hello, world",
         "存在的問題和不足", "增長6.7%", "黨的十九屆四中全會", "《關於加強學習的意見》", "召開全縣經濟工作會議",
         "學", "习", "今後，我將", "工 作 报 告", "法制\n", "，\n\n"]
messy_soup = st.lists(st.sampled_from(MESSY), max_size=80).map("".join)


def _wrapped(text: str, width: int) -> str:
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


@settings(max_examples=200, deadline=None)
@given(messy_soup, st.integers(min_value=8, max_value=40))
def test_messy_text_keeps_the_invariants(text, width):
    for candidate in (text, _wrapped(text, width)):
        report = parse_text(candidate)
        assert violations(report.to_dict(), candidate) == []
        for node in report.walk():
            assert report.surface(node) == candidate[node.start:node.end]
        for warning in report.warnings:
            assert warning.start is None or 0 <= warning.start <= len(candidate)


def test_headings_that_stop_at_one_width_are_no_evidence_of_a_wrap():
    """A page whose part titles happen to share a width is not hard-wrapped: the title and the paragraph
    after it stay apart."""
    text = ("一、主动公开政府信息和政务动态的情况\n全年主动公开政府信息一百余条，涵盖机构职能、规划计划、财政预算等内容。\n"
            "二、依申请公开和不予公开政府信息情况\n全年收到申请十二件，均按程序和时限办理完毕，没有发生逾期答复的情况。\n"
            "三、政府信息公开的收费及减免的情况\n全年没有收取任何费用。\n"
            "四、存在的主要问题及下步工作的安排\n公开内容还不够全面。\n")
    assert reads(text, "unwrap") == text
