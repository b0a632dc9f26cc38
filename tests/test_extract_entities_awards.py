"""Award recognition: honours after cues with the right boundaries, titles in quotes, zone kinds that are no honours."""
from __future__ import annotations

import pytest

from kg.extract import tagging
from kg.extract.entities import recognize


def found(sentence: str) -> set[tuple[str, str]]:
    return {(c.text, c.type.value) for c in recognize(sentence, tagging.tag(sentence))}


def awards(sentence: str) -> set[str]:
    return {t for t, ty in found(sentence) if ty == "Award"}


HONOURS = [
    # 和 inside one title is not a list
    ("县文广局荣获全国文化和旅游系统先进集体称号。", "全国文化和旅游系统先进集体"),
    # the level stays when it is part of the title
    ("鼓楼区荣膺全国创新百强区、国家双创示范基地。", "全国创新百强区"),
    ("鼓楼区荣膺全国创新百强区、国家双创示范基地。", "国家双创示范基地"),
    ("县图书馆获评国家一级图书馆。", "国家一级图书馆"),
    # the issuing ministry and batch go, quotes inside the title are kept for resolution to drop
    ("恒远化工获评工信部第五批专精特新“小巨人”企业。", "专精特新“小巨人”企业"),
    # a title in quotes conferred with 称号
    ("该区被省软件行业协会授予“数字名城”称号。", "数字名城"),
    # a quoted title after its level: the quoted part
    ("开发区获批国家级“外贸转型升级基地”。", "外贸转型升级基地"),
    ("园区获评“五星级”。", "五星级"),
    # 全国 before a count is dropped with the count
    ("高新区被评为全国15家进步显著的双创示范基地之一。", "进步显著的双创示范基地"),
    # a count inside the title is no tally (only a count at its end is: 入选省瞪羚企业2家)
    ("该片荣获“五个一工程”奖。", "“五个一工程”奖"),
    # the honour ends before 的还有 that lists its other holders
    ("同时入选第二批智慧港口优秀案例的还有北湾港、南岭港等。", "智慧港口优秀案例"),
    # a zone kind is an honour where the text designates the zone with it
    ("作为全省唯一的国家级高新技术产业开发区和人才特区，高新区发展迅速。", "人才特区"),
    ("作为全省唯一的国家级高新技术产业开发区和人才特区，高新区发展迅速。", "国家级高新技术产业开发区"),
]


@pytest.mark.parametrize(("sentence", "award"), HONOURS)
def test_honours_after_cues(sentence: str, award: str) -> None:
    assert award in awards(sentence), found(sentence)


NOT_HONOURS = [
    # zone kinds counted or aimed at
    ("全省共有国家级开发区24家，省级开发区73家。", "国家级开发区"),
    ("全省共有国家级开发区24家，省级开发区73家。", "省级开发区"),
    ("以创建国家级高新区为牵引，推动产业升级。", "国家级高新区"),
    ("在全国高新区中的发展定位更加清晰。", "全国高新区"),
    ("在创建国家自主创新示范区的路上加速前行。", "国家自主创新示范区"),
    # a tally of firms, no named holder
    ("全区入选省瞪羚企业5家、省雏鹰企业12家。", "省瞪羚企业"),
    ("全区入选省瞪羚企业5家、省雏鹰企业12家。", "省瞪羚企业5家"),
    # a pilot scheme with no level and no cue
    ("开展跨境贸易互联互通试点，推动外贸发展。", "互联互通试点"),
]


@pytest.mark.parametrize(("sentence", "junk"), NOT_HONOURS)
def test_zone_kinds_tallies_and_aims_are_not_honours(sentence: str, junk: str) -> None:
    assert junk not in awards(sentence), found(sentence)


LIST_FRAMES = [
    # the honour a published list is of
    ("科技部公布2023年国家级科技企业孵化器名单，星海创业园名列其中。", "国家级科技企业孵化器"),
    ("第三批国家级绿色工厂名单正式公布，恒远化工入选。", "国家级绿色工厂"),
    # one of a counted set of holders conferred by a body
    ("该浴场是省文旅厅评定的12个“五星级”浴场之一。", "“五星级”浴场"),
    # places counted under a national designation
    ("长山岛、獐子岛等4个国家级海洋牧场示范区建设有序推进。", "国家级海洋牧场示范区"),
]


@pytest.mark.parametrize(("sentence", "award"), LIST_FRAMES)
def test_an_honour_named_by_its_list_or_count(sentence: str, award: str) -> None:
    assert award in awards(sentence)


NO_LIST_AWARDS = [
    "市统计局公布2023年全市经济运行数据名单。",            # a list of no honour
    "全区共有省级以上开发区等3个国家级开发区。",            # a zone kind counted, no honour head
    "他是评选出的5个优秀青年之一。",                        # no level, no quoted title
]


@pytest.mark.parametrize("sentence", NO_LIST_AWARDS)
def test_lists_and_counts_of_no_honour(sentence: str) -> None:
    assert not awards(sentence)


def test_the_body_that_publishes_a_list_does_not_receive_it() -> None:
    from kg.extract.relations import received_award
    sentence = "科技部公布2023年国家级科技企业孵化器名单，星海创业园名列其中。"
    cands = recognize(sentence, tagging.tag(sentence))
    got = {(f.subject.text, f.object.text) for f in received_award(sentence, cands, None)}
    assert ("星海创业园", "国家级科技企业孵化器") in got
    assert not any(s == "科技部" for s, _ in got)


CONFERRED = [
    # 入选 … 名单: whatever list it is, its name is the honour
    ("东坝镇、西河乡入选全国生态文化示范乡镇名单。", "全国生态文化示范乡镇"),
    ("明远农牧入选畜牧业产业化省级重点龙头企业名单。", "畜牧业产业化省级重点龙头企业"),
    # a conferring cue before a level-led name with no honour head
    ("清溪镇获评湖南省森林乡镇。", "湖南省森林乡镇"),
    ("该县名列2024年全国综合实力百强县市第35位。", "全国综合实力百强县市"),
    # a short bracket inside the name does not end it
    ("其研制的盾构机入选湖南省首台（套）重大技术装备。", "湖南省首台（套）重大技术装备"),
    # a line of a ★ box ends at its line break
    ("★ 东湖工业新城被认定为国家新型工业化产业示范基地\n\n", "国家新型工业化产业示范基地"),
]


@pytest.mark.parametrize(("sentence", "award"), CONFERRED)
def test_honours_named_after_a_conferring_cue(sentence: str, award: str) -> None:
    assert award in awards(sentence), found(sentence)


NOT_CONFERRED = [
    # a store of projects, a fund, a plan are not honours even when 入选 leads them
    ("该项目入选国家重大项目库。", "国家重大项目库"),
    ("三家企业入选省级名单。", "省级"),
    # a level-led name after a cue that confers nothing
    ("园区申报湖南省森林乡镇。", "湖南省森林乡镇"),
    # a long bracket ends the honour's text before it
    ("清溪镇获评湖南省森林乡镇（全省共评出四十个乡镇）", "湖南省森林乡镇（全省共评出四十个乡镇）"),
]


@pytest.mark.parametrize(("sentence", "junk"), NOT_CONFERRED)
def test_no_honour_without_a_conferring_cue_or_shape(sentence: str, junk: str) -> None:
    assert junk not in awards(sentence), found(sentence)


QUOTED_HONOURS = [
    # what a conferring cue puts in quotes is the honour, whatever head it ends with
    ("临港工业园被评为“2020年度全省十佳园区”。", "2020年度全省十佳园区"),
    ("城东工业小区被市政府评为“先进工业小区”。", "先进工业小区"),
    ("开发区荣获“2018年度全省招商引资先进单位”称号。", "2018年度全省招商引资先进单位"),
    ("滨江新区获评“省级现代服务业集聚示范区”。", "省级现代服务业集聚示范区"),
]


@pytest.mark.parametrize(("sentence", "award"), QUOTED_HONOURS)
def test_a_quoted_phrase_after_a_conferring_cue_is_an_honour(sentence: str, award: str) -> None:
    assert (award, "Award") in found(sentence)


NOT_QUOTED_HONOURS = [
    # quotes that follow no conferring cue: an aim, a slogan
    ("园区提出打造“全省十佳园区”的目标。", "全省十佳园区"),
    ("开发区全力争创“国家级绿色园区”。", "国家级绿色园区"),
]


@pytest.mark.parametrize(("sentence", "junk"), NOT_QUOTED_HONOURS)
def test_quotes_that_are_no_conferred_honour(sentence: str, junk: str) -> None:
    assert (junk, "Award") not in found(sentence)


COUNTED_NOTICES = [
    # a notice names a counted list of holders as the honour: 认定/确定 A等N家…为 X
    ("认定华强电子等15家企业为2022年度省级专精特新中小企业。", "省级专精特新中小企业"),
    ("经专家评审，确定巩义新材料产业园等12家园区为第二批河南省特色产业园区，现予公布。", "河南省特色产业园区"),
]


@pytest.mark.parametrize(("sentence", "award"), COUNTED_NOTICES)
def test_a_counted_list_named_as_an_honour(sentence: str, award: str) -> None:
    assert award in awards(sentence)


@pytest.mark.parametrize("sentence", [
    # 以A等N家企业为龙头/代表: what the firms lead, no honour
    "形成以华强电子等5家企业为龙头的电子信息产业集群。",
    "以星海科技等3家企业为代表的一批企业加快发展。",
])
def test_a_counted_list_taken_as_a_model_is_no_honour(sentence: str) -> None:
    assert awards(sentence) == set()
