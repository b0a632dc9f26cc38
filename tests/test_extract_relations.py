"""Relation rules over hand-made sentences of the genre, with the entities given (recognition is tested elsewhere)."""
import pytest

from kg.extract.entities import Candidate
from kg.extract.relations import free_trade_area, home_part_of, part_of, relations, subcounty_part_of, zones_in_home
from kg.model import EntityType as T

D, E, PR, PK, A, O = T.DISTRICT, T.ENTERPRISE, T.PROJECT, T.PARK, T.AWARD, T.ORGANIZATION


def cands(sentence: str, names: list[tuple[str, T]]) -> list[Candidate]:
    """Candidates at the first free occurrence of each name, in sentence order."""
    out, taken = [], set()
    for name, type_ in names:
        i = sentence.find(name)
        while (i, name) in taken:
            i = sentence.find(name, i + 1)
        assert i >= 0, name
        taken.add((i, name))
        out.append(Candidate(i, i + len(name), type_, name, "test"))
    return sorted(out, key=lambda c: c.start)


def home(name: str = "松山区") -> Candidate:
    return Candidate(-100, -100 + len(name), D, name, "home")


def triples(sentence: str, names, home_name: str | None = "松山区", **kw) -> set[tuple[str, str, str]]:
    h = home(home_name) if home_name else None
    return {(f.subject.text, f.predicate.value, f.object.text) for f in relations(sentence, cands(sentence, names), h, **kw)}


CASES = [
    # a district report's list of projects: each is in the home district
    ("青禾大厦、北湖湿地公园等项目开工建设。", [("青禾大厦", PR), ("北湖湿地公园", PR)],
     {("青禾大厦", "locatedIn", "松山区"), ("北湖湿地公园", "locatedIn", "松山区")}),
    # 落户 + a park inside the district: in the park and in the district, and the park in the district
    ("星海电子、远航科技签约入驻云杉智造产业园。", [("星海电子", E), ("远航科技", E), ("云杉智造产业园", PK)],
     {("星海电子", "locatedIn", "云杉智造产业园"), ("星海电子", "locatedIn", "松山区"),
      ("远航科技", "locatedIn", "云杉智造产业园"), ("远航科技", "locatedIn", "松山区"),
      ("云杉智造产业园", "locatedIn", "松山区")}),
    # 在P建设X by an enterprise: developedBy the actor; the actor itself is not placed
    ("恒远新材料有限公司拟投资20亿元,在云杉智造产业园建设高端铝箔生产基地。",
     [("恒远新材料有限公司", E), ("云杉智造产业园", PK), ("高端铝箔生产基地", PR)],
     {("高端铝箔生产基地", "developedBy", "恒远新材料有限公司"), ("高端铝箔生产基地", "locatedIn", "云杉智造产业园"),
      ("高端铝箔生产基地", "locatedIn", "松山区"), ("云杉智造产业园", "locatedIn", "松山区")}),
    # a project named after an enterprise
    ("星海电子智能终端二期项目竣工投产。", [("星海电子智能终端二期项目", PR)],
     {("星海电子智能终端二期项目", "locatedIn", "松山区"), ("星海电子智能终端二期项目", "developedBy", "星海电子")}),
    # award to the listed recipients before the cue
    ("星海电子、远航科技被认定为省级企业技术中心。", [("星海电子", E), ("远航科技", E), ("省级企业技术中心", A)],
     {("星海电子", "receivedAward", "省级企业技术中心"), ("远航科技", "receivedAward", "省级企业技术中心"),
      ("星海电子", "locatedIn", "松山区"), ("远航科技", "locatedIn", "松山区")}),
    # honour list with no recipient named: the home district
    ("荣获全国科技创新百强区。", [("全国科技创新百强区", A)], {("松山区", "receivedAward", "全国科技创新百强区")}),
    # cooperation: the actor is the district even when the meeting was held 在北京
    ("松山区在北京召开推介会,与星海电子、北方理工大学签订合作协议。",
     [("松山区", D), ("北京", D), ("星海电子", E), ("北方理工大学", O)],
     {("松山区", "cooperatesWith", "星海电子"), ("松山区", "cooperatesWith", "北方理工大学")}),
    # 联合 frame
    ("松山区联合北方理工大学组建人工智能研究院。", [("松山区", D), ("北方理工大学", O)],
     {("松山区", "cooperatesWith", "北方理工大学")}),
    # a government body sits in the district its name starts with
    ("据松山区发展和改革局介绍,全年完成投资80亿元。", [("松山区发展和改革局", O)],
     {("松山区发展和改革局", "locatedIn", "松山区")}),
    # an institute set up in the district is in it; a road named after a city is still the district's
    ("北方新材料研究院正式揭牌运营。", [("北方新材料研究院", O)], {("北方新材料研究院", "locatedIn", "松山区")}),
    ("中山路商圈完成改造提升。", [("中山路商圈", PK)], {("中山路商圈", "locatedIn", "松山区")}),
    # sentences that must give nothing
    ("全区经济运行稳中有进,主要指标好于预期。", [], set()),
    # places named after other cities are not the home district's, nor is a ministry or an exchange
    ("同时入选的还有青岛灵山湾、福州滨海新城岸段。", [("青岛灵山湾", PK), ("福州滨海新城岸段", PK)], set()),
    ("北京星河科技有限公司发布新品。", [("北京星河科技有限公司", E)], set()),
    ("工信部产业发展促进中心、上海证券交易所专家出席。", [("工信部产业发展促进中心", O), ("上海证券交易所", O)], set()),
    ("北方理工大学专家来区调研。", [("北方理工大学", O)], set()),
    # 和/与 inside a place or a name is no cooperation cue
    ("据呼和浩特市大数据管理局介绍,已有星海电子等项目完成签约。", [("星海电子", E)],
     {("星海电子", "locatedIn", "松山区")}),
    ("乌兰和林格尔新区远航科技项目签约落地。", [("远航科技", E)], {("远航科技", "locatedIn", "松山区")}),
    ("北方物联网与区块链研究院项目签约落地。", [("北方物联网与区块链研究院项目", PR)],
     {("北方物联网与区块链研究院项目", "locatedIn", "松山区")}),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), CASES, ids=[c[0][:12] for c in CASES])
def test_relations_table(sentence, names, expected):
    assert triples(sentence, names) == expected


def test_no_home_no_implied_place():
    assert triples("青禾大厦主体封顶。", [("青禾大厦", PR)], home_name=None) == set()


def test_city_named_as_place_means_the_home_district():
    s = "落户赤峰市的星海电子总部正式运营。"
    got = triples(s, [("赤峰市", D), ("星海电子总部", PR)])
    assert ("星海电子总部", "locatedIn", "松山区") in got and ("星海电子总部", "locatedIn", "赤峰市") not in got


def test_place_outside_the_home_district_is_kept_alone():
    s = "贝雕精品展在北京恭王府博物馆成功举办。"
    got = triples(s, [("北京", D), ("恭王府博物馆", O)])
    assert ("恭王府博物馆", "locatedIn", "松山区") not in got


def test_paragraph_park_places_its_enterprises():
    s = "远航科技累计交付整机300台。"
    park = Candidate(-50, -45, PK, "云杉产业园", "ctx")
    got = triples(s, [("远航科技", E)], park=park)
    assert got == {("远航科技", "locatedIn", "云杉产业园"), ("远航科技", "locatedIn", "松山区")}


@pytest.mark.parametrize(("sentence", "name", "expected"), [
    # 区内/镇内企业: the reported district's firm, not the paragraph park's
    ("区内企业远航科技有限公司荣获省质量奖。", "远航科技有限公司", {"松山区"}),
    ("镇内的企业远航科技有限公司入选省级名单。", "远航科技有限公司", {"松山区"}),
    ("区内项目青禾大厦开工。", "青禾大厦", {"松山区"}),
    # 园区内企业 and a bare firm stay the park's too
    ("园区内企业远航科技有限公司荣获省质量奖。", "远航科技有限公司", {"松山区", "云杉产业园"}),
    ("远航科技有限公司荣获省质量奖。", "远航科技有限公司", {"松山区", "云杉产业园"}),
])
def test_a_home_insider_is_not_the_paragraph_parks(sentence, name, expected):
    park = Candidate(-50, -45, PK, "云杉产业园", "ctx")
    type_ = PR if name.endswith("大厦") else E
    got = {o for s_, p, o in triples(sentence, [(name, type_)], park=park) if s_ == name and p == "locatedIn"}
    assert got == expected


SET_PLACES = [
    # a clause that is only a place: what the next clause names is there, not in the paragraph's park
    ("在青石新城，远航科技年产5万吨新材料项目建成投产。", [("青石新城", PK), ("远航科技年产5万吨新材料项目", PR)],
     "远航科技年产5万吨新材料项目", {"青石新城", "松山区"}),
    # a park written as host of a list that ends in 等…企业
    ("云杉产业园已引进星海电子、远航科技等27家企业。", [("云杉产业园", PK), ("星海电子", E), ("远航科技", E)],
     "星海电子", {"云杉产业园", "松山区"}),
    ("区内的云杉产业园入驻企业突破200家，星海电子、远航科技等龙头企业设立研发中心。",
     [("云杉产业园", PK), ("星海电子", E), ("远航科技", E)], "远航科技", {"云杉产业园", "松山区"}),
    # nothing: the park is named but hosts nothing (no host verb), or the firm is no listed 等…企业
    ("云杉产业园面积扩大到5平方公里，星海电子、远航科技等企业产值增长。",
     [("云杉产业园", PK), ("星海电子", E), ("远航科技", E)], "星海电子", {"松山区", "沙河园区"}),
    ("云杉产业园已引进项目12个，星海电子获评省级示范企业。", [("云杉产业园", PK), ("星海电子", E)],
     "星海电子", {"松山区", "沙河园区"}),
    # 在 in mid-clause is no place clause: the next clause's project is not put there
    ("星海电子在青石新城设立分公司，远航科技新材料项目开工。", [("星海电子", E), ("青石新城", PK), ("远航科技新材料项目", PR)],
     "远航科技新材料项目", {"松山区", "沙河园区"}),
]


@pytest.mark.parametrize(("sentence", "names", "subject", "expected"), SET_PLACES, ids=[c[0][:12] for c in SET_PLACES])
def test_a_place_set_earlier_in_the_sentence(sentence, names, subject, expected):
    park = Candidate(-50, -45, PK, "沙河园区", "ctx")
    got = {o for s_, p, o in triples(sentence, names, park=park) if s_ == subject and p == "locatedIn"}
    assert got == expected


def test_government_body_relation_has_no_year():
    s = "据松山区发展和改革局介绍,全年完成投资80亿元。"
    found = relations(s, cands(s, [("松山区发展和改革局", O)]), home())
    assert [f.dated for f in found] == [False]


def test_part_of_links_the_nearest_named_parent_only():
    names = [("内蒙古", D), ("赤峰市", D), ("松山区", D)]
    text = "内蒙古赤峰市松山区"
    got = {(f.subject.text, f.object.text) for f in part_of(cands(text, names))}
    assert got == {("松山区", "赤峰市"), ("赤峰市", "内蒙古")}


def developers(sentence: str, names, known=()) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in triples(sentence, names, known=known) if p == "developedBy"}


DEVELOPED = [
    # the project's name opens with a firm that ends in a trade head
    ("澄江光电显示模组项目签约。", [("澄江光电显示模组项目", PR)], {("澄江光电显示模组项目", "澄江光电")}),
    ("总投资30亿元的禾丰科技产业基地项目开工。", [("禾丰科技产业基地项目", PR)], {("禾丰科技产业基地项目", "禾丰科技")}),
    ("鸿图集团智能制造研发及总部竣工。", [("鸿图集团智能制造研发及总部", PR)], {("鸿图集团智能制造研发及总部", "鸿图集团")}),
    # a firm named only inside the project's name, followed by a city: the firm builds it
    ("云帆无锡物联生态基地项目开工。", [("云帆无锡物联生态基地项目", PR), ("云帆", E), ("无锡", D)],
     {("云帆无锡物联生态基地项目", "云帆")}),
    # a name put before the city or province it builds in owns the facility
    ("远洋珠海海洋公园开园迎客。", [("远洋珠海海洋公园", PK)], {("远洋珠海海洋公园", "远洋")}),
    ("推进星河影业(长沙)电影文化城建设。", [("星河影业(长沙)电影文化城", PR)], {("星河影业(长沙)电影文化城", "星河影业")}),
    # none: a pair of country or city abbreviations, a caption verb before a bay's name
    ("中德(沈阳)高端装备制造产业园加快建设。", [("中德(沈阳)高端装备制造产业园", PK)], set()),
    ("沪连(大连)大数据产业基地投入使用。", [("沪连(大连)大数据产业基地", PR)], set()),
    ("航拍大连湾前关湿地公园。", [("航拍大连湾前关湿地公园", PK)], set()),
    # the actor of 拟投资…,在P建设Y
    ("恒远新材料有限公司拟投资20亿元,在云杉产业园建设高端铝箔生产基地。",
     [("恒远新材料有限公司", E), ("云杉产业园", PK), ("高端铝箔生产基地", PR)],
     {("高端铝箔生产基地", "恒远新材料有限公司")}),
    # the subject that signs with a partner, then builds: the subject, not the partner
    ("9月，华星电子股份有限公司与湖西开发区管理局签订投资协议，将投资8亿元建设光学膜项目。",
     [("华星电子股份有限公司", E), ("湖西开发区管理局", O), ("光学膜项目", PR)], {("光学膜项目", "华星电子股份有限公司")}),
    ("3. 北岭化工有限公司与中盛建设集团合作建设的合成氨项目，总投资20亿元；",
     [("北岭化工有限公司", E), ("中盛建设集团", E), ("合成氨项目", PR)], {("合成氨项目", "北岭化工有限公司")}),
    # X在P投资建设的Y: the name after 在 is the place, whatever the recognizer made of it
    ("6月，澳洲星辰能源集团在湖港投资建设的储气库项目开工；",
     [("澳洲星辰能源集团", E), ("湖港", E), ("储气库项目", PR)], {("储气库项目", "澳洲星辰能源集团")}),
    # none: the only actor named is after 在, a place
    ("在湖港投资建设的储气库项目开工。", [("湖港", E), ("储气库项目", PR)], set()),
    # none: a partner joined by 与 to a subject that is not at the clause's start
    ("据悉，市里推动华星电子与北岭化工合作，建设光学膜项目。",
     [("华星电子", E), ("北岭化工", E), ("光学膜项目", PR)], set()),
    # a firm the recognizer found at the start of a project's name
    ("储备云帆（东北）创新中心等项目。", [("云帆", E), ("云帆（东北）创新中心", PR)], {("云帆（东北）创新中心", "云帆")}),
    # each firm that is a whole ·-joined part of the name builds it
    ("远山商事·青禾·北岸广场等项目落地。", [("远山商事", E), ("远山商事·青禾·北岸广场", PR), ("青禾", E)],
     {("远山商事·青禾·北岸广场", "远山商事"), ("远山商事·青禾·北岸广场", "青禾")}),
    # none: a firm that only opens a part (青禾|置业) is no whole part
    ("远山商事·青禾置业广场开业。", [("远山商事·青禾置业广场", PR), ("青禾", E)], set()),
    # the university written before the province an institute is set up in founded it
    ("开工建设星城大学江苏创新研究院等项目。", [("星城大学", O), ("星城大学江苏创新研究院", O)],
     {("星城大学江苏创新研究院", "星城大学")}),
    # none: the university's own institute, no place between
    ("星城大学先进材料研究院揭牌。", [("星城大学", O), ("星城大学先进材料研究院", O)], set()),
    # none: a firm whose name goes on inside the project's (林丰|工程中国区总部)
    ("林丰工程中国区总部落户。", [("林丰", E), ("林丰工程中国区总部", PR)], set()),
    # none: generic or place-led names, a park, a firm listed before a comma
    ("加快建设东北亚科技创新创业创投中心。", [("东北亚科技创新创业创投中心", PR)], set()),
    ("启动区科技创新中心二期项目。", [("区科技创新中心二期项目", PR)], set()),
    ("推进生物医药产业园、新能源汽车零部件产业园建设。", [("生物医药产业园", PR), ("新能源汽车零部件产业园", PR)], set()),
    ("加快长沙科技创新中心建设。", [("长沙科技创新中心", PR)], set()),
    ("推动双创基地建设。", [("双创基地", PR), ("双创", E)], set()),
    ("电信、联通等6个项目建成投产,腾讯云数据中心等项目已开工建设。", [("联通", E), ("腾讯云数据中心", PR)], set()),
    ("中科院化物所建设顺利推进,一期项目主体工程完成。", [("中科院化物所", O), ("一期项目主体工程", PR)], set()),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), DEVELOPED, ids=[c[0][:12] for c in DEVELOPED])
def test_developed_by_table(sentence, names, expected):
    assert developers(sentence, names) == expected


AWARDED = [
    # a firm's title is not the district's, even when the district is the clause's subject
    ("全区入选省瞪羚企业12家。", [("省瞪羚企业", A)], set()),
    ("松山区新增国家级制造业单项冠军示范企业2家。", [("松山区", D), ("国家级制造业单项冠军示范企业", A)], set()),
    # 跻身…榜 and 入选…名单: the subject before the frame
    ("松山区跻身全国县域综合实力百强榜。", [("松山区", D), ("全国县域综合实力百强榜", A)],
     {("松山区", "全国县域综合实力百强榜")}),
    ("星海电子入选国家技术创新示范企业名单。", [("星海电子", E), ("国家技术创新示范企业", A)],
     {("星海电子", "国家技术创新示范企业")}),
    # the subject of an earlier clause when the award's clause opens with the cue
    ("青湾在多轮评审中脱颖而出,入选全国美丽海湾优秀案例。", [("青湾", PK), ("美丽海湾优秀案例", A)],
     {("青湾", "美丽海湾优秀案例")}),
    # 入选…的还有A、B: the listed places
    ("同时入选美丽海湾优秀案例的还有北湾、南湾等。", [("美丽海湾优秀案例", A), ("北湾", PK), ("南湾", PK)],
     {("北湾", "美丽海湾优秀案例"), ("南湾", "美丽海湾优秀案例")}),
    # none: the title as a count noun; a clause with its own (unrecognised) subject
    ("此次入选的8个美丽海湾优秀案例由专家评出。", [("美丽海湾优秀案例", A)], set()),
    ("星海电子获得省长质量奖，远航重工荣获单项冠军示范企业称号。", [("星海电子", E), ("省长质量奖", A), ("单项冠军示范企业", A)],
     {("星海电子", "省长质量奖")}),
    # a body written between the cue and the honour confers it: the firm before the cue receives it
    ("星海电子获评工信部第五批专精特新“小巨人”企业。", [("星海电子", E), ("工信部", O), ("专精特新“小巨人”企业", A)],
     {("星海电子", "专精特新“小巨人”企业")}),
    ("远航科技入选科技部2023年度创新型领军企业。", [("远航科技", E), ("科技部", O), ("创新型领军企业", A)],
     {("远航科技", "创新型领军企业")}),
    # 被评为全国N家X之一: the subject (here the unnamed home) is one of the holders
    ("该区被评为全国20家营商环境示范区之一。", [("营商环境示范区", A)], {("松山区", "营商环境示范区")}),
    # none: a count with 之一 but no cue (是…评定的N个X之一) leaves the unrecognised subject unnamed
    ("北湾是原国家海洋局评定的16个健康型浴场之一。", [("原国家海洋局", O), ("健康型浴场", A)], set()),
    # an honour-list line with no recipient: the home district
    ("全国营商环境百强区", [("全国营商环境百强区", A)], {("松山区", "全国营商环境百强区")}),
    # 甲区的乙园入选…: the unread 乙园 holds it, not 甲区 nor the home
    ("北湖新城的云谷园入选省级重点示范园区名单。", [("北湖新城", D), ("省级重点示范园区", A)], set()),
    # a firm named again by its short form before the cue: the firm, not the home
    ("湖州青禾阀门股份有限公司入选省专精特新企业，青禾阀门同时获评省著名商标。",
     [("湖州青禾阀门股份有限公司", E), ("省专精特新企业", A), ("省著名商标", A)],
     {("湖州青禾阀门股份有限公司", "省专精特新企业"), ("湖州青禾阀门股份有限公司", "省著名商标")}),
    # 其研发的X入选…: the firm's product, unread, is no cue for the home
    ("其自主研发的激光切割机入选省首台（套）重大技术装备。", [("省首台（套）重大技术装备", A)], set()),
    # the home's own words or a bare cue still give the home the honour
    ("全区连续入选中国城区经济百强区。", [("中国城区经济百强区", A)], {("松山区", "中国城区经济百强区")}),
    ("同时获评省级生态文明示范区。", [("省级生态文明示范区", A)], {("松山区", "省级生态文明示范区")}),
    # 被X评为: the body between 被 and the cue confers the honour, the clause's subject holds it
    ("城东工业小区新增标准厂房3万平方米，被县政府评为“先进工业小区”。",
     [("城东工业小区", PK), ("县政府", O), ("先进工业小区", A)], {("城东工业小区", "先进工业小区")}),
    ("星海电子被省商务厅认定为省级外贸转型升级示范企业。",
     [("星海电子", E), ("省商务厅", O), ("省级外贸转型升级示范企业", A)], {("星海电子", "省级外贸转型升级示范企业")}),
    # a zone named as the subject holds a 先进单位 title; the home's own count of units still does not
    ("湘潭经开区被评为“全省开发区招商引资先进单位”。", [("湘潭经开区", D), ("全省开发区招商引资先进单位", A)],
     {("湘潭经开区", "全省开发区招商引资先进单位")}),
    ("全区新增省级文明单位5家。", [("省级文明单位", A)], set()),
    # a colon after the honour opens the list of its holders; with the list on the lines below, not the home's
    ("以下企业被认定为省级专精特新企业：星海电子、远航科技。",
     [("省级专精特新企业", A), ("星海电子", E), ("远航科技", E)],
     {("星海电子", "省级专精特新企业"), ("远航科技", "省级专精特新企业")}),
    ("以下企业被认定为省级专精特新企业：", [("省级专精特新企业", A)], set()),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), AWARDED, ids=[c[0][:12] for c in AWARDED])
def test_received_award_table(sentence, names, expected):
    got = {(s, o) for s, p, o in triples(sentence, names) if p == "receivedAward"}
    assert got == expected


def test_home_part_of_keeps_the_home_line_only():
    names = [("辽宁", D), ("大连市", D), ("甘井子区", D), ("沈阳市", D), ("浑南区", D)]
    text = "辽宁大连市甘井子区与沈阳市浑南区"
    got = {(f.subject.text, f.object.text) for f in home_part_of(cands(text, names), home("甘井子区"))}
    assert got == {("甘井子区", "大连市"), ("大连市", "辽宁")}


def test_home_zone_known_by_its_province_is_part_of_the_city_named():
    names = [("长沙市", D), ("湖南湘江新区", D)]
    text = "长沙市湖南湘江新区"
    got = {(f.subject.text, f.object.text) for f in home_part_of(cands(text, names), home("湖南湘江新区"))}
    assert got == {("湖南湘江新区", "长沙市")}


def test_the_city_named_for_a_home_zone_is_part_of_its_province():
    names = [("宁夏", D), ("银川市", D), ("宁夏贺兰山新区", D)]
    text = "宁夏银川市宁夏贺兰山新区"
    got = {(f.subject.text, f.object.text) for f in home_part_of(cands(text, names), home("宁夏贺兰山新区"))}
    assert got == {("宁夏贺兰山新区", "银川市"), ("银川市", "宁夏")}


ZONES = [
    # a zone inside a new area is located in it; one named after the city is part of it
    ("宁乡高新区新签约项目12个。", [("宁乡高新区", D)], {("宁乡高新区", "locatedIn")}),
    ("大连经济技术开发区跻身百强榜。", [("大连经济技术开发区", D)], {("大连经济技术开发区", "partOf")}),
    # none: another new area, a division, a zone of another city
    ("与浦东新区开展对口合作。", [("浦东新区", D)], set()),
    ("大连市出台新政。", [("大连市", D)], set()),
    ("沈阳经济技术开发区代表来访。", [("沈阳经济技术开发区", D)], set()),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), ZONES, ids=[c[0][:10] for c in ZONES])
def test_zones_in_a_new_area(sentence, names, expected):
    got = {(f.subject.text, f.predicate.value) for f in zones_in_home(cands(sentence, names), home("大连金普新区"))}
    assert got == expected


def test_a_cue_inside_a_name_is_skipped_and_a_real_one_after_it_found():
    sentence = "和平区与星海电子签订战略合作协议。"
    found = triples(sentence, [("和平区", D), ("星海电子", E)], home_name="和平区")
    assert ("和平区", "cooperatesWith", "星海电子") in found


@pytest.mark.parametrize(("sentence", "names", "expected"), [
    # a city written before a known owner's name: the owner builds it
    ("落户度假区的长沙星海欢乐世界开园。", [("长沙星海欢乐世界", PR)], {("长沙星海欢乐世界", "星海")}),
    # none: the owner is not known in the document
    ("落户度假区的长沙云海欢乐世界开园。", [("长沙云海欢乐世界", PR)], set()),
])
def test_a_known_owner_after_a_city_develops_the_project(sentence, names, expected):
    known = [Candidate(0, 2, E, "星海", "test")]
    assert developers(sentence, names, known) == expected


SUBCOUNTY = [
    # a 社区 written right after its 街道 is part of it; the 街道 is part of the county-level home
    ("住在凌水街道碧海社区的李大爷", [("凌水街道", D), ("碧海社区", D)], "松山区",
     {("碧海社区", "凌水街道"), ("凌水街道", "松山区")}),
    ("松山区青泥镇新建两处口袋公园", [("松山区", D), ("青泥镇", D)], "松山区", {("青泥镇", "松山区")}),
    # none: a town written after another county, a 社区 with no 街道 before it, a city as the home
    ("邻县白石县青泥镇客商来访", [("白石县", D), ("青泥镇", D)], "松山区", set()),
    ("和谐社区开展志愿服务", [("和谐社区", D)], "松山区", set()),
    ("凌水街道新建两处口袋公园", [("凌水街道", D)], "大连市", set()),
    # a home written after its city: still the county-level home of its towns
    ("新塘镇获评全国乡村治理示范镇", [("新塘镇", D)], "广州市增城区", {("新塘镇", "广州市增城区")}),
    # a town's own report: part of the county written right before it, else of the first county it names
    ("2016年，江宁区湖熟街道围绕工业强街目标", [("江宁区", D), ("湖熟街道", D)], "湖熟街道", {("湖熟街道", "江宁区")}),
    ("在江宁区委的领导下，湖熟街道加快发展", [("江宁区", D), ("湖熟街道", D)], "湖熟街道", {("湖熟街道", "江宁区")}),
    # but a county named after the town is not the town's when another came first
    ("在浦口区委的领导下，湖熟街道与江宁区合作", [("浦口区", D), ("湖熟街道", D), ("江宁区", D)], "湖熟街道",
     {("湖熟街道", "浦口区")}),
]


@pytest.mark.parametrize(("text", "names", "home_name", "expected"), SUBCOUNTY, ids=[c[0][:10] for c in SUBCOUNTY])
def test_subcounty_part_of(text, names, home_name, expected):
    got = {(f.subject.text, f.object.text) for f in subcounty_part_of(cands(text, names), home(home_name))}
    assert got == expected


FREE_TRADE = [
    # an area of a free-trade zone named after the new area's city is part of the new area, no longer located in it
    ("辽宁自贸试验区大连片区推出服务新机制。", [("辽宁自贸试验区大连片区", PK)],
     {("辽宁自贸试验区大连片区", "partOf", "大连金普新区")}),
    # none: the area of another city
    ("辽宁自贸试验区沈阳片区代表来访。", [("辽宁自贸试验区沈阳片区", PK)], set()),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), FREE_TRADE, ids=[c[0][:10] for c in FREE_TRADE])
def test_free_trade_area_is_part_of_the_new_area(sentence, names, expected):
    got = {(f.subject.text, f.predicate.value, f.object.text) for f in free_trade_area(cands(sentence, names), home("大连金普新区"))}
    assert got == expected
    assert not any(p == "locatedIn" and s == names[0][0] for s, p, o in triples(sentence, names, home_name="大连金普新区")
                   if expected)


@pytest.mark.parametrize(("zone", "line"), [
    ("鄂托克前经济开发区", ["鄂尔多斯市", "内蒙古自治区"]),   # a zone named after its county without 旗
    ("阿拉善左高新区", ["阿拉善盟", "内蒙古自治区"]),
    ("东湖高新区", []),                                       # a two-character stem many names share: no line
])
def test_a_zone_named_after_a_county_stem_takes_the_county_line(zone, line):
    from kg.extract.relations import _chain

    assert [d.name for d in _chain(zone)] == line


BRACKETED_SEATS = [
    # a division alone in brackets after a park or project: that is where it is
    ("3.青石湾光伏装备产业园（青石县）", [("青石湾光伏装备产业园", PK), ("青石县", D)], "青石湾光伏装备产业园",
     {"青石县"}),
    ("签约星海电子扩能项目(北湖镇)。", [("星海电子扩能项目", PR), ("北湖镇", D)], "星海电子扩能项目", {"北湖镇"}),
    # nothing: the bracket holds more than the division, or the division is not alone after the name
    ("3.青石湾光伏装备产业园（青石县推荐）", [("青石湾光伏装备产业园", PK), ("青石县", D)], "青石湾光伏装备产业园", set()),
    ("青石湾光伏装备产业园与青石县（市）对接。", [("青石湾光伏装备产业园", PK), ("青石县", D)], "青石湾光伏装备产业园", set()),
]


@pytest.mark.parametrize(("sentence", "names", "subject", "expected"), BRACKETED_SEATS, ids=[c[0][:12] for c in BRACKETED_SEATS])
def test_a_bracketed_division_places_the_name_before_it(sentence, names, subject, expected):
    got = {o for s_, p, o in triples(sentence, names, home_name=None) if s_ == subject and p == "locatedIn"}
    assert got == expected


def test_a_town_inside_a_firms_name_is_where_it_is():
    sentence = "桃江县灰山港镇竹海种植专业合作社获评省级示范社。"
    names = [("桃江县灰山港镇竹海种植专业合作社", E), ("灰山港镇", D), ("省级示范社", A)]
    got = triples(sentence, names, home_name="桃江县")
    assert ("桃江县灰山港镇竹海种植专业合作社", "locatedIn", "灰山港镇") in got
    assert ("灰山港镇", "receivedAward", "省级示范社") not in got


OPENED_AT = [
    # 在P开园/开工/投产: the place where the thing is opened
    ("华兴食品加工项目在青泥镇正式开工。", [("华兴食品加工项目", PR), ("青泥镇", D)], ("华兴食品加工项目", "青泥镇"), True),
    ("云杉田园综合体项目在北湖镇开园，全年接待游客50万人次。", [("云杉田园综合体项目", PR), ("北湖镇", D)],
     ("云杉田园综合体项目", "北湖镇"), True),
    # 在P参加/举办: an event there, not the place the thing is in
    ("星海电子在青泥镇参加产品展销会。", [("星海电子", E), ("青泥镇", D)], ("星海电子", "青泥镇"), False),
]


@pytest.mark.parametrize(("sentence", "names", "pair", "expected"), OPENED_AT, ids=[c[0][:10] for c in OPENED_AT])
def test_the_place_a_thing_is_opened_at(sentence, names, pair, expected):
    got = {(s, o) for s, p, o in triples(sentence, names) if p == "locatedIn"}
    assert (pair in got) == expected


def test_a_home_new_town_named_after_no_division_keeps_the_divisions_it_names():
    districts = cands("南京市江宁区白鹭湖新城", [("南京市", D), ("江宁区", D)])
    town = Candidate(-100, -95, PK, "白鹭湖新城", "home")
    assert ("江宁区", "partOf", "南京市") in {(f.subject.text, f.predicate.value, f.object.text)
                                               for f in home_part_of(districts, town)}


COUNTY_ZONES = [
    # a prefecture's report: a zone named by its county's two-character stem, the county named too, is part of it
    ("松溪经济开发区位于松溪县城东。", [("松溪经济开发区", D), ("松溪县", D)], "南平市", {("松溪经济开发区", "松溪县")}),
    # the home city's report: a zone of a county inside it
    ("芜湖市鸠江区的鸠江经济开发区新增企业12家。", [("芜湖市", D), ("鸠江区", D), ("鸠江经济开发区", D)], "芜湖市",
     {("鸠江区", "芜湖市"), ("鸠江经济开发区", "鸠江区")}),
    # a zone named after the home city itself, as the home's zone
    ("芜湖经济技术开发区是芜湖市的主阵地。", [("芜湖经济技术开发区", D), ("芜湖市", D)], "芜湖市",
     {("芜湖经济技术开发区", "芜湖市")}),
    # the county is not named: nothing
    ("松溪经济开发区新签约项目8个。", [("松溪经济开发区", D)], "南平市", set()),
    # a province and a bare zone word names no one zone
    ("湖南省开发区综合排名中湖南省位居前列。", [("湖南省开发区", D), ("湖南省", D)], "湖南省", set()),
]


@pytest.mark.parametrize("text,names,home_name,expected", COUNTY_ZONES)
def test_zone_named_after_a_county_is_part_of_it(text, names, home_name, expected):
    got = {(f.subject.text, f.object.text) for f in home_part_of(cands(text, names), home(home_name))}
    assert got == expected


@pytest.mark.parametrize("sentence, names, home_name, expected", [
    # a city report: a thing placed in a zone of the city is in that zone, not also in the city
    ("在绵阳经济技术开发区，青禾光电超级工厂项目正在加紧建设。",
     [("绵阳经济技术开发区", D), ("青禾光电超级工厂项目", PR)], "绵阳市",
     {("青禾光电超级工厂项目", "locatedIn", "绵阳经济技术开发区")}),
    # no place named: the city reported on
    ("青禾光电超级工厂项目正在加紧建设。", [("青禾光电超级工厂项目", PR)], "绵阳市",
     {("青禾光电超级工厂项目", "locatedIn", "绵阳市")}),
    # a park named: in the park and in the city (a park is no division)
    ("星海电子签约入驻云杉智造产业园。", [("星海电子", E), ("云杉智造产业园", PK)], "绵阳市",
     {("星海电子", "locatedIn", "云杉智造产业园"), ("星海电子", "locatedIn", "绵阳市"),
      ("云杉智造产业园", "locatedIn", "绵阳市")}),
    # a county report keeps both the town and the county
    ("在青禾镇，星海电子二期项目建成投产。", [("青禾镇", D), ("星海电子二期项目", PR)], "松山区",
     {("星海电子二期项目", "locatedIn", "青禾镇"), ("星海电子二期项目", "locatedIn", "松山区"),
}),
])
def test_a_zone_of_a_city_report_is_the_only_place(sentence, names, home_name, expected):
    assert {t for t in triples(sentence, names, home_name) if t[1] == "locatedIn"} == expected


@pytest.mark.parametrize("sentence, names, expected", [
    # a second honour in a clause of its own date, its holder the sentence's subject
    ("星海电子2021年获评省级绿色工厂，2022年又入选国家技术创新示范企业。",
     [("星海电子", E), ("省级绿色工厂", A), ("国家技术创新示范企业", A)],
     {("星海电子", "receivedAward", "省级绿色工厂"), ("星海电子", "receivedAward", "国家技术创新示范企业")}),
    ("星海电子获评省级绿色工厂，同年入选国家技术创新示范企业。",
     [("星海电子", E), ("省级绿色工厂", A), ("国家技术创新示范企业", A)],
     {("星海电子", "receivedAward", "省级绿色工厂"), ("星海电子", "receivedAward", "国家技术创新示范企业")}),
    # the second clause has a holder of its own
    ("星海电子2021年获评省级绿色工厂，远航科技2022年入选国家技术创新示范企业。",
     [("星海电子", E), ("省级绿色工厂", A), ("远航科技", E), ("国家技术创新示范企业", A)],
     {("星海电子", "receivedAward", "省级绿色工厂"), ("远航科技", "receivedAward", "国家技术创新示范企业")}),
])
def test_a_dated_bare_cue_goes_back_to_the_subject(sentence, names, expected):
    assert {t for t in triples(sentence, names) if t[1] == "receivedAward"} == expected


@pytest.mark.parametrize("sentence, names, expected", [
    ("云杉数字产业园已入驻企业120余家，其中星海电子、远航科技相继落户。",
     [("云杉数字产业园", PK), ("星海电子", E), ("远航科技", E)],
     {("星海电子", "locatedIn", "云杉数字产业园"), ("远航科技", "locatedIn", "云杉数字产业园")}),
    ("2020年建成的云杉数字产业园，2022年入驻企业增至68家，其中星海电子获评省级瞪羚企业。",
     [("云杉数字产业园", PK), ("星海电子", E)],
     {("星海电子", "locatedIn", "云杉数字产业园")}),
    # no hosting verb before 其中: the firm is not placed in the park
    ("云杉数字产业园总投资20亿元，其中星海电子出资5亿元。",
     [("云杉数字产业园", PK), ("星海电子", E)], set()),
])
def test_firms_listed_after_a_park_hosting_them_are_in_it(sentence, names, expected):
    assert {t for t in triples(sentence, names) if t[1] == "locatedIn" and t[2] == "云杉数字产业园"
            and t[0] != "云杉数字产业园"} == expected


@pytest.mark.parametrize("sentence, names, home_name, expected", [
    # a short form of the reported zone read as a firm: not located in the zone it names
    ("5月，远航能源集团在松山投资建设的储气库项目开工。", [("远航能源集团", E), ("松山", E), ("储气库项目", PR)],
     "云州松山经济开发区", {("储气库项目", "locatedIn", "云州松山经济开发区")}),
    # a firm whose name does not sit inside the zone's name is placed as before
    ("星海电子二期竣工。", [("星海电子", E)], "云州松山经济开发区", {("星海电子", "locatedIn", "云州松山经济开发区")}),
])
def test_a_short_form_of_the_place_is_not_in_it(sentence, names, home_name, expected):
    assert {t for t in triples(sentence, names, home_name) if t[1] == "locatedIn"} == expected


@pytest.mark.parametrize("text, names, expected", [
    # a zone named after a city the document does not name: no containment in the province
    ("湖南省园区排名：衡阳高新技术产业开发区居首", [("湖南省", D), ("衡阳高新技术产业开发区", D)], set()),
    # the city named too: the zone is part of the city, the city of the province
    ("湖南省衡阳市衡阳高新技术产业开发区", [("湖南省", D), ("衡阳市", D), ("衡阳高新技术产业开发区", D)],
     {("衡阳高新技术产业开发区", "衡阳市"), ("衡阳市", "湖南省")}),
    # a county still goes to its province when its city is not named
    ("湖南省衡东县", [("湖南省", D), ("衡东县", D)], {("衡东县", "湖南省")}),
])
def test_a_zone_is_part_of_its_city_never_directly_of_a_province(text, names, expected):
    assert {(f.subject.text, f.object.text) for f in part_of(cands(text, names))} == expected


@pytest.mark.parametrize("sentence, names, expected", [
    # a notice's title: the issuing body lists the honour, it does not hold it
    ("云州省工业和信息化厅关于公布第三批省级特色专业园区名单的通知",
     [("云州省工业和信息化厅", O), ("省级特色专业园区", A)], set()),
    ("云州省商务厅关于认定第二批省级外贸转型升级基地的通知", [("云州省商务厅", O), ("省级外贸转型升级基地", A)], set()),
    # a body that is itself honoured keeps the honour
    ("松山区科技局获评全省科技管理先进单位。", [("松山区科技局", O), ("全省科技管理先进单位", A)],
     {("松山区科技局", "receivedAward", "全省科技管理先进单位")}),
])
def test_the_body_issuing_a_notice_holds_no_honour(sentence, names, expected):
    assert {t for t in triples(sentence, names) if t[1] == "receivedAward"} == expected


@pytest.mark.parametrize("sentence, names, expected", [
    # the second clause's holder is a park the recogniser did not read: not the district's honour
    ("松山区2023年被评为省级先进制造业集群试点，绿能装备产业园2022年获评省级特色产业园区。",
     [("松山区", D), ("省级先进制造业集群试点", A), ("省级特色产业园区", A)],
     {("松山区", "receivedAward", "省级先进制造业集群试点")}),
    # no holder written at all: the district reported on
    ("荣获省级特色产业园区。", [("省级特色产业园区", A)], {("松山区", "receivedAward", "省级特色产业园区")}),
])
def test_an_unread_park_or_firm_holds_its_honour_not_the_home(sentence, names, expected):
    assert {t for t in triples(sentence, names) if t[1] == "receivedAward"} == expected
