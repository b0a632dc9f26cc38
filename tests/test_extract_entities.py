"""Entity recognition on sentences of the genre: name shapes, trigger verbs, lists, award cues, junk filtering."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import ConfigError
from kg.extract import tagging
from kg.extract.entities import Word, classify, recognize
from kg.extract.lexicon import load_user_lexicon
from kg.model import EntityType as T


def found(sentence: str, user=None) -> set[tuple[str, str]]:
    return {(c.text, c.type.value) for c in recognize(sentence, tagging.tag(sentence), user)}


FINDS = [
    # legal suffix after a tagger organisation
    ("今年，开工建设杭州恒远新材料股份有限公司年产5万吨电池隔膜项目。", "杭州恒远新材料股份有限公司", "Enterprise"),
    # coordination closed by 等+category: every member takes the category
    ("签约引进宁德时代、比亚迪、远景能源等重点企业12家。", "比亚迪", "Enterprise"),
    ("开工建设星河智谷产业园、滨湖污水处理厂等重大民生项目8个。", "滨湖污水处理厂", "Project"),
    ("开工建设星河智谷产业园、滨湖污水处理厂等重大民生项目8个。", "星河智谷产业园", "Park"),
    # award after a cue, 称号 trimmed
    ("浙江远航科技有限公司荣获国家级专精特新小巨人企业称号。", "国家级专精特新小巨人企业", "Award"),
    ("西湖区文化馆获评全国文化系统先进集体。", "全国文化系统先进集体", "Award"),
    ("西湖区文化馆获评全国文化系统先进集体。", "西湖区文化馆", "Organization"),
    # organisations by head
    ("贵州理工学院与南明区人民政府签署合作协议。", "贵州理工学院", "Organization"),
    # the person's title is not part of the body's name
    ("绍兴高新区管委会主任王明说，园区经济稳步增长。", "绍兴高新区管委会", "Organization"),
    # the enterprise a project is named after, without its region word
    ("推动海康威视西南总部基地项目落地。", "海康威视", "Enterprise"),
    ("推动海康威视西南总部基地项目落地。", "海康威视西南总部基地项目", "Project"),
    # divisions from the official list, development zones by shape
    ("湖北省襄阳市樊城区今年新增市场主体1.2万户。", "湖北省襄阳市樊城区", "District"),
    ("芜湖经济技术开发区全年实现规上工业产值800亿元。", "芜湖经济技术开发区", "District"),
    # a newspaper by-line is an organisation, 讯 is not part of it
    ("南方日报讯 记者从会上获悉，项目进展顺利。", "南方日报", "Organization"),
    # a place or a phase in brackets stays inside the name
    ("与联想(中国)有限公司合作建设的云计算中心已投用。", "联想(中国)有限公司", "Enterprise"),
    ("长城汽车零部件(二期)项目开工。", "长城汽车零部件(二期)项目", "Project"),
    # a list closed by 等名校 makes its members organisations
    ("与北大、浙大、复旦等名校开展合作。", "浙大", "Organization"),
    # an abbreviated university name tagged as an organisation
    ("与北航、南理工签约共建实验室。", "南理工", "Organization"),
    # one name across 及 / · when the part before names nothing alone or the part after is only common words
    ("推进宁德时代电池新产线及工业互联创新中心建设。", "宁德时代电池新产线及工业互联创新中心", "Project"),
    ("宝武·中冶·城建国际广场正式开业。", "宝武·中冶·城建国际广场", "Project"),
    ("推进中科光电及稀土材料产业研究院建设。", "中科光电及稀土材料产业研究院", "Organization"),
    # stretches of coast and road, generation numbers inside a name
    ("推进长江大道江北段建设。", "长江大道江北段", "Project"),
    ("京东方第8代柔性OLED生产线项目投产。", "京东方第8代柔性OLED生产线项目", "Project"),
]


@pytest.mark.parametrize(("sentence", "name", "type_"), FINDS)
def test_recognizer_finds_names_of_the_genre(sentence: str, name: str, type_: str) -> None:
    assert (name, type_) in found(sentence)


REJECTS = [
    ("全区新增高新技术企业35家。", "高新技术企业"),            # a category, not a name
    ("推进“一网通办”改革，打造“有事好商量”品牌。", "一网"),       # a fragment of a slogan
    ("推进“一网通办”改革，打造“有事好商量”品牌。", "一网通办"),
    ("比亚迪产值突破40亿元，同比增长三成。", "比亚迪产值"),        # a name followed by a common noun
    ("着力发展智能制造装备等产业，壮大产业集群。", "智能制造装备"),   # industry words with no proper stem
    ("全方位考核评价开发区的综合发展水平。", "全方位考核评价开发区"),  # zone head without a place
    ("市长在区文化馆调研时指出，要深化改革。", "区文"),            # tagger fragment
    ("推出“云办税”服务，企业足不出户办理业务。", "云办税"),         # a quoted slogan, no name head
    ("成立产业投资公司和科技金融联盟。", "产业投资公司"),            # a kind of company
    ("将供水等企业设立必需的环节纳入大厅。", "供水"),               # a sector closing a list
    ("引进了法国施耐德电气研发中心等项目。", "法国"),               # a country before the brand
    ("构建一核两翼三片区格局，实施五大工程。", "五大工程"),            # numbered slogans
    ("构建一核两翼三片区格局，实施五大工程。", "一核两翼三片区"),
    ("华为与中兴签约共建联合实验室。", "华为与中兴"),                # two companies stay two
    ("发挥异地研发中心、离岸创新中心作用。", "离岸"),                 # the front of a name, not a company
    ("加快大宗贸易平台建设。", "大宗"),                              # a trade word before a platform
    ("宁波杭州湾新区入选全省示范园区名单。", "宁波"),                # a place inside a longer name
    ("投资建设长隆广州海洋公园。", "广州"),
]


@pytest.mark.parametrize(("sentence", "junk"), REJECTS)
def test_recognizer_rejects_fragments_and_generic_phrases(sentence: str, junk: str) -> None:
    assert junk not in {name for name, _ in found(sentence)}


@pytest.mark.parametrize(("name", "tags", "expected"), [
    ("国家级高新技术产业开发区", ["n"], T.AWARD),   # a designation, no place
    ("新时代", ["ORG"], None),                     # generic phrase tagged as a name
    ("大连市", ["LOC"], T.DISTRICT),
    ("中科光电科技", ["ORG"], T.ENTERPRISE),
])
def test_classify_by_shape(name: str, tags: list[str], expected: T | None) -> None:
    words, pos = [], 0
    for tag in tags:
        words.append(Word(name if len(tags) == 1 else name[pos:pos + 1], tag, pos))
        pos += len(words[-1].text)
    assert classify(name, words) == expected


def test_user_lexicon_names_are_found_with_their_type(tmp_path: Path) -> None:
    lex = tmp_path / "mine.tsv"
    lex.write_text("# my names\n青禾农创谷\tPark\n", encoding="utf-8")
    user = load_user_lexicon(lex)
    assert ("青禾农创谷", "Park") in found("我区依托青禾农创谷培育农业企业。", user)


def test_user_lexicon_with_an_unknown_type_names_file_and_line(tmp_path: Path) -> None:
    lex = tmp_path / "bad.tsv"
    lex.write_text("青禾农创谷\tFarm\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.tsv: line 1"):
        load_user_lexicon(lex)


def test_lac_tags_a_known_sentence() -> None:
    words = tagging.tag("清华大学在北京。")
    assert [(w.text, w.tag) for w in words][:1] == [("清华大学", "ORG")]
    assert ("北京", "LOC") in {(w.text, w.tag) for w in words}


@pytest.mark.parametrize(("sentence", "words", "expected"), [
    # adjacent divisions join into one; a division ends on a word boundary
    ("上海市黄浦区新开工项目", [("上海市", 0), ("黄浦区", 3), ("新", 6), ("开工", 7), ("项目", 9)], ["上海市黄浦区"]),
    # the longest name that ends on a word boundary wins (大连市, not 大连)
    ("大连市的港口", [("大连市", 0), ("的", 3), ("港口", 4)], ["大连市"]),
    # a name that does not end on a word boundary is not one
    ("大连市场繁荣", [("大连", 0), ("市场", 2), ("繁荣", 4)], ["大连"]),
    # no division at all
    ("企业产值增长", [("企业", 0), ("产值", 2), ("增长", 4)], []),
])
def test_districts_align_with_words_and_join_when_adjacent(sentence, words, expected):
    from kg.extract.entities import _districts
    ws = [Word(t, "n", s) for t, s in words]
    assert [c.text for c in _districts(sentence, ws)] == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("星河智能装备有限公司", T.ENTERPRISE),
    ("长兴岛经济技术开发区管理委员会", T.ORGANIZATION),
    ("智能制造产业园", T.PARK),
    ("公司", None),              # a head alone names nothing
    ("春天的故事", None),
])
def test_head_type_is_the_longest_head(name, expected):
    from kg.extract.entities import _head_type
    assert _head_type(name) == expected
