"""Which picked or dropped paths are datasets (no Qt needed)."""

from __future__ import annotations

from gui.importing.files import dataset_paths, importable


def test_sidecars_gdb_members_and_duplicates(tmp_path):
    shp = tmp_path / "小区边界.shp"
    for ext in (".shp", ".dbf", ".shx", ".prj", ".cpg"):
        shp.with_suffix(ext).write_bytes(b"x")
    (tmp_path / "小区边界.shp.xml").write_text("<xml/>", encoding="utf-8")
    gdb = tmp_path / "规划.gdb"
    gdb.mkdir()
    table = gdb / "a00000001.gdbtable"
    table.write_bytes(b"x")
    picked = [shp.with_suffix(".dbf"), shp, tmp_path / "小区边界.shp.xml", table, gdb,
              tmp_path / "notes.docx"]
    assert dataset_paths(picked) == [shp, gdb, tmp_path / "notes.docx"]


def test_importable_for_accepting_a_drag(tmp_path):
    lone = tmp_path / "orphan.dbf"  # no .shp beside it: still offered (the importer explains)
    lone.write_bytes(b"x")
    assert importable(tmp_path / "a.GeoJSON") and importable(tmp_path / "b.zip")
    assert importable(tmp_path / "c.xls")  # refused later with the advice to save as .xlsx
    assert importable(lone)
    assert not importable(tmp_path / "readme.md")
