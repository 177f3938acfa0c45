"""The walking network and life-circle service areas.

(the app's entry point, with the cache and the notices, is gis.analysis.life_circles.run)
build        — walking network from a road layer (snap, node, join dead ends) or OSM
osm          — OSM .osm/.osm.pbf through osmium, pyrosm's walking filter
graph        — WalkGraph: nodes, edges, lengths, geometries, CSR matrix, connected pieces
attach       — points to the nearest point on an edge; compound access points
distance     — batched, windowed scipy Dijkstra (reach) and nearest-source distances
polygons     — street-following polygons from whole and partial walked edges
service_area — per facility / per type / band polygons, network or buffer mode
inputs       — reading layers, normalising facility tables
cache        — results keyed by a hash of their inputs
geometry     — vectorised substrings and interpolation along many lines
"""
