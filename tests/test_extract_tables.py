"""Markdown tables of signed projects: header roles, the cells of each row, and the pipeline's use of them."""
from __future__ import annotations

import pytest

from kg.extract.tables import table_names, table_rows
from kg.model import EntityType as T

SIGNED = """全年签约项目12个，主要有：

| 序号 | 项目名称 | 投资方 | 投资额 |
|---|---|---|---|
| 1 | 高端轴承生产线项目 | 洛阳恒瑞轴承有限公司 | 6亿元 |
| 2 | 冷链物流中心 | 万润物流集团 | 3.2亿元 |
"""

ROWS = [
    (SIGNED, [("高端轴承生产线项目", "洛阳恒瑞轴承有限公司"), ("冷链物流中心", "万润物流集团")]),
    # other header words for the same columns, and no leading number column
    ("| 项目 | 签约企业 | 总投资 |\n| :--- | :--- | ---: |\n| 光伏组件项目 | 晶泰新能源有限公司 | 10亿元 |\n",
     [("光伏组件项目", "晶泰新能源有限公司")]),
    ("| 工程名称 | 建设单位 |\n|---|---|\n| 滨河路改造工程 | 市城投公司 |\n", [("滨河路改造工程", "市城投公司")]),
    # a row with an empty investor keeps its project
    ("| 项目名称 | 投资方 |\n|---|---|\n| 智能仓储项目 |  |\n", [("智能仓储项目", None)]),
]


@pytest.mark.parametrize(("text", "pairs"), ROWS)
def test_rows_pair_the_project_with_its_investor(text: str, pairs: list) -> None:
    rows = table_rows(text)
    got = [(text[r.project.start:r.project.end] if r.project else None,
            text[r.investor.start:r.investor.end] if r.investor else None) for r in rows]
    assert got == pairs


NO_ROWS = [
    # tables of figures, not of projects or firms
    "| 指标 | 2020年 | 2021年 |\n|---|---|---|\n| 地区生产总值 | 480亿元 | 525亿元 |\n",
    # a pipe inside prose is no table
    "园区实现营收|利润双增长，其中高端轴承生产线项目投产。\n",
    # numbers and blanks in a project column name nothing
    "| 项目名称 | 投资额 |\n|---|---|\n| 12 | 30亿元 |\n",
]


@pytest.mark.parametrize("text", NO_ROWS)
def test_no_rows_without_a_project_or_investor_column(text: str) -> None:
    assert table_rows(text) == []


def test_cells_are_typed_by_their_column() -> None:
    assert table_names(table_rows(SIGNED)) == {"高端轴承生产线项目": T.PROJECT, "洛阳恒瑞轴承有限公司": T.ENTERPRISE,
                                              "冷链物流中心": T.PROJECT, "万润物流集团": T.ENTERPRISE}


def test_a_table_row_gives_the_project_its_developer(nlp) -> None:
    doc = nlp("东山经济开发区2021年招商综述\n\n2021年，东山经济开发区新签约项目12个。\n\n" + SIGNED)
    spans = list(doc.spans["kg"])
    rels = {(spans[s].text, p, spans[o].text) for s, p, o, *_ in doc._.kg_relations}
    assert ("冷链物流中心", "Project") in {(s.text, s.label_) for s in spans}
    assert ("冷链物流中心", "developedBy", "万润物流集团") in rels
    assert ("高端轴承生产线项目", "developedBy", "洛阳恒瑞轴承有限公司") in rels
    # the investor is not located in the zone by being listed
    assert not any(s == "洛阳恒瑞轴承有限公司" and p == "locatedIn" for s, p, _ in rels)
