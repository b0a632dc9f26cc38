"""A graph page that shows itself inside a notebook: the interactive HTML of `kg view`, in an iframe."""
from __future__ import annotations

import html
from dataclasses import dataclass

from kg.export.html import render
from kg.model import KnowledgeGraph


@dataclass(frozen=True)
class Page:
    """The self-contained graph page of a (sub)graph; Jupyter shows it interactive via `_repr_html_`."""

    html: str
    entities: int
    relations: int
    height: int = 640

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" style="width:100%;height:{self.height}px;'
                f'border:1px solid #ddd" sandbox="allow-scripts"></iframe>')

    def __repr__(self) -> str:
        return f"<graph page: {self.entities} entities, {self.relations} relations>"


def page(graph: KnowledgeGraph, height: int = 640) -> Page:
    """The interactive page of `graph` (the same one `kg build` and `kg view` write)."""
    return Page(render(graph), len(graph.entities), len(graph.relations), height)
