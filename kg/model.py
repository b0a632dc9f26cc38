"""The typed values that flow between stages: documents, mentions, extractions, the graph. No logic."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    DISTRICT = "District"
    ENTERPRISE = "Enterprise"
    PROJECT = "Project"
    PARK = "Park"
    AWARD = "Award"
    ORGANIZATION = "Organization"


class Predicate(StrEnum):
    LOCATED_IN = "locatedIn"
    RECEIVED_AWARD = "receivedAward"
    PART_OF = "partOf"
    DEVELOPED_BY = "developedBy"
    COOPERATES_WITH = "cooperatesWith"


@dataclass(frozen=True, slots=True)
class Document:
    id: str                      # file stem; the kgr: local name of the kg:Document
    source_file: str             # file name, for kg:sourceFile
    text: str                    # cleaned text; every offset in kg points into it
    report_year: int | None      # the main year the document reports on
    publication_year: int | None = None  # the year it was written in, when the text shows it
    offsets: tuple[int, ...] = field(default=(), repr=False, compare=False)  # cleaned index -> raw index


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface form of an entity in one document."""

    text: str                    # canonical surface (quotes and trailing 等 removed)
    type: EntityType
    start: int                   # character offsets into Document.text
    end: int
    source: str = "rule"         # which recognizer proposed it


@dataclass(frozen=True, slots=True)
class RelationMention:
    subject: Mention
    predicate: Predicate
    object: Mention
    year: int | None
    evidence: str                # the sentence
    sent_start: int              # offsets of the sentence in Document.text
    sent_end: int


@dataclass(frozen=True, slots=True)
class DocExtraction:
    document: Document
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    id: str                      # stable kgr: local name
    type: EntityType
    label: str                   # canonical name, rdfs:label@zh
    aliases: frozenset[str]      # skos:altLabel@zh
    documents: frozenset[str] = frozenset()  # ids of the documents that mention it


@dataclass(frozen=True, slots=True)
class Statement:
    """One provenance record; becomes one rdf:Statement node."""

    document_id: str
    evidence: str
    year: int | None
    start: int                   # sentence offsets in the cleaned document text
    end: int


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str                 # Entity.id
    predicate: Predicate
    object: str                  # Entity.id
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class KnowledgeGraph:
    documents: tuple[Document, ...]
    entities: Mapping[str, Entity]     # keyed by Entity.id
    relations: tuple[Relation, ...]
