"""Issue 13: the rules on kinds of report they were not first written for.

The floors hold the strict figures on the dev half of the unseen reports (tests/gold/unseen/dev, the half
the rules were tuned on; `python bench/eval_unseen.py --dev-only` prints them) a little under what they
are, so that a regression fails. The test half is never read here. The other tests pin single cases, in
sentences written for the purpose, and on the real reports the issue names (skipped without
../shared/corpus).
"""

from __future__ import annotations

import pytest

from reportparse import parse, parse_text
from bench.unseen_gold import score_folders

from .conftest import ROOT
from .test_shared_corpus import top

# 255 dev texts since the ninth session (48 more page openings and copies, annotated blind, of the genres and
# layouts the pages hold least; a college notice, a township council's goals and a yearbook page brought plans the
# rules read otherwise): quantities .981/.974, meetings .932/.954, weaknesses .973/.893, plans .949/.910, genre .945,
# outline P .969 R .954 after tuning; the plans precision floor went from .95 to .93 with them.
# 123 dev texts since the fourth session (8 more, then 24 news items dense in meetings, all annotated blind;
# the news items scored meetings .46/.52 before any rule was tuned on them): quantities .976/.972, meetings
# .889/.917, weaknesses .965/.951, plans .985/.944, genre .927, outline P .931 R .928 after tuning.
# 91 dev texts since the third session (17 and then 13 more, annotated blind; the 13 chosen for their
# weakness and plan points): quantities .976/.962, meetings .957/.952, documents .975/.963, weaknesses
# .871/.857, plans .978/.746, genre .901, outline P .896 R .907 after tuning; the floors sit a little under.
# 61 dev texts since the second session (40 added, annotated blind, then tuned on): quantities P .983 R .953,
# meetings .935/.930, documents .958/.920, weaknesses .923/.923, plans 1.0/.528, genre .803, outline P .871 R .918
DEV_FLOORS = {"quantities": (0.96, 0.94), "meetings": (0.86, 0.88), "documents": (0.92, 0.9),
              "weaknesses": (0.85, 0.83), "plans": (0.93, 0.7)}
GENRE_FLOOR, OUTLINE_RECALL_FLOOR, OUTLINE_PRECISION_FLOOR = 0.88, 0.88, 0.86


@pytest.fixture(scope="module")
def dev():
    return score_folders([ROOT / "tests" / "gold" / "unseen" / "dev"], ROOT)


@pytest.mark.parametrize("kind", list(DEV_FLOORS))
def test_dev_half_meets_its_floor(dev, kind):
    tally = dev.kinds[kind]
    precision, recall = DEV_FLOORS[kind]
    assert tally.gold > 0
    assert tally.precision >= precision and tally.recall >= recall, (kind, tally)


def test_dev_half_genres_and_outlines(dev):
    assert dev.files >= 60
    assert dev.genre_accuracy >= GENRE_FLOOR
    assert dev.headings.recall >= OUTLINE_RECALL_FLOOR and dev.headings.precision >= OUTLINE_PRECISION_FLOOR


@pytest.mark.parametrize(("text", "genre"), [
    ("某县人民检察院工作报告\n各位代表：\n现在，我代表县人民检察院向大会报告工作，请予审议。\n", "检察院工作报告"),
    ("在全县农业农村工作会议上的讲话\n同志们：\n今天我们召开全县农业农村工作会议，主要任务是部署今年的工作。\n", "工作会议报告"),
    ("同志们：\n现在，我代表中国共产党某县第十四届委员会向大会作报告。\n一、过去五年的工作\n五年来，全县经济稳步增长。\n",
     "党代会报告"),
    ("某镇党委领导班子2025年度民主生活会对照检\n查材料\n根据统一部署，班子深入查摆问题。\n", "民主生活会对照检查材料"),
    ("1月6日，某县人民法院院长作了法院工作报告，报告获全票通过。全年共受理各类案件2904件，审执结2793件。\n", None),
])
def test_genre_by_title_lead_or_none(text, genre):
    assert parse_text(text).genre == genre


def test_parts_after_the_review_are_plans_under_slogan_titles():
    text = ("同志们：\n现在，我代表中国共产党某市第九届委员会向大会作报告。\n"
            "一、过去五年的工作\n五年来，我们办成了几件大事。\n"
            "二、加快建设现代化产业体系\n（一）做强先进制造业\n推动产业升级。\n（二）做优现代服务业\n发展生产性服务业。\n"
            "三、全面加强党的建设\n（一）加强政治建设\n严明政治纪律。\n")
    report = parse_text(text)
    assert [p.role for p in top(report)] == ["review", "plans", "plans"]
    assert [p.text for p in report.plans] == ["做强先进制造业", "做优现代服务业", "加强政治建设"]


def test_each_problem_of_a_list_is_a_point_and_the_resolve_sentence_is_none():
    text = ("一、2025年工作回顾\n一年来，各项工作取得新进展。同时，我们还面临一些困难和挑战，主要是：产业基础不牢；"
            "财政收支矛盾突出；公共服务还有短板。对这些问题，我们要高度重视，认真加以解决。\n")
    assert [w.text for w in parse_text(text).weaknesses] == ["产业基础不牢；", "财政收支矛盾突出；", "公共服务还有短板。"]


@pytest.mark.parametrize(("sentence", "names"), [
    ("积极推进党的代表大会常任制。", []),
    ("坚持和完善人民代表大会制度。", []),
    ("认真开好政府常务会议。", ["政府常务会议"]),
    ("深入学习贯彻党的十八届三中、四中、五中全会精神。", ["党的十八届三中", "四中", "五中全会"]),
    ("今年共召开三次全会。", []),
    ("这是我省历史上的第五次党代表大会。", ["第五次党代表大会"]),
    ("中国共产党第二十次全国代表大会胜利召开。", ["中国共产党第二十次全国代表大会"]),
    # third session: counts, routines, bare heads of one body's session, 专题 before a kind of its own
    ("全年召开常委会会议8次，主任会议12次。", []),
    ("召开5次列席代表座谈会，听取意见。", []),
    ("每月定期召开一次教研组长会议。", []),
    ("我们要密切常委会同代表的联系。", []),
    ("认真贯彻年初人代会精神，通过党组会等形式学习。", ["人代会", "党组会"]),
    ("支部召开专题民主生活会，开展批评和自我批评。", ["专题民主生活会"]),
    ("召开专题会议研究部署。", []),
    ("邀请基层代表参加座谈会。", []),
    # review of the third session's change: a verb between a listed body and the name; joint meetings
    ("县委、县政府召开全县经济工作会议。", ["全县经济工作会议"]),
    ("学习贯彻中央和国家机关党的建设工作会议精神。", ["中央和国家机关党的建设工作会议"]),
    ("召开县委和县政府联席会议。", ["县委和县政府联席会议"]),
    ("深入贯彻中央和市委、区委人大工作会议精神。", ["中央", "市委", "区委人大工作会议"]),
    ("认真贯彻落实省委、市委、县委农村工作会议精神。", ["省委", "市委", "县委农村工作会议"]),
    ("依据省、市、县有关文件和会议精神开展工作。", []),
    ("——2018年7月24日在某省第十三届人民代表大会\n\n常务委员会第四次会议上\n",
     ["某省第十三届人民代表大会\n\n常务委员会第四次会议"]),
    # fourth session: a lead's lookahead sees the head; nouns after 会议; prepositions
    ("在全市组织工作会议上作典型发言。", ["全市组织工作会议"]),
    ("召开全县“两会”筹备工作会议。", ["全县“两会”筹备工作会议"]),
    ("市委、市政府召开全市高质量发展大会。", ["全市高质量发展大会"]),
    ("修订会议室管理制度，提高会议效率。", []),
    ("深化“两会一课”制度。", []),
    ("重大问题提交党委会集体讨论决定。", ["党委会"]),
    ("凡重大事项均经县政府常务会议研究。", ["县政府常务会议"]),
    ("贯彻全国和省市区教育工作会议精神。", ["全国", "省市区教育工作会议"]),
    ("利用周一例会、月度工作会等时机传达文件。", ["周一例会", "月度工作会"]),
    ("认真开好年度民主生活会和组织生活会。", ["年度民主生活会", "组织生活会"]),
    ("在全县组织部长会议上作表态发言。", ["全县组织部长会议"]),
    ("深入贯彻二十届四中全会以及中央经济工作会议精神。", ["二十届四中全会", "中央经济工作会议"]),
    ("贯彻落实全国对口支援新疆工作会议精神。", ["全国对口支援新疆工作会议"]),
    ("对照2024年度民主生活会查摆的问题逐项整改。", ["2024年度民主生活会"]),
    ("三个案例亮相联合国气候变化大会，国家会议中心二期投用。", ["联合国气候变化大会"]),
    # from the news items of the eighth dev batch: verbs before a name, quotes, (扩大), dashes, apps
    ("认真学习领会好全国两会精神，确保市“两会”顺利召开。", ["全国两会", "市“两会”"]),
    ("公司召开“双代会”筹备会议，部署会务工作。", ["“双代会”筹备会议"]),
    ("会议听取了“双代会”筹备情况。", ["双代会"]),
    ("厂党委召开党委会(扩大)，研究部署工作。", ["党委会(扩大)"]),
    ("在变局中开新局——某镇第十六届人民代表大会第一次会议开幕。", ["某镇第十六届人民代表大会第一次会议"]),
    ("支部通过腾讯会议组织学习。", []),
    # sixth session: 待 before a meeting waits for it; 待遇 and 待建 are words of the name
    ("该方案待市人代会确定后实施。", ["市人代会"]),
    ("召开全县城乡居民养老保险待遇发放工作会议。", ["全县城乡居民养老保险待遇发放工作会议"]),
    ("召开全区待建项目调度会。", ["全区待建项目调度会"]),
    # seventh session: quotes around a name's words; verbs that are words of a name
    ("我们召开县委常委会、学党史、悟思想”专题座谈会。", ["县委常委会", "悟思想”专题座谈会"]),
    ("召开“不忘初心、牢记使命”主题教育总结大会。", ["“不忘初心、牢记使命”主题教育总结大会"]),
    ("举办“学习强国”读书论坛系列活动。", ["“学习强国”读书论坛"]),
    ("召开全县企业开办便利化工作会议。", ["全县企业开办便利化工作会议"]),
    ("召开全市文明城市创建启动大会。", ["全市文明城市创建启动大会"]),
    # eighth session: a local committee's plenums listed with one 全会; an institution; festivals and races
    ("认真贯彻市委五届七次、八次全会精神。", ["市委五届七次", "八次全会"]),
    ("政府要自觉接受人民代表大会及其常委会的监督。", []),
    ("成功举办第二届徒步大会和乡村音乐大会。", []),
    ("召开全县体育工作大会。", ["全县体育工作大会"]),
    # instructions studied with a meeting end before it; a meeting on some matter is a kind
    ("深入贯彻总书记重要指示批示和中央经济工作会议精神。", ["中央经济工作会议"]),
    ("及时传达县政府信息公开有关会议精神。", []),
    # 已经/被 before a meeting are no words of its name; every session of a term names no one of them
    ("该方案已经县政府常务会议审议通过。", ["县政府常务会议"]),
    ("宪法已经被第一届全国人民代表大会第一次会议通过。", ["第一届全国人民代表大会第一次会议"]),
    ("认真贯彻十二届全国人大历次会议精神。", []),
    # ...but 被 and 已 in a name's own words stay (review of the eighth session)
    ("全县召开被巡察单位整改工作推进会。", ["被巡察单位整改工作推进会"]),
    ("召开已建成项目验收工作会议。", ["已建成项目验收工作会议"]),
    ("我县召开领导批示和群众信访件办理情况通报会。", ["领导批示和群众信访件办理情况通报会"]),
    # ninth session, dev batch 20: verbs that start a name, study meetings
    ("会议由大会执行主席主持。上午9时，某某宣布大会开幕。", []),
    ("召开教育系统学习贯彻党的十八大精神座谈会。", ["教育系统学习贯彻党的十八大精神座谈会"]),
    ("传达学习中央政协工作会议精神学习会召开。", ["传达学习中央政协工作会议精神学习会"]),
    # ninth session, the first review
    ("县委召开领导干部任职宣布大会。", ["领导干部任职宣布大会"]),
    ("组织干部职工收看全国学习贯彻党的二十大精神报告会。", ["全国学习贯彻党的二十大精神报告会"]),
    ("随后召开全体干部大会学习贯彻县委全会精神动员会。", ["全体干部大会", "学习贯彻县委全会精神动员会"]),
    # ninth session, dev batch 20 and older dev misses
    # after a verb's object, 和 joins two things studied
    ("认真落实中央、省各项决策部署和市委九届八次全会精神。", ["市委九届八次全会"]),
    # 和平 is no conjunction
    ("出席和平解决边界问题的会议。", ["和平解决边界问题的会议"]),
    # after what is studied and 和, the first body of a list shares the meeting
    ("贯彻党的二十届三中全会精神和中央、省委、县委经济工作会议精神。", ["党的二十届三中全会", "中央", "省委", "县委经济工作会议"]),
    # a series of a place's meetings names no one meeting; a named series does
    ("认真贯彻省市系列会议精神。出席东亚合作领导人系列会议。", ["东亚合作领导人系列会议"]),
    ("及时传达上级的重要会议精神。", []),
    # ninth session, the second review
    ("县长出席和龙市第十届人民代表大会第四次会议。", ["和龙市第十届人民代表大会第四次会议"]),
    ("召开和田地区经济工作会议。", ["和田地区经济工作会议"]),
    ("参加省委全会和县、乡两级领导干部大会。", ["省委全会", "县、乡两级领导干部大会"]),
    ("参加2024全国智慧城市系列论坛。", ["2024全国智慧城市系列论坛"]),
    ("庆祝中华人民共和国成立75周年大会。", ["庆祝中华人民共和国成立75周年大会"]),
    ("认真执行省十三届人大三次会议确定的预算。", ["省十三届人大三次会议"]),
    # ninth session, the third review
    ("召开全市法院执行工作会议，部署执行攻坚。", ["全市法院执行工作会议"]),
    ("召开全市财政预算执行调度会。", ["全市财政预算执行调度会"]),
    ("召开领导批示和督办事项通报会。", ["领导批示和督办事项通报会"]),
    ("县委、县政府召开县、乡、村三级干部大会。", ["县、乡、村三级干部大会"]),
    ("落实党中央决策部署和省委、市委经济工作会议精神。", ["省委", "市委经济工作会议"]),
])
def test_meeting_names_by_grammar(sentence, names):
    report = parse_text(sentence)
    assert [m.name for m in report.meetings] == names
    assert all(report.text[m.start:m.end] == m.name for m in report.meetings)


def test_figures_ratios_rates_and_fixed_terms():
    found = parse_text("三次产业结构比为11.8︰48.3︰39.9，日处理能力约800吨/日，"
                       "干部一天当作两天用，会议17:30结束。").quantities
    assert [(q.text, q.type, q.unit) for q in found] == [("11.8︰48.3︰39.9", "ratio", None),
                                                          ("约800吨/日", "measure", "吨/日")]


def test_page_chrome_is_noise_and_holds_no_figures():
    text = "某县人民政府工作报告\n发布日期:2024-01-02 09:30 浏览量:1234\n各位代表：\n全年完成投资12亿元。\n已有3人发表了评论\n"
    assert [q.text for q in parse_text(text).quantities] == ["12亿元"]


def test_weakness_passages_named_by_the_issue(shared_corpus):
    hebei = parse(shared_corpus / "gwr-provincial-2026" / "hebei.txt")
    assert len(hebei.weaknesses) == 1 and not hebei.weaknesses[0].text.startswith("我们一定")
    national = parse(shared_corpus / "gwr-national" / "2007.txt")
    assert [w.text[:2] for w in national.weaknesses] == ["一是", "二是", "三是", "四是"]
    guizhou = parse(shared_corpus / "gwr-provincial-2026" / "guizhou.txt")
    assert len(guizhou.weaknesses) >= 6 and not any("直面问题" in w.text for w in guizhou.weaknesses)


@pytest.mark.parametrize("province", ["anhui", "beijing", "fujian", "hainan", "heilongjiang"])
def test_every_plans_part_yields_plan_points(shared_corpus, province):
    assert parse(shared_corpus / "gwr-provincial-2026" / f"{province}.txt").plans


# -- second session: cases met on the dev texts, in sentences written for the purpose ---------------------

@pytest.mark.parametrize(("text", "genre"), [
    ("2024年某市政府工作报告（全文）\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n", "政府工作报告"),
    ("——2024年1月5日在某市第十七届人民代表大会第三次会议上\n某市人民检察院检察长 张某\n各位代表：\n"
     "现在，我代表市人民检察院向大会报告工作，请予审议。\n", "检察院工作报告"),
    ("某街道2023年工作总结及2024年工作思路\n今年以来，街道扎实推进各项工作。\n", "工作总结"),
    ("某区2023年度法治政府建设情况报告\n2023年，全区坚持依法行政。\n", "工作总结"),
    ("<li id=\"a1\"></li>\n<li id=\"a2\"></li>\n<li id=\"a3\"></li>\n•\n某县2023年政府工作报告\n各位代表：\n", "政府工作报告"),
])
def test_genre_of_titles_met_on_the_dev_texts(text, genre):
    assert parse_text(text).genre == genre


def test_a_figure_in_a_title_is_part_of_the_name_and_a_minus_sign_is_kept():
    text = "作了《某公司2022年度工作报告》。全年增速-4.7%，比上年回落。\n"
    found = [(q.text, str(q.value)) for q in parse_text(text).quantities]
    assert found == [("-4.7%", "-4.7")]


def test_plenums_listed_without_commas_are_each_named():
    text = "深入学习贯彻党的十九大和十九届二中三中四中全会精神。\n"
    report = parse_text(text)
    assert [text[m.start:m.end] for m in report.meetings] == ["党的十九大", "十九届二中", "三中", "四中全会"]


def test_a_cue_sentence_that_states_a_problem_is_a_point_and_one_that_only_announces_is_not():
    stated = ("同时，我们也清醒地认识到，全市发展水平与高质量发展的要求还有不小差距，城市环境品质与先进城市相比还有明显短板，"
              "公共服务供给不足的问题比较突出。\n")
    announced = "我们也清醒地认识到，工作中还存在一些差距和不足。主要是：调研不够深入；办事效率不高。\n"
    assert [p.text[:4] for p in parse_text(stated).weaknesses] == ["同时，我"]
    assert [p.text for p in parse_text(announced).weaknesses] == ["调研不够深入；", "办事效率不高。"]


@pytest.mark.parametrize(("text", "weaknesses", "plans"), [
    # role labels head their numbered points; a numbered line with nothing under it is a point whole
    ("三、存在的主要问题及改进情况\n存在问题：\n1.部分信息公开不够及时。\n2.公开形式还不够多样。\n"
     "改进措施：\n1.加强学习培训。进一步提高干部的公开意识。\n2.拓宽公开渠道。用好新媒体平台。\n",
     ["1.部分信息公开不够及时。", "2.公开形式还不够多样。"], ["加强学习培训", "拓宽公开渠道"]),
    # a problems section stops at its remedies, and they are plans
    ("五、存在的主要问题及改进情况\n今年的工作仍存在以下问题：\n一是队伍建设仍需加强。\n二是公开内容还不够丰富。\n"
     "针对以上问题，我局从以下几个方面着手：\n一是加大培训力度，提高业务水平。\n二是拓宽公开渠道，丰富公开内容。\n",
     ["一是队伍建设仍需加强。", "二是公开内容还不够丰富。"], ["一是加大培训力度，提高业务水平。", "二是拓宽公开渠道，丰富公开内容。"]),
    # remedies in the same paragraph as the problems: the problems stop where the remedies begin
    ("今年工作取得了一定成绩，但与公众的需求还存在一些差距，主要有：公开内容还不够丰富，培训力度还需加大。"
     "对上述问题，我们将从以下两个方面进行改进：一是进一步充实公开内容。二是进一步提升工作水平。\n",
     ["公开内容还不够丰富，培训力度还需加大。"], ["一是进一步充实公开内容。", "二是进一步提升工作水平。"]),
    # a heading line with nothing after it ends the paragraph before it, even one a table left unfinished
    ("结 结 其 尚\n0 0 0 0\n五、存在的主要问题及改进情况\n今年我局工作还存在一些不足，主要有：公开方式有待创新。\n",
     ["公开方式有待创新。"], []),
    # role labels with a paragraph under them; the date line that closes the page is no plan
    ("六、存在的主要问题及改进情况\n(一)存在问题:\n一年来工作虽有进步，但公开的时效还很难达到要求。\n"
     "(二)改进措施:\n我镇将继续加强政务公开工作。\n二0一七年\n",
     ["一年来工作虽有进步，但公开的时效还很难达到要求。"], ["我镇将继续加强政务公开工作。"]),
    # a section on problems and remedies that opens with the remedies: a list of units, each a plan point
    ("三、存在的问题及改进措施\n为此，我们将采取以下措施积极改进。\n（一）继续加强配套制度建设。\n（二）做好重点领域信息公开。\n",
     [], ["（一）继续加强配套制度建设。", "（二）做好重点领域信息公开。"]),
    # the problems end where the remedies begin, in a labelled list and in a run-in resolve
    ("存在问题：\n1.档案管理不够规范。\n2.业务培训次数偏少。\n下步打算：\n1.建立档案管理台账。\n2.每季度开展一次业务培训。\n",
     ["1.档案管理不够规范。", "2.业务培训次数偏少。"], ["1.建立档案管理台账。", "2.每季度开展一次业务培训。"]),
    ("六、存在的主要问题及改进情况\n(一)存在问题:\n公开的时效还很难达到要求。上述问题，我们将在今后的工作中切实加以改进。\n",
     ["公开的时效还很难达到要求。"], []),
    # a commitment inside the review closes that item of work; the plans are the ones after the review
    ("一、主要工作\n（一）抓实项目建设。全年完成投资5亿元。下一步，我局将继续加大项目推进力度。\n"
     "二、存在的问题\n一是项目储备不足。二是人才短缺。\n三、2024年工作打算\n（一）抓好项目谋划。力争储备项目30个。\n",
     ["一是项目储备不足。", "二是人才短缺。"], ["抓好项目谋划"]),
    # a year's commitment: 明年/2024年，我局将 and a verb (2023年，我局将政务公开纳入考核 is a deed, not a plan)
    ("明年，我局将重点做好以下工作：一是抓好规划编制；二是抓好项目储备。\n",
     [], ["一是抓好规划编制；", "二是抓好项目储备。"]),
    # written for the fourth session: labels before a colon, and 如 after a cue
    ("存在的不足：一是学习不够深入；二是调研不够扎实。\n", ["一是学习不够深入；", "二是调研不够扎实。"], []),
    ("工作中的不足：\n1.学习不够深入。\n2.调研不够扎实。\n", ["1.学习不够深入。", "2.调研不够扎实。"], []),
    ("当然，工作中也存在一些不足，如学习不够系统，工作作风不够扎实。\n", ["学习不够系统，工作作风不够扎实。"], []),
    # written for the fifth session: a cue paragraph followed by headings, each heading one problem; a
    # task that closes a gap (补齐民生短板) is a plan, and a challenge named before the tasks is no problem list
    ("一、过去一年的工作\n我们也清醒地看到，发展中还存在不少困难和问题。\n——产业结构不够合理。工业比重偏低。\n"
     "——民生保障仍有短板。教育资源不均衡。\n对这些问题，我们将认真加以解决。\n二、今年的主要任务\n"
     "（一）推动产业升级。加快园区建设。\n（二）补齐民生短板。新建学校两所。\n",
     ["产业结构不够合理", "民生保障仍有短板"], ["推动产业升级", "补齐民生短板"]),
    # short run-in titles end the paragraph before them like long ones; an achievement's title names no role
    ("一、过去一年的工作\n我们也清醒地看到，还存在一些问题。\n——产业不强。工业比重偏低。\n——创新乏力。研发投入偏少。\n",
     ["产业不强", "创新乏力"], []),
    ("一、过去一年的工作\n——城乡差距不断缩小。农民收入增长8%。\n——民生短板加快补齐。新建学校三所。\n", [], []),
    # a cue in the preamble lists none of the report's own parts
    ("某局2023年工作总结\n今年以来，我局取得了一定成绩，但也存在一些不足。\n一、全年主要工作完成情况\n完成投资5亿元。\n"
     "二、全面加强干部队伍建设\n培训干部200人次。\n三、存在的问题\n招商难度加大。\n", ["招商难度加大。"], []),
    ("一、工作回顾\n全年完成投资5亿元。我们也清醒地认识到，工作中还存在一些问题，面临的挑战也不少。\n"
     "（一）项目储备不足。新开工项目偏少。\n（二）人才短缺。专业人员不足。\n",
     ["项目储备不足", "人才短缺"], []),
    ("我们也清醒地认识到工作中存在的不足，主要是：一是项目储备不足。二是思想解放不够。【更多公文素材，微信：abc123】\n",
     ["一是项目储备不足。", "二是思想解放不够。"], []),
    ("下面，就做好明年的工作，我强调几点意见。\n一要抓好项目建设，确保全年投资目标完成。\n二要抓好招商引资，力争引进项目十个。\n",
     [], ["一要抓好项目建设，确保全年投资目标完成。", "二要抓好招商引资，力争引进项目十个。"]),
    ("二、今后五年的主要目标任务\n今后五年，外部环境变化带来的不利影响仍然存在，我们也清醒地看到发展中的短板。\n"
     "（一）以更高标准推动高质量发展。经济总量迈上新台阶。\n（二）以更大力度深化改革。开放水平持续提高。\n",
     [], ["以更高标准推动高质量发展", "以更大力度深化改革"]),
    # written for the sixth session: a commitment after a paragraph that lost its full stop; a 工作设想 part
    ("全乡累计主动公开政府信息65条，所占比例为75%\n\n2011年，我们将进一步提高对政务公开工作的认识。\n",
     [], ["2011年，我们将进一步提高对政务公开工作的认识。"]),
    ("某局2020年工会工作总结\n一、主要工作\n组织活动3次。\n二、明年工作设想\n明年主要达到两个目的：一是健全工会组织。二是开展文体活动。\n",
     [], ["一是健全工会组织。", "二是开展文体活动。"]),
    # a task of a plans part that names a gap is a task, not the report's problems
    ("一、2023年工作回顾\n全年完成投资5亿元。\n二、2024年工作安排\n（一）深入实施“三农”领域突出短板攻坚行动，加快农业农村现代化\n"
     "新建高标准农田120万亩。\n", [], ["深入实施“三农”领域突出短板攻坚行动，加快农业农村现代化"]),
    # (review of the sixth session) an item that introduces sub-points is a problem whole; a hard-wrapped line opens
    # no commitment; a part placed among the plans by its place keeps its subsections' roles; a task under a
    # task of a plans part names no problem
    ("我们也清醒地看到，工作中还存在一些问题，主要是：\n一是产业结构不优，存在的问题主要表现在：\n工业比重偏低，服务业发展滞后。\n"
     "二是民生保障存在短板，学校医院不足。\n三是营商环境有待优化。\n",
     ["一是产业结构不优，存在的问题主要表现在：\n工业比重偏低，服务业发展滞后。", "二是民生保障存在短板，学校医院不足。",
      "三是营商环境有待优化。"], []),
    ("某局2023年工作总结\n今年以来，全局上下齐心协力，积累了宝贵经验，为\n下一步工作打下了坚实基础。\n", [], []),
    ("某镇2024年工作计划\n一、基本情况\n全年完成投资5亿元。\n（一）存在的问题\n1.产业结构不优，工业比重偏低。\n"
     "2.基础设施薄弱，道路等级偏低。\n二、工作目标\n（一）推进项目建设\n新建道路10公里。\n",
     ["1.产业结构不优，工业比重偏低。", "2.基础设施薄弱，道路等级偏低。"], ["推进项目建设"]),
    ("某县2023年工作总结\n一、2023年工作回顾\n完成投资5亿元。\n二、2024年工作计划\n（一）推进乡村振兴\n"
     "1.实施农村基础设施短板攻坚行动\n新修道路10公里。\n", [], ["推进乡村振兴"]),
])
def test_problems_and_remedies_of_a_summary(text, weaknesses, plans):
    report = parse_text(text)
    assert [p.text for p in report.weaknesses] == weaknesses
    assert [p.text for p in report.plans] == plans


def test_a_work_plan_of_one_level_of_tasks_gives_each_task_title():
    text = ("某镇人民政府2024年工作计划\n（一）中药材种植产业园项目：该项目总投资120万元，占地500余亩。\n"
            "（二）蔬菜保鲜库项目：该项目总投资300余万元，预计年内建成。\n")
    report = parse_text(text)
    assert report.genre == "工作计划"
    assert [p.text for p in report.plans] == ["中药材种植产业园项目", "蔬菜保鲜库项目"]


def test_an_excerpt_of_the_plans_part_gives_each_task_part_its_title():
    # the page holds the plans part alone, after its label: the task parts are plans by their place
    text = ("某县2021年政府工作报告（节选）\n今后五年的主要目标是：经济实力明显增强。\n重点工作方向：\n"
            "（一）融入区域协同发展，打造开放新高地。\n推进交通互联互通。新建道路3条。\n"
            "（二）构建现代产业体系，培育发展新动能。\n壮大特色产业。培育龙头企业5家。\n")
    report = parse_text(text)
    assert report.genre == "政府工作报告"
    assert [p.text for p in report.plans] == ["融入区域协同发展，打造开放新高地", "构建现代产业体系，培育发展新动能"]


def test_labels_of_a_time_head_their_points_when_they_have_a_colon():
    text = ("2023年上半年工作汇报\n上半年，各项工作稳步推进。\n存在问题：\n1.项目推进较慢，手续办理滞后。\n"
            "下半年工作思路：\n1.加快项目建设进度，确保按期开工。\n2.强化招商引资，力争引进项目3个。\n")
    report = parse_text(text)
    assert [p.text for p in report.weaknesses] == ["1.项目推进较慢，手续办理滞后。"]
    assert [p.text for p in report.plans] == ["1.加快项目建设进度，确保按期开工。", "2.强化招商引资，力争引进项目3个。"]


def test_a_part_of_main_work_names_a_later_year_is_the_plans():
    text = ("某局2023年工作总结\n一、2023年主要工作\n（一）抓项目建设。完成投资12亿元。\n"
            "二、2024年主要工作\n（一）抓产业发展。新开工项目20个。\n（二）抓作风建设。开展专项整治。\n")
    report = parse_text(text)
    assert [n.role for n in report.sections] == [None, "review", "plans"]
    assert [p.text for p in report.plans] == ["抓产业发展", "抓作风建设"]


def test_the_guiding_thought_a_plan_opens_with_is_no_task():
    text = ("某中学2022年工作计划\n一、指导思想\n坚持立德树人，办好人民满意的教育。\n二、主要目标\n"
            "1.全面加强党的建设，发挥党员教师的示范作用。开展主题党日活动12次。\n"
            "2.狠抓教学质量，提升学校影响力。本科上线率提高5个百分点。\n")
    report = parse_text(text)
    assert [p.text for p in report.plans] == ["全面加强党的建设，发挥党员教师的示范作用", "狠抓教学质量，提升学校影响力"]


@pytest.mark.parametrize(("text", "found"), [
    ("全镇建成百余个项目，吸引千余家企业。", [("百余个", "100"), ("千余家", "1000")]),
    ("1-11月，全区完成投资。", [("1-11月", "None")]),
    ("千方百计为百姓办实事。", []),
    ("再讲三点意见。下午三点召开会议。", [("三点", "3")]),
    ("制定2022-2023学年度学校工作计划。", [("2022", "2022"), ("2023", "2023")]),
    ("7月9日至17日开展督查，2021年9月23至24日召开会议。", [("7月9日", "None"), ("17日", "None"), ("2021年9月23", "2021"), ("24日", "None")]),
])
def test_round_magnitudes_and_month_spans(text, found):
    assert [(q.text, str(q.value)) for q in parse_text(text).quantities] == found


# -- third session: titles glued to the body, and the fixed part titles of the annual reports -------------

@pytest.mark.parametrize(("text", "genre"), [
    ("在全镇村支部书记工作例会上的讲话刚才，各村汇报了春耕备耕的进展情况，总体看进度较快。\n", "工作会议报告"),
    ("某街道2023年工作总结2023年，街道在区委区政府领导下，扎实推进各项工作。\n", "工作总结"),
    # the glued start is a phrase of a sentence here, not a title: what follows makes it one
    ("在全县经济工作会议上的讲话精神指引下，我们抓好了各项工作，群众满意度提高。\n", None),
    # a title named inside 《》 is not the report's own (工作要点 here)
    ("根据省政府办公厅《关于印发全省2021年政务公开工作要点的通知》要求，现公布本局年度报告如下。\n", None),
    ("五、存在的主要问题及改进情况\n（一）存在的主要问题：一是公开意识有待提高。\n", "工作总结"),
    ("一、主要举措和成效\n（一）强化组织领导\n全镇坚持依法行政，完善决策程序。\n", "工作总结"),
    ("2024年度副校长述职报告。\n尊敬的各位领导：\n一年来，我分管教学工作。\n", "述职报告"),
    ("驻村工作队第二季度工作汇报\n本季度，工作队走访农户120户。\n", "工作总结"),
    # a sentence closed with 。 below the first line is no title (过去五年的基本总结。 is a part's opening)
    ("各位代表！\n过去五年工作的基本总结。\n我代表县人民政府向大会报告工作。\n", "政府工作报告"),
    ("二、2025年工作安排\n各位代表，今年是实施规划的关键一年，做好政府工作意义重大。\n", "政府工作报告"),
    # fourth session: a unit reporting its year; a person reporting; a standing committee's director
    ("某社区居委会\n现将2024年度工作情况汇报如下：\n一、综合事务\n", "工作总结"),
    ("现将本人2024年度工作情况报告如下：\n一、履职情况\n", "述职报告"),
    ("——2023年1月6日在某县第十八届人民代表大会第二次会议上\n县人大常委会主任  李某某\n过去一年，常委会依法履职。\n",
     "人大常委会工作报告"),
    ("某中学2023年工作报告\n一年来，学校坚持立德树人。\n", "工作总结"),
    ("某县人民政府2023年工作报告\n各位代表：\n", "政府工作报告"),
    ("某县审计局2022年度审计工作报告\n县人大常委会：\n", None),
    ("关于市委第三巡察组反馈意见整改情况的通报\n根据市委统一部署。\n", "整改情况报告"),
    # an unnumbered part title on the first line is the report's title when it reads as one
    ("某乡2023年工作总结和2024年工作安排\n今年以来，全乡上下团结一心。\n", "工作总结"),
    # fifth session: summaries titled as a report on the work or on the year's halves, an untitled summary, the
    # targets that open a government report's plans
    ("某县档案工作情况汇报\n一、工作落实情况\n", "工作总结"),
    ("某镇上半年工作情况总结及下半年工作打算\n一、上半年工作情况\n", "工作总结"),
    ("我馆在市委的领导下稳步推进各项工作。现将规划落实情况汇报如下：\n1.做好档案收集工作。\n", "工作总结"),
    ("今年全县经济社会发展主要预期目标是：地区生产总值增长6%左右。\n", "政府工作报告"),
    # a congress at any level, the national one too (the issue's 党代会报告)
    ("同志们：\n现在，我代表第二十届中央委员会向大会作报告。\n一、过去五年的工作\n", "党代会报告"),
    # eighth session (dev batch 18): page openings without a title of their own
    # a catalogue's column name above the page is no title; the notice that issues the 要点 names it
    ("计划总结\n某省卫生健康委关于印发2023年某省卫生健康工作要点的通知\n各市卫生健康委：\n一、总体要求\n", "工作要点"),
    # the standing committee's commission before 向大会报告
    ("某某：各位代表：我受十届全国人大常委会委托，向大会报告五年来的主要工作，请予审议。\n", "人大常委会工作报告"),
    # a unit's account of its year, and the opening every open-government annual report has
    ("2017年，在市委市政府的正确领导下，我局围绕补短板的要求，攻坚克难，各项工作取得显著成绩。\n", "工作总结"),
    ("本报告是根据《中华人民共和国政府信息公开条例》要求编制。\n一、概述\n", "工作总结"),
    # a plan that opens with its year and unit is no account of the year
    ("2024年，我局将继续围绕市委中心工作，重点抓好以下几方面工作。\n", None),
    ("各位代表：受县人大常委会委托，现向大会报告工作，请予审议。\n", "人大常委会工作报告"),
])
def test_genre_of_glued_titles_and_fixed_part_titles(text, genre):
    assert parse_text(text).genre == genre


def test_a_label_left_without_value_does_not_take_the_body_after_it_as_its_value():
    text = ("某支部组织生活会\n发布时间：2023-09-14 发布者： 浏览次数：\n\n"
            "本报讯 为深入学习党的创新理论，某支部于2023年9月13日召开了专题组织生活会，开展批评和自我批评。\n")
    report = parse_text(text)
    assert [text[q.start:q.end] for q in report.quantities if q.type == "date"] == ["2023年9月13日"]
    short_value = "来源：\n某日报2023年5月4日\n全年接待群众来访1200人次。\n"
    assert [short_value[q.start:q.end] for q in parse_text(short_value).quantities] == ["1200人次"]  # noise yields none
    first_heading = "发布时间 : 2021-01-25 来源:某街道 字体大小:\n\n一、总体情况\n\n本年度主动公开信息120条。\n"
    assert [s.title for s in parse_text(first_heading).sections if s.kind == "section"] == ["总体情况"]


def test_weakness_points_of_the_provincial_reports_meet_their_floor(shared_corpus):
    """tests/gold/unseen/weak-dev (tuned on): the weakness points of fifteen 2026 provincial reports, P 1.0
    R .986 in the third session."""
    scores = score_folders([ROOT / "tests" / "gold" / "unseen" / "weak-dev"], ROOT)
    tally = scores.kinds["weaknesses"]
    assert scores.files == 15 and tally.gold >= 70
    assert tally.precision >= 0.97 and tally.recall >= 0.96, tally


@pytest.mark.parametrize(("text", "points"), [
    # a cue sentence that only says difficulties lie ahead announces the points; it is none of them
    ("一、2025年工作回顾\n一年来，各项工作取得新进展。我们也清醒认识到，全省经济社会发展还面临不少困难和挑战。"
     "有效需求不足；产业竞争力不强。\n", ["有效需求不足；", "产业竞争力不强。"]),
    ("一、2025年工作回顾\n一年来，各项工作取得新进展。成绩来之不易，但问题也不容忽视。一是项目储备不足。"
     "二是营商环境有待优化。\n", ["一是项目储备不足。", "二是营商环境有待优化。"]),
    ("一、主要工作\n全年完成各项任务。\n二、存在的困难和问题\n一是资金缺口较大。二是人才引进难。\n",
     ["一是资金缺口较大。", "二是人才引进难。"]),
])
def test_a_sentence_that_only_says_difficulties_lie_ahead_is_no_point(text, points):
    assert [w.text for w in parse_text(text).weaknesses] == points


@pytest.mark.parametrize(("text", "weaknesses", "plans"), [
    # a problems-and-remedies part of an open-government annual report: the remedies open with a body that
    # will act, and a ；-list of tasks gives one plan point each
    ("五、存在的主要问题及改进情况\n我局在政府信息公开方面仍存在一些不足之处：一是公开的数据不够全面；二是更新不够及时。\n"
     "接下来，我们会强化网站安全建设；按季度发布检测数据。\n",
     ["一是公开的数据不够全面；", "二是更新不够及时。"], ["接下来，我们会强化网站安全建设；", "按季度发布检测数据。"]),
    # a stray space between the colon and the first marker
    ("五、存在的主要问题及改进情况\n主要表现在以下两方面： 一是及时性有待提升，人员不足。二是学习不够深入。还需加强。\n"
     "结合以上问题，我们将从两方面改进。\n",
     ["一是及时性有待提升，人员不足。", "二是学习不够深入。还需加强。"], ["结合以上问题，我们将从两方面改进。"]),
])
def test_remedies_after_problems_are_plans(text, weaknesses, plans):
    report = parse_text(text)
    assert [w.text for w in report.weaknesses] == weaknesses
    assert [p.text for p in report.plans] == plans


@pytest.mark.parametrize(("text", "surfaces"), [
    ("完善县乡两级人大换届工作，从以下三方面进行改进。", ["两级", "三方面"]),
    ("创建三级医院，开展三四级手术。", []),
])
def test_counts_of_tiers_and_aspects(text, surfaces):
    found = parse_text(text + "\n").quantities
    assert [text[q.start:q.end] for q in found] == surfaces


def test_the_numbered_units_a_commitment_introduces_are_plan_points_whole():
    text = ("目前，我局政府信息公开工作还存在一些不足：一是公开意识不强；二是公开内容不够规范。为此，我们将采取以下措施积极改进。\n"
            "（一）继续加强政府信息公开制度建设。\n（二）做好重点领域政府信息公开。全面公开与群众利益相关的信息。\n"
            "（三）加强工作机构和队伍建设，强化业务培训。\n")
    plans = [p.text for p in parse_text(text).plans]
    assert plans[-3:] == ["（一）继续加强政府信息公开制度建设。", "（二）做好重点领域政府信息公开。全面公开与群众利益相关的信息。",
                          "（三）加强工作机构和队伍建设，强化业务培训。"]


def test_subsections_with_a_body_after_an_introduction_are_not_units():
    text = ("为此，我们将从以下几个方面改进：\n（一）加强学习\n认真学习业务知识，提高工作能力。\n"
            "（二）完善制度\n健全信息发布审核机制。\n")
    assert not any(p.text.startswith("（一）") for p in parse_text(text).plans)


SPEECH = ("在全市科技创新大会上的讲话\n同志们：\n今天召开全市科技创新大会，部署今后一个时期的工作。\n"
          "要把人才放在首位。人才是第一资源，要真心爱才、精心用才。\n"
          "要与企业同向发力。企业是创新的主体，要全力支持企业加大研发投入。\n"
          "要向改革要动力。深化科技体制改革，破除制约创新的障碍。\n"
          "同志们，创新之路任重道远，让我们共同努力！\n")


def test_a_speech_without_headings_gives_each_task_sentence_that_opens_a_paragraph():
    report = parse_text(SPEECH)
    assert report.genre == "工作会议报告"
    assert [p.text for p in report.plans] == ["要把人才放在首位", "要与企业同向发力", "要向改革要动力"]


def test_two_task_sentences_are_no_plans_part():
    two = SPEECH.replace("要向改革要动力。", "深化科技体制改革。")
    assert [p.text for p in parse_text(two).plans] == []


@pytest.mark.parametrize("speech", [
    # a review part's paragraphs that open with 要, under a plans part that has no subsections
    "在全县工作会议上的讲话\n同志们：\n一、2024年工作回顾\n要肯定成绩。一年来全县经济平稳。\n要正视问题。发展不平衡。\n"
    "要坚定信心。前景光明。\n二、下一步工作打算\n",
    # an argument that opens with what to see and know, not with tasks
    "在全县工作会议上的讲话\n同志们：\n要看到差距。我县发展仍然滞后。\n要认清形势。外部环境复杂。\n要明确方向。坚持稳中求进。\n",
])
def test_exhortations_and_a_review_are_no_task_sentences(speech):
    assert [p.text for p in parse_text(speech).plans] == []


def test_a_copy_cut_before_its_closing_keeps_the_parts_after_a_transition():
    # 各位代表！ opens the government's own review at the end of part 一; part 二 numbers on after it
    text = ("政府工作报告\n各位代表：\n一、2016年工作回顾\n（一）产业转型取得新进展\n全年生产总值增长6.8%。\n"
            "各位代表！一年来，我们坚持依法行政，政府自身建设不断加强。\n"
            "二、2017年目标任务和重点工作\n今年是重要的一年。\n（一）深化供给侧结构性改革\n扎实推进去产能。\n"
            "（二）深入推进协同发展\n加快交通一体化。\n")
    report = parse_text(text)
    assert [s.marker for s in report.sections if s.kind == "section"] == ["一、", "二、"]
    assert [p.text for p in report.plans] == ["深化供给侧结构性改革", "深入推进协同发展"]


def test_a_bare_figure_shares_the_unit_of_the_figure_joined_to_it():
    text = "分别高于全省平均水平1.7和4.9个百分点，分别为12、15、18个。\n"
    found = [(q.text, q.unit) for q in parse_text(text).quantities]
    assert found == [("1.7", "个百分点"), ("4.9个百分点", "个百分点"), ("12", "个"), ("15", "个"), ("18个", "个")]


# -- eighth session: whole government reports of 河北, 2000–2021 (dev batch 16) --------------------------

@pytest.mark.parametrize(("text", "points"), [
    # a sentence that announces the problems after one or two that name none: all of them lead up to the list
    ("一、过去一年的工作\n全年经济较快增长。但我们也清醒地认识到，有些工作做得还不好，与群众的要求有较大差距。"
     "我县发展快，周边发展也快。不进则退，小进亦退。当前，经济社会生活中仍存在不少困难和问题。"
     "农民收入增长不快；产业结构不优。\n", ["农民收入增长不快；", "产业结构不优。"]),
    # after problems were stated, a summing-up or an added one is no announcement: nothing before it is dropped
    ("一、过去一年的工作\n全年经济较快增长。我们也清醒地看到：全县经济总量偏小，产业结构不优；财政收支矛盾突出；"
     "总之，前进道路上还有不少困难和问题。对此，我们一定认真解决。\n",
     ["全县经济总量偏小，产业结构不优；", "财政收支矛盾突出；", "总之，前进道路上还有不少困难和问题。"]),
    # the causes after the list close it
    ("一、过去一年的工作\n全年经济较快增长。同时还存在一些问题，主要是：资金不足。人才短缺。"
     "这里，既有客观因素，也有主观努力不够的原因。\n", ["资金不足。", "人才短缺。"]),
])
def test_a_sentence_that_announces_the_problems_and_what_leads_up_to_it(text, points):
    assert [w.text for w in parse_text(text).weaknesses] == points


def test_a_news_page_on_a_session_takes_no_genre_from_its_metadata_title():
    page = ("标题：某县2023年政府工作报告\n正文：\n【聚焦两会】某县第十八届人民代表大会第三次会议隆重开幕\n"
            "在热烈的掌声中，县长作政府工作报告。报告指出，过去一年全县经济稳中有进。\n")
    assert parse_text(page).genre is None
    report = "标题：某县2023年政府工作报告\n正文：\n一、县第十八届人民代表大会第二次会议胜利召开\n各位代表：\n"
    assert parse_text(report).genre == "政府工作报告"


def test_shares_of_a_whole_need_no_words_before_them_and_fixed_terms_are_none():
    text = "一二三次产业结构有所改善，由上年的18.6：49：32.4调整为17.7：49：33.3。基本普及九年义务教育，承接86架次航班。上班时间由去年的8:30调整为9:00。\n"
    found = [(q.text, q.type, q.unit) for q in parse_text(text).quantities if q.type != "date"]
    assert found == [("18.6：49：32.4", "ratio", None), ("17.7：49：33.3", "ratio", None), ("86架次", "measure", "架次")]


def test_a_heading_cut_after_an_opening_quote_by_a_portal_link_is_read_whole():
    links = "".join(f"会议强调，要贯彻省委五届九\n\n次全会\n\n精神，部署了第{n}项工作。\n" for n in "一二三")
    text = "政府工作报告\n一、过去一年的工作\n" + links + "二、“\n十四五\n”时期的主要任务\n全面推进各项工作。\n"
    titles = [s.title for s in parse_text(text).sections if s.kind == "section"]
    assert titles == ["过去一年的工作", "“\n十四五\n”时期的主要任务"]


# -- eighth session, dev batch 17: copies cut short, excerpts and digests ----------------------------------

DIGEST = ("2023年工作回顾：\n这一年，全县生产总值增长6%。\n2024年工作安排：\n今年主要预期目标是：\n"
          "1.生产总值增长6%左右。\n2.居民收入增长6%。\n重点工作任务：\n（一）全力抓好项目建设，增强发展后劲。\n"
          "（二）深化改革开放，激发市场活力。推进要素改革。\n（三）持续改善民生，增进人民福祉。\n")


def test_a_digest_lists_its_tasks_as_numbered_lines_and_each_is_a_plan_point():
    report = parse_text("某县政府工作报告\n各位代表：\n" + DIGEST)
    assert [p.text for p in report.plans] == ["全力抓好项目建设，增强发展后劲", "深化改革开放，激发市场活力",
                                              "持续改善民生，增进人民福祉"]
    assert [s.title for s in report.sections if s.kind == "section"] == ["2023年工作回顾", "2024年工作安排"]


@pytest.mark.parametrize("text", [
    # numbered problems under a cue, in a part with a slogan title that its place makes a plans part
    "政府工作报告\n各位代表：\n一、过去一年的工作\n全年经济增长。\n二、正视前进中的困难\n我们也清醒地看到：\n"
    "1.经济总量偏小，产业结构不优。\n2.财政收支矛盾突出。\n",
    # the year's targets are no tasks
    "政府工作报告\n各位代表：\n一、过去一年的工作\n全年经济增长。\n二、2024年主要目标\n今年主要预期目标是：\n"
    "1.地区生产总值增长7%。\n2.城镇居民人均可支配收入增长8%。\n",
])
def test_numbered_lines_after_problems_or_targets_are_no_tasks(text):
    assert parse_text(text).plans == []


@pytest.mark.parametrize(("text", "points"), [
    # 主要是 with no colon opens the list in its own sentence
    ("一、过去五年的工作\n成就令人鼓舞，但我们也清醒地看到，前进的道路上还面临不少困难和问题。主要是发展基础差，产业层次低。"
     "城乡差距较大。\n", ["发展基础差，产业层次低。", "城乡差距较大。"]),
    # the conditions outside are no problem of the report's own; what it says of them closes nothing
    ("一、过去一年的工作\n全年经济增长。我们也清醒地认识到，还存在一些突出问题。从国内外形势看，外部环境仍有许多不确定因素。"
     "企业数量不多、规模不大；城乡发展不协调。这些问题虽然发生在少数领域，但影响全局。\n",
     ["企业数量不多、规模不大；", "城乡发展不协调。"]),
    # an announcement of what follows is no point, even after 主要表现在
    ("一、工作情况\n全年完成任务。\n二、存在的不足\n主要表现在以下几个方面。\n一是学习不够。二是作风不实。\n",
     ["一是学习不够。", "二是作风不实。"]),
])
def test_how_a_problems_passage_opens_and_what_it_holds(text, points):
    assert [w.text for w in parse_text(text).weaknesses] == points


# -- eighth session, dev batch 18: page openings -----------------------------------------------------------

def test_the_general_requirements_a_plan_opens_with_are_no_task():
    text = "某省2023年工作要点\n一、总体要求\n坚持稳中求进工作总基调。\n二、重点任务\n（一）加强基层建设\n（二）深化医改\n"
    assert [p.text for p in parse_text(text).plans] == ["加强基层建设", "深化医改"]


def test_years_in_numerals_typed_with_letters_or_digits_and_school_years_are_dates():
    text = "二OO四學年度校長述職報告\n2004學年，我來到本校。二0一七年工作計劃已經制定。\n"
    found = [(q.text, q.value) for q in parse_text(text).quantities if q.type == "date"]
    assert found == [("二OO四", 2004), ("2004", 2004), ("二0一七年", 2017)]


def test_a_run_together_page_keeps_a_figure_and_its_unit_apart_by_a_space_in_one_heading():
    body = "同志们：今天召开全市安全生产工作会议，总结 2005 年工作，部署今年工作。我们一定要认真贯彻落实。"
    text = body + " 一、2005 年安全生产工作回顾 近年来，全市上下认真贯彻执行安全生产方针，事故总量下降。" \
        " 二、2006 年工作安排 今年要突出抓好重点行业整治，确保形势稳定。\n"
    report = parse_text(text)
    assert [s.title for s in report.sections if s.kind == "section"] == ["2005 年安全生产工作回顾", "2006 年工作安排"]


def test_a_figure_that_ends_a_table_cell_before_a_heading_leaves_the_heading_its_line():
    text = ("某镇2023年工作总结 一、主要指标完成情况 地区生产总值（亿元） 12.5 财政收入（亿元） 1.2 二、存在的问题 "
            "基层力量薄弱，人员流动较大，专业水平有待提升，部分指标完成不理想。 三、2024年工作打算 加强队伍建设，提升服务质量，"
            "确保完成各项目标任务。\n")
    report = parse_text(text)
    assert [s.title for s in report.sections if s.kind == "section"] == ["主要指标完成情况", "存在的问题", "2024年工作打算"]
    assert [w.text for w in report.weaknesses] == ["基层力量薄弱，人员流动较大，专业水平有待提升，部分指标完成不理想。"]


@pytest.mark.parametrize(("text", "years"), [
    ("2022至2023学年", [2022, 2023]), ("2022/2023学年度", [2022, 2023]), ("二〇二二—二〇二三学年", [2022, 2023]),
    ("2015年11月23~29日", [2015, None]), ("1~3号机组全部投产，一般在3~5日内办结", []),
    ("全市共有一000年以上古树", []),
])
def test_school_years_however_joined(text, years):
    assert [q.value for q in parse_text(text + "\n").quantities if q.type == "date"] == years


# -- ninth session, dev misses: task lists by title alone, first points with a cue's words ---------------------------

TASK_TITLES = "（一）深化改革开放，增强发展活力。\n（二）加强生态建设，推动绿色发展。\n（三）保障改善民生，增进人民福祉。\n"


def test_a_government_report_lists_its_tasks_by_title_and_each_is_a_heading():
    text = "某市政府工作报告\n各位代表：\n一、过去一年的工作\n全年经济增长。\n二、今年的主要任务\n重点工作任务：\n" + TASK_TITLES
    report = parse_text(text)
    tasks = next(s for s in report.sections if s.kind == "section" and s.title == "今年的主要任务")
    assert [c.title for c in tasks.children if c.kind == "section"] == \
        ["深化改革开放，增强发展活力", "加强生态建设，推动绿色发展", "保障改善民生，增进人民福祉"]


def test_the_same_list_in_a_summary_stays_a_list():
    text = "某局2023年工作总结\n一、主要工作\n全年完成任务。\n二、下一步打算\n" + TASK_TITLES
    report = parse_text(text)
    plans = next(s for s in report.sections if s.kind == "section" and s.title == "下一步打算")
    assert [c for c in plans.children if c.kind == "section"] == []


def test_a_government_reports_list_of_targets_stays_a_list():
    text = ("某市政府工作报告\n各位代表：\n一、过去一年的工作\n全年经济增长。\n二、今年的主要任务\n今年主要预期目标是：\n"
            "1.生产总值增长6%左右。\n2.居民收入增长6%。\n")
    report = parse_text(text)
    tasks = next(s for s in report.sections if s.kind == "section" and s.title == "今年的主要任务")
    assert [c for c in tasks.children if c.kind == "section"] == []


@pytest.mark.parametrize(("body", "points"), [
    # an item that names its problem with a cue's words is a problem itself
    ("目前存在以下问题：一是部分干部认识仍有不足，理解不透；二是信息更新不及时。\n",
     ["一是部分干部认识仍有不足，理解不透；", "二是信息更新不及时。"]),
    # so is the first problem of a ；-list
    ("专职人员能力有限，在公开内容和方式等方面仍存在不足；日常工作需要进一步加强。\n",
     ["专职人员能力有限，在公开内容和方式等方面仍存在不足；", "日常工作需要进一步加强。"]),
    # a sentence that only states there are problems is none
    ("一年来，工作中仍存在一些不足。人员力量薄弱。\n", ["人员力量薄弱。"]),
])
def test_the_first_point_of_a_problems_section_with_a_cues_words(body, points):
    report = parse_text("某局2023年工作总结\n一、主要工作\n全年完成任务。\n二、存在的问题\n" + body)
    assert [w.text for w in report.weaknesses] == points


def test_a_rectification_letter_is_a_rectification_report():
    assert parse_text("某市人民政府关于专项审计调查发现问题整改情况的函\n现将整改情况报告如下。\n").genre == "整改情况报告"


# -- ninth session, dev batch 20: copies that lost a part's title, news leads, study meetings ------------------------

def test_a_title_label_with_its_dateline_run_on_names_a_government_report():
    text = ("标题：政府工作报告——2016年1月25日在某市第十四届人民代表大会第六次会议上\n\n正文：\n\n2015年工作回顾：\n"
            "全市经济平稳增长。\n2016年工作安排：\n（一）推进协同发展。\n（二）加快产业升级。\n")
    report = parse_text(text)
    assert report.genre == "政府工作报告"
    assert [p.text for p in report.plans] == ["推进协同发展", "加快产业升级"]


def test_a_news_lead_dated_to_the_day_is_no_report_whatever_its_label():
    text = ("标题：政府工作报告——在市十四届人大一次会议上\n\n正文：\n\n4月9日上午，市十四届人大一次会议在会展中心开幕。\n"
            "本次大会应到代表633人，实到620人。\n")
    assert parse_text(text).genre is None


def test_tasks_a_line_announces_under_a_review_title_are_plan_points():
    text = ("政府工作报告\n各位代表：\n总结本届政府工作——发展其时已至其势已成\n四年来，经济发展稳中有进。\n"
            "今年的主要任务是做好两个方面重点工作：\n（一）强力推进协同发展，强化对接服务。\n（二）强力推进改革开放，释放发展活力。\n")
    report = parse_text(text)
    assert [p.text for p in report.plans] == ["强力推进协同发展，强化对接服务", "强力推进改革开放，释放发展活力"]


def test_a_procuratorate_report_relayed_from_its_session():
    text = ("某网北京3月8日电 下午3时，全国人民代表大会举行全体会议，听取最高人民检察院检察长某某关于最高人民检察院工作的报告。\n"
            "以下为文字实录：\n各位代表，检察权是人民赋予的。我们自觉接受人大监督。\n")
    assert parse_text(text).genre == "检察院工作报告"


def test_a_resolve_that_opens_with_its_own_phrase_ends_the_last_problem():
    text = ("一、过去一年的工作\n工作取得成效。我们清醒认识到，工作还有差距：一是队伍建设不够有力。二是基础工作存在薄弱环节。"
            "问题倒逼担当，我们将下大气力补短板。\n")
    assert [w.text for w in parse_text(text).weaknesses] == ["一是队伍建设不够有力。", "二是基础工作存在薄弱环节。"]


# -- ninth session, the first review's cases: what the new rules must leave alone ------------------------------------

GOV_OPENING = "政府工作报告\n各位代表：\n一、2022年工作回顾\n过去一年，全县经济持续向好。\n"
GOV_TASKS = "二、2023年工作安排\n（一）深化改革开放，增强发展活力。全面推进各项改革。\n（二）加快产业升级，壮大实体经济。大力发展制造业。\n"


@pytest.mark.parametrize("middle", [
    # work done, announced with 了: the review's own subsections
    "一年来，我们全面完成了县十八届人大二次会议确定的各项工作任务：\n（一）经济运行稳中向好。\n（二）民生保障持续加强。\n",
    # a problems list after a cue sentence that ends with a full stop
    "在肯定成绩的同时，政府工作中还存在一些困难和问题。\n1.经济下行压力较大。\n2.财政收支矛盾突出。\n",
])
def test_lists_in_a_review_are_no_tasks(middle):
    assert [p.text for p in parse_text(GOV_OPENING + middle + GOV_TASKS).plans] == \
        ["深化改革开放，增强发展活力", "加快产业升级，壮大实体经济"]


@pytest.mark.parametrize("intro", ["今年全县发展的总体要求和目标如下。\n1.地区生产总值增长6%左右。\n2.一般公共预算收入增长5%。\n",
                                   "今年，我们将集中财力办好两件民生实事。\n1.新建中小学校3所。\n2.改造老旧小区20个。\n"])
def test_lists_of_figures_before_the_tasks_are_no_tasks(intro):
    text = GOV_OPENING + GOV_TASKS.replace("二、2023年工作安排\n", "二、2023年工作安排\n" + intro)
    assert [p.text for p in parse_text(text).plans] == ["深化改革开放，增强发展活力", "加快产业升级，壮大实体经济"]


def test_a_problems_list_under_its_heading_keeps_its_points_whole():
    text = (GOV_OPENING + "二、存在的困难和问题\n1.经济下行压力较大，工业投资增长乏力。\n2.部分干部担当作为不够，服务意识不强。\n"
            + GOV_TASKS.replace("二、", "三、"))
    assert [w.text for w in parse_text(text).weaknesses] == ["1.经济下行压力较大，工业投资增长乏力。",
                                                             "2.部分干部担当作为不够，服务意识不强。"]


def test_a_first_clause_that_only_announces_problems_is_none():
    text = ("某局2023年工作总结\n一、主要工作\n全年完成任务。\n二、存在的问题\n"
            "回顾一年来的工作，虽然取得了一定成绩，但也存在一些不足；理论学习不够深入；调查研究不够经常。\n")
    assert [w.text for w in parse_text(text).weaknesses] == ["理论学习不够深入；", "调查研究不够经常。"]


def test_session_news_naming_the_court_and_procuratorate_reports_is_no_report():
    text = ("3月1日上午，县十八届人大三次会议举行第二次全体会议。\n会议听取和审议了县人民法院院长张某关于县人民法院工作的报告、"
            "县人民检察院检察长李某关于县人民检察院工作的报告。\n")
    assert parse_text(text).genre is None


# -- ninth session, the merged batch 20 and older dev misses ------------------------------------------------------------


def test_a_budget_report_filed_as_the_government_report_has_no_genre():
    text = ("标题：某县2026年政府工作报告\n\n正文：\n\n2025年预算执行情况和2026年预算（草案）报告\n\n"
            "2026年3月6日在某县第十八届人民代表大会第六次会议上\n\n各位代表：\n一、2025年预算执行情况\n全县一般公共预算收入完成5亿元。\n")
    report = parse_text(text)
    assert (report.genre, report.title) == (None, "2025年预算执行情况和2026年预算（草案）报告")


def test_a_cppcc_standing_committees_report_is_no_work_conference_speech():
    text = ("——2024年12月22日在政协某市第九届委员会第四次会议上的报告\n某某各位委员、同志们：\n"
            "我代表政协某市第九届委员会常务委员会，向大会报告工作，请予审议。\n")
    assert parse_text(text).genre is None


# -- ninth session, the second review's cases and dev batch 21 -------------------------------------------------------


def test_dev_batch_21_figures_headings_and_cues():
    report = parse_text("建成330千伏环网，是实践三个代表重要思想的举措。\n")
    assert [(q.text, q.unit) for q in report.quantities] == [("330千伏", "千伏")]
    text = "某市审计工作情况\n一、总体情况\n──经济运行实现企稳向好。加强经济运行分析。\n──民生福祉得到切实保障。民生支出增长。\n"
    titles = [s.title for s in parse_text(text).walk() if s.kind == "section"]
    assert titles[-2:] == ["经济运行实现企稳向好", "民生福祉得到切实保障"]
    text = "一、过去一年的工作\n全年经济增长。聚焦发展短板弱项，扩大有效投资。下达资金3593亿元。\n"
    assert parse_text(text).weaknesses == []


# -- ninth session, the third review's cases ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "figures"), [
    ("新增变电容量120万千伏安。", [("120万千伏安", "千伏安")]),
    ("大会共有三个代表团，选出五个代表。", [("三个", "个"), ("五个", "个")]),
])
def test_figures_third_review(text, figures):
    assert [(q.text, q.unit) for q in parse_text(text + "\n").quantities] == figures


def test_a_weak_response_to_shortcomings_is_a_weakness():
    text = "一、过去一年的工作\n全年经济增长。我们弥补短板弱项的措施还不够有力。产业结构不优，创新能力不强。\n"
    assert [w.text for w in parse_text(text).weaknesses] == ["产业结构不优，创新能力不强。"]


# -- ninth session, the dev half after batch 21 --------------------------------------------------------------------------


@pytest.mark.parametrize("row", ["四、结转下年度继续办理 12 30 45 60", "四、结转下年度继续办理 0 0 0 0 0 0 0",
                                 "四、结转下年度继续办理 0 0 0 1 0"])
def test_a_table_row_is_no_heading(row):
    text = "某局年度报告\n一、总体情况\n全年公开信息。\n" + row + "\n"
    assert [s.title for s in parse_text(text).walk() if s.kind == "section"] == ["总体情况"]


def test_a_cue_sentence_that_only_announces_pressures_is_no_point():
    text = ("一、过去一年的工作\n全年经济增长。我们清醒认识到，在加快发展的道路上，还面临着巨大的压力和挑战。"
            "经济总量偏小。财政收支矛盾突出。\n")
    assert [w.text for w in parse_text(text).weaknesses] == ["经济总量偏小。", "财政收支矛盾突出。"]


# -- ninth session, dev batch 22 ------------------------------------------------------------------------------------------

def test_labelled_problems_are_headings_and_their_labels_the_points():
    text = ("关于组织生活开展情况的通报\n一、总体情况\n总体较好。\n二、存在问题\n"
            "1.个别支部活动创新不足：学习形式仍以集中读文件为主，互动性有待加强。\n"
            "2.记录规范性需提升：部分支部会议记录存在要素不全现象。\n三、整改要求\n1.强化责任意识，创新组织生活形式。\n"
            "2.规范工作记录，定期开展专项检查。\n")
    report = parse_text(text)
    assert [w.text for w in report.weaknesses] == ["个别支部活动创新不足", "记录规范性需提升"]
    assert report.plans == []  # 整改要求 are demands on the branches, not the author's plans (fourth review)


def test_the_one_percent_population_survey_is_a_name():
    assert parse_text("完成1%人口抽样调查，增长1%。\n").quantities[0].text == "1%"
    assert len(parse_text("完成1%人口抽样调查。\n").quantities) == 0


# -- ninth session, the fourth review's cases ----------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "points"), [
    # a problem that names its field is no announcement, whatever its words
    ("同时，我们也清醒地认识到，当前经济社会发展中还存在一些困难和问题。经济总量偏小，发展质量不高。"
     "我县工业经济与周边县区相比还有很大差距。对此，我们将认真加以解决。",
     ["经济总量偏小，发展质量不高。", "我县工业经济与周边县区相比还有很大差距。"]),
    ("同时，我们也清醒地认识到，还存在一些困难和问题。招商引资面临着巨大的压力和挑战。财政收支矛盾突出。",
     ["招商引资面临着巨大的压力和挑战。", "财政收支矛盾突出。"]),
])
def test_named_problems_are_no_announcements(body, points):
    assert [w.text for w in parse_text("一、过去一年的工作\n全年经济增长。" + body + "\n").weaknesses] == points


@pytest.mark.parametrize(("lines", "titles"), [
    # subtitles closed by a full stop stay in the title when no sibling is a label with a sentence after it
    ("一、坚持党建引领：全面加强党的建设。\n全年开展学习。\n二、坚持以人民为中心：始终把人民群众利益放在首位。\n办好实事。\n",
     ["坚持党建引领：全面加强党的建设", "坚持以人民为中心：始终把人民群众利益放在首位"]),
    # a slogan subtitle with a figure keeps it
    ("一、锚定目标：全力冲刺2024\n全年增长。\n二、聚焦发展：奋力实现三个全覆盖\n推进工作。\n",
     ["锚定目标：全力冲刺2024", "聚焦发展：奋力实现三个全覆盖"]),
    # a hotline's number is no table row
    ("一、畅通12345\n热线畅通。\n二、办好实事\n办好十件实事。\n", ["畅通12345", "办好实事"]),
])
def test_heading_titles_fourth_review(lines, titles):
    assert [s.title for s in parse_text("某局工作总结\n" + lines).walk() if s.kind == "section"] == titles


def test_targets_laid_out_as_labels_are_no_plans():
    text = ("某县政府工作报告\n各位代表：\n一、2023年工作回顾\n全年经济增长。\n二、主要预期目标\n（一）经济增长：地区生产总值增长6%左右。\n"
            "（二）财政收入：一般公共预算收入增长5%以上。\n")
    assert parse_text(text).plans == []


@pytest.mark.parametrize("text", [
    "2024年，市统计局围绕全市中心工作，着力抓好以下几项重点工作。\n",
    "2019年，县审计局紧紧围绕县委县政府中心工作，依法审计了12个单位。\n",
])
def test_a_units_plans_or_audit_are_no_summary(text):
    assert parse_text(text).genre is None


def test_demands_on_others_are_no_plans():
    text = "关于巡察反馈问题的通报\n一、存在问题\n制度执行不严。\n二、整改要求\n被巡察党组织要在两个月内报送整改情况报告。\n"
    assert parse_text(text).plans == []


# -- ninth session, dev batch 23 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "figures"), [
    ("开展10轮检查，督查3轮次，应对29轮强降雨。", ["10轮", "3轮次", "29轮"]),
    # the second round, a vehicle's wheels, a pair of drivers (the fifth review's cases)
    ("推进土地二轮延包试点，治理三轮车，规范电动两轮、三轮车停放，坚持两轮驱动，如车之两轮。", []),
])
def test_rounds_and_wells(text, figures):
    assert [q.text for q in parse_text(text + "\n").quantities] == figures


def test_a_councils_outlook_and_its_closing_words_are_parts():
    text = ("跳到主要内容区块\n日期：97-12-13\n\n未来展望与工作重点\n\n1. 强化本会议事功能，树立代表会形象。\n"
            "2. 适时召开定期大会及临时会。\n\n结语\n\n本会肩负汇集民意之重责。\n")
    report = parse_text(text)
    assert [s.title for s in report.walk() if s.kind == "section"] == ["未来展望与工作重点", "结语"]
    assert [p.text for p in report.plans] == ["1. 强化本会议事功能，树立代表会形象。", "2. 适时召开定期大会及临时会。"]


@pytest.mark.parametrize(("text", "genre"), [
    # ninth session, the second review and dev batch 21
    # a budget report named in a government report's opening is no title
    ("政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n"
     "同时提请审议关于2024年预算执行情况和2025年预算草案的报告\n一、2024年工作回顾\n全县经济增长。\n", "政府工作报告"),
    # a bureau's own year, with its budget in the title, is a summary
    ("县财政局关于2024年预算执行情况和2025年工作打算的报告\n现将有关情况报告如下：\n一、工作情况\n收入增长。\n", "工作总结"),
    # a township's government report with its budget
    ("某镇2024年政府工作报告和2025年财政预算（草案）报告\n各位代表：\n一、2024年工作回顾\n全镇经济增长。\n", "政府工作报告"),
    # the CPPCC organ's own work meeting is a work conference
    ("在政协某县委员会机关2025年工作会议上的报告\n同志们：\n今天召开机关工作会议。\n", "工作会议报告"),
    # a procuratorate's report opens on the year's work of the procuratorates it leads
    ("2015年工作回顾\n2015年，全市检察机关在市委的坚强领导下，各项检察工作取得新进展。\n一、充分发挥检察职能\n批准逮捕120人。\n",
     "检察院工作报告"),
    # a news page on a body reviewing a court's report quotes it: no genre
    ("市委常委会专题审议《市中级人民法院工作报告》\n作者：某某\n1月2日下午，市委召开常委会议。\n"
     "2018年，全市法院办结案件数再创新高。\n", None),
    # ninth session, the third review
    # a news headline over the report's own first words: the page is the report
    ("县第十八届人民代表大会第四次会议胜利召开\n现在，我代表县人民检察院向大会报告工作，请予审议。\n"
     "一、2018年工作回顾\n2018年，全县检察机关批准逮捕犯罪嫌疑人210人。\n", "检察院工作报告"),
    # a speech at a court work meeting opens on the courts' year too
    ("同志们：\n2018年，全市法院在市委坚强领导下，审结案件大幅增长。今天召开全市法院工作会议。\n一、过去一年的工作\n"
     "审结各类案件8万件。\n", "工作会议报告"),
    # the courts named beside the procuratorates and the police: no court report
    ("2019年，全国法院审结案件2000万件，检察机关提起公诉150万人。\n", None),
    # ninth session, dev batch 22
    ("2019年，市统计局围绕中心工作，深化改革、创新方法，统计工作取得新成效。\n", "工作总结"),
    ("|\n||||\n2024年县气象局在县委县政府和上级气象部门的正确领导下，以推进气象高质量发展为目标，全面完成任务。\n", "工作总结"),
    ("关于年度审计查出问题整改情况和审议意见研究处理结果的报告\n主任、各位副主任：\n", "整改情况报告"),
    # a court's account of its year is no unit's summary
    ("2018年，全市法院在市委坚强领导下，审结案件大幅增长。\n", "法院工作报告"),
    # ninth session, dev batch 23 and the fifth review
    ("挂职副县长年终总结\n我常常一天都总结一次。\n", "个人总结"),
    # 作为…，我 opens speeches, 心得体会 and unit reports as often as personal summaries (the fifth review)
    ("学习党的二十大精神心得体会\n作为一名共产党员，我认真学习了党的二十大报告。\n", None),
    ("县教育局2023年工作总结\n一、主要工作\n新建学校5所。\n", "工作总结"),
])
def test_genres_ninth_session(text, genre):
    assert parse_text(text).genre == genre


# -- tenth session, dev batch 24 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "figures"), [
    ("在全省测评中上升了17个位次，指出6大类17个方面的问题。", ["17个位次", "6大类", "17个"]),
    # X大类 in Chinese numerals names the categories just listed; a road's grade is no count
    ("包括信息、物资等六大类。完成良安二级路土地征收，新建一级公路12公里。", ["12公里"]),
])
def test_dev_batch_24_figures(text, figures):
    report = parse_text(text + "\n")
    assert [q.text for q in report.quantities] == figures
    assert all(report.text[q.start:q.end] == q.text for q in report.quantities)


@pytest.mark.parametrize(("text", "names"), [
    ("向大会报告八届全国人大三次会议以来常委会的工作。", ["八届全国人大三次会议"]),
    ("继八届全国人大三次会议制定了中国人民银行法之后，又召开继续教育工作会议。", ["八届全国人大三次会议", "继续教育工作会议"]),
    ("充分发挥常委会和人大代表职能作用。", []),  # a body, not a meeting
])
def test_meeting_edges_dev_batch_24(text, names):
    report = parse_text(text + "\n")
    assert [m.name for m in report.meetings] == names


def test_a_table_of_contents_is_noise_and_the_parts_follow():
    text = ("某县图书馆2018年年报\n目录\n一、工作计划…………………………01\n二、工作总结…………………………02\n"
            "一、2018年度工作计划\n为做好全年工作，内容如下：\n（一）做好基础工作。\n")
    report = parse_text(text)
    assert report.genre == "工作总结"
    assert [s.title for s in report.walk() if s.kind == "section"][:1] == ["2018年度工作计划"]


@pytest.mark.parametrize("text", [
    # a catalogue entry's labels alone on their lines, each above its value
    "登录 | 注册\n政府信息公开\n• 索引号\n000014348/2020-02445\n• 发布机构\n某市林业局\n• 文号\n某林发〔2017〕201号\n"
    "某市林业局2017年工作总结及2018年工作计划\n2017年，某市林业局认真贯彻落实各项部署。\n",
    # the title in a table row whose cell follows its label's own cell
    "索引号: | 11341823MB/202311-00052 | 组配分类: | 规划计划 |\n名称: | 县卫健委2023年工作总结及2024年工作安排 | 文号: | |\n"
    "2023年，县卫生健康委坚持以人民为中心。\n",
])
def test_a_catalogue_entry_names_the_summary(text):
    assert parse_text(text).genre == "工作总结"


def test_difficulties_and_problems_met_in_the_work_are_weaknesses():
    text = ("二、履行监督责任中的困难和问题\n1、同级监督压力大。纪委书记不愿大胆监督。\n2、聚焦主业不到位。部分书记分管其他工作。\n"
            "三、着力解决群众反映的困难和问题\n1、开展走访。\n")
    report = parse_text(text)
    assert [p.text for p in report.weaknesses] == ["同级监督压力大", "聚焦主业不到位"]


@pytest.mark.parametrize(("text", "figures"), [
    ("乌当区2乡6镇整体概况：全市8县均已脱贫，带动两村发展。", ["2乡", "6镇", "8县", "两村"]),
    # a redacted place, a region named by its count, a compound named by an ordinal, a slogan
    ("深入X乡X村调研，推进通州区与北三县一体化，建设微山二村等小区，推进一村一品。", []),
])
def test_counts_of_townships_and_villages(text, figures):
    assert [q.text for q in parse_text(text + "\n").quantities] == figures


def test_a_list_of_plenums_joined_by_and():
    names = [m.name for m in parse_text("学习了党的十六届四中、五中和六中全会精神。\n").meetings]
    assert names == ["党的十六届四中", "五中", "六中全会"]


@pytest.mark.parametrize("text", [
    # an open-government annual report's fixed opening and its problems part, with no title
    "一、总体情况\n1.主动公开。全年主动公开政府信息213条。\n2.依申请公开。全年收到申请3件。\n",
    "目前，我市政府信息公开工作还存在一些不足：一是公开意识仍需加强。\n",
    # a bureau's year, named after the leadership it worked under
    "2022年，在区委区政府的坚强领导下，区水利局认真践行治水方针，各项工作取得成绩。\n一、重点工作完成情况\n新建工程8个。\n",
])
def test_title_less_summaries_by_their_opening(text):
    assert parse_text(text).genre == "工作总结"


def test_a_courts_year_under_its_leadership_is_no_bureaus_summary():
    text = "2022年，在市委的坚强领导下，市中级人民法院认真履行审判职责，各项工作取得新进展。\n"
    assert parse_text(text).genre != "工作总结"



# -- tenth session, the review's cases (R6) --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "figures"), [
    # 多 opens the next word: no qualifier; 几 after a numeral that is no round ten names a decade
    ("近三年多个重点项目相继落地，坚持两年多措并举，5天多云。", ["近三年", "两年", "5天"]),
    ("他五几年参加工作，投入十几万元。", ["十几万元"]),
    # compound units of places, and names or slogans with a numeral in them
    ("全县12乡镇、全市8县市区，和平县三村镇、县城东三村开展十镇百村千户、五村联创。", ["12乡镇", "8县市区"]),
    # a list of levels before 三级 counts them even before 路 (路长制) and 公路
    ("建立县、乡、村三级路长制，落实省、市、县三级公路养护资金。", ["三级", "三级"]),
])
def test_figures_tenth_review(text, figures):
    assert [q.text for q in parse_text(text + "\n").quantities] == figures


def test_a_body_sentence_after_a_catalogue_word_is_no_noise():
    text = ("二、存在的问题\n公开方式：依托县政府门户网站主动公开信息356条。\n有效性\n部分规范性文件有效性标注不全，涉及文件36件\n")
    report = parse_text(text)
    assert [q.text for q in report.quantities] == ["356条", "36件"]


@pytest.mark.parametrize(("sentence", "names"), [
    ("召开全县发挥党员先锋模范作用推进会。", ["全县发挥党员先锋模范作用推进会"]),
    ("召开继电保护专业工作会议。", ["继电保护专业工作会议"]),
    ("切实发挥企业职工代表大会的作用。", ["企业职工代表大会"]),
])
def test_meeting_leads_that_need_a_body_after_them(sentence, names):
    assert [m.name for m in parse_text(sentence + "\n").meetings] == names


@pytest.mark.parametrize("title", ["（一）克服发展中的困难和问题", "三、关于工作中的困难和问题的建议"])
def test_titles_acting_on_difficulties_name_no_problems_part(title):
    report = parse_text(f"一、主要工作\n{title}\n全年完成投资3000万元。\n")
    assert report.weaknesses == []


@pytest.mark.parametrize("title", ["贵州茅台2023年年报", "某某农商行2023年年报", "某某农民专业合作社2023年年报"])
def test_a_companys_annual_filing_is_no_summary(title):
    assert parse_text(title + "\n营业收入增长。\n").genre is None


# -- tenth session, dev batch 25 --------------------------------------------------------------------------------------------

def test_common_problems_introduced_with_a_colon():
    text = ("二、几点建议\n虽然做了大量工作，但办理工作中仍存在一些共性问题：一是一些部门还未落实要求；"
            "二是个别部门重答复轻办理。\n")
    assert [p.text for p in parse_text(text).weaknesses] == ["一是一些部门还未落实要求；", "二是个别部门重答复轻办理。"]


# -- tenth session, the second review's cases (R7) ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    # a stock phrase of a review, and a noun phrase in a plan, hold no problems of the body's own
    "一、主要工作\n梳理群众反映问题86个，既有个性问题，也有共性问题，已全部建立台账。全年办结信访件320件。\n",
    "县审计局2024年工作计划\n一、工作思路\n针对各乡镇仍存在共性问题的情况，开展专项审计调查，推动源头治理。\n",
])
def test_common_problems_named_in_passing_are_no_weaknesses(text):
    assert parse_text(text).weaknesses == []


def test_a_sentence_on_these_problems_that_introduces_them_keeps_its_list():
    text = ("县农业局工作总结\n\n今年全局工作取得一定成效，但也还存在一些问题。这些问题需要引起高度重视："
            "一是农业基础设施薄弱，抗灾能力不强；二是农民增收渠道窄。\n")
    assert [p.text for p in parse_text(text).weaknesses] == ["一是农业基础设施薄弱，抗灾能力不强；", "二是农民增收渠道窄。"]


@pytest.mark.parametrize(("text", "figures"), [
    ("全年开展联合检查30组次，督导检查45组次。", ["30组", "45组"]),  # counts, not teams' numbers
    ("召开西北5省区市场监管部门联席会议。", ["5省区"]),
])
def test_figures_second_review(text, figures):
    assert [q.text for q in parse_text(text + "\n").quantities] == figures


@pytest.mark.parametrize(("sentence", "names"), [
    ("参加首届未来年轻科学家论坛。", ["首届未来年轻科学家论坛"]),
    ("召开全县文明年活动推进会。", ["全县文明年活动推进会"]),
])
def test_year_words_inside_names(sentence, names):
    assert [m.name for m in parse_text(sentence + "\n").meetings] == names


@pytest.mark.parametrize("text", [
    "为开好这次专题民主生活会，我认真学习了有关文件。现将个人情况报告如下。\n一、存在的问题\n学习不够。\n",
    "县委常委、副县长王某某发言提纲\n\n为开好这次民主生活会，我认真学习。\n",
    "县委班子成员张某某剖析材料\n\n为开好这次专题民主生活会，我认真学习。\n",
])
def test_life_meeting_materials_by_their_opening_or_title(text):
    assert parse_text(text).genre == "民主生活会对照检查材料"


@pytest.mark.parametrize(("text", "figures"), [
    ("区委巡察四组反馈意见，走访77193部队，已有7省份通过评估。", ["7省份"]),
])
def test_figures_dev_batch_25(text, figures):
    assert [q.text for q in parse_text(text + "\n").quantities] == figures


@pytest.mark.parametrize(("sentence", "names"), [
    ("筹备来年人代会。", ["人代会"]),
    ("召开市法治宣传教育工作领导小组会议。", ["市法治宣传教育工作领导小组会议"]),
    ("召开区委第二巡察组巡察反馈会。", ["区委第二巡察组巡察反馈会"]),
])
def test_meetings_dev_batch_25(sentence, names):
    assert [m.name for m in parse_text(sentence + "\n").meetings] == names


def test_a_rectification_report_that_names_a_life_meeting_is_no_life_meeting_material():
    text = ("根据市委统一部署，市委第五巡察组对市卫生健康局党组开展了巡察监督。现将巡察整改情况予以公布。\n"
            "一、落实主体责任\n局党组召开专题民主生活会，深入查摆问题。\n")
    assert parse_text(text).genre == "整改情况报告"


# -- tenth session, dev batch 26 --------------------------------------------------------------------------------------------

def test_dev_batch_26():
    assert [q.text for q in parse_text("年供水能力13.3亿立方米/年。\n").quantities] == ["13.3亿立方米/年"]
    names = [m.name for m in parse_text("提请5月份的省人大常委会会议审议，协助常委会领导督办。\n").meetings]
    assert names == ["省人大常委会会议"]
    text = ("二、存在的问题\n一是学习不够深入。二是作风不够扎实。\n"
            "总之，在今后的工作中，我们决心积极履行职责，加强自身建设。\n")
    assert [p.text for p in parse_text(text).weaknesses] == ["一是学习不够深入。", "二是作风不够扎实。"]
    assert parse_text("标 题: | 某县水利局2022年工作总结及2023工作安排情况报告 |\n2022年，我局做好各项工作。\n").genre == "工作总结"


# -- tenth session, dev batch 27 --------------------------------------------------------------------------------------------

def test_dev_batch_27():
    # a village named by its number is a name, and 幢 counts buildings
    assert [q.text for q in parse_text("抓好8村生猪养殖，新建住宅6幢。\n").quantities] == ["6幢"]
    # a cue sentence that only announces the problems leads on into the paragraphs that state them
    text = ("他说——\n\n我们清醒地看到，当前我省经济社会发展面临很多困难和问题。\n\n"
            "经济下行加快，企业生产经营困难加剧。\n\n就业压力不断加大，部分群众生活困难。\n")
    assert [p.text for p in parse_text(text).weaknesses] == ["经济下行加快，企业生产经营困难加剧。", "就业压力不断加大，部分群众生活困难。"]


# -- tenth session, the third review's cases (R8) ------------------------------------------------------------------------------

def test_third_review():
    names = [m.name for m in parse_text("召开县政协助力乡村振兴工作推进会，出席岁月的回响主题座谈会。\n").meetings]
    assert names == ["县政协助力乡村振兴工作推进会", "岁月的回响主题座谈会"]
    figures = [q.text for q in parse_text("全县辖三镇七乡，帮助湖南三县完成脱贫任务。\n").quantities]
    assert figures == ["三镇", "七乡", "三县"]
    text = "二、存在的问题\n总之，我们要清醒地看到，工作中还存在一些不足，主要是：一是学习不够深入；二是调研不够扎实。\n"
    assert [p.text for p in parse_text(text).weaknesses] == ["一是学习不够深入；", "二是调研不够扎实。"]
    assert parse_text("关于2023年度述职述廉工作总结及2024年工作计划情况报告\n").genre != "工作总结"


# -- eleventh session, dev batch 28 -------------------------------------------------------------------------------------------

def test_dev_batch_28():
    figures = [(q.text, q.unit) for q in parse_text("全年借阅图书3200册次，压减平板玻璃产能800万重量箱。这个村十年九旱。\n").quantities]
    assert figures == [("3200册次", "册次"), ("800万重量箱", "重量箱")]
    # a year's scheme of a body's own work is its work plan
    assert parse_text("某乡人民政府2022年度政务公开工作实施方案\n一、工作目标\n做好公开工作。\n").genre == "工作计划"
    # a part on the main problems and the measures: its problems subsection holds weaknesses, not plans
    text = ("一、工作情况\n全年公开信息120条。\n三、主要问题及改进措施\n（一）存在的主要问题：公开的意识还不到位，内容还不够全面。\n"
            "（二）改进措施：坚持以公开为常态，及时公开重要信息。\n")
    report = parse_text(text)
    assert [p.text for p in report.weaknesses] == ["公开的意识还不到位，内容还不够全面。"]
    assert all("问题" not in p.text for p in report.plans)
    # a space after the colon that introduces the problems is not part of the first
    text = "一、工作情况\n做了很多工作。\n二、存在问题和不足\n但还存在一些不足，主要表现在： 学习不够深入系统，调研还不够多。\n"
    assert [p.text for p in parse_text(text).weaknesses] == ["学习不够深入系统，调研还不够多。"]
    # 实现 before a body's session is the clause's verb, not the name's start
    names = [m.name for m in parse_text("努力实现省十届人大二次会议确定的各项目标。召开全县实现脱贫目标推进会。\n").meetings]
    assert names == ["省十届人大二次会议", "全县实现脱贫目标推进会"]
    # a document before 和 ends what is studied: the plenum after it is a name of its own
    assert [m.name for m in parse_text("认真贯彻中央一号文件和省委六届五次全会精神。\n").meetings] == ["省委六届五次全会"]
    # a title set apart from its body by a space on its line (a web copy joined them) before the body's opening words;
    # letter-spacing and a title with spaces of its own stay whole
    text = ("一、工作回顾\n全年工作平稳。\n二、今年主要任务 今年是全面完成规划目标的关键一年，全省上下要努力工作。\n三、工 作 打 算\n做好工作。\n"
            "四、加强学习 提高素质 本人始终坚持把学习作为提高自身素质的重要途径。\n")
    titles = [s.title for s in parse_text(text).sections if s.title]
    assert titles == ["工作回顾", "今年主要任务", "工 作 打 算", "加强学习 提高素质 本人始终坚持把学习作为提高自身素质的重要途径"]
    # … however long its first sentence, which the heading rules alone would read as a numbered sentence
    text = ("一、工作回顾\n全年工作平稳。\n二、2005年主要任务 今年是全面实现“十五”计划目标、衔接“十一五”发展的重要一年，"
            "也是实现第一个翻番的关键一年，全省上下要坚定信心、迎难而上、扎实工作。\n")
    assert [s.title for s in parse_text(text).sections if s.title] == ["工作回顾", "2005年主要任务"]
    # a subsection's title of two clauses run on into its body, no stop between: the body opens with 坚持把, 今年以来 …
    text = ("一、工作回顾\n（一）加大对农业的支持力度，促进粮食增产农民增收坚持把农业作为战略产业来抓，全年投入明显增加。\n"
            "（二）深化农村改革，坚持把增加农民收入作为中心任务。\n")
    titles = [c.title for s in parse_text(text).sections for c in s.children if c.title]
    assert titles == ["加大对农业的支持力度，促进粮食增产农民增收", "深化农村改革，坚持把增加农民收入作为中心任务"]


# -- eleventh session, the review's cases (R9) --------------------------------------------------------------------------------

def test_review_r9_genres_and_roles():
    # a scheme over years is no year's work plan, however its years are written
    for title in ("某县2023—2025年人居环境整治工作实施方案", "某县2023年至2025年人居环境整治工作实施方案"):
        assert parse_text(title + "\n一、总体目标\n到2025年，农村人居环境明显改善。\n").genre is None
    # a preamble sentence that announces both the review and the plans is no plans label
    text = ("某县人民政府工作报告\n各位代表：\n下面，我代表县人民政府，就过去五年工作和今后五年工作安排报告如下：\n"
            "一、过去五年的工作\n五年来，全县经济快速发展。\n二、今后五年的奋斗目标\n今后五年，要加快发展。\n")
    assert [s.role for s in parse_text(text).sections if s.title] == ["review", "plans"]
    # preparing next year's work inside the review is work done
    text = "某局2023年工作总结\n一、主要工作\n（一）提前谋划明年工作\n编制2024年重点项目计划，储备项目50个。\n"
    assert parse_text(text).plans == []
    # the weak links that need strengthening are problems; the problems of a part on problems and remedies too
    text = "某局2023年工作总结\n一、主要工作\n全年完成投资。\n二、工作中需要加强的薄弱环节\n一是基层应急能力不足。二是项目储备不够。\n"
    assert [p.text for p in parse_text(text).weaknesses] == ["一是基层应急能力不足。", "二是项目储备不够。"]
    text = ("某局2023年工作总结\n一、主要工作\n全年完成投资。\n二、主要问题及对策建议\n（一）主要问题\n财政收支矛盾突出。\n"
            "（二）对策建议\n加大招商引资力度。\n")
    report = parse_text(text)
    assert [p.text for p in report.weaknesses] == ["财政收支矛盾突出。"]
    assert [p.text for p in report.plans] == ["加大招商引资力度。"]
    text = "某局2023年工作总结\n一、主要工作\n全年完成投资。\n二、突出问题及整改情况\n针对巡视反馈的问题，全面完成整改任务35项。\n"
    assert parse_text(text).weaknesses == []


def test_review_r9_cues_meetings_and_titles():
    # problems found in the work audited, or found and put right, are no weaknesses of the report's own
    for body in ("全年完成审计项目35个，审计中还发现问题金额2.3亿元，促进增收节支5000万元。",
                 "通过自查自纠，也发现了一些问题，均已建立台账限期整改。全年完成投资10亿元。"):
        assert parse_text("某局2023年工作总结\n一、主要工作\n" + body + "\n").weaknesses == []
    names = [m.name for m in parse_text("召开全县机关文件和档案管理工作会议，召开确保实现全年目标任务推进会。\n").meetings]
    assert names == ["全县机关文件和档案管理工作会议", "实现全年目标任务推进会"]
    # a title of two phrases set apart by a space stays whole, and so do the review's (R10) titles with openers inside
    text = "某县2023年工作总结\n一、主要工作\n（一）坚持项目为王 全力以赴扩大有效投资。全年共实施重点项目120个。\n"
    titles = [c.title for s in parse_text(text).sections for c in s.children if c.title]
    assert titles == ["坚持项目为王 全力以赴扩大有效投资"]
    text = ("某县2023年工作总结\n一、主要工作\n（一）毫不动摇坚持把发展作为第一要务，全力推动县域经济高质量发展。全年增长6.5%。\n"
            "（二）深化“放管服” 改革，优化营商环境，全年新登记市场主体3200户。\n")
    titles = [c.title for s in parse_text(text).sections for c in s.children if c.title]
    assert titles == ["毫不动摇坚持把发展作为第一要务，全力推动县域经济高质量发展", "深化“放管服” 改革，优化营商环境，全年新登记市场主体3200户"]
    text = "某镇2023年工作总结\n一、主要工作\n1.全年新增城镇就业 人数3200人，超额完成县下达的年度目标任务。\n2.全年完成投资12.5亿元。\n"
    assert [s.title for s in parse_text(text).sections if s.title] == ["主要工作"]
    assert [c for s in parse_text(text).sections for c in s.children if c.title] == []
