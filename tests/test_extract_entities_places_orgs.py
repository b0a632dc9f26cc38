"""Sub-county divisions, organisations of public service and government, and junk that is neither."""
from __future__ import annotations

import pytest

from kg.extract import tagging
from kg.extract.entities import Word, classify, recognize
from kg.ingest import clean
from kg.resolve import key_of
from kg.model import EntityType


def found(sentence: str) -> set[tuple[str, str]]:
    return {(c.text, c.type.value) for c in recognize(sentence, tagging.tag(sentence))}


SUBCOUNTY = [
    # a 社区 named right after its 街道 is a division of its own, and so is the 街道
    ("家住凌水街道碧海社区的李大爷每天都去公园散步。", {"凌水街道", "碧海社区"}),
    ("周水子街道新建了两处口袋公园。", {"周水子街道"}),
]


@pytest.mark.parametrize(("sentence", "names"), SUBCOUNTY)
def test_subcounty_divisions_are_districts(sentence: str, names: set[str]) -> None:
    got = found(sentence)
    assert {(n, "District") for n in names} <= got
    assert not any(t in ("Project", "Park") and "社区" in n for n, t in got)


NO_SUBCOUNTY = [
    ("全区建成和谐社区一百个，文旅小镇三个。", "社区"),      # a slogan 社区 and a 小镇 are no divisions
    ("推动城乡融合，城镇新增就业一万人。", "镇"),
    ("完善街道和社区两级服务网络。", "街道"),               # the kinds, with no name
    ("建设重点镇和中心镇，发展卫星镇。", "镇"),
    ("全县城镇居民人均可支配收入增长6%。", "镇"),
    ("全县各乡镇加快发展，推进乡镇综合改革。", "镇"),
]


@pytest.mark.parametrize(("sentence", "part"), NO_SUBCOUNTY)
def test_generic_subcounty_words_are_no_districts(sentence: str, part: str) -> None:
    assert not any(t == "District" and part in n for n, t in found(sentence))


TOWNS = [
    # a town whose name ends like a common word (X城 + 镇 reads as X + 城镇)
    ("龙城镇入选全省农业产业强镇。", "龙城镇"),
    ("华兴食品加工项目在石城镇开工。", "石城镇"),
    ("梓乡镇获评全国乡村治理示范镇。", "梓乡镇"),          # X乡 + 镇, not … + 乡镇
    ("新能源电池项目落户柳家铺镇，总投资12亿元。", "柳家铺镇"),
]


@pytest.mark.parametrize(("sentence", "town"), TOWNS)
def test_towns_are_districts(sentence: str, town: str) -> None:
    assert (town, "District") in found(sentence)


def _hand_tagged(parts: list[tuple[str, str]]) -> tuple[str, list[Word]]:
    words, pos = [], 0
    for text, tag in parts:
        words.append(Word(text, tag, pos))
        pos += len(text)
    return "".join(t for t, _ in parts), words


HAND_TAGGED_TOWNS = [
    # a town the tagger reads whole as a common noun is still a town
    ([("电池", "n"), ("项目", "n"), ("落户", "v"), ("团山铺镇", "n"), ("。", "w")], {"团山铺镇"}),
    # a common noun that leads on past 镇 is none, nor are the kinds of town
    ([("全县", "n"), ("城镇居民", "n"), ("收入", "n"), ("增长", "v"), ("。", "w")], set()),
    ([("建设", "v"), ("重点镇", "n"), ("和", "c"), ("中心镇", "LOC"), ("。", "w")], set()),
]


@pytest.mark.parametrize(("parts", "towns"), HAND_TAGGED_TOWNS)
def test_towns_from_tagged_words(parts: list[tuple[str, str]], towns: set[str]) -> None:
    sentence, words = _hand_tagged(parts)
    got = {c.text for c in recognize(sentence, words) if c.type == EntityType.DISTRICT}
    assert got == towns


SPLIT_BODIES = [
    # a body the tagger cut after its 和 is one body again, and its province a mention of its own
    ([("河北省工业和", "ORG"), ("信息化厅", "vn"), ("发布", "v"), ("通知", "n"), ("。", "w")],
     {("河北省工业和信息化厅", "Organization"), ("河北省", "District")}),
    # a firm name followed by a word with no body head stays as it is
    ([("星海电子", "ORG"), ("和", "c"), ("信息化", "vn"), ("建设", "v"), ("。", "w")], set()),
]


@pytest.mark.parametrize(("parts", "expected"), SPLIT_BODIES)
def test_a_body_cut_after_its_conjunction_is_rejoined(parts: list[tuple[str, str]], expected: set[tuple[str, str]]) -> None:
    sentence, words = _hand_tagged(parts)
    got = {(c.text, c.type.value) for c in recognize(sentence, words)}
    assert expected <= got
    assert not any(n.endswith(("和", "信息化")) for n, _ in got)


COOPERATIVES = [
    # a cooperative named after its county and town: the town is a mention inside the name
    ("桃江县灰山港镇竹海种植专业合作社获评省级示范社。", "桃江县灰山港镇竹海种植专业合作社", "灰山港镇"),
    # the tagger cuts its places and trade into words: they still make one cooperative
    ("桃江县修山镇花园村种养专业合作社获评湖南省示范合作社。", "桃江县修山镇花园村种养专业合作社", "修山镇"),
]


@pytest.mark.parametrize(("sentence", "coop", "town"), COOPERATIVES)
def test_a_cooperative_and_its_town(sentence: str, coop: str, town: str) -> None:
    got = found(sentence)
    assert (coop, "Enterprise") in got and (town, "District") in got


@pytest.mark.parametrize("sentence", ["桃江县大力发展农民专业合作社。", "全县新增农民专业合作社86家。"])
def test_no_cooperative_without_its_places(sentence: str) -> None:
    assert not any(t == "Enterprise" and n.startswith(("桃江县", "全县")) for n, t in found(sentence))


NOT_ORGS = [
    ("深入贯彻市党代会精神及决策部署，奋力开创新局面。", "部署"),   # a verb noun ending in 署
    ("海达集团智能终端事业部员工正在调试设备。", "事业部"),       # a unit inside a firm
]


@pytest.mark.parametrize(("sentence", "part"), NOT_ORGS)
def test_verbs_and_company_units_are_no_organisations(sentence: str, part: str) -> None:
    assert not any(part in n for n, _ in found(sentence))


def test_a_service_hall_is_an_organisation() -> None:
    assert ("沙河口区政务服务大厅", "Organization") in found("市民到沙河口区政务服务大厅办理营业执照。")


def test_the_party_prefix_does_not_split_an_organ() -> None:
    org = EntityType.ORGANIZATION
    assert key_of("中共沈阳市和平区委宣传部", org) == key_of("沈阳和平区委宣传部", org)


def test_a_photo_caption_is_kept_and_its_credit_dropped() -> None:
    text, _ = clean("星海精工技术人员正在调试设备。 王小明 摄\n\n正文第一段，内容很长很长很长很长很长很长。\n")
    assert "星海精工技术人员正在调试设备。" in text and "王小明" not in text and "摄" not in text


ORGS = [
    # a government body the tagger splits into common nouns, right before a verb that issues or hosts
    ("在自然资源部主办的全国海洋科普评选中，该区案例获奖。", "自然资源部"),
    ("在国家林业和草原局主办的评选中，该区案例获奖。", "国家林业和草原局"),
    # a batch word after the name opens what follows
    ("人工智能青岛研究院首批13个项目已经入驻。", "人工智能青岛研究院"),
]


@pytest.mark.parametrize(("sentence", "org"), ORGS)
def test_organisations_without_a_tagger_name(sentence: str, org: str) -> None:
    assert (org, "Organization") in found(sentence)


def test_an_untagged_word_with_a_city_inside_and_an_institute_head() -> None:
    assert classify("人工智能青岛研究院", [Word("人工智能青岛研究院", "n", 0)]) == EntityType.ORGANIZATION
    assert classify("人工智能研究院", [Word("人工智能研究院", "n", 0)]) is None


def test_a_bare_zone_before_a_centre_names_the_zones_own_centre() -> None:
    assert ("开发区创业中心", "Park") in found("开发区创业中心连续3年获评国家级优秀科技企业孵化器。")


NO_ISSUERS = [
    "会议对下一步工作部署作出安排。",       # a plan, no body
    "全区各部门组织开展安全生产大检查。",   # 各部门: every department, no one body
]


@pytest.mark.parametrize("sentence", NO_ISSUERS)
def test_plain_nouns_before_an_issuing_verb_are_no_body(sentence: str) -> None:
    assert not any(t == "Organization" for _, t in found(sentence))


def test_a_connector_word_tagged_whole_is_split_off_the_name_after_it() -> None:
    from kg.extract.entities import _split_connector
    words = [Word("华锐", "ORG", 0), Word("及稀土功能材料研究院", "c", 2)]
    assert [w.text for w in _split_connector(words)] == ["华锐", "及", "稀土功能材料研究院"]
    assert [w.text for w in _split_connector([Word("及时", "c", 0)])] == ["及时"]


@pytest.mark.parametrize(("sentence", "name", "type_"), [
    ("与沈阳工业大学共建“沈创汇”智能装备研究院。", "“沈创汇”智能装备研究院", "Organization"),
])
def test_a_quoted_brand_before_common_words_and_a_head_is_one_name(sentence: str, name: str, type_: str) -> None:
    assert (name, type_) in found(sentence)


@pytest.mark.parametrize("sentence", [
    "实施“种苗”计划，推动中小企业发展。",       # a programme, no organisation head
    "打造“一网通办”政务服务品牌。",             # a slogan
])
def test_a_quoted_slogan_before_common_words_is_no_organisation(sentence: str) -> None:
    assert not any(t in ("Organization", "Park") for _, t in found(sentence))


BODY_DIVISIONS = [
    # the division a government body is named after, written in full, is a district of its own
    ("河北省工业和信息化厅公布了评审结果。", {("河北省", "District"), ("河北省工业和信息化厅", "Organization")}),
    ("据银川市发展和改革委员会介绍,全年完成投资80亿元。", {("银川市", "District")}),
]
NO_BODY_DIVISION = [
    ("长春高新区管委会召开专题会议。", "长春"),          # a short form before a zone: no division
    ("省商务厅通报全省开发区考核结果。", "省"),            # no name at all
]


@pytest.mark.parametrize(("sentence", "names"), BODY_DIVISIONS)
def test_the_division_a_body_is_named_after_is_a_district(sentence: str, names: set[tuple[str, str]]) -> None:
    assert names <= found(sentence)


@pytest.mark.parametrize(("sentence", "part"), NO_BODY_DIVISION)
def test_no_division_from_a_body_without_a_full_division_name(sentence: str, part: str) -> None:
    assert (part, "District") not in found(sentence)


BYLINES = [
    # the agency of a dateline that opens a report is an organization; the dateline's city is no mention
    ("新华社南宁5月6日电（记者 李明）南宁高新区今年新签约项目30个。", "新华社", "南宁"),
    ("中新社昆明电 记者从云南省商务厅获悉，全省开发区营收增长9%。", "中新社", "昆明"),
]


@pytest.mark.parametrize(("sentence", "agency", "place"), BYLINES)
def test_a_dateline_agency_is_an_organization(sentence: str, agency: str, place: str) -> None:
    got = {(c.text, c.type.value) for c in recognize(sentence, tagging.tag(sentence))}
    assert (agency, "Organization") in got
    assert (agency, "Enterprise") not in got
    assert not any(text in (place, place + "市") for text, _ in got)


def test_no_agency_without_a_dateline() -> None:
    sentence = "园区与旅行社合作开发工业旅游线路。"
    got = {(c.text, c.type.value) for c in recognize(sentence, tagging.tag(sentence))}
    assert not any(kind == "Organization" and text.endswith("社") for text, kind in got)


ZONES = [
    # 经济开发区 is a zone head of its own: the stem is the county, not 县名 + 经济
    ("韶山经济开发区今年新签约项目9个。", "韶山经济开发区"),
    # a zone followed by a common word the tagger glued on
    ("浏阳高新技术产业开发区、宁乡高新技术产业开发区综合排名前二。", "宁乡高新技术产业开发区"),
]


@pytest.mark.parametrize(("sentence", "zone"), ZONES)
def test_zones_of_a_county(sentence: str, zone: str) -> None:
    assert (zone, "District") in found(sentence)


def test_a_slogan_before_a_zone_head_is_no_zone() -> None:
    assert not any(kind == "District" for _, kind in found("对照新时代高新区高质量发展综合评价要求。"))


CITY_COMMITTEES = [
    # a city's or county's party committee written with one character after the division: the division is named
    ("在宜昌市委、市政府的坚强领导下，全区经济稳中向好。", "宜昌市"),
    ("在邵阳县委、县政府的领导下，各项工作取得实效。", "邵阳县"),
]


@pytest.mark.parametrize(("sentence", "name"), CITY_COMMITTEES)
def test_a_committee_names_its_division(sentence: str, name: str) -> None:
    assert (name, "District") in {(c.text, c.type.value) for c in recognize(sentence, tagging.tag(sentence))}


def test_a_bare_committee_names_no_division() -> None:
    sentence = "在市委、市政府的坚强领导下，全区经济稳中向好。"
    assert not [c for c in recognize(sentence, tagging.tag(sentence)) if c.type.value == "District"]
