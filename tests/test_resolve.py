"""Entity resolution: full and short forms merged, different things sharing a prefix kept apart, stable ids."""
from __future__ import annotations

import pytest

from kg.model import DocExtraction, Document, EntityType as T, Mention
from kg.resolve import entity_id, key_of, normalize, resolve, zone_key


@pytest.mark.parametrize(("raw", "clean"), [
    ("“星河智谷产业园”", "星河智谷产业园"),
    ("滨湖污水处理厂等项目", "滨湖污水处理厂"),
    ("《数字经济三年行动》", "数字经济三年行动"),
    ("人民智媒 AI 平台", "人民智媒AI平台"),
])
def test_normalize_drops_quotes_spaces_and_trailing_deng(raw: str, clean: str) -> None:
    assert normalize(raw) == clean


@pytest.mark.parametrize(("a", "b", "type_"), [
    ("襄阳", "襄阳市", T.DISTRICT),                                   # short and official form
    ("芜湖经济技术开发区", "芜湖经开区", T.DISTRICT),                   # zone head synonyms
    ("安徽芜湖经开区", "芜湖经济技术开发区", T.DISTRICT),               # with a province prefix
    ("绍兴国家高新区", "绍兴高新区", T.DISTRICT),
    ("杭州恒远新材料股份有限公司", "恒远新材料", T.ENTERPRISE),         # place prefix and legal suffix
    ("滨湖污水处理厂项目", "滨湖污水处理厂", T.PROJECT),
    ("襄阳市襄州区", "襄州区", T.DISTRICT),                           # a county after its own city
    ("江苏省昆山市", "昆山市", T.DISTRICT),                           # a county-level city after its province
])
def test_forms_of_one_thing_share_a_key(a: str, b: str, type_: T) -> None:
    assert key_of(a, type_) == key_of(b, type_)


@pytest.mark.parametrize(("a", "b", "type_"), [
    ("星河智谷产业园", "星河数字产业园", T.PARK),                     # two parks of one district
    ("芜湖经开区", "襄阳经开区", T.DISTRICT),                           # two zones with one head
    ("经开区", "芜湖经开区", T.DISTRICT),                               # a bare head is no zone's key by itself
    ("南京市鼓楼区", "福州市鼓楼区", T.DISTRICT),                       # one county name under two cities
    ("襄阳市鼓楼区", "鼓楼区", T.DISTRICT),                             # a county not under the city written
])
def test_different_things_sharing_a_prefix_or_head_keep_apart(a: str, b: str, type_: T) -> None:
    assert key_of(a, type_) != key_of(b, type_)


def test_zone_key_keeps_the_city() -> None:
    assert zone_key("江西赣南经济技术开发区") == "赣南经开区"


def _doc(doc_id: str, mentions: list[tuple[str, T]]) -> DocExtraction:
    document = Document(id=doc_id, source_file=f"{doc_id}.txt", text="", report_year=2023)
    return DocExtraction(document=document, relations=(),
                         mentions=tuple(Mention(text=n, type=t, start=0, end=len(n)) for n, t in mentions))


def test_resolve_merges_short_enterprise_form_and_keeps_fullest_label() -> None:
    kg = resolve([_doc("a", [("杭州恒远新材料股份有限公司", T.ENTERPRISE), ("恒远新材料", T.ENTERPRISE)])])
    [ent] = kg.entities.values()
    assert ent.label == "杭州恒远新材料股份有限公司"
    assert ent.aliases == frozenset({"恒远新材料"})


def test_resolve_keeps_two_parks_apart_and_ids_are_stable() -> None:
    docs = [_doc("a", [("星河智谷产业园", T.PARK), ("星河数字产业园", T.PARK)])]
    first, second = resolve(docs), resolve(docs)
    assert len(first.entities) == 2
    assert list(first.entities) == list(second.entities)
    assert entity_id(T.PARK, "星河智谷产业园") in first.entities


def test_bare_zone_goes_to_the_documents_own_zone() -> None:
    kg = resolve([_doc("a", [("芜湖经济技术开发区", T.DISTRICT), ("经开区", T.DISTRICT)]),
                  _doc("b", [("经开区", T.DISTRICT)])])
    [ent] = kg.entities.values()
    assert ent.label == "芜湖经济技术开发区"


def test_division_label_is_the_official_name() -> None:
    kg = resolve([_doc("a", [("襄阳", T.DISTRICT)])])
    [ent] = kg.entities.values()
    assert ent.label == "襄阳市" and "襄阳" in ent.aliases


def test_parks_of_different_cities_with_the_same_head_stay_apart():
    from kg.model import EntityType
    from kg.resolve import key_of

    assert key_of("苏州工业园区", EntityType.PARK) != key_of("宁波工业园区", EntityType.PARK)
    assert key_of("大连湾临海装备制造业集聚区", EntityType.PARK) == "大连湾临海装备制造业集聚区"
    assert key_of("辽宁大连软件园", EntityType.PARK) == key_of("大连软件园", EntityType.PARK)


# ---------------------------------------------------------------- firms and organisations (short and full forms)
def test_two_universities_of_different_cities_keep_apart() -> None:
    assert key_of("宁波理工大学", T.ORGANIZATION) != key_of("杭州理工大学", T.ORGANIZATION)


def test_a_university_short_form_joins_its_full_name() -> None:
    kg = resolve([_doc("a", [("宁波理工大学", T.ORGANIZATION), ("宁波理工", T.ORGANIZATION),
                             ("杭州理工大学", T.ORGANIZATION)])])
    labels = {e.label: e.aliases for e in kg.entities.values()}
    assert labels == {"宁波理工大学": frozenset({"宁波理工"}), "杭州理工大学": frozenset()}


def test_a_short_firm_name_shared_by_two_registered_names_stays_apart() -> None:
    kg = resolve([_doc("a", [("宁波恒远电子有限公司", T.ENTERPRISE), ("恒远电子科技股份有限公司", T.ENTERPRISE),
                             ("恒远", T.ENTERPRISE)])])
    assert len(kg.entities) == 3


# ---- project short forms cut from a longer form ----------------------------------------------------------------

def _project_labels(docs: list[DocExtraction]) -> dict[str, frozenset[str]]:
    return {e.label: e.aliases for e in resolve(docs).entities.values()}


@pytest.mark.parametrize("order", [0, 1])
def test_a_short_project_form_cut_from_a_long_one_is_an_alias(order: int) -> None:
    forms = [("博世汽车全球零部件制造华东区总部项目", T.PROJECT), ("博世汽车华东区总部", T.PROJECT)]
    labels = _project_labels([_doc("a", forms[order:] + forms[:order])])
    assert labels == {"博世汽车全球零部件制造华东区总部项目": frozenset({"博世汽车华东区总部"})}


def test_a_short_project_form_in_another_document_needs_a_longer_name_and_head() -> None:
    docs = [_doc("a", [("博世汽车全球零部件制造华东区总部项目", T.PROJECT)]), _doc("b", [("博世汽车华东区总部", T.PROJECT)])]
    assert len(_project_labels(docs)) == 1
    docs = [_doc("a", [("博世全球零部件制造总部项目", T.PROJECT)]), _doc("b", [("博世制造总部", T.PROJECT)])]
    assert len(_project_labels(docs)) == 2


@pytest.mark.parametrize(("a", "b"), [
    ("滨湖智能产业园一期项目", "滨湖智能产业园二期项目"),     # two phases
    ("滨湖智能产业园项目", "滨湖智能产业园二期项目"),         # the park and its second phase
    ("华为云计算数据中心", "华为中心"),                       # nothing but the head left after the name
    ("华为云计算数据中心", "华为鲲鹏数据中心"),               # two centres of one company
    ("滨江地铁5号线延伸线", "滨江地铁3号线延伸线"),
    ("长江路与黄河路立交工程", "长江路立交工程"),             # a list cut out is not a short form
])
def test_projects_sharing_a_prefix_or_head_keep_apart(a: str, b: str) -> None:
    assert len(_project_labels([_doc("a", [(a, T.PROJECT), (b, T.PROJECT)])])) == 2


def test_a_short_form_cut_from_two_long_ones_is_left_alone() -> None:
    docs = [_doc("a", [("博世汽车电子华东区总部", T.PROJECT), ("博世汽车零部件华东区总部", T.PROJECT),
                       ("博世汽车华东区总部", T.PROJECT)])]
    assert len(_project_labels(docs)) == 3
