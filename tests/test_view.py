import pytest

from handmade import sample_graph
from kg.errors import GraphError
from kg.view import district_view, districts_of, find_district


def test_an_entity_lies_in_the_district_at_the_end_of_its_located_in_and_part_of_chain():
    d = districts_of(sample_graph())
    assert d["d/jinshi"] == ("d/jinshi",)
    assert d["e/beichen"] == ("d/jinshi",)
    assert d["e/haiyue"] == ("d/yunhai",)      # enterprise → park → district
    assert d["k/ruanjian"] == ("d/yunhai",)
    assert d["a/zhuanjing"] == ()              # awards lie nowhere
    assert d["o/gongxin"] == ()


def test_find_district_by_label_alias_or_part_of_the_label():
    kg = sample_graph()
    assert find_district(kg, "金石区") == "d/jinshi"
    assert find_district(kg, "金石") == "d/jinshi"
    assert find_district(kg, "云海") == "d/yunhai"


def test_find_district_names_the_known_districts_when_it_fails():
    with pytest.raises(GraphError, match="云海区、金石区"):
        find_district(sample_graph(), "青山区")
    with pytest.raises(GraphError, match="ambiguous"):
        find_district(sample_graph(), "区")


def test_district_view_keeps_members_their_neighbours_and_the_relations_among_them():
    view = district_view(sample_graph(), "d/yunhai")
    # members: district, park, two enterprises in the park; neighbours: the award and the partner enterprise
    assert set(view.entities) == {"d/yunhai", "k/ruanjian", "e/haiyue", "e/lanfan", "a/zhuanjing", "e/beichen"}
    assert all(r.subject in view.entities and r.object in view.entities for r in view.relations)
    assert ("e/beichen", "d/jinshi") not in {(r.subject, r.object) for r in view.relations}
    assert len(view.relations) == 5
    assert {d.id for d in view.documents} == {"r2019", "r2022"}


def test_district_view_of_an_unknown_id_is_a_graph_error():
    with pytest.raises(GraphError):
        district_view(sample_graph(), "d/none")


def test_kg_view_writes_one_districts_page(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app
    from kg.export import export

    export(sample_graph(), "ttl", tmp_path / "graph.ttl")
    result = CliRunner().invoke(app, ["view", str(tmp_path / "graph.ttl"), "--district", "金石", "--out",
                                      str(tmp_path / "jinshi.html")])
    assert result.exit_code == 0, result.output
    assert "金石区, 4 entities" in result.output
    page = (tmp_path / "jinshi.html").read_text(encoding="utf-8")
    assert "北辰智能二期项目" in page and "蓝帆数据服务有限公司" not in page


def test_kg_view_of_an_unknown_district_fails_with_one_line(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app
    from kg.export import export

    export(sample_graph(), "ttl", tmp_path / "graph.ttl")
    result = CliRunner().invoke(app, ["view", str(tmp_path / "graph.ttl"), "--district", "青山区"])
    assert result.exit_code == 1
    assert "no district '青山区'" in result.output
    assert not list(tmp_path.glob("*.html"))
