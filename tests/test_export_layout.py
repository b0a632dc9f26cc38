from kg.export.layout import cluster_layout, homes

ADJ = {"d1": {"e1", "e2"}, "e1": {"d1", "a1"}, "e2": {"d1"}, "a1": {"e1"}, "d2": {"e3"}, "e3": {"d2"}, "x": set()}
DISTRICTS = {"d1": ["d1"], "e1": ["d1"], "e2": ["d1"], "a1": [], "d2": ["d2"], "e3": ["d2"], "x": []}
NODES = list(ADJ)


def test_nodes_without_a_district_join_their_neighbours_cluster():
    h = homes(NODES, ADJ, DISTRICTS)
    assert h["a1"] == "d1" and h["e3"] == "d2" and h["x"] is None


def test_each_district_sits_at_its_clusters_centre_and_no_two_nodes_overlap():
    pos = cluster_layout(NODES, ADJ, DISTRICTS, {n: (0,) for n in NODES})
    assert set(pos) == set(NODES)
    assert len(set(pos.values())) == len(NODES)
    d1 = pos["d1"]
    far = max(abs(pos[n][0] - d1[0]) + abs(pos[n][1] - d1[1]) for n in ("e1", "e2", "a1"))
    gap = abs(pos["d2"][0] - d1[0]) + abs(pos["d2"][1] - d1[1])
    assert far < gap
