"""Tables and figures a meeting reads: zone names sort naturally (片区 1, 2 … 10) in the gap tables
too; money in 万元 / 亿元 with grouped digits."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt

from gui.gaps.table import Col, FrameTable


def test_gap_tables_sort_zone_names_naturally(app):
    names = [f"片区 {k}" for k in (9, 8, 28, 2, 19, 1, 10)]
    table = FrameTable([Col("name", "片区"), Col("n", "缺项数", "int")])
    table.set_frame(pd.DataFrame({"name": names, "n": range(len(names))}))
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    shown = [table.proxy.index(r, 0).data() for r in range(len(names))]
    assert shown == [f"片区 {k}" for k in (1, 2, 8, 9, 10, 19, 28)]


def test_money_reads_in_wan_and_yi_yuan(app):
    from gui.gaps.wording import yuan

    assert yuan(3_343_200_000) == "33.43 亿元"  # not 334,320 万元
    assert yuan(109_200_000) == "1.09 亿元"
    assert yuan(24_500_000) == "2,450 万元"  # decimals only when they say something
    assert yuan(39_800_000) == "3,980 万元" and yuan(125_000) == "12.5 万元"
    assert yuan(None) == "—"


def test_money_in_an_english_window_and_in_wan_cells(app):
    from PySide6.QtCore import QLocale

    from gui.gaps.table import cell_text
    from gui.gaps.wording import yuan
    from gui.programme.wording import wan_text

    assert cell_text("yuan", 39_800_000) == "3,980" and cell_text("yuan", 125_000) == "12.5"  # under a 万元 header
    was = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    try:
        assert yuan(39_800_000) == wan_text(39_800_000) == "CNY 39.8 million"  # one formatter, card and programme
        assert yuan(350_000) == "CNY 350,000"
    finally:
        QLocale.setDefault(was)
