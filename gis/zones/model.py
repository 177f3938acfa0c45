"""The zone plan: renovation zones (片区) made of compounds, with invertible edits.

A :class:`ZoneModel` holds immutable :class:`Zone` values keyed by a stable integer id.
Every edit (merge, add, remove, split, dissolve, rename, recolour, accepting a
suggestion) goes through one path: it computes the new state of the zones it touches,
checks contiguity, applies it and returns a :class:`ZoneEdit` holding those zones
*before* and *after*. ``model.apply(edit.inverse())`` undoes it and
``model.apply(edit)`` redoes it, so the GUI's QUndoStack commands need nothing else.

Contiguity means the members form one connected group in the neighbour graph
(:mod:`gis.zones.adjacency`). With ``policy="refuse"`` an edit that would leave a zone
in pieces raises :class:`~gis.errors.ZoneError` carrying the pieces; with
``policy="flag"`` it goes through and :meth:`ZoneModel.flags` reports the zone and its
pieces so the map can mark them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Iterable, Mapping

import numpy as np
from psygnal import Signal

from gis.errors import ZoneError
from gis.feedback import Feedback
from gis.i18n import QT_TRANSLATE_NOOP, fill
from gis.layer import Layer
from gis.style import QUALITATIVE
from gis.zones.adjacency import DEFAULT_GAP, Adjacency, build_adjacency
from gis.zones.outline import outlines

NO_ZONE = -1


class Policy(str, Enum):
    """What happens to an edit that leaves a zone in pieces."""

    REFUSE = "refuse"
    FLAG = "flag"


@dataclass(frozen=True)
class Zone:
    """One renovation zone. ``members`` are compound fids (row positions)."""

    id: int
    name: str
    colour: str
    members: frozenset[int]


@dataclass(frozen=True)
class Contiguity:
    """The connected groups of a zone's members, largest first; contiguous if one."""

    zone_id: int
    groups: tuple[np.ndarray, ...]

    @property
    def ok(self) -> bool:
        return len(self.groups) <= 1

    @property
    def detached(self) -> np.ndarray:
        """Fids outside the largest group (what to mark on the map)."""
        rest = self.groups[1:]
        return np.concatenate(rest) if rest else np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class ZoneEdit:
    """An applied change: the touched zones before and after (None = did not exist).

    ``template`` and ``params`` describe it for an undo menu (translate the template,
    then ``format(**params)``); :attr:`text` is the English text.
    """

    template: str
    params: Mapping[str, object]
    before: Mapping[int, Zone | None]
    after: Mapping[int, Zone | None]

    @property
    def text(self) -> str:
        return fill(self.template, self.params)

    @property
    def zone_ids(self) -> frozenset[int]:
        return frozenset(self.after)

    def inverse(self) -> "ZoneEdit":
        return ZoneEdit(self.template, self.params, self.after, self.before)

    @property
    def is_noop(self) -> bool:
        return dict(self.before) == dict(self.after)


@dataclass(frozen=True)
class ZonesChanged:
    """What an edit changed, so views update only that.

    ``compounds`` are the fids whose zone (and so colour) changed; ``reset`` means
    everything may have changed (new graph, restored plan).
    """

    added: frozenset[int] = frozenset()
    removed: frozenset[int] = frozenset()
    updated: frozenset[int] = frozenset()
    compounds: frozenset[int] = frozenset()
    reset: bool = False


@dataclass
class _State:
    zones: dict[int, Zone] = field(default_factory=dict)
    next_id: int = 1


DEFAULT_NAME_TEMPLATE = QT_TRANSLATE_NOOP("zones", "Zone {id}")
NAME_TEMPLATE_MAX = 80  # characters; a longer template (from a project file) gets the default


def zone_name(template: str, zid: int) -> str:
    """A new zone's name: *template* with ``{id}`` filled in, and nothing else.

    The template comes from a project file, so it is data: never ``str.format`` it.

    >>> zone_name("片区{id}", 3), zone_name("{0.__class__}{id:>9}", 3)
    ('片区3', '{0.__class__}{id:>9}')
    """
    return template.replace("{id}", str(zid))


class ZoneModel:
    """Zones over one compounds layer. Qt-free; emits :attr:`zones_changed`.

    Parameters
    ----------
    adjacency : Adjacency
        Neighbour graph of the compounds (its ``gap`` is the zone outline's closing).
    geometries : array of shapely geometries, optional
        The compounds in the working CRS, for :meth:`outline`.
    policy : Policy or str, keyword-only
        ``"refuse"`` (default) or ``"flag"`` edits that break contiguity.
    layer_id, barrier_layer_id : str, keyword-only
        Project layer ids of the compounds and barriers (saved with the plan).
    """

    zones_changed = Signal(object)  # ZonesChanged

    @property
    def name_template(self) -> str:
        """How new zones are named ("Zone {id}"); anything but a short text gets the default."""
        return self._name_template

    @name_template.setter
    def name_template(self, value: object) -> None:
        ok = isinstance(value, str) and 0 < len(value) <= NAME_TEMPLATE_MAX
        self._name_template = value if ok else DEFAULT_NAME_TEMPLATE

    def __init__(self, adjacency: Adjacency, geometries=None, *, policy: Policy | str = Policy.REFUSE,
                 layer_id: str | None = None, barrier_layer_id: str | None = None) -> None:
        self.adjacency = adjacency
        self.geometries = None if geometries is None else np.asarray(geometries, dtype=object)
        self.policy = Policy(policy)
        self.layer_id = layer_id
        self.barrier_layer_id = barrier_layer_id
        self.name_template = DEFAULT_NAME_TEMPLATE
        self.barrier_filter: dict | None = None  # gis.zones.barriers.BarrierChoice.to_dict()
        self._state = _State()
        self._zone_of = np.full(adjacency.n, NO_ZONE, dtype=np.int64)
        self._outlines: dict[int, object] = {}
        self._flags: dict[int, Contiguity] = {}

    @classmethod
    def from_layer(cls, compounds: Layer, *, gap: float = DEFAULT_GAP, barriers: Layer | None = None,
                   policy: Policy | str = Policy.REFUSE, feedback: Feedback | None = None
                   ) -> "ZoneModel":
        """An empty plan over a project's compounds layer (and optional barrier layer)."""
        adjacency = build_adjacency(compounds.data, gap=gap,
                                    barriers=None if barriers is None else barriers.data,
                                    feedback=feedback)
        return cls(adjacency, compounds.data.geometry.values, policy=policy, layer_id=compounds.id,
                   barrier_layer_id=None if barriers is None else barriers.id)

    # -- queries --------------------------------------------------------------
    @property
    def n(self) -> int:
        return self.adjacency.n

    @property
    def gap(self) -> float:
        return self.adjacency.gap

    @property
    def zones(self) -> Mapping[int, Zone]:
        """Zones by id, in id order (a copy; zones are immutable values)."""
        return dict(sorted(self._state.zones.items()))

    def __len__(self) -> int:
        return len(self._state.zones)

    def __contains__(self, zone_id: int) -> bool:
        return zone_id in self._state.zones

    def zone(self, zone_id: int) -> Zone:
        try:
            return self._state.zones[zone_id]
        except KeyError:
            raise ZoneError(QT_TRANSLATE_NOOP("zones", "There is no zone {id}."), id=zone_id) from None

    def zone_of(self, fid: int) -> int | None:
        """Id of the zone holding compound *fid*, or None."""
        z = int(self._zone_of[fid])
        return None if z == NO_ZONE else z

    @property
    def assignment(self) -> np.ndarray:
        """Zone id per compound (``-1`` = none); a copy."""
        return self._zone_of.copy()

    def unassigned(self) -> np.ndarray:
        return np.flatnonzero(self._zone_of == NO_ZONE)

    def contiguity(self, zone_id: int) -> Contiguity:
        return self.check(self.zone(zone_id).members, zone_id=zone_id)

    def check(self, fids: Iterable[int], *, zone_id: int = NO_ZONE) -> Contiguity:
        """Contiguity of any set of compounds (e.g. to preview a selection)."""
        return Contiguity(zone_id, tuple(self.adjacency.components(fids)))

    def flags(self) -> dict[int, Contiguity]:
        """Zones in pieces (possible with ``policy="flag"`` or after a new graph)."""
        return dict(self._flags)

    def outline(self, zone_id: int):
        """Closed outline of a zone (cached until its members change)."""
        if zone_id not in self._outlines:
            if self.geometries is None:
                raise ZoneError(QT_TRANSLATE_NOOP("zones", "The zone plan has no compound geometries."))
            members = self.zone(zone_id).members
            self._outlines[zone_id] = outlines(self.geometries, [members], gap=self.gap)[0]
        return self._outlines[zone_id]

    def cached_outlines(self) -> dict[int, object]:
        """The outlines computed so far, by zone id (a copy, safe to hand to a background save)."""
        return dict(self._outlines)

    def keep_outlines(self, computed: Mapping[int, tuple[frozenset[int], object]]) -> None:
        """Cache outlines computed elsewhere (zone id -> (members, outline)) if still current."""
        for zid, (members, shape) in computed.items():
            zone = self._state.zones.get(zid)
            if zone is not None and zone.members == members:
                self._outlines.setdefault(zid, shape)

    def snapshot(self) -> dict[int, Zone]:
        """All zones (immutable values): pass to :meth:`restore` to get back here."""
        return dict(self._state.zones)

    # -- edits ----------------------------------------------------------------
    def merge(self, fids: Iterable[int], *, name: str | None = None,
              colour: str | None = None) -> ZoneEdit:
        """A new zone of *fids*; members of other zones move over to it."""
        members = self._fids(fids)
        zid = self._state.next_id
        zone = Zone(zid, name or zone_name(self.name_template, zid),
                    colour or self._pick_colour(members), members)
        after = self._taking(members, exclude=zid)
        after[zid] = zone
        return self._commit(QT_TRANSLATE_NOOP("zones", "Merge {count} compounds into {name}"),
                            {"count": len(members), "name": zone.name}, after)

    def merge_zones(self, zone_ids: Iterable[int]) -> ZoneEdit:
        """Join zones into the first one (it keeps its id, name and colour)."""
        ids = list(dict.fromkeys(zone_ids))
        if len(ids) < 2:
            raise ZoneError(QT_TRANSLATE_NOOP("zones", "Select at least two zones to merge."))
        first = self.zone(ids[0])
        members = frozenset().union(*(self.zone(z).members for z in ids))
        after: dict[int, Zone | None] = {z: None for z in ids[1:]}
        after[first.id] = replace(first, members=members)
        return self._commit(QT_TRANSLATE_NOOP("zones", "Merge {count} zones into {name}"),
                            {"count": len(ids), "name": first.name}, after)

    def add(self, zone_id: int, fids: Iterable[int]) -> ZoneEdit:
        """Add compounds to a zone (taking them from the zones they were in)."""
        zone = self.zone(zone_id)
        new = self._fids(fids) - zone.members
        if not new:
            raise ZoneError(QT_TRANSLATE_NOOP(
                "zones", "The selected compounds are already in {name}."), name=zone.name)
        after = self._taking(new, exclude=zone_id)
        after[zone_id] = replace(zone, members=zone.members | new)
        return self._commit(QT_TRANSLATE_NOOP("zones", "Add {count} compounds to {name}"),
                            {"count": len(new), "name": zone.name}, after)

    def remove(self, zone_id: int, fids: Iterable[int]) -> ZoneEdit:
        """Take compounds out of a zone; a zone left empty is dissolved."""
        zone = self.zone(zone_id)
        gone = self._fids(fids) & zone.members
        if not gone:
            raise ZoneError(QT_TRANSLATE_NOOP(
                "zones", "None of the selected compounds is in {name}."), name=zone.name)
        rest = zone.members - gone
        after = {zone_id: replace(zone, members=rest) if rest else None}
        return self._commit(QT_TRANSLATE_NOOP("zones", "Remove {count} compounds from {name}"),
                            {"count": len(gone), "name": zone.name}, after)

    def split(self, zone_id: int, part: Iterable[int] | None = None) -> ZoneEdit:
        """Split a zone: *part* becomes a new zone, or (None) one zone per connected piece.

        The zone keeps its id for the rest (for the largest piece when splitting by pieces).
        """
        zone = self.zone(zone_id)
        if part is None:
            pieces = [frozenset(g.tolist()) for g in self.adjacency.components(zone.members)]
        else:
            chosen = self._fids(part)
            if not chosen <= zone.members or chosen == zone.members:
                raise ZoneError(QT_TRANSLATE_NOOP(
                    "zones", "To split {name}, select some but not all of its compounds."),
                    name=zone.name)
            pieces = [zone.members - chosen, chosen]
        if len(pieces) < 2:
            raise ZoneError(QT_TRANSLATE_NOOP("zones", "{name} is in one piece; select the compounds "
                                              "to split off."), name=zone.name)
        after: dict[int, Zone | None] = {zone_id: replace(zone, members=pieces[0])}
        for k, piece in enumerate(pieces[1:]):
            zid = self._state.next_id + k
            after[zid] = Zone(zid, zone_name(self.name_template, zid), self._pick_colour(piece), piece)
        return self._commit(QT_TRANSLATE_NOOP("zones", "Split {name} into {count} zones"),
                            {"count": len(pieces), "name": zone.name}, after)

    def dissolve(self, zone_ids: int | Iterable[int]) -> ZoneEdit:
        """Delete zones; their compounds become unassigned."""
        ids = [zone_ids] if isinstance(zone_ids, (int, np.integer)) else list(zone_ids)
        if not ids:
            raise ZoneError(QT_TRANSLATE_NOOP("zones", "Select at least one zone."))
        names = [self.zone(z).name for z in ids]
        return self._commit(QT_TRANSLATE_NOOP("zones", "Dissolve {name}"),
                            {"name": "、".join(names)}, {int(z): None for z in ids})

    def rename(self, zone_id: int, name: str) -> ZoneEdit:
        zone = self.zone(zone_id)
        name = name.strip()
        if not name:
            raise ZoneError(QT_TRANSLATE_NOOP("zones", "A zone needs a name."))
        return self._commit(QT_TRANSLATE_NOOP("zones", "Rename {old} to {name}"),
                            {"old": zone.name, "name": name}, {zone_id: replace(zone, name=name)})

    def recolour(self, zone_id: int, colour: str) -> ZoneEdit:
        zone = self.zone(zone_id)
        return self._commit(QT_TRANSLATE_NOOP("zones", "Recolour {name}"), {"name": zone.name},
                            {zone_id: replace(zone, colour=_check_colour(colour))})

    def add_zones(self, groups: Iterable[Iterable[int]], *, replace_all: bool = False,
                  names: Iterable[str] | None = None) -> ZoneEdit:
        """Add many zones as ONE edit (accepting a suggestion); optionally drop all others."""
        groups = [self._fids(g) for g in groups]
        names = list(names) if names is not None else []
        after: dict[int, Zone | None] = {z: None for z in self._state.zones} if replace_all else {}
        assigned = self._zone_of.copy()
        if replace_all:
            assigned[:] = NO_ZONE
        for k, members in enumerate(groups):
            busy = assigned[np.fromiter(members, dtype=np.int64)]
            if (busy != NO_ZONE).any():
                raise ZoneError(QT_TRANSLATE_NOOP(
                    "zones", "The zones changed since this suggestion was made; suggest again."))
            zid = self._state.next_id + k
            assigned[list(members)] = zid
            name = names[k] if k < len(names) else zone_name(self.name_template, zid)
            after[zid] = Zone(zid, name, self._pick_colour(members, assigned, after), members)
        return self._commit(QT_TRANSLATE_NOOP("zones", "Add {count} suggested zones"),
                            {"count": len(groups)}, after)

    def restore(self, snapshot: Mapping[int, Zone]) -> ZoneEdit:
        """Make the plan equal to *snapshot* (from :meth:`snapshot`) as one edit."""
        after: dict[int, Zone | None] = {z: None for z in self._state.zones if z not in snapshot}
        after.update({int(z): v for z, v in snapshot.items() if self._state.zones.get(z) != v})
        return self._commit(QT_TRANSLATE_NOOP("zones", "Restore the zone plan"), {}, after,
                            check=False)

    def apply(self, edit: ZoneEdit) -> None:
        """Apply an edit returned earlier (``edit.inverse()`` to undo it)."""
        current = {z: self._state.zones.get(z) for z in edit.before}
        if current != dict(edit.before):
            raise ZoneError(QT_TRANSLATE_NOOP(
                "zones", "The zone plan no longer matches this edit; it cannot be applied."))
        self._apply(edit.after)

    # -- graph ----------------------------------------------------------------
    def set_adjacency(self, adjacency: Adjacency, geometries=None) -> None:
        """Use a new neighbour graph (new gap or barriers); zones are kept, flags renewed."""
        if adjacency.n != self.n:
            raise ZoneError(QT_TRANSLATE_NOOP(
                "zones", "The new neighbour graph has {new} compounds, the plan {old}."),
                new=adjacency.n, old=self.n)
        self.adjacency = adjacency
        if geometries is not None:
            self.geometries = np.asarray(geometries, dtype=object)
        self._outlines.clear()
        self._flags = {z: c for z in self._state.zones
                       if not (c := self.contiguity(z)).ok}
        self.zones_changed.emit(ZonesChanged(reset=True))

    # -- internals ------------------------------------------------------------
    def _fids(self, fids: Iterable[int]) -> frozenset[int]:
        arr = np.unique(np.fromiter((int(f) for f in fids), dtype=np.int64))
        if arr.size == 0:
            raise ZoneError(QT_TRANSLATE_NOOP("zones", "Select at least one compound."))
        if arr[0] < 0 or arr[-1] >= self.n:
            raise ZoneError(QT_TRANSLATE_NOOP(
                "zones", "Compound {fid} does not exist (the layer has {n})."),
                fid=int(arr[0] if arr[0] < 0 else arr[-1]), n=self.n)
        return frozenset(arr.tolist())

    def _taking(self, fids: frozenset[int], *, exclude: int) -> dict[int, Zone | None]:
        """New states of the zones that lose *fids* to another zone."""
        owners = {int(z) for z in self._zone_of[list(fids)] if z != NO_ZONE and z != exclude}
        after: dict[int, Zone | None] = {}
        for zid in owners:
            zone = self._state.zones[zid]
            rest = zone.members - fids
            after[zid] = replace(zone, members=rest) if rest else None
        return after

    def _commit(self, template: str, params: dict, after: dict[int, Zone | None], *,
                check: bool = True) -> ZoneEdit:
        before = {z: self._state.zones.get(z) for z in after}
        self._check_exclusive(after)
        if check and self.policy is Policy.REFUSE:
            for zid, zone in after.items():
                old = before[zid]
                if zone is not None and (old is None or old.members != zone.members):
                    self._refuse_pieces(zone, new=old is None)
        edit = ZoneEdit(template, params, before, after)
        self._apply(after)
        return edit

    def _check_exclusive(self, after: Mapping[int, Zone | None]) -> None:
        """A compound belongs to one zone: *after* may only take from zones it rewrites."""
        claimed: set[int] = set()
        for zone in after.values():
            if zone is None:
                continue
            owners = self._zone_of[list(zone.members)]
            if not set(owners[owners != NO_ZONE].tolist()) <= after.keys() or claimed & zone.members:
                raise ZoneError(QT_TRANSLATE_NOOP(
                    "zones", "A compound cannot belong to two zones ({name})."), name=zone.name)
            claimed |= zone.members

    def _refuse_pieces(self, zone: Zone, *, new: bool = False) -> None:
        """Refuse a non-contiguous result; a zone not yet made is not named (it does not exist)."""
        report = self.check(zone.members, zone_id=zone.id)
        if report.ok:
            return
        if new:
            raise ZoneError(QT_TRANSLATE_NOOP(
                "zones", "The selected compounds would not form one contiguous zone: they fall into {pieces} "
                "separate groups. Add the compounds that join them, or use a larger gap."),
                pieces=len(report.groups), contiguity=report)
        raise ZoneError(QT_TRANSLATE_NOOP(
            "zones", "{name} would not be contiguous: its compounds fall into {pieces} "
            "separate groups. Add the compounds that join them, or use a larger gap."),
            name=zone.name, pieces=len(report.groups), contiguity=report)

    def _apply(self, after: Mapping[int, Zone | None]) -> None:
        zones = self._state.zones
        added, removed, updated, regrouped, moved = set(), set(), set(), set(), set()
        for zid, zone in after.items():
            old = zones.get(zid)
            if old == zone:
                continue
            old_m = old.members if old else frozenset()
            new_m = zone.members if zone else frozenset()
            if old_m != new_m:
                regrouped.add(zid)
                moved |= old_m ^ new_m
                self._outlines.pop(zid, None)
            (added if old is None else removed if zone is None else updated).add(zid)
        for zid in after:  # clear first: a compound may move between zones of one edit
            if (old := zones.get(zid)) is not None:
                self._zone_of[list(old.members)] = NO_ZONE
        for zid, zone in after.items():
            if zone is None:
                zones.pop(zid, None)
                self._flags.pop(zid, None)
            else:
                zones[zid] = zone
                self._zone_of[list(zone.members)] = zid
                self._state.next_id = max(self._state.next_id, zid + 1)
        for zid in regrouped - removed:
            self._update_flag(zid)
        self.zones_changed.emit(ZonesChanged(frozenset(added), frozenset(removed),
                                             frozenset(updated), frozenset(moved)))

    def _update_flag(self, zid: int) -> None:
        report = self.contiguity(zid)
        if report.ok:
            self._flags.pop(zid, None)
        else:
            self._flags[zid] = report

    def _pick_colour(self, members: frozenset[int], assigned: np.ndarray | None = None,
                     pending: Mapping[int, Zone | None] | None = None) -> str:
        """The palette colour least used by neighbouring zones, then overall.

        *assigned* and *pending* describe zones of the same edit not yet applied.
        """
        assigned = self._zone_of if assigned is None else assigned
        colours = {z: v.colour for z, v in self._state.zones.items()}
        for z, v in (pending or {}).items():
            if v is None:
                colours.pop(z, None)
            else:
                colours[z] = v.colour
        nbrs = np.unique(np.concatenate([self.adjacency.neighbours(f) for f in members]))
        near = [colours[z] for z in {int(z) for z in assigned[nbrs]} if z in colours]
        used = list(colours.values())
        return min(QUALITATIVE, key=lambda c: (near.count(c), used.count(c), QUALITATIVE.index(c)))

    # -- persistence ----------------------------------------------------------
    def to_dict(self) -> dict:
        """The plan as JSON-ready data (members as sorted fid lists)."""
        return {"policy": self.policy.value, "gap": self.gap, "layer_id": self.layer_id,
                "barrier_layer_id": self.barrier_layer_id, "barrier_filter": self.barrier_filter,
                "next_id": self._state.next_id,
                "name_template": self.name_template,
                "zones": [{"id": z.id, "name": z.name, "colour": z.colour,
                           "members": sorted(z.members)} for z in self._state.zones.values()]}

    @classmethod
    def from_dict(cls, data: Mapping, adjacency: Adjacency, geometries=None) -> "ZoneModel":
        """Rebuild a plan saved with :meth:`to_dict` over a neighbour graph of the same layer."""
        model = cls(adjacency, geometries, policy=data.get("policy", Policy.REFUSE),
                    layer_id=data.get("layer_id"), barrier_layer_id=data.get("barrier_layer_id"))
        model.name_template = data.get("name_template", model.name_template)
        model.barrier_filter = data.get("barrier_filter")
        zones = {int(z["id"]): Zone(int(z["id"]), str(z["name"]), str(z["colour"]),
                                    frozenset(int(f) for f in z["members"])) for z in data["zones"]}
        for zone in zones.values():
            if zone.members and max(zone.members) >= adjacency.n:
                raise ZoneError(QT_TRANSLATE_NOOP(
                    "zones", "Zone {name} refers to compound {fid}, but the layer has {n}."),
                    name=zone.name, fid=max(zone.members), n=adjacency.n)
        model._check_exclusive(zones)
        model._apply(zones)
        model._state.next_id = max(int(data.get("next_id", 1)), model._state.next_id)
        return model


def _check_colour(colour: str) -> str:
    text = str(colour).strip()
    ok = len(text) in (4, 7) and text.startswith("#") and all(
        c in "0123456789abcdefABCDEF" for c in text[1:])
    if not ok:
        raise ZoneError(QT_TRANSLATE_NOOP("zones", "{colour} is not a colour like #4e79a7."),
                        colour=colour)
    return text.lower()
