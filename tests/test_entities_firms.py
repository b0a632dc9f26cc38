"""Enterprise recognition: firms read off project names, brand names, lists after 引进/签约, junk that is no firm."""
from __future__ import annotations

import pytest

from kg.extract import tagging
from kg.extract.entities import recognize
from kg.extract.firms import firm_prefix


def found(sentence: str) -> set[tuple[str, str]]:
    return {(c.text, c.type.value) for c in recognize(sentence, tagging.tag(sentence))}


@pytest.mark.parametrize(("project", "firm"), [
    ("特康科技产业基地项目", "特康科技"),
    ("远洋药业二期", "远洋药业"),
    ("东北亚科技创新中心", None),   # a region word, not a firm
    ("长沙科技创新中心", None),     # a city before a trade word
    ("科技馆", None),
    ("智能装备产业园", None),       # a generic lead
])
def test_firm_prefix_reads_the_firm_off_a_project_name(project: str, firm: str | None) -> None:
    assert firm_prefix(project) == firm


FIRMS_IN_PROJECTS = [
    # the firm before a project head is a mention of its own, even when the tagger gives no name
    ("开工建设星源材料华东生产基地。", "星源材料"),
    ("推进鑫泰钢材大连新工厂建设。", "鑫泰钢材"),
    # a tagger name that runs past the firm into a non-company word gives way to the firm
    ("今年开工建设宏瑞电子产业基地项目，预计明年投产。", "宏瑞电子"),
]


@pytest.mark.parametrize(("sentence", "firm"), FIRMS_IN_PROJECTS)
def test_a_project_names_its_firm(sentence: str, firm: str) -> None:
    assert (firm, "Enterprise") in found(sentence)


def test_the_project_firm_exists_without_the_relation_component(nlp) -> None:
    with nlp.select_pipes(disable=["kg_relations"]):
        doc = nlp("今年开工建设宏瑞电子产业基地项目，预计明年投产。")
    assert ("宏瑞电子", "Enterprise") in {(s.text, s.label_) for s in doc.spans["kg"]}
