"""Owners read off the names of projects and parks (kg/extract/firms.py)."""
import pytest

from kg.extract.firms import firm_prefix, named_divisions, placed_owner


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
])
def test_firm_prefix(name, firm):
    assert firm_prefix(name) == firm


def test_named_divisions_skips_roads():
    assert named_divisions("中山路改造工程") == ()
    assert len(named_divisions("长隆珠海海洋公园")) == 1
