"""The public Python API (README "Python API"): load, SPARQL into DataFrames, networkx, export, district views,
and the notebook helpers built on them (rankings, communities, charts, embedded pages)."""
from pathlib import Path

import pandas as pd
import pytest

import kg
import kg.analysis
import kg.embed
import kg.plots
from handmade import sample_graph
from kg.errors import GraphError


@pytest.fixture()
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    kg.export(sample_graph(), "ttl", path)
    return path


def test_load_graph_reads_what_export_wrote(graph_file: Path):
    loaded = kg.load_graph(str(graph_file))
    original = sample_graph()
    assert {e.label for e in loaded.entities.values()} == {e.label for e in original.entities.values()}
    assert sum(len(r.statements) for r in loaded.relations) == sum(len(r.statements) for r in original.relations)


def test_load_graph_of_a_missing_file_is_a_kg_error(tmp_path: Path):
    with pytest.raises(kg.KgError, match="no such file"):
        kg.load_graph(tmp_path / "nope.ttl")


def test_sparql_gives_a_typed_dataframe_from_a_graph_or_a_file(graph_file: Path):
    q = "SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?t . BIND(STRAFTER(STR(?t), '#') AS ?type) " \
        "FILTER(STRSTARTS(STR(?t), STR(kg:))) } GROUP BY ?type ORDER BY ?type"
    from_graph, from_file = kg.sparql(sample_graph(), q), kg.sparql(graph_file, q)
    pd.testing.assert_frame_equal(from_graph, from_file)
    assert list(from_graph.columns) == ["type", "n"] and str(from_graph["n"].dtype) == "Int64"
    assert dict(zip(from_graph["type"], from_graph["n"])) == {
        "Award": 1, "District": 2, "Document": 2, "Enterprise": 3, "Organization": 1, "Park": 1, "Project": 1}


def test_sparql_runs_shipped_queries_with_parameters():
    facts = kg.sparql(sample_graph(), "entity-facts", entity="海岳生物")
    awards = facts[facts["relation"] == "receivedAward"]
    assert list(awards["year"]) == [2021, 2022] and list(awards["object"]) == ["省级专精特新企业"] * 2
    assert awards["evidence"].iloc[0] == "2021年，海岳生物获评省级专精特新企业。"
    untyped = facts[facts["relation"] == "locatedIn"]
    assert list(untyped["object"]) == ["云海软件园"]


def test_unbound_values_are_missing_and_mixed_columns_stay_text():
    frame = kg.sparql(sample_graph(), "SELECT ?x ?y WHERE { VALUES (?x ?y) { (1 'a') (UNDEF '2') } }")
    assert str(frame["x"].dtype) == "Int64" and frame["x"].isna().tolist() == [False, True]
    assert frame["y"].tolist() == ["a", "2"]


def test_sparql_errors_are_graph_errors():
    with pytest.raises(GraphError, match="SPARQL syntax error"):
        kg.sparql(sample_graph(), "SELECT WHERE {")


def test_networkx_view_has_one_edge_per_statement():
    g = kg.to_networkx(sample_graph())
    assert g.number_of_nodes() == 9 and g.number_of_edges() == 9
    assert g.nodes["e/haiyue"]["label"] == "海岳生物科技股份有限公司"
    assert sorted(d["year"] for _, _, d in g.edges("e/haiyue", data=True) if d["predicate"] == "receivedAward") == [2021, 2022]


def test_export_by_format_name(tmp_path: Path):
    kg.export(sample_graph(), "nt", tmp_path / "g.nt")
    assert kg.load_graph(tmp_path / "g.nt").entities.keys() == sample_graph().entities.keys()
    with pytest.raises(kg.KgError, match="unknown format 'xls'"):
        kg.export(sample_graph(), "xls", tmp_path / "g.xls")


def test_district_subgraph_follows_the_park_chain():
    view = kg.district_subgraph(sample_graph(), "云海区")
    assert set(view.entities) == {"d/yunhai", "k/ruanjian", "e/haiyue", "e/lanfan", "a/zhuanjing", "e/beichen"}
    with pytest.raises(GraphError, match="no district '火星区'"):
        kg.district_subgraph(sample_graph(), "火星区")


def test_ranking_by_degree_and_pagerank():
    top = kg.analysis.ranking(sample_graph(), top=3)
    assert list(top.columns) == ["entity", "type", "degree", "pagerank"]
    assert list(top["entity"]) == ["云海软件园", "北辰智能装备有限公司", "海岳生物科技股份有限公司"]
    assert list(top["degree"]) == [3, 3, 3]
    by_rank = kg.analysis.pagerank_ranking(sample_graph(), top=3)
    assert set(by_rank["entity"][:2]) == {"金石区", "云海区"}  # what the facts point to
    assert by_rank["pagerank"].is_monotonic_decreasing


def test_communities_cover_the_connected_entities_once():
    found = kg.analysis.communities(sample_graph(), top=10)
    assert list(found.columns) == ["size", "hub", "districts", "members"]
    assert found["size"].sum() == 8  # nine entities, one isolated
    assert found["size"].is_monotonic_decreasing
    assert any("金石区" in d for d in found["districts"]) and any("云海区" in d for d in found["districts"])


def test_per_district_year_table_and_figure():
    frame = pd.DataFrame({"district": ["甲区", "甲区", "乙区", "丙区"], "year": pd.array([2021, None, 2020, 2021], dtype="Int64"),
                          "projects": [3, 1, 2, 1]})
    table = kg.plots.per_district_year(frame, "projects", top=2)
    assert list(table.index) == ["甲区", "乙区"] and list(table.columns) == ["2020", "2021", "no year"]
    assert table.loc["甲区"].tolist() == [0, 3, 1]
    fig = kg.plots.per_district_year_figure({"projects": frame, "again": frame})
    assert [ax.get_title() for ax in fig.axes] == ["projects", "again"]
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["甲区", "乙区", "丙区"]


def test_embedded_page_is_the_graph_page_in_an_iframe():
    page = kg.embed.page(kg.district_subgraph(sample_graph(), "金石区"), height=300)
    assert (page.entities, page.relations) == (4, 4) and repr(page) == "<graph page: 4 entities, 4 relations>"
    shown = page._repr_html_()
    assert shown.startswith('<iframe srcdoc="') and "height:300px" in shown
    assert "vis-network" in shown and '"' not in shown[len('<iframe srcdoc="'):shown.index('" style=')]


def test_build_graph_takes_str_paths(tiny_corpus: Path):
    graph = kg.build_graph([str(tiny_corpus)])
    assert len(graph.documents) == 1
    assert "大连豪森设备制造股份有限公司" in {e.label for e in graph.entities.values()}
