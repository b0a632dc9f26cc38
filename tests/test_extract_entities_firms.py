"""Enterprise recognition: firms read off project names, brand names, lists after 引进/签约, junk that is no firm."""
from __future__ import annotations

import pytest

from kg.extract import tagging
from kg.extract.entities import recognize
from kg.extract.firms import firm_prefix


def found(sentence: str) -> set[tuple[str, str]]:
    return {(c.text, c.type.value) for c in recognize(sentence, tagging.tag(sentence))}


@pytest.mark.parametrize(("project", "firm"), [
    ("特康科技产业基地项目", "特康科技"),
    ("远洋药业二期", "远洋药业"),
    ("韩国星河软件研发中心", "韩国星河"),   # the software is the centre's: X软件研发中心
    ("星河科技研发中心", "星河科技"),       # 科技 stays a part of the firm's name
    ("东北亚科技创新中心", None),   # a region word, not a firm
    ("长沙科技创新中心", None),     # a city before a trade word
    ("科技馆", None),
    ("智能装备产业园", None),       # a generic lead
])
def test_firm_prefix_reads_the_firm_off_a_project_name(project: str, firm: str | None) -> None:
    assert firm_prefix(project) == firm


FIRMS_IN_PROJECTS = [
    # the firm before a project head is a mention of its own, even when the tagger gives no name
    ("开工建设星源材料华东生产基地。", "星源材料"),
    ("推进鑫泰钢材大连新工厂建设。", "鑫泰钢材"),
    # a tagger name that runs past the firm into a non-company word gives way to the firm
    ("今年开工建设宏瑞电子产业基地项目，预计明年投产。", "宏瑞电子"),
    # a brand before a product generation or a region word, whatever the tagger makes of it
    ("开工建设天马第8代柔性面板生产线项目。", "天马"),
    ("开工建设虎牙直播西南中心等项目4个。", "虎牙直播"),
]


@pytest.mark.parametrize(("sentence", "firm"), FIRMS_IN_PROJECTS)
def test_a_project_names_its_firm(sentence: str, firm: str) -> None:
    assert (firm, "Enterprise") in found(sentence)


def test_the_project_firm_exists_without_the_relation_component(nlp) -> None:
    with nlp.select_pipes(disable=["kg_relations"]):
        doc = nlp("今年开工建设宏瑞电子产业基地项目，预计明年投产。")
    assert ("宏瑞电子", "Enterprise") in {(s.text, s.label_) for s in doc.spans["kg"]}


LIST_FIRMS = [
    # 等N家企业: members the tagger cuts up or does not know are firms too
    ("园区已入驻云启智能、拓维数据、晟芯等30家企业。", ["拓维数据", "晟芯"]),
    ("今年签约引进星途科技、海岚、驰远引擎等一批龙头企业。", ["星途科技", "海岚", "驰远引擎"]),
    ("聚集了戴森、博曼、卓远信通等120家软件企业。", ["戴森", "博曼"]),
]


@pytest.mark.parametrize(("sentence", "firms"), LIST_FIRMS)
def test_members_of_a_firm_list_are_enterprises(sentence: str, firms: list[str]) -> None:
    got = found(sentence)
    assert all((f, "Enterprise") in got for f in firms), got


NO_FIRMS = [
    ("重点发展电力、化工、建材等产业。", "电力"),
    ("推动人工智能、大数据、区块链等项目落地。", "大数据"),
    ("推动人工智能、大数据、区块链等项目落地。", "人工智能"),
    ("与清华、浙大等知名院校加强合作。", "清华"),
    # a region or place before a trade word names a park, not a firm
    ("东北亚汽车零部件产业园引进华瑞饰件、通远部件有限公司等5户企业。", "东北亚汽车"),
    ("泉州两岸智能装备产业园二期开园。", "泉州两岸智能装备"),
    ("湖西绿能氢燃料电池项目签约。", "氢燃料电池"),
]


@pytest.mark.parametrize(("sentence", "junk"), NO_FIRMS)
def test_sectors_and_schools_in_lists_are_not_firms(sentence: str, junk: str) -> None:
    assert (junk, "Enterprise") not in found(sentence)


def test_a_firm_list_whose_category_word_follows_a_sector_word() -> None:
    # 等13家行业领域翘楚: the count of firms decides, not the 领域 inside the category
    assert ("蓝海半导体", "Enterprise") in found("园区发挥星驰、蓝海半导体、恒远电子等13家行业领域翘楚的带动作用。")


CONCEPTS = [
    ("推动保险机构打造与RCEP体系相匹配的服务产品。", "RCEP"),
    ("乘“东数西算”东风，打造算力高地。", "东风"),
    ("爱商、护商、优商氛围日益浓厚。", "优商"),
]


@pytest.mark.parametrize(("sentence", "junk"), CONCEPTS)
def test_a_tagger_name_used_as_a_concept_is_no_firm(sentence: str, junk: str) -> None:
    assert (junk, "Enterprise") not in found(sentence)


def test_a_company_that_shares_a_figure_of_speech_word_is_still_a_firm() -> None:
    assert ("东风汽车集团", "Enterprise") in found("东风汽车集团在园区投资建设新基地。")


CUT_FIRMS = [
    # a region word between the firm and its trade word: the firm is before it
    ("柯瑞德工程全球装备制造中国区总部项目成功落地。", "柯瑞德工程", "柯瑞德工程全球装备"),
    # a product generation after a brand is not part of the firm
    ("曙光新一代信息技术产业基地项目开工。", "曙光", "曙光新一代"),
    # a firm before a tagger name that runs on into the product (新能源汽车)
    ("宏达齿轮新能源汽车零部件生产线全面投产。", "宏达齿轮", "宏达齿轮新能源"),
]


@pytest.mark.parametrize(("sentence", "firm", "wrong"), CUT_FIRMS)
def test_firms_are_cut_at_the_right_place(sentence: str, firm: str, wrong: str) -> None:
    got = found(sentence)
    assert (firm, "Enterprise") in got and (wrong, "Enterprise") not in got, got


@pytest.mark.parametrize(("sentence", "junk"), [
    ("据悉，项目由德国跨国企业博瑞科技集团境内主体公司投资建设。", "德国跨国企业博瑞科技集团境内主体公司"),
    ("成功举办第十届中国海创周。", "中国海创周"),
])
def test_descriptions_and_events_are_not_firms(sentence: str, junk: str) -> None:
    assert (junk, "Enterprise") not in found(sentence)


@pytest.mark.parametrize(("sentence", "firm"), [
    # a short name the tagger takes for a place, a trade word, then the product
    ("宁川数控全球首台新型设备问世。", "宁川数控"),
    ("江城化工全球首台新型设备问世。", "江城化工"),
])
def test_a_brand_and_trade_word_before_a_product_is_a_firm(sentence: str, firm: str) -> None:
    assert (firm, "Enterprise") in found(sentence)


@pytest.mark.parametrize(("sentence", "junk"), [
    ("中韩工业自动化设备对接洽谈会成功举办。", "中韩工业"),
    ("推动大连科技创新中心建设。", "大连科技"),
])
def test_a_place_or_country_before_a_generic_word_is_no_firm(sentence: str, junk: str) -> None:
    assert (junk, "Enterprise") not in found(sentence)


def test_a_tagger_name_gives_back_the_start_of_a_sector_word() -> None:
    from kg.extract.entities import Word, _split_sector
    words = [Word("星河工业", "ORG", 0), Word("互联网", "n", 4), Word("中心", "n", 7)]
    assert [w.text for w in _split_sector(words)] == ["星河", "工业", "互联网", "中心"]
    plain = [Word("星河工业", "ORG", 0), Word("园区", "n", 4)]
    assert [w.text for w in _split_sector(plain)] == ["星河工业", "园区"]


BRANDS_BEFORE_PRODUCTS = [
    # a region word inside a project's name ends the firm read off it
    ("西门子能源全球装备制造亚太区总部项目成功落地。", "西门子能源", "西门子能源全球装备"),
]


@pytest.mark.parametrize(("sentence", "firm", "wrong"), BRANDS_BEFORE_PRODUCTS)
def test_brands_are_cut_before_sectors_and_regions(sentence: str, firm: str, wrong: str) -> None:
    got = found(sentence)
    assert (firm, "Enterprise") in got
    assert (wrong, "Enterprise") not in got


def test_a_brand_before_its_production_line_is_a_firm() -> None:
    assert ("长安福特", "Enterprise") in found("长安福特自动化生产线。")


@pytest.mark.parametrize("sentence", [
    "启动运营星创国际加速器，搭建创业服务平台。",   # the front of an incubator's name
    "离岸创新中心6家。",
])
def test_the_front_of_a_centre_name_is_no_firm(sentence: str) -> None:
    assert not any(t == "Enterprise" for _, t in found(sentence))


NO_MARKER_BRAND = [
    # a place or a bare region word before the head is no brand
    "加快建设西南中心。",
    "长沙第3代半导体产业基地开工。",
]


@pytest.mark.parametrize("sentence", NO_MARKER_BRAND)
def test_no_brand_before_a_generation_or_region_word(sentence: str) -> None:
    assert not {n for n, t in found(sentence) if t == "Enterprise"}


FIRM_QUOTED_PROJECT = [
    # a firm the tagger names right before a quoted project: one project with the firm in front
    ("总投资50亿元的宁德时代“新型储能电池生产线项目”落地。", "宁德时代“新型储能电池生产线项目”", "宁德时代"),
]


@pytest.mark.parametrize(("sentence", "project", "firm"), FIRM_QUOTED_PROJECT)
def test_a_firm_before_a_quoted_project_opens_its_name(sentence: str, project: str, firm: str) -> None:
    got = found(sentence)
    assert (project, "Project") in got and (firm, "Enterprise") in got


@pytest.mark.parametrize("sentence", [
    "总投资50亿元的“新型储能电池生产线项目”落地。",   # no firm before the quote
    "市政府“十大民生工程”启动。",                     # a body and a programme, no firm
])
def test_no_firm_project_without_a_firm_before_the_quote(sentence: str) -> None:
    assert not any(t == "Project" and not n.startswith("“") and "“" in n for n, t in found(sentence))


@pytest.mark.parametrize(("sentence", "firms"), [
    # each part before the last of a ·-joined project name is a partner firm
    ("远山商事·青禾·北岸广场等项目落地园区。", {"远山商事", "青禾"}),
    # none: a part led by a city is a place
    ("总投资24亿元的长沙星城·激光科技园项目开工。", set()),
])
def test_parts_of_a_dot_joined_project_are_firms(sentence: str, firms: set[str]) -> None:
    assert {n for n, t in found(sentence) if t == "Enterprise"} == firms


@pytest.mark.parametrize(("sentence", "founder"), [
    # the university written before the province an institute is set up in is a mention of its own
    ("推进星城大学江苏创新研究院建设。", "星城大学"),
    # none: a university's own institute, with no place after the university
    ("星城大学先进材料研究院揭牌。", None),
])
def test_the_founder_of_an_institute_is_an_organization(sentence: str, founder: str | None) -> None:
    got = {n for n, t in found(sentence) if t == "Organization"}
    assert (founder in got) if founder else len(got) == 1


AWARD_LISTS = [
    # a clause that is only a list of names before an honour cue lists firms that hold it
    ("截至年底,三和药品、豪庭设备被认定为市级工程技术研究中心。", {"三和药品", "豪庭设备"}),
    ("2023年,一汽轿车、万方农业获省科技发展专项资金支持。", {"一汽轿车", "万方农业"}),
]
NO_AWARD_LIST_FIRMS = [
    "技术创新、管理创新获评全国先进集体。",     # activities, not firms
    "产品质量、服务水平获评全国先进集体。",     # common nouns
    "北京、上海获评全国文明城市。",             # places
]


@pytest.mark.parametrize(("sentence", "firms"), AWARD_LISTS)
def test_names_listed_before_an_honour_cue_are_firms(sentence: str, firms: set[str]) -> None:
    got = {c.text for c in recognize(sentence, tagging.tag(sentence)) if c.type.value == "Enterprise"}
    assert firms <= got


@pytest.mark.parametrize("sentence", NO_AWARD_LIST_FIRMS)
def test_common_words_listed_before_an_honour_cue_are_no_firms(sentence: str) -> None:
    assert not any(c.type.value == "Enterprise" for c in recognize(sentence, tagging.tag(sentence)))


BRACKETED_FIRMS = [
    # a place or group word in brackets inside a company's name: the whole name, not the part before it
    ("在新能源领域，恒拓精密科技（西安）有限公司投资10亿元建设电池结构件项目。", "恒拓精密科技（西安）有限公司", "恒拓"),
    ("中通速运（湖北）有限公司华中分拨中心正式投用。", "中通速运（湖北）有限公司", "有限公司"),
    ("日本北辰工业株式会社投资设立北辰工业（苏州）有限公司，生产汽车座椅。", "北辰工业（苏州）有限公司", "苏州"),
    ("区内企业明远光学（中国）有限公司被评为省级智能工厂。", "明远光学（中国）有限公司", "区内企业明远光学"),
    ("华泰新材（集团）股份有限公司今年入驻园区。", "华泰新材（集团）股份有限公司", "华泰新材"),
]


@pytest.mark.parametrize(("sentence", "firm", "wrong"), BRACKETED_FIRMS)
def test_a_bracketed_place_stays_inside_the_company_name(sentence: str, firm: str, wrong: str) -> None:
    got = found(sentence)
    assert (firm, "Enterprise") in got
    assert not any(text == wrong for text, _ in got)


def test_the_project_after_a_bracketed_company_keeps_its_own_name() -> None:
    assert ("华中分拨中心", "Project") in found("中通速运（湖北）有限公司华中分拨中心正式投用。")


NO_BRACKETED_FIRMS = [
    # brackets that hold no place or group word, or a legal head that is not there, make no firm
    "园区企业（含外资企业）有限公司数量达到300家。",
    "今年新增规上工业企业（不含建筑业）18家。",
    "台资企业（郑州）项目正式开工。",
]


@pytest.mark.parametrize("sentence", NO_BRACKETED_FIRMS)
def test_no_bracketed_firm_without_a_place_and_a_legal_head(sentence: str) -> None:
    assert not any("）" in text and kind == "Enterprise" for text, kind in found(sentence))
