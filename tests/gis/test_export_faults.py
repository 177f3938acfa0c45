"""A full disk (or a locked file) during an export: a typed ExportError that names the file, the
previous file untouched, no half-written file left beside it. And the HTML page's last guard."""

from __future__ import annotations

import errno
import xml.etree.ElementTree as ET
from pathlib import Path

import ezdxf.document
import pandas as pd
import pytest
from openpyxl.workbook.workbook import Workbook

from gis.domain import Role
from gis.errors import ExportError
from gis.export import html_map
from gis.export.project_export import export_project
from gis.export.gaps_report import write_csv, write_xlsx
from tests.gis.export_samples import sample_project
from tests.gis.test_export_hostile import _gap_tables

PREVIOUS = b"the previous export"


def _disk_full_after_a_few_bytes(target: str | Path) -> None:
    with open(target, "wb") as fh:
        fh.write(b"half a file")
    raise OSError(errno.ENOSPC, "No space left on device")


def _patch(monkeypatch, owner, method: str, target_arg: int) -> None:
    def full(*args, **kwargs):
        _disk_full_after_a_few_bytes(args[target_arg])

    monkeypatch.setattr(owner, method, full)


WRITERS = {  # format -> (object, method, index of the target path in its arguments)
    "html": (Path, "write_text", 0),
    "kml": (ET.ElementTree, "write", 1),
    "xlsx": (Workbook, "save", 1),
    "dxf": (ezdxf.document.Drawing, "saveas", 1),
}


@pytest.fixture(scope="module")
def project():
    return sample_project()


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_full_disk_is_an_export_error_and_keeps_the_previous_file(project, tmp_path, monkeypatch, fmt):
    out = tmp_path / f"plan.{fmt}"
    out.write_bytes(PREVIOUS)
    _patch(monkeypatch, *WRITERS[fmt])
    with pytest.raises(ExportError) as err:
        export_project(project, out, fmt=fmt, layers=None if fmt == "xlsx" else ["zones", "compounds"])
    assert str(out) in err.value.message and "No space left on device" in err.value.message
    assert out.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


@pytest.mark.parametrize("name", ["gaps.csv", "gaps.xlsx"])
def test_full_disk_in_the_gap_tables(tmp_path, monkeypatch, name):
    tables = _gap_tables(sample_project())
    if name.endswith(".csv"):
        _patch(monkeypatch, pd.DataFrame, "to_csv", 1)
    else:
        _patch(monkeypatch, Workbook, "save", 1)
    with pytest.raises(ExportError, match="No space left"):
        (write_csv if name.endswith(".csv") else write_xlsx)(tables, tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_read_only_folder_is_an_export_error(project, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(ExportError, match="Permission denied"):
        export_project(project, tmp_path / "plan.kml", fmt="kml")


def test_a_page_that_still_holds_a_script_is_refused(tmp_path, monkeypatch):
    """If a future change let a colour through unchecked, the page is not written."""
    monkeypatch.setattr(html_map, "safe_colour", lambda value, default="#cccccc": str(value))
    project = sample_project(zones=False)
    project.first(Role.COMPOUNDS).style.fill = "</script><script>window.__pwned=1</script>"
    with pytest.raises(ExportError, match="could not be made safe"):
        export_project(project, tmp_path / "plan.html", fmt="html")
    assert list(tmp_path.iterdir()) == []
