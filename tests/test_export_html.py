import json
import re
from dataclasses import replace
from pathlib import Path

from handmade import sample_graph
from kg.export import export
from kg.export.html import COLORS, PHYSICS_MAX_NODES, SHAPES, page_data, render
from kg.model import Entity, EntityType, KnowledgeGraph, Statement


def test_the_page_references_nothing_outside_itself():
    page = render(sample_graph())
    refs = re.findall(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["\']?([^"\'\s>]+)', page, re.I)
    assert refs == []
    assert "cdn.jsdelivr.net" not in page and "cdnjs.cloudflare.com" not in page
    assert "vis.Network" in page                 # vis-network is inlined
    assert 'id="kg-meta"' in page and "kg-search" in page


def test_chinese_names_are_written_as_text_not_escapes():
    page = render(sample_graph())
    assert "北辰智能装备有限公司" in page and "省级专精特新企业" in page
    assert "\\u5317" not in page


def test_nodes_are_coloured_shaped_and_sized_by_type_and_degree():
    nodes, _, meta = page_data(sample_graph())
    by_id = {n["id"]: n for n in nodes}
    for n in nodes:
        assert n["color"] == COLORS[n["kgType"]] and n["shape"] == SHAPES[n["kgType"]]
    assert by_id["e/haiyue"]["kgDegree"] == 3 and by_id["o/gongxin"]["kgDegree"] == 0
    assert by_id["e/haiyue"]["size"] > by_id["e/lanfan"]["size"] > by_id["o/gongxin"]["size"]
    legend = {t["type"]: t["count"] for t in meta["types"]}
    assert legend == {"District": 2, "Enterprise": 3, "Project": 1, "Park": 1, "Award": 1, "Organization": 1}


def test_nodes_carry_their_names_districts_and_documents():
    by_id = {n["id"]: n for n in page_data(sample_graph())[0]}
    assert by_id["e/beichen"]["kgNames"] == ["北辰智能装备有限公司", "北辰智能"]
    assert by_id["e/lanfan"]["kgDistricts"] == ["d/yunhai"]
    assert by_id["e/haiyue"]["kgDocs"] == ["云海区2022年报告.txt"]


def test_edges_are_labelled_by_relation_and_year_and_keep_every_statement():
    _, edges, meta = page_data(sample_graph())
    award = next(e for e in edges if e["kgPred"] == "receivedAward")
    assert award["label"] == "获得 2021,2022"
    assert award["kgYears"] == [2021, 2022]
    assert award["kgFacts"][0] == [2021, "云海区2022年报告.txt", "2021年，海岳生物获评省级专精特新企业。"]
    undated = next(e for e in edges if e["kgPred"] == "partOf")
    assert undated["label"] == "隶属" and undated["kgYears"] == []
    assert (meta["yearMin"], meta["yearMax"]) == (2019, 2022)


def test_evidence_cannot_close_the_script_it_is_embedded_in():
    kg = sample_graph()
    rel = kg.relations[0]
    bad = replace(rel, statements=(Statement("r2019", "</script><script>alert(1)</script>", 2019, 0, 1),))
    page = render(replace(kg, relations=(bad, *kg.relations[1:])))
    assert "<script>alert(1)" not in page


def test_small_graphs_stabilise_with_physics_big_ones_get_a_fixed_layout():
    assert page_data(sample_graph())[2]["physics"] is True
    many = {f"e/{i}": Entity(f"e/{i}", EntityType.ENTERPRISE, f"企业{i}", frozenset()) for i in range(PHYSICS_MAX_NODES + 1)}
    nodes, _, meta = page_data(KnowledgeGraph(documents=(), entities=many, relations=()))
    assert meta["physics"] is False
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)
    page = render(KnowledgeGraph(documents=(), entities=many, relations=()))
    options = json.loads(re.search(r"var options = (\{.*?\});\n", page).group(1))
    assert options["physics"]["enabled"] is False and options["edges"]["smooth"] is False


def test_an_empty_graph_still_renders_a_page():
    page = render(KnowledgeGraph(documents=(), entities={}, relations=()))
    assert "kg-count" in page


def test_export_html_writes_the_page(tmp_path: Path):
    out = tmp_path / "graph.html"
    export(sample_graph(), "html", out)
    assert out.read_text(encoding="utf-8").startswith("<html>")


def test_a_graph_too_big_for_one_page_gets_a_note_suggesting_kg_view():
    from kg.export.html import COMFORTABLE_NODES, size_note

    assert size_note(sample_graph(), Path("out/graph.ttl")) is None
    many = {f"e/{i}": Entity(f"e/{i}", EntityType.ENTERPRISE, f"企业{i}", frozenset()) for i in range(COMFORTABLE_NODES)}
    many["d/1"] = Entity("d/1", EntityType.DISTRICT, "青山区", frozenset())
    note = size_note(KnowledgeGraph(documents=(), entities=many, relations=()), Path("out/graph.ttl"))
    assert note is not None and "kg view out/graph.ttl --district 青山区" in note and "\n" not in note
