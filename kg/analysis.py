"""Network measures of a graph for analysts: degree and PageRank rankings, and communities (networkx, pandas)."""
from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from kg.export.propgraph import to_networkx
from kg.model import KnowledgeGraph

if TYPE_CHECKING:
    import pandas


def simple_graph(graph: KnowledgeGraph) -> nx.Graph:
    """The undirected graph of related entities: one edge per related pair, whatever its statements."""
    simple = nx.Graph()
    for node, data in to_networkx(graph).nodes(data=True):
        simple.add_node(node, label=data["label"], type=data["type"])
    simple.add_edges_from((r.subject, r.object) for r in graph.relations if r.subject != r.object)
    return simple


def _frame(rows: list[dict]) -> pandas.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows)


def ranking(graph: KnowledgeGraph, top: int = 10) -> pandas.DataFrame:
    """The `top` entities by degree (distinct neighbours), with their PageRank over the directed relations
    (a fact points from subject to object, so rank flows to the places, parks and awards things belong to)."""
    simple = simple_graph(graph)
    directed = nx.DiGraph()
    directed.add_nodes_from(simple.nodes)
    directed.add_edges_from((r.subject, r.object) for r in graph.relations if r.subject != r.object)
    rank = nx.pagerank(directed)
    rows = [{"entity": simple.nodes[n]["label"], "type": simple.nodes[n]["type"], "degree": simple.degree(n),
             "pagerank": round(rank[n], 4)} for n in simple.nodes]
    rows.sort(key=lambda r: (-r["degree"], -r["pagerank"], r["entity"]))
    return _frame(rows[:top])


def pagerank_ranking(graph: KnowledgeGraph, top: int = 10) -> pandas.DataFrame:
    """`ranking` ordered by PageRank instead of degree."""
    full = ranking(graph, top=len(graph.entities))
    return full.sort_values(["pagerank", "entity"], ascending=[False, True]).head(top).reset_index(drop=True)


def communities(graph: KnowledgeGraph, top: int = 8, seed: int = 1) -> pandas.DataFrame:
    """The `top` largest communities (Louvain, fixed seed) of the related entities: size, best-connected member,
    the districts inside, and a few members by degree."""
    simple = simple_graph(graph)
    simple.remove_nodes_from([n for n in list(simple.nodes) if simple.degree(n) == 0])
    found = nx.community.louvain_communities(simple, seed=seed)
    rows = []
    for members in sorted(found, key=lambda c: (-len(c), min(c))):
        ordered = sorted(members, key=lambda n: (-simple.degree(n), simple.nodes[n]["label"]))
        labels = [simple.nodes[n]["label"] for n in ordered]
        rows.append({"size": len(members), "hub": labels[0],
                     "districts": "、".join(simple.nodes[n]["label"] for n in ordered
                                           if simple.nodes[n]["type"] == "District"),
                     "members": "、".join(labels[1:6])})
    return _frame(rows[:top])
