"""The renovation programme (改造计划): contents, costs, funding, consent and years. Qt-free.

How a window uses it (the plan dock, the map's year colours, presentation by year)::

    from gis.programme import Programme, PlanFacts, YearPlan, load_catalogue

    facts = PlanFacts.from_results(table, zones=project.zones, buildings=..., elevators=...,
                                   gaps=..., ranking=..., pre_year=..., subsidy_rule=...)
    prog = Programme(facts, load_catalogue(), YearPlan((2027, 2028, 2029), budget=3e8))
    # 1. propose: prog.contents holds the proposed lines (Contents.frame() for a table view)
    # 2. toggle per compound (fid) or zone (position); wrap in a QUndoCommand:
    edit = prog.toggle("compound", 12, "elevator", False)      # redo
    prog.contents.apply(edit.inverse())                         # undo
    before = prog.pin(3, 2028); prog.set_years(before)          # pin zone 3, and undo it
    before = prog.set_consent(12, "enter", 90, 100)             # typed counts (undo: set them back)
    # 3. costs and 4. years, recomputed after each edit (prog.changed fires):
    r = prog.result()
    r.costs.compound_cost(), r.costs.zone_cost(r.consent_ok), r.costs.by_item()
    r.compound_year      # year per compound fid, -1 = reserve/unscheduled: the map's colours
    r.schedule.zones_in(2028), r.reserve, r.notices
    # views and the A3 zone proposal: gis.programme.tables
    compound_table(prog), zone_table(prog), zone_items(prog, zone), district_totals(prog)
    # 5. outputs: gis.export.programme_excel.write_programme(prog, path) (or PlanOutputs.programme
    #    for the report); keep the edits in the project file: gis.analysis.programme.store_state

Modules: :mod:`~.catalogue` (the editable preset), :mod:`~.facts` (per compound/zone
arrays), :mod:`~.contents` (lines and their edit API), :mod:`~.costs` (funding with caps),
:mod:`~.consent` (3 x 80 % and the Civil Code elevator rule), :mod:`~.schedule` (years),
:mod:`~.model` (the :class:`Programme` tying them together), :mod:`~.tables` (per compound,
zone, zone items, district), :mod:`~.state` (the edits as JSON in the project file).

The window runs it through the session (off the UI thread, it computes gaps, elevators and
the ranking when the session has none)::

    request = ProgrammeRequest(project, outputs=PlanOutputs(gaps=..., elevators=..., ranking=...))
    outcome = session.compute("programme", request, feedback=fb)   # worker thread
    session.store("programme", outcome); prog = outcome.programme  # UI thread

Zone positions index ``facts.zone_ids`` (the ZoneModel's ids, then ``"c:<id>"`` for
compounds outside every zone); rebuild the programme when the zones or layers change
(``session.is_stale("programme")``), its saved edits are re-applied by ids.
"""

from gis.programme.catalogue import Catalogue, CatalogueError, load_catalogue
from gis.programme.consent import Consent, read_consent
from gis.programme.contents import Contents, LineEdit, propose
from gis.programme.facts import PlanFacts
from gis.programme.model import Programme, ProgrammeResult
from gis.programme.schedule import YearPlan

__all__ = ["Catalogue", "CatalogueError", "Consent", "Contents", "LineEdit", "PlanFacts", "Programme",
           "ProgrammeResult", "YearPlan", "load_catalogue", "propose", "read_consent"]
