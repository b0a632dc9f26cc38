"""Projects and parks: category phrases, sectors and quoted programmes give nothing; names keep their
whole left part (place, enterprise, phase in brackets) and stop at their head."""
from __future__ import annotations

import pytest

from kg.extract import tagging
from kg.extract.entities import recognize


def found(sentence: str) -> set[tuple[str, str]]:
    return {(c.text, c.type.value) for c in recognize(sentence, tagging.tag(sentence))}


def names(sentence: str) -> set[str]:
    return {text for text, _ in found(sentence)}


PROJECT_REJECTS = [
    ("建设顺利推进，一期项目主体工程完工，二期工程开工。", "一期项目主体工程"),     # a phase and common nouns
    ("建设顺利推进，一期项目主体工程完工，二期工程开工。", "二期工程"),
    ("云计算、5G物联网等项目集中签约。", "5G物联网"),                 # sectors closing a list
    ("云计算、5G物联网等项目集中签约。", "云计算"),
    ("全面实施“三大工程”，推进“双千工程”。", "三大工程"),             # numbered slogans in quotes
    ("全面实施“三大工程”，推进“双千工程”。", "双千工程"),
    ("坚持“引才工程”“育才工程”双轮驱动。", "引才工程"),              # a quoted programme
    ("全市首个“信贷中心”挂牌运行。", "信贷中心"),
    ("航拍江北滨江湿地公园。", "航拍江北滨江湿地公园"),               # a photo caption word
]


@pytest.mark.parametrize(("sentence", "name"), PROJECT_REJECTS)
def test_categories_sectors_and_programmes_are_not_projects(sentence: str, name: str) -> None:
    assert name not in names(sentence)


PROJECT_FINDS = [
    # a one-character adjective and a compass word inside a name
    ("上交所主数据中心正式入驻。", "上交所主数据中心", "Project"),
    ("杭州东部通道滨江路段竣工通车。", "杭州东部通道滨江路段", "Project"),
    ("规划建设的新德国工业团地全面启动。", "新德国工业团地", "Park"),
    # a name followed by common nouns the chunk swept up
    ("解放路商圈人气商气持续回升。", "解放路商圈", "Park"),
    # heads of shops, road exits, charging networks, ports; 总部经济区 is a park, not an honour
    ("将引进宜家家居会员店及万达金街广场。", "宜家家居会员店", "Project"),
    ("将引进宜家家居会员店及万达金街广场。", "万达金街广场", "Project"),
    ("京港澳高速湖南段出入口改造完成。", "京港澳高速湖南段出入口", "Project"),
    ("签约中英拜恩体育港等项目。", "中英拜恩体育港", "Project"),
    ("多家企业落户梅溪湖总部经济区。", "梅溪湖总部经济区", "Park"),
    ("加快国家算力网络贵州枢纽节点建设。", "国家算力网络贵州枢纽节点", "Project"),
    # a phase in brackets closes a project name
    ("长城汽车新能源零部件(三期)加快建设。", "长城汽车新能源零部件(三期)", "Project"),
    # an organisation opening a project's name is kept beside it
    ("上交所主数据中心正式入驻。", "上交所", "Organization"),
]


@pytest.mark.parametrize(("sentence", "name", "type_"), PROJECT_FINDS)
def test_project_and_park_names_keep_their_parts(sentence: str, name: str, type_: str) -> None:
    assert (name, type_) in found(sentence)


SPAN_FINDS = [
    # a verb inside a project name led by a company or a place
    ("京东方显示模组项目、天马新产线等项目陆续签约。", "京东方显示模组项目", "Project"),
    ("成都天微电子平板显示测试设备产业基地项目开工。", "成都天微电子平板显示测试设备产业基地项目", "Project"),
    # 、 inside a project name: the company's products
    ("总投资50亿元的卧龙电气集团电机、电控系统产业项目落户经开区。", "卧龙电气集团电机、电控系统产业项目", "Project"),
    # 及 inside a list member
    ("隆基光伏及储能、海天酱油二期等项目开工。", "隆基光伏及储能", "Project"),
    # bays and campuses
    ("大连湾金牌教育园建成投用。", "大连湾金牌教育园", "Park"),
    # a verb that lays out parks is not part of the first park's name
    ("布局滨海产业新园、氢能产业园等特色园区。", "滨海产业新园", "Park"),
]


@pytest.mark.parametrize(("sentence", "name", "type_"), SPAN_FINDS)
def test_project_names_across_verbs_and_lists(sentence: str, name: str, type_: str) -> None:
    assert (name, type_) in found(sentence)


SPAN_REJECTS = [
    ("滨江区加快推进重大项目。", "滨江区加快推进重大项目"),        # a place and its predicate
    ("滨江区建立项目库。", "滨江区建立项目"),
    ("李阿姨到中心咨询政策。", "李阿姨到中心"),                     # a person and where they went
    ("引进滨海产业新园、氢能产业园等园区。", "滨海产业新园、氢能产业园"),  # two parks stay two
    ("小窑湾、蟹子湾水质持续改善。", "蟹子湾"),                      # a bay, not a park
    ("打造和谐社区、平安社区。", "和谐社区"),                        # a slogan, not a project
]


@pytest.mark.parametrize(("sentence", "name"), SPAN_REJECTS)
def test_predicates_and_short_places_are_not_projects(sentence: str, name: str) -> None:
    assert name not in names(sentence)


CARRIER_FINDS = [
    # a county name opening with 和 that the tagger reads as a conjunction
    ("支持和林格尔数据中心集群建设。", "和林格尔数据中心集群", "Park"),
    # the park a project is built in, named at the front of the project
    ("加快实施滨湖智能产业园基础设施项目。", "滨湖智能产业园", "Park"),
    ("加快实施滨湖智能产业园基础设施项目。", "滨湖智能产业园基础设施项目", "Project"),
    # innovation and start-up centres and spaces host enterprises; a laboratory is an organisation
    ("浙江实验室与西湖区科创中心签约。", "西湖区科创中心", "Park"),
    ("浙江实验室与西湖区科创中心签约。", "浙江实验室", "Organization"),
]


@pytest.mark.parametrize(("sentence", "name", "type_"), CARRIER_FINDS)
def test_parks_and_carriers(sentence: str, name: str, type_: str) -> None:
    assert (name, type_) in found(sentence)


def test_a_park_project_is_not_split_into_its_park() -> None:
    assert ("滨湖智能产业园", "Park") not in found("推进滨湖智能产业园二期项目建设。")


def test_a_generic_zone_in_a_list_is_not_a_project() -> None:
    assert "综合保税区" not in names("利用综合保税区、跨境电商平台等项目载体。")


# ---- round 2: descriptive category names, counted kinds ----------------------------------------------------

DESCRIPTIVE_REJECTS = [
    # an activity word before a category head, nothing proper in front: a kind of facility
    ("充分发挥异地孵化中心、离岸创新中心等平台作用。", "异地孵化中心"),
    ("充分发挥异地孵化中心、离岸创新中心等平台作用。", "离岸创新中心"),
    ("惠民利民项目让群众受益。", "惠民利民项目"),
    ("大宗商品交易平台建设加快推进。", "大宗商品交易平台"),
    ("甘井子区以智慧城市运行管理中心为依托。", "智慧城市运行管理中心"),
    # a role a city takes on, named after a region
    ("新民社区积极融入大连东北亚金融创新中心建设。", "大连东北亚金融创新中心"),
    # a name followed by a count is a kind being counted
    ("累计交付LNG改装项目12个。", "LNG改装项目"),
    ("全区离岸孵化中心5家。", "离岸孵化中心"),
]


@pytest.mark.parametrize(("sentence", "name"), DESCRIPTIVE_REJECTS)
def test_descriptive_category_names_are_not_projects(sentence: str, name: str) -> None:
    assert name not in names(sentence)


DESCRIPTIVE_FINDS = [
    # a construction verb introduces it, or a list closed by 等项目 holds it
    ("完成了青龙河污水管线配套工程。", "青龙河污水管线配套工程"),
    ("推进城市运行管理中心、冰雪乐园等项目建设。", "城市运行管理中心"),
    # a company in front makes it one facility
    ("中国石化智慧能源研发中心落户。", "中国石化智慧能源研发中心"),
]


@pytest.mark.parametrize(("sentence", "name"), DESCRIPTIVE_FINDS)
def test_descriptive_names_in_a_building_frame_are_projects(sentence: str, name: str) -> None:
    assert (name, "Project") in found(sentence)


NEW_ROAD_REJECTS = [
    # 新/大 + a bare head after common nouns describes a route, it does not name one
    ("开通中亚班列新通道，货值增长三成。", "中亚班列新通道"),
    ("畅通海陆物流大通道。", "物流大通道"),
    ("畅通海陆物流大通道。", "大通道"),
]


@pytest.mark.parametrize(("sentence", "name"), NEW_ROAD_REJECTS)
def test_a_new_route_after_common_nouns_is_not_a_project(sentence: str, name: str) -> None:
    assert name not in names(sentence)


def test_a_new_factory_after_a_company_is_a_project() -> None:
    assert ("克诺尔新工厂", "Project") in found("克诺尔新工厂开工。")


FRAMED_FINDS = [
    # a building verb introduces a descriptive facility name with nothing proper in it
    ("某集团拟投资30亿元，在望城经开区建设氢能技术与装备研发制造中心；", "氢能技术与装备研发制造中心"),
    ("在滨江新城打造全球智慧医疗产业中心。", "全球智慧医疗产业中心"),
    ("打造城市金融服务平台和人才服务平台。", "城市金融服务平台"),
]


@pytest.mark.parametrize(("sentence", "name"), FRAMED_FINDS)
def test_a_building_verb_introduces_a_descriptive_facility(sentence: str, name: str) -> None:
    assert (name, "Project") in found(sentence)


FRAMED_REJECTS = [
    ("联合高校建设协同创新基地，构建产学研格局。", "协同创新基地"),    # activity words only before the head
    ("高新区积极打造对外开放新平台。", "对外开放新平台"),              # "a new platform"
    ("加快建设创新型城区。", "创新型城区"),
]


@pytest.mark.parametrize(("sentence", "name"), FRAMED_REJECTS)
def test_a_building_verb_before_a_goal_gives_no_project(sentence: str, name: str) -> None:
    assert name not in names(sentence)


def test_an_attribute_in_xing_before_the_head_names_a_kind() -> None:
    assert not {"综合性海洋公园", "海洋公园"} & names("规划定位为一个集展示、游乐为一体的综合性海洋公园。")


PHASED_PARKS = [
    # a phase of a park names the park too, even when only common words lead the park's name
    ("光电子信息产业园二期建成投用。", "光电子信息产业园", "光电子信息产业园二期"),
    ("绿色建材产业园一期全面投产。", "绿色建材产业园", "绿色建材产业园一期"),
    ("长沙两岸电子信息产业园三期开工建设。", "长沙两岸电子信息产业园", "长沙两岸电子信息产业园三期"),
]


@pytest.mark.parametrize(("sentence", "park", "phase"), PHASED_PARKS)
def test_a_phase_of_a_park_names_the_park_and_the_phase(sentence: str, park: str, phase: str) -> None:
    got = found(sentence)
    assert (park, "Park") in got
    assert (phase, "Project") in got


NO_PHASED_PARKS = [
    # a bare or short head before the phase, or a phase of no park, names no park
    "推进产业园二期建设。",
    "开工建设一期项目主体工程。",
    "物流园二期完成招商。",
]


@pytest.mark.parametrize("sentence", NO_PHASED_PARKS)
def test_no_park_from_a_bare_head_and_a_phase(sentence: str) -> None:
    assert not any(kind == "Park" for _, kind in found(sentence))


TOWN_PARKS = [
    # a town's industrial park keeps the town inside its name
    ("城关镇工业集中区新入驻企业8家。", "城关镇工业集中区"),
    ("柳林镇工业小区完成基础设施建设。", "柳林镇工业小区"),
]


@pytest.mark.parametrize(("sentence", "park"), TOWN_PARKS)
def test_a_town_park_is_one_park(sentence: str, park: str) -> None:
    assert (park, "Park") in found(sentence)


PLACE_LED_PARKS = [
    # a place, then words the tagger does not chunk (an adjective, a time word), then a park head
    ("2.平遥精细化工产业园（平遥县）", "平遥精细化工产业园"),
    ("祁阳县油茶现代农业产业园通过认定。", "祁阳县油茶现代农业产业园"),
]


@pytest.mark.parametrize(("sentence", "name"), PLACE_LED_PARKS)
def test_a_place_leading_common_words_names_its_park(sentence: str, name: str) -> None:
    assert (name, "Park") in found(sentence)


PLACE_LED_NON_PARKS = [
    ("平遥大数据产业园项目投资8亿元。", "平遥大数据产业园"),     # the park being built is the project
    ("全市重点产业园区实现产值100亿元。", "全市重点产业园区"),     # no place leads it
    ("平遥县积极建设产业园。", "平遥县积极建设产业园"),           # a verb between place and head
]


@pytest.mark.parametrize(("sentence", "name"), PLACE_LED_NON_PARKS)
def test_place_led_park_needs_common_words_only(sentence: str, name: str) -> None:
    assert name not in names(sentence)


ITEM_PARKS = [
    # a numbered item that is a whole park name led by a place, however the tagger cut its trade words
    ("10.巩义电机产业园（巩义市）", "巩义电机产业园"),
    ("9.中牟铸造产业园（中牟县）", "中牟铸造产业园"),
    ("（2）长垣起重装备产业园", "长垣起重装备产业园"),
]


@pytest.mark.parametrize(("sentence", "park"), ITEM_PARKS)
def test_a_numbered_item_naming_a_place_led_park(sentence: str, park: str) -> None:
    assert (park, "Park") in found(sentence)


@pytest.mark.parametrize("sentence", ["2.装备制造产业园", "1.推进产业园建设", "3.加快巩义光伏制造产业园建设"])
def test_no_item_park_without_a_place_or_with_words_around(sentence: str) -> None:
    assert not any(t == "Park" and n.startswith(("装备", "推进", "加快")) for n, t in found(sentence))
