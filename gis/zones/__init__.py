"""Renovation zones (连片改造): neighbour graph, zone model, outlines, statistics, suggestions."""
