"""A survey table joined to compound polygons by name (or address), and its columns put on them.

:func:`match_table` decides, per table row, matched / ambiguous / unmatched
(:mod:`gis.people.matching`); an address on both sides settles a name that fits several
compounds. :func:`joined_frame` puts the table's columns on the compounds for the matched rows
(and for the answers a user gave in the review), nothing of the compounds' own overwritten:
people counts are parsed (bad cells reported per row, never read as 0) and fill only the
compounds' empty cells, each filled cell marked ``survey`` (:mod:`gis.people.marks`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from gis.domain import FieldRole
from gis.errors import NeedsAnswer
from gis.feedback import Feedback, ensure
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded, short_list
from gis.people import marks
from gis.people.matching import Match, NameIndex
from gis.people.names import name_key
from gis.people.table import SurveyTable, find_address_column

BY = ("name", "address")
SURVEY_SUFFIX = "_表"  # a table column whose name the compounds already use


@dataclass
class JoinResult:
    """Per table row (0-based) its :class:`Match`; ``notices`` say what was skipped and why."""

    matches: list[Match]
    notices: list[Notice] = field(default_factory=list)

    def rows(self, status: str) -> list[int]:
        return [row for row, m in enumerate(self.matches) if m.status == status]

    def assignment(self, answers: dict[int, int | None] | None = None) -> dict[int, int]:
        """Table row → compound row: the matches, overridden by the user's *answers*
        (row → compound row, or None for skip)."""
        out = {row: m.fid for row, m in enumerate(self.matches) if m.status == "matched"}
        for row, fid in (answers or {}).items():
            if fid is None:
                out.pop(row, None)
            else:
                out[row] = fid
        return out


def match_table(table: SurveyTable, names, *, by: str = "name", addresses=None,
                feedback: Feedback | None = None) -> JoinResult:
    """Match each row of *table* against the compounds' *names* (or *addresses* with
    ``by="address"``); *addresses* also settle names that fit several compounds.

    Raises
    ------
    NeedsAnswer
        ``by="address"`` and the table or the compounds have no address column.
    """
    fb = ensure(feedback)
    if by == "address":
        _need_addresses(table, addresses)
        values, index = table.frame[table.address_column], NameIndex(addresses)
    else:
        values, index = table.frame[table.name_column], NameIndex(names)
    fb.check()
    tie = _address_tiebreak(table, addresses) if by == "name" else None
    matches = []
    for row, value in enumerate(values.tolist()):
        if row % 500 == 0:
            fb.check()
            fb.progress(row / max(len(values), 1))
        found = index.match(value)
        if found.status == "ambiguous" and tie is not None:
            found = tie(row, found)
        matches.append(found)
    same = _duplicate_notices(index) if by == "name" else []  # addresses are often shared
    return JoinResult(matches, same + [_bad_notice(b) for b in table.bad])


def _need_addresses(table: SurveyTable, addresses) -> None:
    if table.address_column is None:
        raise NeedsAnswer("join.no_table_address", QT_TRANSLATE_NOOP(
            "errors", "{path} has no address column (地址). Say which with {option} COLUMN, or join by name."),
            path=str(table.path), option="--table-address-field",
            choices=[str(c) for c in table.frame.columns])  # the window offers these
    if addresses is None:
        raise NeedsAnswer("join.no_compound_address", QT_TRANSLATE_NOOP(
            "errors", "The compounds have no address column (地址). Say which with {option} COLUMN, or join "
                      "by name."), option="--compound-address-field")


def _address_tiebreak(table: SurveyTable, addresses):
    """A function settling an ambiguous name by the one candidate whose address is the row's."""
    if table.address_column is None or addresses is None:
        return None
    keys = [name_key(a).full if a is not None else "" for a in addresses]
    row_addresses = table.frame[table.address_column].tolist()

    def settle(row: int, found: Match) -> Match:
        mine = name_key(row_addresses[row]).full if row_addresses[row] is not None else ""
        same = [c for c in found.candidates if mine and keys[c[0]] == mine]
        return Match("matched", same, found.how + "+address") if len(same) == 1 else found
    return settle


def _duplicate_notices(index: NameIndex) -> list[Notice]:
    dup = [(name, fids) for name, fids in index.full.items() if len(fids) > 1]
    if not dup:
        return []
    return [coded("join.duplicate_names", QT_TRANSLATE_NOOP(
        "people", "{n} compound names are used by more than one compound ({names}); rows naming them "
                  "are listed as ambiguous, never joined to the first."),
        level="info", n=len(dup), names=short_list(name for name, _ in dup))]


# -- columns -------------------------------------------------------------------------------
def compound_addresses(frame: pd.DataFrame, column: str | None = None) -> list | None:
    """The compounds' address values: *column* (must exist), else a column named like one, else None."""
    if column is not None:
        if column not in frame.columns:
            raise NeedsAnswer("join.no_such_field", QT_TRANSLATE_NOOP(
                "errors", "The compounds have no column '{column}' (found: {columns}). Give one of them to "
                          "{option}."), column=column, columns=short_list(frame.columns, 12),
                option="--compound-address-field")
        return frame[column].tolist()
    found = find_address_column([c for c in frame.columns if c != frame.geometry.name])
    return frame[found].tolist() if found else None


def joined_frame(frame: pd.DataFrame, fields: dict[FieldRole, str], table: SurveyTable,
                 assignment: dict[int, int]) -> tuple[pd.DataFrame, dict[FieldRole, str], list[Notice]]:
    """*frame* with the table's columns for the assigned rows, the people roles mapped, and notices
    (the table's bad counts are :func:`match_table`'s notices).

    Table columns land beside the compounds' own (renamed ``…_表`` on a clash). A people count
    fills a compound's empty cell only (an entered value wins), marked ``survey``; several rows
    on one compound are added up, and said so.
    """
    out, fields = frame.copy(), dict(fields)
    notes = _combined_notice(assignment)
    rows = sorted(assignment)
    target = np.array([assignment[r] for r in rows], dtype=np.int64)
    people = {col: role for role, col in table.people.items()}
    for col in table.frame.columns:
        if col in people:
            continue
        name = col if col not in out.columns else f"{col}{SURVEY_SUFFIX}"
        out[name] = _placed(table.frame[col], rows, target, len(out))
    for col, role in people.items():
        values = _summed(table.counts[role][rows], target, len(out))
        notes += _fill(out, fields, role, col, values)
    return out, fields, notes


def _placed(values: pd.Series, rows: list[int], target: np.ndarray, n: int) -> pd.Series:
    """Text/number cells of the table put on their compounds (the last row wins a shared one)."""
    column = pd.Series([None] * n, dtype=object)
    column.iloc[target] = values.iloc[rows].to_numpy(object)
    return column


def _summed(counts: np.ndarray, target: np.ndarray, n: int) -> np.ndarray:
    """Per compound the sum of its rows' usable counts; NaN where no row had one."""
    total = np.zeros(n)
    seen = np.zeros(n, dtype=bool)
    ok = ~np.isnan(counts)
    np.add.at(total, target[ok], counts[ok])
    seen[target[ok]] = True
    return np.where(seen, total, np.nan)


def _fill(out: pd.DataFrame, fields: dict[FieldRole, str], role: FieldRole, col: str,
          values: np.ndarray) -> list[Notice]:
    """Fill the role's column (the layer's, else a new one named as in the table) where empty."""
    own = fields.get(role)
    if own is None or own not in out.columns:
        own = col if col not in out.columns else f"{col}{SURVEY_SUFFIX}"
        out[own] = np.nan
        fields[role] = own
    current = pd.to_numeric(out[own], errors="coerce").to_numpy(float)
    take = np.isnan(current) & ~np.isnan(values)
    kept = int((~np.isnan(current) & ~np.isnan(values)).sum())
    out[own] = np.where(take, values, current)
    marks.mark(out, own, take, marks.SURVEY)
    if not kept:
        return []
    return [coded("join.entered_kept", QT_TRANSLATE_NOOP(
        "people", "{n} compounds already had a value in '{column}'; it was kept and the table's left "
                  "aside."), level="info", n=kept, column=own)]


def _bad_notice(bad) -> Notice:
    template = (QT_TRANSLATE_NOOP("people", "Row {row}, '{column}': '{value}' is negative; skipped.")
                if bad.reason == "negative" else
                QT_TRANSLATE_NOOP("people", "Row {row}, '{column}': '{value}' is not a number; skipped."))
    return coded(f"join.{bad.reason}", template, row=bad.row, column=bad.column, value=bad.value[:40])


def _combined_notice(assignment: dict[int, int]) -> list[Notice]:
    by_compound: dict[int, list[int]] = {}
    for row, fid in assignment.items():
        by_compound.setdefault(fid, []).append(row)
    shared = {fid: rows for fid, rows in by_compound.items() if len(rows) > 1}
    if not shared:
        return []
    text = "; ".join(f"{fid} ← {', '.join(map(str, rows))}" for fid, rows in list(shared.items())[:5])
    return [coded("join.rows_combined", QT_TRANSLATE_NOOP(
        "people", "{n} compounds got several table rows (phases or parts of one compound); their counts "
                  "were added up (compound row ← table rows): {pairs}."), level="info", n=len(shared), pairs=text)]
