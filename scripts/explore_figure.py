"""Write docs/explore.png: the notebook's figure of awards and projects per district and year, for the README.

    python scripts/explore_figure.py [docs/explore.png]
"""
from __future__ import annotations

import sys
from pathlib import Path

import kg
import kg.plots


def main(out: Path) -> None:
    graph = kg.build_graph()
    figure = kg.plots.per_district_year_figure({
        "awards per district and year": kg.sparql(graph, "awards-per-district-year"),
        "projects per district and year": kg.sparql(graph, "projects-per-district-year")})
    figure.savefig(out, dpi=90)
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/explore.png"))
