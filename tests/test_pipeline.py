from kg.pipeline import load_nlp
from kg.pipeline.factories import sentence_bounds

import pytest

from kg.errors import ConfigError


def test_default_pipeline_is_blank_zh_with_kg_components(nlp):
    assert nlp.lang == "zh"
    assert nlp.pipe_names == ["kg_sentences", "kg_tagger", "kg_entities", "kg_relations"]
    doc = nlp.make_doc("甘井子区")
    assert [t.text for t in doc] == list("甘井子区")  # character tokens: names never cut inside a token


def test_sentences_split_after_enders_and_closing_quotes():
    text = "他说“项目开工。”园区扩建！\n第二行"
    spans = [text[s:e] for s, e in sentence_bounds(text, "。！？")]
    assert spans == ["他说“项目开工。”", "园区扩建！", "第二行"]


def test_bad_override_is_a_config_error():
    with pytest.raises(ConfigError):
        load_nlp(overrides={"components.kg_tagger.model": "nonsense"})


def _spans(doc, names):
    from kg.model import EntityType
    out = []
    for name, label in names:
        i = doc.text.find(name)
        out.append(doc.char_span(i, i + len(name), label=label.value if isinstance(label, EntityType) else label))
    return out


@pytest.mark.parametrize(("text", "names", "expected"), [
    # a province left as home: the zone went unrecognized, so no home at all
    ("行走在内蒙古的土地上，内蒙古算力产业集聚。", [("内蒙古", "District")], None),
    # a city left as home with a zone named at the opening: the zone
    ("苏州工业园区项目开工。苏州经济发展。", [("苏州工业园区", "District"), ("苏州", "District")], "苏州工业园区"),
    # a county-level home stays
    ("松山区新签约项目59个。", [("松山区", "District")], "松山区"),
])
def test_home_district_is_never_a_province(nlp, text, names, expected):
    from kg.pipeline.factories import RelationFinder
    doc = nlp.make_doc(text)
    spans = _spans(doc, names)
    home = RelationFinder._home(spans, len(spans) - 1)
    assert (home.text if home is not None else None) == expected


@pytest.mark.parametrize(("text", "pos", "expected"), [
    ("第一段。\n第二段。", 5, True),
    ("技术突破。  深化园区改革。", 7, True),        # two spaces: the cleaned 　　 between paragraphs
    ("技术突破。　　深化园区改革。", 7, True),
    ("技术突破。 深化园区改革。", 6, False),
    ("技术突破。深化园区改革。", 5, False),
    ("开头。", 0, True),
])
def test_paragraph_start(text, pos, expected):
    from kg.pipeline.factories import paragraph_start
    assert paragraph_start(text, pos) is expected


@pytest.mark.parametrize(("text", "park", "expected"), [
    ("云杉产业园新增企业20家。", "云杉产业园", True),
    ("深化园区改革，云杉产业园装备产业不断聚集。", "云杉产业园", True),
    # the first of a list, or a place after a verb, is not what the paragraph is about
    ("成为首选地，云杉产业园、星海新工厂等项目签约入驻。", "云杉产业园", False),
    ("企业纷纷落户云杉产业园。", "云杉产业园", False),
])
def test_a_park_opening_a_clause_of_the_first_sentence_is_the_paragraphs(nlp, text, park, expected):
    from kg.pipeline.factories import RelationFinder
    doc = nlp.make_doc(text)
    span = _spans(doc, [(park, "Park")])[0]
    assert RelationFinder._opens_clause(doc.text, span, 0, 0) is expected


@pytest.mark.parametrize(("text", "names", "expected"), [
    # a short title opening with a town, a city or a county government: that place is the home
    ("云溪镇2019年工作总结\n2019年，临川区云溪镇工业开票销售增长。", [("云溪镇", "District"), ("临川区", "District")], "云溪镇"),
    ("青原市2015年招商引资工作报告\n项目落户青原高新区。", [("青原市", "District"), ("青原高新区", "District")], "青原市"),
    ("松岭区人民政府工作报告\n松岭高新区新引进项目。", [("松岭区人民政府", "Organization"), ("松岭区", "District"),
                                             ("松岭高新区", "District")], "松岭区"),
    # a title about a park, a first line that is a long sentence, or no line break: none
    ("云杉产业园二期开园\n仪式在松岭区举行。", [("云杉产业园", "Park"), ("松岭区", "District")], None),
    # but a new town or new area the title is about, though read as a park, is the area reported on
    ("白鹭湖新城：五年蝶变\n白鹭湖新城全年签约项目42个。", [("白鹭湖新城", "Park")], "白鹭湖新城"),
    ("松岭区今年新签约项目59个，总投资120亿元，其中亿元以上项目35个，同比增长明显，各项指标稳中有进。\n下一段。",
     [("松岭区", "District")], None),
    ("松岭区新签约项目59个。", [("松岭区", "District")], None),
])
def test_a_short_title_names_the_home_district(nlp, text, names, expected):
    from kg.pipeline.factories import title_district
    doc = nlp.make_doc(text)
    home = title_district(_spans(doc, names), doc.text)
    assert (home.text if home is not None else None) == expected


@pytest.mark.parametrize(("text", "firm", "kept"), [
    # a town stem of the document plus a trade word, read off a project's name: no firm
    ("青禾镇2023年工作总结\n镇政府与东江大学签订协议，共建青禾高分子材料研发中心。", "青禾高分子", False),
    # the same shape with no such place in the document stays a firm
    ("松岭区2023年工作总结\n区政府与东江大学签订协议，共建青禾高分子材料研发中心。", "青禾高分子", True),
])
def test_a_document_place_plus_trade_words_is_no_firm(nlp, text, firm, kept):
    doc = nlp(text)
    assert any(s.text == firm and s.label_ == "Enterprise" for s in doc.spans["kg"]) is kept


@pytest.mark.parametrize("text", [
    "他说“项目开工。”园区扩建！\n第二行",
    "  开头有空格。\n\n　　第二段 AI 平台上线；第三句…\n",
    "没有句末标点",
    "一。二。三。",
])
def test_sentence_bounds_kept_by_the_splitter_are_those_of_doc_sents(nlp, text):
    from kg.pipeline.annotations import doc_text, sentence_spans
    doc = nlp.get_pipe("kg_sentences")(nlp.make_doc(text))
    assert doc_text(doc) == text
    assert sentence_spans(doc) == [(s.start_char, s.end_char) for s in doc.sents]
    assert [text[s:e] for s, e in sentence_spans(doc)] == [s.text for s in doc.sents]


@pytest.mark.parametrize(("text", "honours"), [
    # 全国X beside X in one document: one honour X
    ("青禾镇入选全国美丽乡村示范基地\n\n东坝乡2023年荣获美丽乡村示范基地称号。",
     {"美丽乡村示范基地"}),
    # 全国X alone keeps its level
    ("青禾镇入选全国生态文化示范乡镇\n\n青禾镇2023年经济稳步增长。", {"全国生态文化示范乡镇"}),
])
def test_an_honour_with_and_without_its_level_is_one(nlp, text, honours):
    doc = nlp(text)
    assert {s.text for s in doc.spans["kg"] if s.label_ == "Award"} == honours


LEAD_CITIES = [
    # the city or province a title or lead writes before its county is a mention of its own
    ("襄阳市襄州区2020年招商引资工作综述\n\n2020年，襄州区新签约项目36个。", "襄阳市", True),
    ("新华社电 安徽省芜湖市今年新能源汽车产量大增。", "安徽省", True),
    # a partner written so far below the lead is not
    ("襄州区2020年招商引资工作综述\n\n" + "2020年，襄州区持续优化营商环境，全年新签约项目36个，协议引资超过200亿元。" * 8
     + "襄州区与宁波市鄞州区签订合作协议。", "宁波市", False),
]


@pytest.mark.parametrize(("text", "city", "expected"), LEAD_CITIES)
def test_a_lead_city_before_its_county_is_a_mention(nlp, text, city, expected):
    doc = nlp(text)
    assert ((city, "District") in {(s.text, s.label_) for s in doc.spans["kg"]}) == expected


NOTICE = ("河南省工业和信息化厅关于公布省级特色产业园区名单的通知\n\n"
          "经专家评审，确定巩义新材料产业园等3家园区为第二批河南省特色产业园区，现予公布。\n\n"
          "本批园区主导产业突出，集聚效应明显。\n\n"
          "一、郑州市（2家）\n1.巩义新材料产业园（巩义市）\n2.长垣智能装备产业园（长垣市）\n\n"
          "二、漯河市（1家）\n3.临颍食品产业园（临颍县）\n\n"
          "各市要加强对园区的指导。\n\n4.中牟物流园（中牟县）\n")
NOTICE_PARKS = [("巩义新材料产业园", True), ("长垣智能装备产业园", True), ("临颍食品产业园", True),
                ("中牟物流园", False)]   # a numbered line after the list's prose is no holder


def _notice_awards(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    spans = list(doc.spans["kg"])
    return {(spans[s].text, spans[o].text) for s, p, o, *_ in doc._.kg_relations if p == "receivedAward"}


@pytest.mark.parametrize(("park", "holds"), NOTICE_PARKS)
def test_a_notice_list_holds_the_notice_honour(nlp, park, holds):
    assert ((park, "河南省特色产业园区") in _notice_awards(nlp, NOTICE)) == holds


def test_a_numbered_list_after_a_plain_award_holds_nothing(nlp):
    text = "巩义市获评河南省特色产业园区。\n\n重点工作如下：\n1.长垣智能装备产业园（长垣市）\n"
    assert not any(p == "长垣智能装备产业园" for p, _ in _notice_awards(nlp, text))


@pytest.mark.parametrize(("text", "names", "expected"), [
    # a notice listing counties each once reports on none of them
    ("1.甲园（巩义市）\n2.乙园（长垣市）\n3.丙园（中牟县）", ["巩义市", "长垣市", "中牟县"], None),
    # one county named once with no rival is the home
    ("巩义市新签约项目12个。", ["巩义市"], "巩义市"),
])
def test_places_named_once_each_give_no_home(nlp, text, names, expected):
    from kg.pipeline.factories import home_district
    doc = nlp.make_doc(text)
    spans = _spans(doc, [(n, "District") for n in names])
    i = home_district(spans, len(text))
    assert (spans[i].text if i is not None else None) == expected


def test_unnumbered_lines_that_are_one_name_each_hold_a_colon_notice(nlp):
    text = ("2022年，以下园区被认定为河南省特色产业园区：\n巩义新材料产业园\n长垣智能装备产业园（长垣市）\n"
            "全省要加强管理。\n郑州智能装备产业园\n")
    got = {p for p, a in _notice_awards(nlp, text) if a == "河南省特色产业园区"}
    assert got == {"巩义新材料产业园", "长垣智能装备产业园"}


ROUND_UP = ("恩施州一季度重点项目集中签约\n\n3月以来，恩施州各县市密集开展项目签约活动。\n\n"
            "建始县方面，湖北星海食品有限公司年产5万吨魔芋精深加工项目开工建设，总投资5亿元。\n\n"
            "在利川市，湖北云杉新材料有限公司年产10万吨石材项目签约落地。\n\n"
            "全州还将推进华兴物流园项目建设。\n")


@pytest.mark.parametrize(("thing", "place", "expected"), [
    # a paragraph of a city's round-up that opens with one of its counties: what it lists is in that county
    ("湖北星海食品有限公司年产5万吨魔芋精深加工项目", "建始县", True),
    ("湖北云杉新材料有限公司年产10万吨石材项目", "利川市", True),
    ("湖北星海食品有限公司年产5万吨魔芋精深加工项目", "恩施州", False),
    # a paragraph opened by no county stays the city's
    ("华兴物流园项目", "恩施州", True),
])
def test_a_round_up_paragraph_is_its_countys(nlp, thing, place, expected):
    doc = nlp(ROUND_UP)
    spans = list(doc.spans["kg"])
    got = {(spans[s].text, spans[o].text) for s, p, o, *_ in doc._.kg_relations if p == "locatedIn"}
    assert ((thing, place) in got) == expected


@pytest.mark.parametrize(("text", "year"), [
    # an honour dated in its own clause takes that year, not the sentence's first one
    ("2021年建成的云杉数字产业园，2022年入驻企业增至68家，其中济南星海电子有限公司2022年获评山东省瞪羚企业。", 2022),
    # an honour with no year of its own takes the sentence's
    ("2021年，济南星海电子有限公司获评山东省瞪羚企业。", 2021),
])
def test_an_honour_takes_the_year_of_its_own_clause(nlp, text, year):
    doc = nlp(text)
    spans = list(doc.spans["kg"])
    got = {y for s, p, o, y, *_ in doc._.kg_relations if p == "receivedAward" and spans[o].text == "山东省瞪羚企业"}
    assert got == {year}


PROVINCE_NOTICE = ("河南省商务厅关于公布省级开发区名单的通知\n\n经各市推荐，确定以下园区。\n\n"
                   "郑州市新签约项目12个，洛阳市新签约项目8个。\n\n巩义新材料产业园新入驻企业6家。\n")


@pytest.mark.parametrize(("subject", "predicate", "object_", "expected"), [
    # a province's notice: its cities are part of it …
    ("郑州市", "partOf", "河南省", True),
    ("洛阳市", "partOf", "河南省", True),
    # … but what it lists is not thereby located in the province
    ("巩义新材料产业园", "locatedIn", "河南省", False),
])
def test_a_province_titled_notice_has_no_home(nlp, subject, predicate, object_, expected):
    doc = nlp(PROVINCE_NOTICE)
    spans = list(doc.spans["kg"])
    got = {(spans[s].text, p, spans[o].text) for s, p, o, *_ in doc._.kg_relations}
    assert ((subject, predicate, object_) in got) == expected
