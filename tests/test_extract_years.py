"""Years of sentences of the genre: explicit, relative to the writing year, section years, spans with none."""
import pytest

from kg.extract.years import YearContext, is_heading, section_year, sentence_year

CASES = [
    # a year inside the sentence that dates a figure or a comparison is not the year of its facts
    ("云杉产业园已集聚星海电子等企业20家，2020年实现营业收入50亿元。", 2021, None, 2021),
    ("远航科技落户松山区，2019年产值突破10亿元。", 2021, None, 2021),
    ("与2020年相比，新签约项目增加8个。", 2021, None, 2021),
    ("全区新签约项目27个，投资额较2020年增长36%。", 2021, None, 2021),
    # a year opening the sentence dates all of it, figures too; the first fact's year stays
    ("2020年，全区实现营业收入120亿元。", 2021, None, 2020),
    ("2020年实现营业收入120亿元。", 2021, None, 2020),
    ("星海电子2019年落户松山区，2020年实现产值10亿元。", 2021, None, 2019),
    ("2019年,星海电子入选省级专精特新企业。", 2021, None, 2019),
    ("今年,松山区新增高新技术企业66家。", 2021, None, 2021),
    ("去年,远航科技产值突破40亿元。", 2020, None, 2019),
    # a January 2022 review of 2021: 今年 means 2022
    ("今年,松山区计划开工项目200个。", 2021, 2022, 2022),
    ("过去4年,松山区累计引进项目300个。", 2021, None, None),
    ("“十三五”时期,全区地区生产总值年均增长7%。", 2021, None, None),
    ("2016年至2020年,全区累计投资500亿元。", 2021, None, None),
    # 过去一年 is the report year, not a span
    ("过去一年,松山区新签约项目59个。", 2019, None, 2019),
    ("2014年以来该区已聚集大数据企业535家。", 2015, None, 2015),
    ("青禾大厦主体封顶。", 2021, None, 2021),
    # a target year is not the year of the fact
    ("滨湖商务区项目已签约,预计2018年建成投用。", 2016, None, 2016),
    ("项目预计于2018年开业,届时市民将再添游玩好去处。", 2016, None, 2016),
    ("星河广场计划于2023年竣工,2021年已完成主体施工。", 2021, None, 2021),
    # 自2014年…以来 is a span; 2019年度 is the period assessed, not the year of the result
    ("自2014年松山区作出部署以来,高新区已成为领跑者。", 2015, None, None),
    ("省商务厅通报2019年度考核结果,松山区获评第一名。", 2020, None, 2020),
    # 年内/当年 point at the year under review, not at the writing year
    ("青禾大厦主体封顶,星海电子二期等项目实现年内开工、年内投产。", 2021, 2022, 2021),
    ("远航药业当年投产当年上规,预计明年扩产。", 2024, None, 2024),
    # 去年以来 spans two years; 今年以来 is this year
    ("去年以来,高新区获评国家知识产权示范园区。", 2019, 2020, None),
    ("今年以来,松山区新签约项目59个。", 2021, 2022, 2022),
    # a span that turns to a plan: the plan is the report year's
    ("近几年,服务业得到长足发展,松山区将大力发展楼宇经济,推进青禾大厦等项目。", 2020, None, 2020),
    ("近几年,服务业得到长足发展,楼宇经济初具规模。", 2020, None, None),
]


@pytest.mark.parametrize(("sentence", "report", "published", "expected"), CASES, ids=[c[0][:10] for c in CASES])
def test_sentence_year(sentence, report, published, expected):
    assert sentence_year(sentence, report_year=report, publication_year=published) == expected


def test_section_year_opens_a_paragraph():
    assert section_year("2022年，松山区计划开复工亿元项目200个以上") == 2022
    assert section_year("松山区2022年计划开复工亿元项目200个") is None


def test_headings():
    assert is_heading("## 2 创新引领 集聚高层次动能")
    assert is_heading("一、坚持项目为王")
    assert not is_heading("青禾大厦、北湖湿地公园等项目开工建设。")


def test_context_span_leaves_section_undated_until_next_heading():
    ctx = YearContext(2021, 2022)
    assert ctx.year("过去4年,松山区坚持创新驱动。", paragraph_start=True) is None
    assert ctx.year("星海电子荣获省科技进步一等奖。", paragraph_start=True) is None
    ctx.year("## 3 深化改革", paragraph_start=True)
    assert ctx.year("青禾大厦主体封顶。", paragraph_start=True) == 2021


def test_context_paragraph_keeps_its_year():
    ctx = YearContext(2021)
    assert ctx.year("2022年，松山区计划开工项目200个。", paragraph_start=True) == 2022
    assert ctx.year("推动北湖湿地公园项目签约。") == 2022
    assert ctx.year("青禾大厦主体封顶。", paragraph_start=True) == 2021


def test_paragraph_opened_with_this_year_dates_the_section_after_it():
    ctx = YearContext(2021, 2022)
    assert ctx.year("在今年松山区的工作清单上,开放合作占据重要位置。", paragraph_start=True) == 2022
    assert ctx.year("持续深化对外开放,推动星海电子三期项目落地。", paragraph_start=True) == 2022
    assert ctx.year("二、坚持创新驱动", paragraph_start=True) == 2021
    assert ctx.year("青禾大厦主体封顶。", paragraph_start=True) == 2021


def test_a_planned_year_does_not_date_the_rest_of_its_paragraph():
    ctx = YearContext(2016)
    assert ctx.year("滨湖乐园项目签约落户。", paragraph_start=True) == 2016
    assert ctx.year("项目预计于2018年开业。") == 2016
    assert ctx.year("滨湖商务区将引进一批配套项目。") == 2016


def test_a_span_section_stays_undated_under_its_sub_headings():
    ctx = YearContext(2021)
    assert ctx.year("## 发展足迹", paragraph_start=True) == 2021
    assert ctx.year("过去4年间,松山区加快建设现代化新城区。", paragraph_start=True) is None
    assert ctx.year("### 经济发展欣欣向荣", paragraph_start=True) is None
    assert ctx.year("青禾大厦等重大工程开工建设。", paragraph_start=True) is None
    ctx.year("## 3 建管并重", paragraph_start=True)
    assert ctx.year("星海电子二期投产。", paragraph_start=True) == 2021


def test_unmarked_sub_headings_keep_a_span_section_undated_numbered_ones_end_it():
    ctx = YearContext(2021)
    assert ctx.year("发展足迹", paragraph_start=True) == 2021
    assert ctx.year("过去4年间，松山区加快建设现代化新城区。", paragraph_start=True) is None
    assert ctx.year("经济发展欣欣向荣", paragraph_start=True) is None
    assert ctx.year("青禾大厦等重大工程开工建设。", paragraph_start=True) is None
    ctx.year("2 创新引领 集聚高层次动能", paragraph_start=True)
    assert ctx.year("星海电子二期投产。", paragraph_start=True) == 2021


@pytest.mark.parametrize("heading", ["亮丽名片", "## 亮丽名片", "所获荣誉", "城市名片"])
def test_an_honour_box_is_undated(heading):
    ctx = YearContext(2021)
    assert ctx.year("青禾大厦主体封顶。", paragraph_start=True) == 2021
    ctx.year(heading, paragraph_start=True)
    assert ctx.year("全国营商环境百强区", paragraph_start=True) is None
    assert ctx.year("2020年全国文明城区", paragraph_start=True) == 2020


def test_a_heading_naming_a_name_card_to_build_is_not_an_honour_box():
    ctx = YearContext(2021)
    ctx.year("擦亮生态宜居城市名片 建设美丽松山", paragraph_start=True)
    assert ctx.year("北湖湿地公园开园。", paragraph_start=True) == 2021


def test_a_span_opening_a_later_sentence_undates_the_rest_of_its_paragraph():
    ctx = YearContext(2021)
    assert ctx.year("全力推进重点项目建设，企业发展迅猛。", paragraph_start=True) == 2021
    assert ctx.year("“十三五”时期，松山区新增高新技术企业249家；") is None
    assert ctx.year("星海电子入选国家示范名单；") is None
    # the next paragraph is dated again, unless it is a sub-topic opened with a lead-in title
    assert ctx.year("深化园区改革，远航重工交付船舶14艘。", paragraph_start=True) == 2021


def test_lead_in_sub_topics_of_a_span_paragraph_stay_undated():
    ctx = YearContext(2021)
    ctx.year("产业是城市的脊梁，项目则是产业的支撑。", paragraph_start=True)
    assert ctx.year("过去4年间，松山区持续优化经济结构。") is None
    assert ctx.year("先进制造业提质增效。", paragraph_start=True) is None
    assert ctx.year("远航重工荣获国家级制造业单项冠军示范企业称号。") is None
    assert ctx.year("青禾大厦主体封顶，北湖公园开园。", paragraph_start=True) == 2021


def test_a_span_after_a_lead_in_title_opens_its_paragraph():
    ctx = YearContext(2021)
    ctx.year("社会事业硕果累累。", paragraph_start=True)
    assert ctx.year("过去4年建成中小学校9所。") is None
    assert ctx.year("文体惠民不断深入。", paragraph_start=True) is None
    assert ctx.year("松山区文化馆获评国家一级文化馆。") is None


def test_a_span_noun_plan_is_no_turn_to_a_plan():
    assert sentence_year("“十三五”时期，松山区提前完成高新技术企业三年倍增计划，年均增长143%。", report_year=2021) is None
    assert sentence_year("“十三五”时期发展较快，松山区计划开工青禾大厦项目。", report_year=2021) == 2021


def test_years_between_is_a_span():
    assert sentence_year("4年间区级财政累计投入超200亿元。", report_year=2021) is None
    assert sentence_year("2021年间新增企业300家。", report_year=2021) == 2021


def test_a_title_run_into_its_paragraph_by_spaces_ends_the_this_year_section():
    ctx = YearContext(2021, 2021)
    assert ctx.year("今年上半年，松山区开复工项目115个。", paragraph_start=True) == 2021
    assert ctx.year("星海电子二期投产。") == 2021
    # a new title run in with two (cleaned) spaces, its paragraph opened with a span: undated
    assert ctx.year("惠民利民项目增加百姓获得感  “十三五”时期，松山区民生支出近200亿元。", paragraph_start=True) is None
    assert ctx.year("教育实现优质均衡发展，获评国家级实验区。") is None
    # a paragraph opened with 今年 dates again
    assert ctx.year("今年上半年，松山区启动专项行动。", paragraph_start=True) == 2021
    assert ctx.year("松山区获评全国劳动教育实验区。") == 2021


@pytest.mark.parametrize("sentence, year", [
    ("2020年签约的青禾光电项目于2022年6月实现满产。", 2022),
    ("2019年建成的松山数字产业园，2021年入驻企业增至50家。", 2021),
    ("2018年3月落户的星海电子二期今年投产。", 2023),
    ("2020年，松山区引进青禾光电项目。", 2020),          # a year opening the sentence dates it
    ("2020年的青禾光电项目是全区重点。", 2020),            # no verb of an event: not a phrase's own year
    ("2019年建成的松山数字产业园入驻企业50家。", 2023),   # only a phrase's year: the report's
])
def test_a_year_describing_a_thing_does_not_date_the_sentence(sentence, year):
    assert sentence_year(sentence, report_year=2023) == year


def test_a_phrase_year_does_not_set_the_paragraph_year():
    ctx = YearContext(2023)
    assert ctx.year("2021年签约的青禾光电项目于2023年5月投产。", paragraph_start=True) == 2023
    assert ctx.year("全年新签约项目20个，其中星海电子二期总投资10亿元。") == 2023


def test_a_numbered_heading_naming_a_year_dates_its_section():
    ctx = YearContext(2023, 2023)
    assert ctx.year("松山区2023年政府工作报告", paragraph_start=True) == 2023
    ctx.year("一、2022年工作回顾", paragraph_start=True)
    assert ctx.year("过去一年，全区生产总值增长5%。", paragraph_start=True) == 2022
    assert ctx.year("（一）项目建设提质增效。", paragraph_start=True) == 2022   # a sub-heading keeps it
    assert ctx.year("青禾光电项目建成投产；星海电子获评省级示范企业。") == 2022
    ctx.year("二、2023年工作安排", paragraph_start=True)
    assert ctx.year("全力推动北湖物流园建设。", paragraph_start=True) == 2023
    ctx.year("三、坚持项目为王", paragraph_start=True)                         # same rank, no year: ends it
    assert ctx.year("星海电子三期开工。", paragraph_start=True) == 2023


@pytest.mark.parametrize("heading, year", [
    ("一、2021年工作回顾", 2021),
    ("## 2021年主要成绩", 2021),
    ("二、今年工作安排", 2024),
    ("一、2019—2021年工作回顾", 2024),   # a range names no single year
    ("一、过去五年工作回顾", 2024),
    ("坚持项目为王 2021年成效显著", 2024),   # unnumbered: dates nothing
])
def test_which_headings_date_their_section(heading, year):
    ctx = YearContext(2024, 2024)
    ctx.year(heading, paragraph_start=True)
    assert ctx.year("青禾光电项目建成投产。", paragraph_start=True) == year


def test_a_plan_in_a_span_section_takes_the_report_year():
    ctx = YearContext(2024)
    assert ctx.year("过去4年，松山区新增企业300家。", paragraph_start=True) is None
    assert ctx.year("星海电子获评省级示范企业。", paragraph_start=True) is None
    assert ctx.year("下一步将推动北湖物流园尽快开工。", paragraph_start=True) == 2024


@pytest.mark.parametrize("sentence, year", [
    ("经过多年发展，松山区被授予“中国算力谷”称号。", None),
    ("历经十余年培育，星海电子成长为行业龙头。", None),
    ("通过数年努力，青禾光电跻身全国百强。", None),
    ("通过一年努力，青禾光电跻身全国百强。", 2023),   # one year is the report's
    ("经过调研，松山区引进青禾光电项目。", 2023),
])
def test_years_of_effort_are_a_span(sentence, year):
    assert sentence_year(sentence, report_year=2023) == year
