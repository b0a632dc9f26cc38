"""Counts that tell what a built graph holds, and where resolution probably left two entities for one thing."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass

from kg.extract.lexicon import PARK_HEADS, ZONE_HEADS, ZONE_SYNONYMS
from kg.model import KnowledgeGraph
from kg.resolve import LEGAL, normalize, strip_place

NO_YEAR = "none"
# a name that is only a head after the place is cut (高新区 of 无锡高新区 and 贵阳高新区) tells nothing
_BARE_HEADS = frozenset(ZONE_HEADS) | {short for _, short in ZONE_SYNONYMS} | frozenset(PARK_HEADS)


@dataclass(frozen=True, slots=True)
class Ranked:
    """One entity in a top list, with the number it is ranked by."""

    label: str
    type: str
    count: int


@dataclass(frozen=True, slots=True)
class PredicateCount:
    predicate: str
    relations: int                      # distinct (subject, object) pairs
    statements: int                     # supporting sentences
    by_year: dict[str, int]             # statements by year ("none" when the text gives no year)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """Entities whose names agree once place prefix and legal suffix are removed."""

    key: str
    entities: tuple[Ranked, ...]        # count: documents mentioning each


@dataclass(frozen=True, slots=True)
class GraphStats:
    documents: int
    documents_by_year: dict[str, int]
    entities: int
    entities_by_type: dict[str, int]
    predicates: tuple[PredicateCount, ...]
    most_connected: tuple[Ranked, ...]  # count: distinct neighbours
    most_documents: tuple[Ranked, ...]  # count: documents that mention it
    duplicates: tuple[Duplicate, ...]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"


def _year(year: int | None) -> str:
    return str(year) if year is not None else NO_YEAR


def _by_year(years: list[int | None]) -> dict[str, int]:
    counts = Counter(_year(y) for y in years)
    return {y: counts[y] for y in sorted(counts, key=lambda y: (y == NO_YEAR, y))}


def predicate_counts(kg: KnowledgeGraph) -> tuple[PredicateCount, ...]:
    """Relations and statements per predicate, the statements split by year."""
    grouped = defaultdict(list)
    for rel in kg.relations:
        grouped[rel.predicate.value].append(rel)
    return tuple(PredicateCount(p, len(rels), sum(len(r.statements) for r in rels),
                                _by_year([st.year for r in rels for st in r.statements]))
                 for p, rels in sorted(grouped.items()))


def neighbours(kg: KnowledgeGraph) -> dict[str, set[str]]:
    """Entity id → ids of the entities it is related to, in either direction (itself excluded)."""
    out: dict[str, set[str]] = defaultdict(set)
    for rel in kg.relations:
        if rel.subject != rel.object:
            out[rel.subject].add(rel.object)
            out[rel.object].add(rel.subject)
    return out


def _top(kg: KnowledgeGraph, counts: dict[str, int], top: int) -> tuple[Ranked, ...]:
    ranked = sorted((eid for eid, n in counts.items() if n > 0),
                    key=lambda eid: (-counts[eid], kg.entities[eid].label, eid))
    return tuple(Ranked(kg.entities[eid].label, kg.entities[eid].type.value, counts[eid]) for eid in ranked[:top])


def core_name(name: str) -> str:
    """A name without quotes, place prefix and legal suffix (大连豪森设备制造股份有限公司 → 豪森设备制造)."""
    core = normalize(name)
    for _ in range(3):
        shorter = LEGAL.sub("", strip_place(core))
        if shorter == core or len(shorter) < 2:
            break
        core = shorter
    return core


def duplicates(kg: KnowledgeGraph) -> tuple[Duplicate, ...]:
    """Groups of two or more entities with the same core name (any type): likely one thing resolved twice."""
    groups: dict[str, list[str]] = defaultdict(list)
    for eid, ent in kg.entities.items():
        groups[core_name(ent.label)].append(eid)
    found = []
    for key, ids in sorted(groups.items()):
        if len(ids) < 2 or key in _BARE_HEADS:
            continue
        members = sorted(ids, key=lambda eid: (kg.entities[eid].label, kg.entities[eid].type.value))
        found.append(Duplicate(key, tuple(Ranked(kg.entities[e].label, kg.entities[e].type.value,
                                                 len(kg.entities[e].documents)) for e in members)))
    return tuple(found)


def graph_stats(kg: KnowledgeGraph, top: int = 10) -> GraphStats:
    """Everything `kg stats` prints, as values; `top` entities in each ranking."""
    types = Counter(e.type.value for e in kg.entities.values())
    near = neighbours(kg)
    return GraphStats(
        documents=len(kg.documents),
        documents_by_year=_by_year([d.report_year for d in kg.documents]),
        entities=len(kg.entities),
        entities_by_type=dict(sorted(types.items())),
        predicates=predicate_counts(kg),
        most_connected=_top(kg, {eid: len(near.get(eid, ())) for eid in kg.entities}, top),
        most_documents=_top(kg, {eid: len(e.documents) for eid, e in kg.entities.items()}, top),
        duplicates=duplicates(kg),
    )


def _ranked(items: tuple[Ranked, ...], unit: str) -> list[str]:
    return [f"  {r.label} ({r.type}): {r.count} {unit if r.count != 1 else unit[:-1]}" for r in items] or ["  none"]


def render_text(stats: GraphStats) -> str:
    """The plain-text report of `kg stats`."""
    years = lambda d: ", ".join(f"{y} {n}" for y, n in d.items())  # noqa: E731
    lines = [f"documents: {stats.documents} (by report year: {years(stats.documents_by_year) or 'none'})",
             f"entities: {stats.entities}"]
    lines += [f"  {t}: {n}" for t, n in stats.entities_by_type.items()]
    lines.append("relations by predicate: relations, statements (statements by year)")
    lines += [f"  {p.predicate}: {p.relations}, {p.statements} ({years(p.by_year)})" for p in stats.predicates]
    lines.append("most connected entities (distinct neighbours):")
    lines += _ranked(stats.most_connected, "neighbours")
    lines.append("entities mentioned in the most documents:")
    lines += _ranked(stats.most_documents, "documents")
    lines.append(f"likely unresolved duplicates (same name without place prefix or legal suffix): {len(stats.duplicates)}")
    lines += [f"  {d.key}: " + "; ".join(f"{r.label} ({r.type})" for r in d.entities) for d in stats.duplicates]
    return "\n".join(lines) + "\n"
