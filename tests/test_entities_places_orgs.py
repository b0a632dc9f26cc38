"""Sub-county divisions, organisations of public service and government, and junk that is neither."""
from __future__ import annotations

import pytest

from kg.extract import tagging
from kg.extract.entities import recognize
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
]


@pytest.mark.parametrize(("sentence", "part"), NO_SUBCOUNTY)
def test_generic_subcounty_words_are_no_districts(sentence: str, part: str) -> None:
    assert not any(t == "District" and part in n for n, t in found(sentence))


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
