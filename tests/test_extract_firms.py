"""Owners read off the names of projects and parks (kg/extract/firms.py)."""
import pytest

from kg.extract.firms import brand_lead, firm_prefix, named_divisions, place_and_trade, place_stems, placed_owner


@pytest.mark.parametrize("name, owner", [
    ("方特南宁主题乐园", "方特"),                  # owner before the city it builds in
    ("华侨城(成都)欢乐谷", "华侨城"),              # city in brackets
    ("清华大学深圳国际研究生院", "清华大学"),
    ("沈海高速辽宁段出入口", None),               # a road's section in a province, not an owner
    ("中德(沈阳)高端装备制造产业园", None),        # a pair of country abbreviations
    ("大连湾海底隧道", None),                    # the city opens a longer place name
    ("中山路改造工程", None),                    # a road named after a city
    ("绿色南京示范项目", None),                  # a generic word before the city
])
def test_placed_owner(name, owner):
    assert placed_owner(name) == owner


@pytest.mark.parametrize("name, firm", [
    ("特康科技产业基地项目", "特康科技"),
    ("长沙科技创新中心", None),                  # a place, not a firm
    ("智能装备产业园", None),
    ("长春鼎盛汽车零部件项目", "长春鼎盛汽车"),     # a proper word after the city
    ("日本野田综研软件研发中心", "日本野田综研"),   # a country before a foreign brand
    ("泉州两岸智能装备产业园二期", None),          # a place then common words names the park
    ("湖港国际集装箱码头二期工程", None),
    ("氢燃料电池项目", None),                      # a sector, not a firm
])
def test_firm_prefix(name, firm):
    assert firm_prefix(name) == firm


def test_named_divisions_skips_roads():
    assert named_divisions("中山路改造工程") == ()
    assert len(named_divisions("长隆珠海海洋公园")) == 1


@pytest.mark.parametrize("org_word, brand", [
    ("华为超算中心", "华为"),                    # a facility the tagger reads as one organisation word
    ("腾讯数据中心", "腾讯"),
    ("京东方创新中心", "京东方"),
    ("泰和泰国际法律中心", None),                # the dictionary cut falls inside the name (泰和|泰)
    ("华润万象汇", None),                        # a mall's name, no facility head
    ("华能电厂", None),                          # only the bare head after the brand
    ("金普新区创新中心", None),                  # a zone, not a brand
    ("智慧城市运营中心", None),                  # a generic word
])
def test_brand_lead(org_word, brand):
    assert brand_lead(org_word) == brand


def test_the_brand_of_a_facility_read_as_one_word_is_a_mention():
    from kg.extract import tagging
    from kg.extract.entities import recognize

    sentence = "华为超算中心正式投入运营。"
    words = tagging.tag(sentence)
    assert [w.tag for w in words if w.text == "华为超算中心"] == ["ORG"]   # the tagger keeps it whole
    found = {(c.text, c.type.value) for c in recognize(sentence, words)}
    assert {("华为", "Enterprise"), ("华为超算中心", "Project")} <= found


@pytest.mark.parametrize("places, stems", [
    (["青禾镇", "松山区"], {"青禾", "松山"}),
    (["辽宁省", "大连市"], set()),                  # provinces and prefectures open many real firms' names
    (["红星街道"], {"红星"}),
])
def test_place_stems(places, stems):
    assert place_stems(places) == stems


@pytest.mark.parametrize("name, dropped", [
    ("青禾高分子", True),            # the town plus a trade word: a sector of the town
    ("青禾新材料", True),
    ("青禾农业集团", False),          # a corporate head keeps it
    ("青禾新材料有限公司", False),
    ("青禾", False),                 # the bare stem is no firm name of this shape
    ("远航高分子", False),            # no place of the document opens it
])
def test_place_and_trade(name, dropped):
    assert place_and_trade(name, frozenset({"青禾", "松山"})) is dropped
