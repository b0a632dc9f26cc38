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
    ("厂房一期项目主体工程完工，二期工程开工。", "一期项目主体工程"),     # a phase and common nouns
    ("厂房一期项目主体工程完工，二期工程开工。", "二期工程"),
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
