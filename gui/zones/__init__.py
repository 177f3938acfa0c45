"""Renovation zones (连片改造) in the GUI: editing on the map, the zone table, suggestions."""
