"""A linear-time layout for the HTML page: one sunflower cluster per district, clusters packed in rows."""
from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Mapping, Sequence

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
SPACING = 38.0       # px between neighbouring nodes in a cluster
GAP = 160.0          # px between clusters


def homes(nodes: Sequence[str], adjacency: Mapping[str, set[str]],
          districts: Mapping[str, Sequence[str]]) -> dict[str, str | None]:
    """Node → the district whose cluster it joins: its own first district, else the nearest neighbour's."""
    home: dict[str, str | None] = {n: (districts[n][0] if districts.get(n) else None) for n in nodes}
    queue = deque(n for n in nodes if home[n] is not None)
    while queue:
        n = queue.popleft()
        for m in sorted(adjacency.get(n, ())):
            if home.get(m, "") is None:
                home[m] = home[n]
                queue.append(m)
    return home


def _sunflower(count: int) -> list[tuple[float, float]]:
    return [(SPACING * math.sqrt(i) * math.cos(i * GOLDEN_ANGLE), SPACING * math.sqrt(i) * math.sin(i * GOLDEN_ANGLE))
            for i in range(count)]


def cluster_layout(nodes: Sequence[str], adjacency: Mapping[str, set[str]],
                   districts: Mapping[str, Sequence[str]], rank: Mapping[str, tuple]) -> dict[str, tuple[float, float]]:
    """Positions for every node: each district at its cluster's centre, its members around it ordered by `rank`."""
    home = homes(nodes, adjacency, districts)
    clusters: dict[str, list[str]] = defaultdict(list)
    for n in nodes:
        clusters[home[n] or ""].append(n)
    ordered = []
    for key, members in clusters.items():
        members.sort(key=lambda n: (n != key, rank[n], n))  # the district itself first, at the centre
        ordered.append(members)
    ordered.sort(key=lambda ms: (-len(ms), ms[0]))
    radii = [SPACING * math.sqrt(len(ms)) + SPACING for ms in ordered]
    row_width = max(math.sqrt(sum((2 * r + GAP) ** 2 for r in radii)) * 1.3, 1.0)
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for members, r in zip(ordered, radii):
        if x > 0 and x + 2 * r > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        cx, cy = x + r, y + r
        for n, (dx, dy) in zip(members, _sunflower(len(members))):
            positions[n] = (round(cx + dx, 1), round(cy + dy, 1))
        x += 2 * r + GAP
        row_height = max(row_height, 2 * r)
    return positions
