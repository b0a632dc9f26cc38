"""regiokg: knowledge graphs of enterprises, projects, parks, awards and districts from Chinese regional reports."""
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
    "export",
    "extract",
    "read_corpus",
    "resolve",
    "sample_corpus",
]
