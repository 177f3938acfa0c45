"""Life circles in the GUI: 5/10/15-minute service areas of 一老一小 facilities.

controller       — the Life circles menu, the dock, runs, overlays, the result layer
compute          — one run: facilities, walking network and areas through the engine cache
options          — the dock's inputs: facilities, mode, network source, distances or time
legend           — the band legend with per-group / per-type toggles, and the map legend
network_panel    — the walking network's summary and its disconnected pieces
overlays         — map overlay frames (bands, required radius, network) from a result
palette          — colours per facility type and band
standards_dialog — edit the life-circle standards preset (the user's copy)
wording          — translated labels of types, groups, levels and bands
"""
