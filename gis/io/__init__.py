"""Importing what planners really have: formats, encodings, coordinate systems, repairs.

Entry points: :func:`inspect_file` (everything an import dialog or ``inspect`` shows),
:func:`build_layer` (the Layer from a report, with the user's choices), :func:`read_layer`
(both at once), :func:`list_layers` (what a dataset offers to choose from).
"""

from gis.io.crs_detect import CrsCandidate, CrsInfo, crs_choices, parse_source_crs
from gis.io.crs_memory import CrsMemory
from gis.io.encoding import EncodingInfo
from gis.io.facilities import FacilityRules
from gis.io.formats import LayerInfo, list_layers
from gis.io.importer import ImportReport, build_layer, inspect_file, read_layer
from gis.io.notices import Notice
from gis.io.presets import ImportPreset

__all__ = [
    "CrsCandidate", "CrsInfo", "CrsMemory", "EncodingInfo", "FacilityRules", "ImportPreset",
    "ImportReport", "LayerInfo", "Notice", "build_layer", "crs_choices", "inspect_file",
    "list_layers", "parse_source_crs", "read_layer",
]
