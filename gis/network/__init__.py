"""The walking network and life-circle service areas.

build      — walking network from OSM or a road layer (snap, node, report pieces)
graph      — WalkGraph: nodes, edges, lengths, geometries, CSR matrix, components
attach     — points to the nearest point on an edge; compound access points
distance   — batched, windowed scipy Dijkstra (reach) and nearest-source distances
polygons   — street-following polygons from reached and partial edges
service_area — per facility / per type / band polygons, buffer or network mode
cache      — results keyed by a hash of their inputs
"""
