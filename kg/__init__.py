"""regiokg: knowledge graphs of enterprises, projects, parks, awards and districts from Chinese regional reports.

The public API (README, "Python API"): build_graph, load_graph, sparql, to_networkx, export, graph_stats,
district_subgraph; kg.analysis, kg.plots and kg.embed add rankings, charts and notebook pages."""
from kg.api import district_subgraph, load_graph, sparql, to_networkx
from kg.build import build_graph, extract
from kg.errors import KgError
from kg.export import EXPORTERS, export
from kg.ingest import read_corpus, sample_corpus
from kg.model import (
    DocExtraction,
    Document,
    Entity,
    EntityType,
    KnowledgeGraph,
    Mention,
    Predicate,
    Relation,
    RelationMention,
    Statement,
)
from kg.resolve import resolve
from kg.stats import graph_stats

__all__ = [
    "DocExtraction",
    "Document",
    "EXPORTERS",
    "Entity",
    "EntityType",
    "KgError",
    "KnowledgeGraph",
    "Mention",
    "Predicate",
    "Relation",
    "RelationMention",
    "Statement",
    "build_graph",
    "district_subgraph",
    "export",
    "extract",
    "graph_stats",
    "load_graph",
    "read_corpus",
    "resolve",
    "sample_corpus",
    "sparql",
    "to_networkx",
]
