from pathlib import Path

from rdflib import Graph
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def test_help_lists_build():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "build" in result.output


def test_build_writes_graph_and_html(tiny_corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(tiny_corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "documents read: 1" in result.output
    g = Graph().parse(out / "graph.ttl")
    assert len(g) > 20
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "vis-network" in page and "cdn.jsdelivr" not in page and "cdnjs" not in page


def test_missing_input_is_one_error_line(tmp_path: Path):
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["build", str(missing), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {missing}: no such file or directory\n"


def test_an_empty_input_alone_is_a_warning_and_one_error_line(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["build", str(empty), "--out", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 1
    assert result.stderr == (f"warning: skipped {empty}: file is empty\n"
                             "Error: no document could be read (1 file(s) skipped); nothing written\n")
    assert not (tmp_path / "o" / "graph.ttl").exists()


def test_unwritable_output_is_one_error_line(tiny_corpus: Path, tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["build", str(tiny_corpus), "--out", str(blocker)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {blocker}: exists and is not a directory\n"
