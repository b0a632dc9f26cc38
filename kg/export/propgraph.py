"""KnowledgeGraph → networkx MultiDiGraph: the property-graph view that the HTML and Neo4j exports share."""
from __future__ import annotations

import networkx as nx

from kg.model import KnowledgeGraph


def to_networkx(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """One node per entity (type, label, aliases, documents); one edge per statement (predicate, year, evidence)."""
    nx_graph = nx.MultiDiGraph()
    for ent in kg.entities.values():
        nx_graph.add_node(ent.id, type=ent.type.value, label=ent.label, aliases=sorted(ent.aliases),
                          documents=sorted(ent.documents))
    for rel in kg.relations:
        for st in rel.statements:
            nx_graph.add_edge(rel.subject, rel.object, predicate=rel.predicate.value, year=st.year,
                              document=st.document_id, evidence=st.evidence, start=st.start, end=st.end)
    return nx_graph
