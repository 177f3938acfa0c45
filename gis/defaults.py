"""The defaults of the analyses, each written once (engines, requests, CLI and dialogs read them)."""

from __future__ import annotations

PRE_YEAR = 2000  # 国办发〔2020〕23号: compounds completed by the end of 2000 are "old"
GAP_M = 30.0  # compounds this close (across a street) are neighbours
SNAP_M = 2.0  # road ends closer than this are joined when the network is built
EDGE_BUFFER_M = 30.0  # half-width of the walkable band drawn around reached streets
ACCESS_M = 500.0  # facilities farther than this from every street are left out of a network run
FAR_APART_M = 20_000.0  # facilities farther than this from every compound: likely the wrong file or CRS
MIN_FLOORS = 4  # walk-ups from this many floors need an elevator
