"""The public Python API next to build_graph and export: load a built graph, ask it SPARQL into a pandas
DataFrame, and view it as networkx or as one district's page. The CLI commands call these same functions."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import KgError
from kg.export.propgraph import to_networkx
from kg.export.rdf import read_graph, to_rdf
from kg.model import KnowledgeGraph
from kg.query import Result, load_store, resolve, run
from kg.view import district_view, find_district

if TYPE_CHECKING:
    import pandas

__all__ = ["district_subgraph", "load_graph", "sparql", "sparql_result", "to_frame", "to_networkx"]

_INTEGER = re.compile(r"[+-]?\d+")
Graph = KnowledgeGraph | Path | str


def load_graph(path: Path | str) -> KnowledgeGraph:
    """The KnowledgeGraph in a file written by `kg build` or `kg export` (Turtle, N-Triples, TriG, JSON-LD)."""
    return read_graph(Path(path))


def store_of(graph: Graph) -> ox.Store:
    """An in-memory pyoxigraph store holding `graph` (a KnowledgeGraph, or the path of an RDF file)."""
    if not isinstance(graph, KnowledgeGraph):
        return load_store(Path(graph))
    store = ox.Store()
    store.load(to_rdf(graph).serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def sparql_result(graph: Graph, query: str, **params: object) -> Result:
    """Run `query` (SPARQL text, a .rq file, or a shipped query's name such as `entity-facts`) on `graph`;
    `params` fill its {{name}} placeholders. The kg:, kgr:, rdf:, rdfs:, skos:, prov: and xsd: prefixes are declared."""
    return run(store_of(graph), resolve(query, {k: str(v) for k, v in params.items()}))


def to_frame(result: Result) -> pandas.DataFrame:
    """A Result as a DataFrame: IRIs and text as strings, columns of whole numbers (counts, years) as Int64."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the install
        raise KgError('DataFrames need pandas: pip install "regiokg[notebook]"') from None
    frame = pd.DataFrame(list(result.rows), columns=list(result.columns), dtype=object)
    for column in frame.columns:
        values = [v for v in frame[column] if v is not None]
        if values and all(_INTEGER.fullmatch(v) for v in values):
            frame[column] = pd.array([None if v is None else int(v) for v in frame[column]], dtype="Int64")
    return frame


def sparql(graph: Graph, query: str, **params: object) -> pandas.DataFrame:
    """`sparql_result` as a pandas DataFrame, e.g. `kg.sparql(g, "entity-facts", entity="甘井子区")`."""
    return to_frame(sparql_result(graph, query, **params))


def district_subgraph(graph: KnowledgeGraph, name: str) -> KnowledgeGraph:
    """The district called `name` (label, alias or a unique part), what lies in it and their direct neighbours."""
    return district_view(graph, find_district(graph, name))
