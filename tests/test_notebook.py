"""notebooks/explore.ipynb runs top to bottom on the sample corpus, and every code cell's result is checked:
after each cell the test runs that cell's assertions in the same kernel, then checks what the cell displayed."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

LOGIC = (ast.FunctionDef, ast.Lambda, ast.ClassDef, ast.For, ast.While, ast.If, ast.comprehension)
NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"

# cell tag → assertions run in the kernel right after the cell (they see its variables)
CHECKS = {
    "build": """
assert stats.documents == 5 and set(stats.documents_by_year) == {"2019", "2020", "2021"}
assert set(stats.entities_by_type) == {"Award", "District", "Enterprise", "Organization", "Park", "Project"}
assert stats.entities > 150 and stats.entities_by_type["Enterprise"] > 20
assert {p.predicate for p in stats.predicates} == {"cooperatesWith", "developedBy", "locatedIn", "partOf", "receivedAward"}
""",
    "awards": """
assert list(awards.columns) == ["district", "enterprise", "award", "year"] and len(awards) >= 3
known = awards[(awards.enterprise == "大连豪森设备制造股份有限公司") & (awards.award == "国家技术创新示范企业")]
assert known.district.tolist() == ["甘井子区"] and known.year.tolist() == [2021]
""",
    "projects": """
assert list(projects.columns) == ["district", "year", "projects"] and projects.projects.sum() > 50
table = kg.plots.per_district_year(projects, "projects")
assert {"甘井子区", "大连金普新区", "大连高新区"} <= set(table.index) and table.loc["甘井子区", "2021"] > 10
""",
    "facts": """
award = facts[facts.relation == "receivedAward"]
national = award[award.object == "国家技术创新示范企业"]
assert national.year.tolist() == [2021] and len(award) >= 1
assert "大连豪森设备制造股份有限公司" in national.evidence.iloc[0] and national.file.iloc[0].endswith(".txt")
assert "甘井子区" in set(facts[facts.relation == "locatedIn"].object)
""",
    "figure": """
fig = _
assert [ax.get_title() for ax in fig.axes] == ["awards per district and year", "projects per district and year"]
assert "甘井子区" in [t.get_text() for t in fig.axes[1].get_xticklabels()]
assert award_counts.awards.sum() > 20
""",
    "ranking": """
top = _
assert len(top) == 10 and top.degree.is_monotonic_decreasing
assert top.type[:3].tolist() == ["District"] * 3 and "甘井子区" in top.entity[:3].tolist()
""",
    "pagerank": """
top = _
assert top.pagerank.is_monotonic_decreasing and top.type.iloc[0] == "District"
assert top.entity.iloc[0] in {"甘井子区", "大连金普新区", "大连高新区"}
""",
    "communities": """
found = _
assert len(found) == 8 and found["size"].is_monotonic_decreasing
assert {"甘井子区", "大连金普新区", "大连高新区"} <= set(found.hub[:3])
""",
    "view": """
assert district.entities and any(e.label == "甘井子区" for e in district.entities.values())
assert any(e.label == "大连豪森设备制造股份有限公司" for e in district.entities.values())
assert len(district.entities) < len(graph.entities)
""",
}
# cell tag → the MIME type the cell must display
SHOWN = {"awards": "text/html", "projects": "text/html", "facts": "text/html", "figure": "image/png",
         "ranking": "text/html", "pagerank": "text/html", "communities": "text/html", "view": "text/html"}


def _tag(cell) -> str:
    return cell.metadata.get("tags", [""])[0]


def test_the_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"cell {_tag(cell)} has outputs in git"


def test_the_notebook_calls_kg_only():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            logic = [type(n).__name__ for n in ast.walk(ast.parse(cell.source)) if isinstance(n, LOGIC)]
            assert not logic, f"cell {_tag(cell)} holds logic: {logic}"
            imports = [line for line in cell.source.splitlines() if line.startswith(("import ", "from "))]
            assert all(line.split()[1].split(".")[0] == "kg" for line in imports), imports


@pytest.mark.slow
def test_the_notebook_runs_and_every_cell_is_checked(tmp_path: Path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [_tag(c) for c in code] == list(CHECKS), "each code cell needs a tag and a check"
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            client.execute_cell(cell, index)
            assert not [o for o in cell.outputs if o.output_type == "error"]
            check = nbformat.v4.new_code_cell(CHECKS[_tag(cell)])
            client.execute_cell(check, index)  # raises CellExecutionError with the failed assertion
            if _tag(cell) in SHOWN:
                shown = {m for o in cell.outputs if o.output_type in ("execute_result", "display_data") for m in o.data}
                assert SHOWN[_tag(cell)] in shown, (_tag(cell), shown)
    page = next(o.data["text/html"] for o in code[-1].outputs if "text/html" in o.data)
    assert page.startswith("<iframe srcdoc=") and "vis-network" in page
    summary = "".join(o.text for o in code[0].outputs if o.output_type == "stream" and o.name == "stdout")
    assert summary.startswith("documents: 5 (by report year: 2019 1, 2020 1, 2021 3)")
