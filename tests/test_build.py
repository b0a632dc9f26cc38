"""Scale features of the build: the extraction cache, extract/merge as map/reduce, worker processes, Dask."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.build import build_graph, extract, extract_one, open_cache
from kg.cli import app
from kg.export.rdf import to_rdf
from kg.fragments import dumps, from_json, read_fragment, write_fragment
from kg.model import DocExtraction

runner = CliRunner()

EXTRA = ("2022_jinzhou.txt", "2022年，金州区新开工亿元以上项目48个，星辰新能源电池项目落户金州区。\n")


def _two_docs(folder: Path) -> Path:
    name, text = EXTRA
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_fragment_round_trips_every_field(tiny_corpus: Path, nlp):
    ex = extract_one(next(tiny_corpus.iterdir()), nlp)
    assert ex.mentions and ex.relations
    back = from_json(json.loads(dumps(ex)))
    assert back == ex
    # relation mentions point at the same mention objects, not copies
    assert all(r.subject in back.mentions and r.object in back.mentions for r in back.relations)


def test_a_file_that_is_no_fragment_is_one_input_error(tmp_path: Path):
    from kg.errors import InputError

    bad = tmp_path / "x.kgx.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(InputError, match="not a readable kg fragment"):
        read_fragment(bad)


def test_second_build_reuses_the_cache_and_gives_the_same_graph(tiny_corpus: Path, tmp_path: Path):
    _two_docs(tiny_corpus)
    cache = open_cache(tmp_path / "cache")
    first = build_graph([tiny_corpus], cache=cache)
    assert (cache.hits, cache.misses) == (0, 2)
    again = open_cache(tmp_path / "cache")
    second = build_graph([tiny_corpus], cache=again)
    assert (again.hits, again.misses) == (2, 0)
    assert isomorphic(to_rdf(first), to_rdf(second))
    assert isomorphic(to_rdf(first), to_rdf(build_graph([tiny_corpus])))


def test_a_changed_document_is_extracted_again_and_the_others_reused(tiny_corpus: Path, tmp_path: Path):
    _two_docs(tiny_corpus)
    build_graph([tiny_corpus], cache=open_cache(tmp_path / "cache"))
    name, text = EXTRA
    (tiny_corpus / name).write_text(text.replace("星辰新能源电池项目", "远航智能装备项目"), encoding="utf-8")
    cache = open_cache(tmp_path / "cache")
    kg = build_graph([tiny_corpus], cache=cache)
    assert (cache.hits, cache.misses) == (1, 1)
    labels = {e.label for e in kg.entities.values()}
    assert any("远航智能装备" in label for label in labels)
    assert not any("星辰新能源" in label for label in labels)


@pytest.mark.parametrize("overrides", [{"components.kg_relations.home_district": False},
                                       {"components.kg_tagger.model": "jieba"}])
def test_a_changed_config_does_not_reuse_the_cache(tiny_corpus: Path, tmp_path: Path, overrides):
    build_graph([tiny_corpus], cache=open_cache(tmp_path / "cache"))
    cache = open_cache(tmp_path / "cache", overrides=overrides)
    build_graph([tiny_corpus], overrides=overrides, cache=cache)
    assert (cache.hits, cache.misses) == (0, 1)


def test_a_changed_user_lexicon_does_not_reuse_the_cache(tiny_corpus: Path, tmp_path: Path):
    lexicon = tmp_path / "names.tsv"
    lexicon.write_text("华润万象汇\tProject\n", encoding="utf-8")
    overrides = {"components.kg_entities.lexicon": str(lexicon)}
    build_graph([tiny_corpus], overrides=overrides, cache=open_cache(tmp_path / "cache", overrides=overrides))
    lexicon.write_text("华润万象汇\tPark\n", encoding="utf-8")
    cache = open_cache(tmp_path / "cache", overrides=overrides)
    build_graph([tiny_corpus], overrides=overrides, cache=cache)
    assert cache.misses == 1


def test_two_workers_give_the_same_extractions_in_the_same_order(tiny_corpus: Path):
    _two_docs(tiny_corpus)
    one = extract([tiny_corpus])
    two = extract([tiny_corpus], workers=2)
    assert [e.document.id for e in two] == [e.document.id for e in one]
    assert two == one


def test_cli_build_reports_the_cache_and_no_cache_extracts_again(tiny_corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = runner.invoke(app, ["build", str(tiny_corpus), "--out", str(out), "--no-html"])
    assert first.exit_code == 0, first.output
    assert "0 document(s) reused, 1 extracted" in first.stdout
    second = runner.invoke(app, ["build", str(tiny_corpus), "--out", str(out), "--no-html"])
    assert "1 document(s) reused, 0 extracted" in second.stdout
    forced = runner.invoke(app, ["build", str(tiny_corpus), "--out", str(out), "--no-html", "--no-cache"])
    assert forced.exit_code == 0 and "reused" not in forced.stdout


def test_kg_extract_then_kg_merge_equals_kg_build(tiny_corpus: Path, tmp_path: Path):
    _two_docs(tiny_corpus)
    frags = tmp_path / "frags"
    result = runner.invoke(app, ["extract", str(tiny_corpus), "--out", str(frags), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in frags.iterdir()) == ["2021_ganjingzi.kgx.json", "2022_jinzhou.kgx.json"]
    result = runner.invoke(app, ["merge", str(frags), "--out", str(tmp_path / "m"), "--no-html", "-q"])
    assert result.exit_code == 0, result.output
    runner.invoke(app, ["build", str(tiny_corpus), "--out", str(tmp_path / "b"), "--no-html", "-q", "--no-cache"])
    merged, built = Graph().parse(tmp_path / "m" / "graph.ttl"), Graph().parse(tmp_path / "b" / "graph.ttl")
    assert len(merged) > 50 and isomorphic(merged, built)


def test_kg_merge_of_nothing_is_one_error_line(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["merge", str(tmp_path / "empty"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and "no *.kgx.json" in result.stderr


def test_fragments_written_by_hand_merge_like_extracted_ones(tiny_corpus: Path, tmp_path: Path, nlp):
    ex: DocExtraction = extract_one(next(tiny_corpus.iterdir()), nlp)
    path = write_fragment(ex, tmp_path)
    assert read_fragment(path) == ex


def test_the_map_step_runs_on_a_dask_local_cluster(tiny_corpus: Path):
    distributed = pytest.importorskip("distributed")
    from kg.distributed import build_on_dask

    _two_docs(tiny_corpus)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster, distributed.Client(cluster) as client:
        kg = build_on_dask([tiny_corpus], client)
    assert isomorphic(to_rdf(kg), to_rdf(build_graph([tiny_corpus])))
    assert len(kg.documents) == 2


def test_chunks_group_consecutive_files_by_count_and_bytes(tmp_path: Path):
    from kg.build import chunks

    sizes = [10, 10, 10, 50, 5, 200, 1]
    paths = []
    for i, n in enumerate(sizes):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_bytes(b"x" * n)
    assert chunks(paths, files=3, size=1000) == [[0, 1, 2], [3, 4, 5], [6]]
    assert chunks(paths, files=10, size=60) == [[0, 1, 2], [3, 4], [5], [6]]  # a file bigger than size is alone
    assert chunks(paths[:1], files=10, size=1) == [[0]]
    assert chunks([], files=10, size=60) == []


def _killed(paths: list[Path]) -> None:
    """A worker that dies as the kernel's out-of-memory killer would end it."""
    import os

    os._exit(9)


def test_a_killed_worker_is_an_error_not_a_hang(tmp_path: Path, monkeypatch):
    import kg.build as build_module
    from kg.errors import KgError

    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"2021年，甘泉区新签约项目{n}个。", encoding="utf-8")
    monkeypatch.setattr(build_module, "_work", _killed)
    with pytest.raises(KgError, match="worker process died"):
        build_module.build_graph([tmp_path], workers=2)
