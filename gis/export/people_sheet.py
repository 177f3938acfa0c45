"""The report's people sheet (人口): per compound its households, residents, 60+ and 0–6, each
with its unit and where the value came from — entered, a 街道 survey table, or an estimate and
its method (:mod:`gis.people.marks`) — so the deliverable shows which figures are estimates."""

from __future__ import annotations

import pandas as pd

from gis.domain import FieldRole, Role
from gis.export.frames import compound_ids
from gis.export.sheet import INT, Column
from gis.people import marks
from gis.wording import check_language

TITLE = ("People", "人口")
COUNTS = (  # role → (English header, Chinese header), the unit in each
    (FieldRole.HOUSEHOLDS, ("Households", "户数(户)")),
    (FieldRole.POPULATION, ("Residents (people)", "常住人口(人)")),
    (FieldRole.ELDERLY, ("Aged 60+ (people)", "60岁以上(人)")),
    (FieldRole.CHILDREN, ("Aged 0-6 (people)", "0-6岁(人)")),
)
HEADS = {"id": ("ID", "编号"), "name": ("Compound", "小区名称"), "source": ("{what}: source", "{what}来源")}
EMPTY = ("The project has no compounds layer.", "项目没有小区图层。")


def sheet_title(language: str = "zh_CN") -> str:
    return TITLE[_pick(language)]


def people_table(project, language: str = "zh_CN") -> tuple[pd.DataFrame | None, list[Column], str | None]:
    """``(frame, columns, empty reason)`` of the people sheet for :func:`gis.export.sheet.write_sheet`."""
    pick = _pick(language)
    lang = check_language(language)
    columns = [Column("id", HEADS["id"][pick]), Column("name", HEADS["name"][pick])]
    for role, heads in COUNTS:
        what = heads[pick].partition("(")[0].strip()
        columns += [Column(role.value, heads[pick], INT),
                    Column(f"{role.value}_source", HEADS["source"][pick].format(what=what))]
    layer = project.first(Role.COMPOUNDS)
    if layer is None:
        return None, columns, EMPTY[pick]
    data = layer.data
    names = layer.column(FieldRole.NAME)
    frame = pd.DataFrame({"id": compound_ids(layer), "name": names.tolist() if names is not None else ""})
    for role, _heads in COUNTS:
        column = layer.fields.get(role)
        if column is None or column not in data.columns:
            frame[role.value], frame[f"{role.value}_source"] = None, ""
            continue
        frame[role.value] = pd.to_numeric(data[column], errors="coerce").to_numpy(float)
        frame[f"{role.value}_source"] = [marks.label_in(s, lang) for s in marks.sources(data, column).tolist()]
    return frame, columns, None


def _pick(language: str) -> int:
    return 1 if check_language(language) == "zh_CN" else 0


def add_people_sheet(wb, project, language: str = "zh_CN") -> None:
    """Append the people sheet to the openpyxl workbook *wb*."""
    from gis.export.sheet import write_sheet

    frame, columns, empty = people_table(project, language)
    write_sheet(wb.create_sheet(sheet_title(language)), frame, columns, check_language(language), empty=empty)
