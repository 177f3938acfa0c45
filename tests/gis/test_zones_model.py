"""Zone model: edits, contiguity rules, events, and undo/redo through inverse edits."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import box

from gis.errors import ZoneError
from gis.zones.adjacency import build_adjacency
from gis.zones.model import Policy, ZoneModel, ZonesChanged

# A 6 x 4 grid of 100 m compounds separated by 10 m streets (fid = row * 6 + col),
# with a 60 m wide avenue between columns 2 and 3, wider than the 30 m gap.
COLS, ROWS = 6, 4


def grid():
    geoms = []
    for r in range(ROWS):
        for c in range(COLS):
            x = c * 110 + (50 if c >= 3 else 0)
            geoms.append(box(x, r * 110, x + 100, r * 110 + 100))
    return np.array(geoms, dtype=object)


@pytest.fixture
def model():
    geoms = grid()
    return ZoneModel(build_adjacency(geoms, gap=30), geoms)


@pytest.fixture
def events(model):
    got: list[ZonesChanged] = []
    model.zones_changed.connect(got.append)
    return got


def fid(r, c):
    return r * COLS + c


def test_merge_creates_a_zone_with_name_colour_and_members(model, events):
    edit = model.merge([fid(0, 0), fid(0, 1), fid(1, 0)])
    (zone,) = model.zones.values()
    assert zone.members == {0, 1, 6}
    assert zone.name == "Zone 1" and zone.colour.startswith("#")
    assert model.zone_of(6) == zone.id and model.zone_of(2) is None
    assert edit.text == "Merge 3 compounds into Zone 1"
    assert events == [ZonesChanged(added=frozenset({zone.id}), compounds=frozenset({0, 1, 6}))]


def test_merge_across_the_avenue_is_refused_with_the_pieces(model):
    with pytest.raises(ZoneError) as err:
        model.merge([fid(0, 2), fid(0, 3)])
    report = err.value.params["contiguity"]
    assert [g.tolist() for g in report.groups] == [[2], [3]]
    assert len(model) == 0


def test_flag_policy_accepts_and_reports_pieces(model):
    model.policy = Policy.FLAG
    model.merge([fid(0, 0), fid(0, 1), fid(0, 4)])
    (zid,) = model.zones
    assert model.flags()[zid].detached.tolist() == [4]
    model.add(zid, [fid(0, 2), fid(0, 3)])  # still cut by the avenue
    assert zid in model.flags()
    model.remove(zid, [fid(0, 3), fid(0, 4)])
    assert model.flags() == {}


def test_merge_takes_compounds_from_other_zones(model):
    model.merge([0, 1, 2])
    model.merge([6, 7])
    model.merge([2, 8])  # takes 2 from zone 1, 8 is new
    zones = model.zones
    assert zones[1].members == {0, 1}
    assert zones[2].members == {6, 7}
    assert zones[3].members == {2, 8}


def test_merge_refused_when_it_would_cut_the_donor_in_two(model):
    model.merge([0, 1, 2])
    with pytest.raises(ZoneError):
        model.merge([1, 7])  # zone 1 would keep 0 and 2, which do not touch
    assert model.zone(1).members == {0, 1, 2}


def test_remove_last_member_dissolves(model):
    model.merge([0, 1])
    model.remove(1, [0])
    model.remove(1, [1])
    assert len(model) == 0 and model.unassigned().size == COLS * ROWS


def test_split_by_subset_and_by_pieces(model):
    model.merge([0, 1, 6, 7])
    edit = model.split(1, [1, 7])
    assert model.zone(1).members == {0, 6}
    assert model.zone(2).members == {1, 7}
    assert set(edit.after) == {1, 2}
    model.policy = Policy.FLAG
    model.merge([12, 13, 16, 17])  # two pieces across the avenue
    zid = max(model.zones)
    model.split(zid)
    pieces = sorted(sorted(z.members) for z in model.zones.values() if z.members & {12, 16})
    assert pieces == [[12, 13], [16, 17]]


def test_split_needs_a_proper_subset(model):
    model.merge([0, 1])
    with pytest.raises(ZoneError):
        model.split(1, [0, 1])
    with pytest.raises(ZoneError):
        model.split(1)  # one piece already


def test_rename_and_recolour(model):
    model.merge([0, 1])
    model.rename(1, "  城东片区 ")
    model.recolour(1, "#FF8800")
    assert model.zone(1).name == "城东片区" and model.zone(1).colour == "#ff8800"
    with pytest.raises(ZoneError):
        model.recolour(1, "red-ish")
    with pytest.raises(ZoneError):
        model.rename(1, "   ")


def test_bad_ids_are_typed_errors(model):
    with pytest.raises(ZoneError):
        model.merge([])
    with pytest.raises(ZoneError):
        model.merge([0, 999])
    with pytest.raises(ZoneError):
        model.dissolve(42)
    model.merge([0, 1])
    with pytest.raises(ZoneError, match="already in"):
        model.add(1, [0])
    with pytest.raises(ZoneError, match="None of"):
        model.remove(1, [5])


def test_merge_zones_keeps_the_first(model):
    model.merge([0, 1])
    model.merge([6, 7])
    model.merge_zones([2, 1])
    assert list(model.zones) == [2] and model.zone(2).members == {0, 1, 6, 7}


def test_colour_differs_from_neighbouring_zones(model):
    model.merge([0, 1])
    model.merge([6, 7])
    assert model.zone(1).colour != model.zone(2).colour


def test_suggested_neighbours_get_different_colours(model):
    model.add_zones([[0, 1], [2, 8], [6, 7], [12, 13]])
    colours = {z.id: z.colour for z in model.zones.values()}
    assert colours[1] not in (colours[2], colours[3])
    assert colours[3] != colours[4]


def test_add_zones_is_one_edit_and_replace_all(model, events):
    model.merge([0, 1])
    edit = model.add_zones([[12, 13], [18, 19]])
    assert len(model) == 3
    model.apply(edit.inverse())
    assert list(model.zones) == [1]
    with pytest.raises(ZoneError):
        model.add_zones([[1, 2]])  # 1 is taken
    model.add_zones([[1, 2], [8]], replace_all=True)
    assert sorted(sorted(z.members) for z in model.zones.values()) == [[1, 2], [8]]


def test_outline_cached_until_members_change(model):
    model.merge([0, 1])
    first = model.outline(1)
    assert first.area == pytest.approx(100 * 210)
    model.rename(1, "x")
    assert model.outline(1) is first
    model.add(1, [6])
    assert model.outline(1).area > first.area


def test_random_edit_sequences_undo_and_redo_exactly(model):
    """Any sequence of edits, undone in reverse and redone in order, round-trips."""
    rng = np.random.default_rng(11)
    model.policy = Policy.FLAG
    history, states = [], [model.snapshot()]
    for _ in range(60):
        edit = _random_edit(model, rng)
        if edit is None:
            continue
        history.append(edit)
        states.append(model.snapshot())
    assert len(history) > 30
    for edit, state in zip(reversed(history), reversed(states[:-1])):
        model.apply(edit.inverse())
        assert model.snapshot() == state
        _assert_consistent(model)
    for edit, state in zip(history, states[1:]):
        model.apply(edit)
        assert model.snapshot() == state
        _assert_consistent(model)


def _random_edit(model, rng):
    ids = list(model.zones)
    op = rng.integers(0, 6)
    pick = rng.choice(COLS * ROWS, size=rng.integers(1, 5), replace=False).tolist()
    try:
        if op == 0 or not ids:
            return model.merge(pick)
        zid = int(rng.choice(ids))
        if op == 1:
            return model.add(zid, pick)
        if op == 2:
            return model.remove(zid, list(model.zone(zid).members)[:1])
        if op == 3:
            return model.split(zid)
        if op == 4:
            return model.dissolve(zid)
        return model.rename(zid, f"片区{rng.integers(100)}")
    except ZoneError:
        return None


def _assert_consistent(model):
    owner = np.full(model.n, -1)
    for z in model.zones.values():
        assert (owner[list(z.members)] == -1).all()
        owner[list(z.members)] = z.id
    assert (owner == model.assignment).all()
    assert set(model.flags()) == {z for z in model.zones if not model.contiguity(z).ok}


def test_stale_edit_cannot_be_applied(model):
    edit = model.merge([0, 1])
    model.add(1, [2])
    with pytest.raises(ZoneError):
        model.apply(edit.inverse())


def test_restore_snapshot_as_one_edit(model):
    model.merge([0, 1])
    saved = model.snapshot()
    model.merge([12, 13])
    model.dissolve(1)
    edit = model.restore(saved)
    assert model.snapshot() == saved
    model.apply(edit.inverse())
    assert set(model.zones) == {2}


def test_dict_round_trip(model):
    model.merge([0, 1])
    model.merge([12, 13])
    model.rename(2, "河西")
    model.dissolve(1)
    data = model.to_dict()
    again = ZoneModel.from_dict(data, model.adjacency, model.geometries)
    assert again.snapshot() == model.snapshot()
    assert again.merge([20]).after[3] is not None  # ids are never reused


def test_overlapping_saved_zones_are_refused(model):
    data = {"zones": [{"id": 1, "name": "a", "colour": "#000000", "members": [0, 1]},
                      {"id": 2, "name": "b", "colour": "#000000", "members": [1, 2]}]}
    with pytest.raises(ZoneError):
        ZoneModel.from_dict(data, model.adjacency)
