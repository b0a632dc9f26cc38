"""kg stats: counts by type, predicate and year, rankings and likely duplicates, on hand-made graphs."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handmade import sample_graph
from kg.api import load_graph
from kg.cli import app
from kg.export import export
from kg.model import Entity, EntityType, KnowledgeGraph
from kg.stats import Ranked, core_name, duplicates, graph_stats, render_text

runner = CliRunner()


def test_counts_by_type_predicate_year_and_report_year():
    stats = graph_stats(sample_graph())
    assert stats.documents == 2 and stats.documents_by_year == {"2019": 1, "2022": 1}
    assert stats.entities == 9
    assert stats.entities_by_type == {"Award": 1, "District": 2, "Enterprise": 3, "Organization": 1, "Park": 1,
                                      "Project": 1}
    by_pred = {p.predicate: (p.relations, p.statements, p.by_year) for p in stats.predicates}
    assert by_pred == {
        "cooperatesWith": (1, 1, {"2022": 1}),
        "developedBy": (1, 1, {"2019": 1}),
        "locatedIn": (4, 4, {"2019": 2, "2022": 2}),
        "partOf": (1, 1, {"none": 1}),
        "receivedAward": (1, 2, {"2021": 1, "2022": 1}),
    }


def test_rankings_count_distinct_neighbours_and_documents():
    stats = graph_stats(sample_graph(), top=3)
    assert stats.most_connected == (Ranked("云海软件园", "Park", 3), Ranked("北辰智能装备有限公司", "Enterprise", 3),
                                    Ranked("海岳生物科技股份有限公司", "Enterprise", 3))
    # the award has two statements from one relation: still one neighbour
    assert len(stats.most_documents) == 3 and all(r.count == 1 for r in stats.most_documents)
    everyone = graph_stats(sample_graph(), top=100).most_connected
    assert "市工业和信息化局" not in {r.label for r in everyone}  # isolated: no neighbours, not ranked


@pytest.mark.parametrize("name, core", [
    ("青岛北辰智能装备有限公司", "北辰智能装备"),
    ("北辰智能装备", "北辰智能装备"),
    ("“北辰智能”", "北辰智能"),
    ("山东青岛北辰集团股份有限公司", "北辰"),
    ("有限公司", "有限公司"),            # nothing left: the name stays
])
def test_core_name_drops_place_prefix_and_legal_suffix(name: str, core: str):
    assert core_name(name) == core


def _with(*extra: Entity) -> KnowledgeGraph:
    kg = sample_graph()
    return KnowledgeGraph(kg.documents, {**kg.entities, **{e.id: e for e in extra}}, kg.relations)


def test_likely_duplicates_are_same_core_names_across_types():
    kg = _with(Entity("e/qd", EntityType.ENTERPRISE, "青岛北辰智能装备有限公司", frozenset(), frozenset({"r2019"})),
               Entity("o/bc", EntityType.ORGANIZATION, "北辰智能装备", frozenset(), frozenset({"r2022"})))
    found = duplicates(kg)
    assert [d.key for d in found] == ["北辰智能装备"]
    assert [(r.label, r.type, r.count) for r in found[0].entities] == [
        ("北辰智能装备", "Organization", 1), ("北辰智能装备有限公司", "Enterprise", 1),
        ("青岛北辰智能装备有限公司", "Enterprise", 1)]


def test_zones_of_different_cities_and_distinct_names_are_no_duplicates():
    kg = _with(Entity("d/wx", EntityType.DISTRICT, "无锡高新区", frozenset()),
               Entity("d/gy", EntityType.DISTRICT, "贵阳高新区", frozenset()),
               Entity("e/bc2", EntityType.ENTERPRISE, "北辰智能科技有限公司", frozenset()))
    assert duplicates(kg) == ()
    assert duplicates(sample_graph()) == ()


def test_text_report_has_every_section():
    text = render_text(graph_stats(sample_graph(), top=2))
    assert text.startswith("documents: 2 (by report year: 2019 1, 2022 1)\nentities: 9\n  Award: 1\n")
    assert "  receivedAward: 1, 2 (2021 1, 2022 1)\n" in text
    assert "most connected entities (distinct neighbours):\n  云海软件园 (Park): 3 neighbours\n" in text
    assert "entities mentioned in the most documents:\n" in text and ": 1 document\n" in text
    assert text.endswith("likely unresolved duplicates (same name without place prefix or legal suffix): 0\n")


@pytest.fixture()
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    export(sample_graph(), "ttl", path)
    return path


def test_cli_prints_the_library_report(graph_file: Path):
    result = runner.invoke(app, ["stats", str(graph_file), "--top", "2"])
    assert result.exit_code == 0, result.output
    assert result.output == render_text(graph_stats(load_graph(graph_file), top=2))


def test_cli_json(graph_file: Path):
    result = runner.invoke(app, ["stats", str(graph_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["entities_by_type"]["Enterprise"] == 3 and data["duplicates"] == []
    assert data["most_connected"][0] == {"label": "云海软件园", "type": "Park", "count": 3}


@pytest.mark.parametrize("args, message", [
    (["stats", "MISSING", "--format", "text"], "MISSING: no such file"),
    (["stats", "GRAPH", "--format", "xml"], "unknown output format 'xml'; use text or json"),
])
def test_cli_errors_are_one_line(graph_file: Path, tmp_path: Path, args: list[str], message: str):
    args = [str(tmp_path / "nope.ttl") if a == "MISSING" else str(graph_file) if a == "GRAPH" else a for a in args]
    message = message.replace("MISSING", str(tmp_path / "nope.ttl"))
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"
