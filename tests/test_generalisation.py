"""Sentences of the genre from places, years and layouts the seed and dev documents do not cover: a county's
work report delivered the next January, zones named after a county, a report that names its district only
through its government, a county's towns, firms introduced by the zone's category of firms."""
from __future__ import annotations

import pytest

from kg.extract import tagging
from kg.extract.divisions import county_stem
from kg.extract.entities import recognize
from kg.ingest import infer_years
from kg.model import EntityType as T


def found(sentence: str) -> set[tuple[str, str]]:
    return {(c.text, c.type.value) for c in recognize(sentence, tagging.tag(sentence))}


@pytest.mark.parametrize(("sentence", "name", "kind"), [
    # a zone named after a county, without the county's 区/县
    ("璧山高新区新引进项目32个。", "璧山高新区", "District"),
    ("华岭光电项目签约落户长兴经济技术开发区。", "长兴经济技术开发区", "District"),
    # a report that names its district only through the body that gives it
    ("璧山区人民政府工作报告", "璧山区", "District"),
    ("璧山区人民政府工作报告", "璧山区人民政府", "Organization"),
    ("在长兴县第十七届人民代表大会第五次会议上", "长兴县", "District"),
    # the zone's category of firms before a firm's legal name is not part of the name
    ("区内企业安徽美凌电器有限公司荣获安徽省质量奖。", "安徽美凌电器有限公司", "Enterprise"),
    ("辖区企业湖南科瑞达机械股份有限公司入选省级专精特新企业名单。", "湖南科瑞达机械股份有限公司", "Enterprise"),
])
def test_finds(sentence: str, name: str, kind: str) -> None:
    assert (name, kind) in found(sentence)


@pytest.mark.parametrize(("sentence", "name"), [
    ("区内企业安徽美凌电器有限公司荣获安徽省质量奖。", "区内企业安徽美凌电器有限公司"),
    # a government body with no district before it gives no district
    ("县委、县政府高度重视项目建设。", "县"),
    # a category word alone is no county-named zone
    ("全区高新区建设加快推进。", "全区高新区"),
])
def test_gives_nothing(sentence: str, name: str) -> None:
    assert name not in {n for n, _ in found(sentence)}


@pytest.mark.parametrize(("stem", "expected"), [("璧山", True), ("长兴", True), ("高新", False), ("全区", False)])
def test_county_stem(stem: str, expected: bool) -> None:
    assert county_stem(stem) is expected


@pytest.mark.parametrize(("text", "expected"), [
    # delivered on a day of the next year, reporting on the year before
    ("——2020年1月8日在长兴县人民代表大会上\n2019年，全县上下聚焦高质量发展。", 2019),
    ("2016年3月18日，天水经济开发区举行签约仪式。", 2016),
])
def test_dateline_is_not_the_report_year(text: str, expected: int) -> None:
    assert infer_years(text)[0] == expected


@pytest.mark.parametrize(("text", "names", "expected"), [
    # the county, not the town its award names, is what the report is about
    ("画溪街道入选样板名单。长兴县与浙江工业大学合作。", [("画溪街道", T.DISTRICT), ("长兴县", T.DISTRICT)], "长兴县"),
    # a town alone is still a home
    ("七塘镇新增市场主体。", [("七塘镇", T.DISTRICT)], "七塘镇"),
])
def test_home_is_county_before_town(nlp, text, names, expected) -> None:
    from kg.pipeline.factories import home_district
    doc = nlp.make_doc(text)
    spans = []
    for name, t in names:
        i = doc.text.find(name)
        spans.append(doc.char_span(i, i + len(name), label=t.value))
    i = home_district(spans, len(doc.text))
    assert (spans[i].text if i is not None else None) == expected


@pytest.mark.parametrize(("sentence", "name"), [
    # a box of honours: the blank after the bullet is no part of the firm's name
    ("★ 黑龙江冰峰乳业集团荣获中国驰名商标", "黑龙江冰峰乳业集团"),
    ("● 广西柏瑞医疗器械有限公司入选专精特新企业名单", "广西柏瑞医疗器械有限公司"),
])
def test_bullet_blank_is_not_in_the_name(sentence: str, name: str) -> None:
    names = {n for n, _ in found(sentence)}
    assert name in names
    assert not any(n != n.strip() for n in names)


def test_tagger_words_carry_no_blanks() -> None:
    words = tagging.tag("★ 黑龙江冰峰乳业集团荣获中国驰名商标")
    assert all(w.text == w.text.strip() for w in words if w.text.strip())
    assert all("★ 黑龙江冰峰乳业集团荣获中国驰名商标"[w.start:w.end] == w.text for w in words)


# ---- second audit: projects led by a firm, honours without a usual head, straight quotes ---------------------

@pytest.mark.parametrize(("sentence", "name", "kind"), [
    # a firm's legal name, then common words, adjectives and numbers, then 项目: one project
    ("其中无锡恒舟精工机械有限公司精密轴承项目落户园区。", "无锡恒舟精工机械有限公司精密轴承项目", "Project"),
    ("总投资20亿元的湖北楚晶半导体有限公司12英寸芯片封装项目开工建设。", "湖北楚晶半导体有限公司12英寸芯片封装项目", "Project"),
    ("其中，安徽晶澜光伏科技有限公司年产5GW高效光伏组件项目投资30亿元。", "安徽晶澜光伏科技有限公司年产5GW高效光伏组件项目", "Project"),
    # an output and a quantity open a project on their own
    ("年产3000台压缩机项目完成设备安装。", "年产3000台压缩机项目", "Project"),
    # the zone's town-level category of firms is not part of the firm's name
    ("镇内企业常州远帆纺织有限公司荣获江苏省质量奖。", "常州远帆纺织有限公司", "Enterprise"),
    ("街道内企业杭州明澈光学有限公司入选省级隐形冠军企业。", "杭州明澈光学有限公司", "Enterprise"),
    # honours whose head is a certificate, a trademark or a cluster
    ("常州远帆纺织有限公司荣获江苏省五一劳动奖状。", "江苏省五一劳动奖状", "Award"),
    ("远帆纺织同时获评中国驰名商标。", "中国驰名商标", "Award"),
    ("赣州稀土产业集群获评国家先进制造业集群。", "国家先进制造业集群", "Award"),
    ("区内企业抚州恒昌电缆入选江西省制造业单项冠军企业名单。", "江西省制造业单项冠军企业", "Award"),
    # a trade guild is an organisation, not a firm
    ("产业园由莆田市政府与台湾鞋业同业公会共同推动建设。", "台湾鞋业同业公会", "Organization"),
    # straight quotes inside or around part of an honour
    ('湖北楚晶半导体有限公司入选湖北省"瞪羚企业"。', '湖北省"瞪羚企业"', "Award"),
    ('远帆纺织入选自治区级"专精特新"示范企业。', '自治区级"专精特新"示范企业', "Award"),
])
def test_second_audit_finds(sentence: str, name: str, kind: str) -> None:
    assert (name, kind) in found(sentence)


@pytest.mark.parametrize(("sentence", "name"), [
    ("镇内企业常州远帆纺织有限公司荣获江苏省质量奖。", "镇内企业常州远帆纺织有限公司"),
    # a province inside an honour's name is no district mention
    ('湖北楚晶半导体有限公司入选湖北省"瞪羚企业"。', "湖北省"),
    ("常州远帆纺织有限公司荣获江苏省五一劳动奖状。", "江苏省"),
    # a firm and a generic project word, a counted kind, a firm and its verb: no project name
    ("无锡恒舟精工机械有限公司重点项目进展顺利。", "无锡恒舟精工机械有限公司重点项目"),
    ("无锡恒舟精工机械有限公司新建项目3个。", "无锡恒舟精工机械有限公司新建项目"),
    ("全年签约亿元以上项目12个。", "亿元以上项目"),
])
def test_second_audit_gives_nothing(sentence: str, name: str) -> None:
    assert name not in {n for n, _ in found(sentence)}
