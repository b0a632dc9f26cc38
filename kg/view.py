"""Per-district views: which districts each entity belongs to, and the subgraph around one district."""
from __future__ import annotations

from collections import defaultdict

from kg.errors import GraphError
from kg.model import EntityType, KnowledgeGraph, Predicate

# Relations along which an entity belongs where its object belongs (enterprise → park → district).
_UPWARD = (Predicate.LOCATED_IN, Predicate.PART_OF)
_MAX_HOPS = 4


def districts_of(kg: KnowledgeGraph) -> dict[str, tuple[str, ...]]:
    """Entity id → ids of the districts it lies in (itself for a district), via locatedIn/partOf chains."""
    up: dict[str, set[str]] = defaultdict(set)
    for rel in kg.relations:
        if rel.predicate in _UPWARD and rel.subject != rel.object:
            up[rel.subject].add(rel.object)
    is_district = {eid for eid, e in kg.entities.items() if e.type is EntityType.DISTRICT}
    result: dict[str, tuple[str, ...]] = {}
    for eid in kg.entities:
        if eid in is_district:
            result[eid] = (eid,)
            continue
        found: set[str] = set()
        seen, frontier = {eid}, {eid}
        for _ in range(_MAX_HOPS):
            frontier = {o for s in frontier for o in up.get(s, ()) if o not in seen}
            if not frontier:
                break
            seen |= frontier
            found |= frontier & is_district
            frontier -= is_district  # stop at the first district on each chain
        result[eid] = tuple(sorted(found, key=lambda d: kg.entities[d].label))
    return result


def find_district(kg: KnowledgeGraph, name: str) -> str:
    """The id of the district called `name` (label or alias; else the one whose label contains it)."""
    districts = [e for e in kg.entities.values() if e.type is EntityType.DISTRICT]
    exact = [e for e in districts if name == e.label or name in e.aliases]
    partial = [e for e in districts if name in e.label]
    hits = exact or partial
    if len(hits) == 1 or (hits and hits is exact):
        return sorted(hits, key=lambda e: e.id)[0].id
    known = "、".join(sorted(e.label for e in districts)[:30]) or "none"
    if hits:
        raise GraphError(f"district {name!r} is ambiguous: " + "、".join(sorted(e.label for e in hits)))
    raise GraphError(f"no district {name!r} in the graph; districts: {known}")


def district_view(kg: KnowledgeGraph, district_id: str) -> KnowledgeGraph:
    """The district, every entity in it, their direct neighbours, and the relations among them."""
    if district_id not in kg.entities:
        raise GraphError(f"no entity {district_id!r} in the graph")
    members = {eid for eid, ds in districts_of(kg).items() if district_id in ds}
    keep = set(members)
    for rel in kg.relations:
        if rel.subject in members:
            keep.add(rel.object)
        if rel.object in members:
            keep.add(rel.subject)
    relations = tuple(r for r in kg.relations if r.subject in keep and r.object in keep)
    used_docs = {st.document_id for r in relations for st in r.statements}
    used_docs |= {d for eid in keep for d in kg.entities[eid].documents}
    return KnowledgeGraph(
        documents=tuple(d for d in kg.documents if d.id in used_docs),
        entities={eid: e for eid, e in kg.entities.items() if eid in keep},
        relations=relations,
    )
