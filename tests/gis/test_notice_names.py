"""Notices name the facilities they list: a planned site by its label in the notice's language,
another by its name, and by its id only when it has no name."""

from __future__ import annotations

from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import coded
from gis.wording import named_sites

TEMPLATE = QT_TRANSLATE_NOOP("network", "{count} facilities lie more than {metres} m from every street and were "
                                        "left out: {ids}")


def test_planned_sites_named_facilities_and_bare_ids():
    said = named_sites(["P-clinic-1", "F7", "F9", "F10"], ["规划-卫生服务站-1", "东门卫生站", None, "  "])
    assert said["ids"] == "Planned clinic 1, 东门卫生站, F9, F10"
    assert said["ids_zh"] == "规划-卫生服务站-1, 东门卫生站, F9, F10"


def test_a_notice_names_a_planned_site_in_its_own_language():
    note = coded("network.facilities_off_network", TEMPLATE, count=1, metres="500",
                 **named_sites(["P-play_area-2"], ["Planned children's play area 2"]))
    assert note.message.endswith(": Planned children's play area 2") and "P-play_area" not in note.message
    assert note.in_language("zh_CN").endswith("：规划-儿童活动场地-2")


def test_long_lists_are_cut_the_same_way_in_both_languages():
    said = named_sites([f"F{i}" for i in range(9)], [f"站{i}" for i in range(9)])
    assert said["ids"] == said["ids_zh"] == "站0, 站1, 站2, 站3, 站4, 站5, …"
