"""Attribute encodings: .cpg, DBF language driver ID, detection, wrong declarations, override."""

from __future__ import annotations

import pytest

from gis.domain import FieldRole
from gis.errors import DataReadError
from gis.io import inspect_file
from gis.io.encoding import (GB18030, UTF8, canonical, dbf_ldid, detect_bytes, shapefile_encoding,
                             text_file_encoding, verify)
from tests.gis.io_samples import NAMES, compounds, write_shp


def names_of(report) -> list[str]:
    """The compound names (first column; UTF-8 shapefiles cut 小区名称 to 10 bytes: 小区名)."""
    return report.data.iloc[:, 0].tolist()


def test_gbk_without_cpg_but_ldid_0x4d(tmp_path):
    shp = write_shp(compounds(), tmp_path / "a.shp", encoding="GBK", cpg=False, ldid=0x4D)
    assert dbf_ldid(shp.with_suffix(".dbf")) == 0x4D
    report = inspect_file(shp)
    assert report.encoding.to_json() == {"name": "GBK", "source": "ldid"}
    assert report.data["小区名称"].tolist() == NAMES


def test_gbk_without_cpg_or_ldid_is_detected_as_gb18030(tmp_path):
    shp = write_shp(compounds(), tmp_path / "a.shp", encoding="GBK", cpg=False)
    report = inspect_file(shp)
    assert (report.encoding.name, report.encoding.source) == (GB18030, "detected")
    assert report.data["小区名称"].tolist() == NAMES  # 阳光花园, never 乱码


def test_utf8_without_cpg_is_detected(tmp_path):
    shp = write_shp(compounds(), tmp_path / "a.shp", encoding="UTF-8", cpg=False)
    report = inspect_file(shp)
    assert (report.encoding.name, report.encoding.source) == (UTF8, "detected")
    assert names_of(report) == NAMES
    assert report.repairs["field_names_fixed"] == 2  # 小区名称, 建成年代 were cut mid-character
    assert "小区名" in report.data.columns and report.field_map[FieldRole.NAME] == "小区名"


@pytest.mark.parametrize("cpg, expected", [("UTF-8", UTF8), ("65001", UTF8), ("936", "GBK"),
                                           ("GB2312", "GBK"), ("CP936", "GBK")])
def test_cpg_spellings(tmp_path, cpg, expected):
    encoding = "UTF-8" if expected == UTF8 else "GBK"
    shp = write_shp(compounds(), tmp_path / "a.shp", encoding=encoding, cpg=False)
    shp.with_suffix(".cpg").write_text(cpg)
    report = inspect_file(shp)
    assert (report.encoding.name, report.encoding.source) == (expected, "cpg")
    assert names_of(report) == NAMES


def test_wrong_cpg_is_corrected_with_a_warning(tmp_path):
    shp = write_shp(compounds(), tmp_path / "a.shp", encoding="GBK", cpg=False)
    shp.with_suffix(".cpg").write_text("UTF-8")
    report = inspect_file(shp)
    assert report.encoding.name == GB18030 and report.encoding.source == "detected"
    assert report.data["小区名称"].tolist() == NAMES
    assert any(".cpg says UTF-8" in w for w in report.warnings)


def test_user_override_wins(tmp_path):
    shp = write_shp(compounds(), tmp_path / "a.shp", encoding="GBK", cpg=False, ldid=0x4D)
    report = inspect_file(shp, encoding="latin-1")
    assert report.encoding.source == "user"
    assert "小区名称" not in report.data.columns  # the user asked for it: 乱码 it is
    assert report.data.iloc[:, 0].tolist() == [n.encode("gbk").decode("latin-1") for n in NAMES]
    with pytest.raises(DataReadError, match="Unknown text encoding"):
        inspect_file(shp, encoding="no-such-codec")


def test_truncated_utf8_field_names_do_not_mislead_detection(tmp_path):
    # 11-byte DBF field names cut 3-byte UTF-8 characters in half
    gdf = compounds().rename(columns={"小区名称": "小区名称名称"})
    shp = write_shp(gdf, tmp_path / "a.shp", encoding="UTF-8", cpg=False)
    info = shapefile_encoding(shp.with_suffix(".dbf"), None)
    assert info.name == UTF8 and not info.notices


def test_single_byte_claim_on_chinese_text_is_corrected():
    data = "阳光花园 幸福里小区 和平里".encode("gbk")
    info = verify("CP1252", "ldid", data)
    assert info.name == GB18030 and info.notices


def test_detect_bytes_and_csv_boms(tmp_path):
    assert detect_bytes("阳光花园".encode("utf-8")) == UTF8
    assert detect_bytes("阳光花园".encode("gbk")) == GB18030
    assert detect_bytes(b"plain ascii") == UTF8
    f = tmp_path / "a.csv"
    f.write_bytes("名称\n阳光花园\n".encode("utf-8-sig"))
    assert text_file_encoding(f).name == "UTF-8-SIG"
    f.write_bytes("名称\n阳光花园\n".encode("gbk"))
    assert text_file_encoding(f).name == GB18030
    assert canonical("gb2312") == "GBK" and canonical("utf8") == UTF8
