"""Small hostile files that used to hang or exhaust memory: each stops at its cap, fast, with
the cap's message, and what is good in the file still loads."""

from __future__ import annotations

import sqlite3
import time
import tracemalloc

import pyogrio
import pytest

from gis.errors import Cancelled
from gis.feedback import Feedback
from gis.io import inspect_file, limits
from gis.io.dxf_guard import expanded_entities
from gis.io.formats import list_layers
from gis.io.limits import LimitExceeded
from tests.gis.hostile_files import minsert_dxf, nested_dxf, recursive_view_gpkg
from tests.gis.io_samples import compounds


@pytest.fixture
def caps():
    """Set lower caps for one test (``caps(max_seconds=1)``); the defaults come back after."""
    yield limits.configure
    limits.configure(None)


def _refused(cap: str, fn, *args, **kwargs) -> LimitExceeded:
    with pytest.raises(LimitExceeded) as info:
        fn(*args, **kwargs)
    assert info.value.params["cap"] == cap
    assert f'raise "{cap}" under "read_limits"' in info.value.message
    return info.value


# -- DXF block expansion --------------------------------------------------------------------
def test_minsert_of_the_issue_size_is_refused_before_expanding(tmp_path):
    path = minsert_dxf(tmp_path / "m.dxf", 30_000, 30_000)  # 900 million copies of a line
    tracemalloc.start()
    t0 = time.perf_counter()
    err = _refused("max_cad_entities", inspect_file, path)
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "900,000,000" in err.message
    assert seconds < 5 and peak < 50 * 1024**2


def test_ten_nested_block_levels_are_refused_by_depth(tmp_path):
    _refused("max_block_depth", inspect_file, nested_dxf(tmp_path / "n.dxf", levels=10, fan=5))


def test_nested_blocks_within_the_depth_are_counted_with_their_fan_out(tmp_path, caps):
    path = nested_dxf(tmp_path / "n.dxf", levels=4, fan=3)
    assert expanded_entities(path) == 27
    caps({"max_cad_entities": 20})
    _refused("max_cad_entities", inspect_file, path)


def test_a_block_that_inserts_itself_is_refused(tmp_path):
    path = tmp_path / "loop.dxf"
    path.write_text(minsert_dxf(tmp_path / "b.dxf", 1, 1).read_text().replace(
        "0\nLINE\n", "0\nINSERT\n8\n0\n2\nB\n10\n0\n20\n0\n0\nLINE\n", 1))
    err = _refused("max_block_depth", expanded_entities, path)
    assert "contains itself" in err.message


def test_a_small_minsert_still_reads(tmp_path):
    report = inspect_file(minsert_dxf(tmp_path / "m.dxf", 3, 2))
    assert report.features == 6


@pytest.mark.parametrize("fmt", ["asc", "bin", "crlf"])
def test_minsert_written_by_a_cad_library_is_counted(tmp_path, caps, fmt):
    import ezdxf

    doc = ezdxf.new("R2010")
    cell = doc.blocks.new("CELL")
    cell.add_line((0, 0), (1, 1))
    cell.add_lwpolyline([(0, 0), (1, 0), (1, 1)], close=True)
    doc.modelspace().add_blockref("CELL", (0, 0)).grid(size=(30, 40), spacing=(2, 2))
    doc.modelspace().add_line((0, 0), (5, 5))
    path = tmp_path / "grid.dxf"
    doc.saveas(path, fmt="bin" if fmt == "bin" else "asc")
    if fmt == "crlf":
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert expanded_entities(path) == 30 * 40 * 2 + 1
    caps({"max_cad_entities": 2_000})
    _refused("max_cad_entities", expanded_entities, path)


def test_dxf_scan_stops_on_cancel(tmp_path):
    path = nested_dxf(tmp_path / "n.dxf", levels=3, fan=2)
    with pytest.raises(Cancelled):
        expanded_entities(path, feedback=Feedback(cancelled=lambda: True))


# -- GeoPackage views ---------------------------------------------------------------------------
def test_recursive_view_is_left_out_and_the_other_layer_loads(tmp_path, caps):
    path = recursive_view_gpkg(tmp_path / "v.gpkg")
    before = path.read_bytes()
    caps({"max_query_seconds": 0.5})
    t0 = time.perf_counter()
    report = inspect_file(path)
    assert time.perf_counter() - t0 < 10
    assert report.layer == "小区" and report.features == 3 and report.layers == ["小区"]
    assert any("'endless' was left out" in w and "max_query_seconds" in w for w in report.warnings)
    assert [i.name for i in list_layers(path)] == ["小区"]
    _refused("max_query_seconds", inspect_file, path, layer="endless")
    assert path.read_bytes() == before  # the user's file is never written


def test_view_screening_shows_progress_and_stops_on_cancel(tmp_path):
    path = recursive_view_gpkg(tmp_path / "v.gpkg")
    shown = []
    t0 = time.perf_counter()
    with pytest.raises(Cancelled):
        inspect_file(path, feedback=Feedback(lambda f, _: shown.append(f),
                                             lambda: time.perf_counter() - t0 > 1.0))
    assert time.perf_counter() - t0 < 5
    assert len(shown) >= 2 and shown == sorted(shown) and 0 < shown[-1] < 0.2


def test_wall_time_cap_stops_a_read(tmp_path, caps):
    path = recursive_view_gpkg(tmp_path / "v.gpkg")
    caps({"max_seconds": 0.3, "max_query_seconds": 30})
    t0 = time.perf_counter()
    _refused("max_seconds", inspect_file, path)
    assert time.perf_counter() - t0 < 5


def test_a_genuine_view_still_loads(tmp_path):
    path = tmp_path / "g.gpkg"
    pyogrio.write_dataframe(compounds(), path, layer="小区")
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE VIEW big AS SELECT fid, geom, "户数" FROM "小区" WHERE "户数" > 100;
        INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id)
          VALUES ('big', 'features', 'big', 4490);
        INSERT INTO gpkg_geometry_columns VALUES ('big', 'geom', 'POLYGON', 4490, 0, 0);""")
    con.close()
    assert inspect_file(path, layer="big").features == 2


def test_view_calling_load_extension_and_triggers_do_nothing(tmp_path):
    path = tmp_path / "t.gpkg"
    pyogrio.write_dataframe(compounds(), path, layer="小区")
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE log (x);
        CREATE TRIGGER spy AFTER UPDATE ON "小区" BEGIN INSERT INTO log VALUES (1); END;
        CREATE VIEW evil AS SELECT fid, geom, load_extension('/nonexistent/evil') AS x FROM "小区";
        INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id)
          VALUES ('evil', 'features', 'evil', 4490);
        INSERT INTO gpkg_geometry_columns VALUES ('evil', 'geom', 'POLYGON', 4490, 0, 0);""")
    con.close()
    before = path.read_bytes()
    report = inspect_file(path)
    assert report.layer == "小区" and report.features == 3
    assert any("'evil' was left out" in w and "load_extension" in w for w in report.warnings)
    assert path.read_bytes() == before
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM log").fetchone() == (0,)
    con.close()
