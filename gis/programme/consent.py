"""Residents' consent: the 3 x 80 % stages and the Civil Code rule for elevators.

Stages (保定's "3 x 80 %"): ``enter`` (agree to enter the plan), ``design`` (approve the
design), ``acceptance`` (satisfied at acceptance); a stage passes at ``agree / total`` ≥ the
threshold (80 % by default, a setting). A compound whose ``enter`` stage has not passed —
or has not been asked — waits in the reserve (储备库). Without a consent table every
compound is taken as agreeing (the run says so).

Elevators (民法典 art. 278): owners holding ≥ 2/3 of the floor area and ≥ 2/3 of the
headcount take part, and ≥ 3/4 of the participating area and headcount agree. A compound's
elevators whose vote is recorded and fails are held back (not spent, listed in the reserve);
a vote per building (a ``building`` column naming the building's id) holds back that
building's elevators only.

A consent table (CSV or XLSX) has the columns ``id`` (the compound's id, else its 0-based
row; a compound's unique name also matches), ``stage`` (enter, design, acceptance or elevator), ``agree`` and ``total``
(households; for ``elevator`` the headcount), and for elevator votes optionally
``participating``, ``area_total``, ``area_participating``, ``area_agree`` and ``building``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from gis.errors import DataReadError
from gis.gaps.compounds import id_key
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, coded

STAGES = ("enter", "design", "acceptance")
ELEVATOR = "elevator"
THRESHOLD = 0.8  # 3 x 80 %
PARTICIPATION, AGREEMENT = 2 / 3, 3 / 4  # 民法典 art. 278
VOTE_FIELDS = ("total", "participating", "agree", "area_total", "area_participating", "area_agree")
COLUMN_ALIASES = {"id": ("id", "编号", "小区编号", "小区id"), "stage": ("stage", "阶段"),
                  "agree": ("agree", "同意", "同意户数", "同意人数"), "total": ("total", "总数", "总户数", "户数")}
BUILDING_COLUMNS = ("building", "楼栋", "楼栋编号")
STAGE_ALIASES = {"入库": "enter", "进入": "enter", "设计": "design", "验收": "acceptance", "电梯": "elevator",
                 "加装电梯": "elevator"}


class ConsentError(DataReadError):
    """A consent table cannot be read."""


@dataclass(eq=False)
class Consent:
    """Counts per compound: ``agree`` / ``total`` (compounds x stages, NaN = not asked) and the
    elevator votes (``votes``: compounds x :data:`VOTE_FIELDS`, NaN = no vote; ``building_votes``
    the same per building of :class:`~gis.programme.facts.BuildingLifts`)."""

    agree: np.ndarray
    total: np.ndarray
    votes: np.ndarray
    threshold: float = THRESHOLD
    known: bool = False  # a table was given (else every compound is taken as agreeing)
    building_votes: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.building_votes is None:
            self.building_votes = np.full((0, len(VOTE_FIELDS)), np.nan)

    @classmethod
    def empty(cls, n: int, *, threshold: float = THRESHOLD, known: bool = False, buildings: int = 0) -> "Consent":
        nan = np.full((n, len(STAGES)), np.nan)
        return cls(nan, nan.copy(), np.full((n, len(VOTE_FIELDS)), np.nan), threshold, known,
                   np.full((buildings, len(VOTE_FIELDS)), np.nan))

    def ratio(self, stage: str) -> np.ndarray:
        k = STAGES.index(stage)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.total[:, k] > 0, self.agree[:, k] / self.total[:, k], np.nan)

    def passes(self, stage: str) -> np.ndarray:
        """Compounds whose *stage* reached the threshold (False when not asked)."""
        return np.nan_to_num(self.ratio(stage), nan=-1.0) >= self.threshold - 1e-12

    def asked(self, stage: str) -> np.ndarray:
        return ~np.isnan(self.total[:, STAGES.index(stage)])

    def consent_ok(self) -> np.ndarray:
        """Compounds that may be scheduled: the enter stage passed (all without a table)."""
        return self.passes("enter") if self.known else np.ones(len(self.agree), bool)

    def elevator_voted(self) -> np.ndarray:
        return ~np.isnan(self.votes[:, 0])

    def elevator_ok(self) -> np.ndarray:
        """Compounds whose elevators may go ahead: no vote recorded, or the vote passed."""
        return ~self.elevator_voted() | civil_code(*self.votes.T)

    def buildings_failed(self) -> np.ndarray:
        """Buildings whose recorded elevator vote did not pass."""
        v = self.building_votes
        return ~np.isnan(v[:, 0]) & ~civil_code(*v.T)

    def set(self, fid: int, stage: str, agree: float, total: float) -> tuple[float, float]:
        """Type in one compound's counts; returns the previous (agree, total) for undo."""
        k = STAGES.index(stage)
        before = (float(self.agree[fid, k]), float(self.total[fid, k]))
        self.agree[fid, k], self.total[fid, k] = agree, total
        self.known = True
        return before

    def set_vote(self, fid: int, values, *, building: bool = False) -> np.ndarray:
        """Type in one compound's (or, with *building*, one building's) elevator vote
        (:data:`VOTE_FIELDS` order, NaN = unknown; all NaN = no vote); returns the previous values."""
        table = self.building_votes if building else self.votes
        before = table[fid].copy()
        table[fid] = np.asarray(values, float)
        return before


def civil_code(total, participating, agree, area_total, area_part, area_agree) -> np.ndarray:
    """The art. 278 rule per row; a missing area (NaN) is judged by headcount alone."""
    total, part, agree = (np.asarray(v, float) for v in (total, participating, agree))
    area_total, area_part, area_agree = (np.asarray(v, float) for v in (area_total, area_part, area_agree))
    part = np.where(np.isnan(part), total, part)
    with np.errstate(invalid="ignore", divide="ignore"):
        heads = (part / total >= PARTICIPATION - 1e-12) & (agree / part >= AGREEMENT - 1e-12)
        no_area = np.isnan(area_total) | np.isnan(area_part) | np.isnan(area_agree)
        area = (area_part / area_total >= PARTICIPATION - 1e-12) & (area_agree / area_part >= AGREEMENT - 1e-12)
    return heads & (no_area | area)


# -- reading a table -----------------------------------------------------------------------
@dataclass
class ConsentRead:
    consent: Consent
    notices: list[Notice] = field(default_factory=list)
    matched: int = 0


def read_consent(path: str | Path, ids: np.ndarray, *, threshold: float = THRESHOLD,
                 building_ids: np.ndarray | None = None, names: np.ndarray | None = None) -> ConsentRead:
    """The consent table at *path* matched to the compounds *ids* — or, failing that, to their
    *names* when a name is unique (街道 tables are often keyed by compound name) — and elevator
    votes with a building value to *building_ids*; rows that cannot be used (unknown compound,
    building, stage or numbers) are reported one notice each."""
    frame = _read_table(Path(path))
    cols = _columns(frame, path)
    building_ids = np.zeros(0, dtype=object) if building_ids is None else building_ids
    consent = Consent.empty(len(ids), threshold=threshold, known=True, buildings=len(building_ids))
    row_of = _names_of(names) | {id_key(v): k for k, v in enumerate(ids)}
    building_of = {id_key(v): k for k, v in enumerate(building_ids)}
    notes, matched = [], 0
    for n, rec in enumerate(frame.to_dict("records")):
        row = n + 2  # the spreadsheet row (after the header)
        fid = row_of.get(id_key(rec[cols["id"]]))
        stage = str(rec[cols["stage"]] or "").strip().lower()
        stage = STAGE_ALIASES.get(stage, stage)
        values = {f: _number(rec.get(cols.get(f, f))) for f in VOTE_FIELDS}
        building = id_key(rec.get(cols.get("building", "building")))
        problem = _problem(fid, stage, values, building, building_of)
        if problem is not None:
            notes.append(coded("consent.row_unused", problem, row=row, id=rec[cols["id"]], stage=stage,
                               building=building))
            continue
        matched += 1
        if stage == ELEVATOR and building:
            consent.building_votes[building_of[building]] = [values[f] for f in VOTE_FIELDS]
        elif stage == ELEVATOR:
            consent.votes[fid] = [values[f] for f in VOTE_FIELDS]
        else:
            consent.agree[fid, STAGES.index(stage)] = values["agree"]
            consent.total[fid, STAGES.index(stage)] = values["total"]
    return ConsentRead(consent, notes, matched)


def _names_of(names) -> dict[str, int]:
    """Unique, non-empty compound names → fid."""
    if names is None:
        return {}
    keys = pd.Series([str(v).strip() for v in names])
    unique = keys[(keys != "") & ~keys.duplicated(keep=False)]
    return dict(zip(unique, unique.index))


def _problem(fid, stage: str, v: dict, building: str, building_of: dict) -> str | None:
    if building and stage == ELEVATOR and building not in building_of:
        return QT_TRANSLATE_NOOP("programme", "Consent table row {row}: no building needing an elevator has the "
                                              "id {building}; the row is left out.")
    if fid is None:
        return QT_TRANSLATE_NOOP("programme", "Consent table row {row}: no compound has the id {id}; the row is "
                                              "left out.")
    if stage not in STAGES and stage != ELEVATOR:
        return QT_TRANSLATE_NOOP("programme", "Consent table row {row}: unknown stage {stage} (use enter, design, "
                                              "acceptance or elevator); the row is left out.")
    if not (v["total"] > 0) or not (0 <= v["agree"] <= v["total"]):
        return QT_TRANSLATE_NOOP("programme", "Consent table row {row} (compound {id}): agree and total must be "
                                              "numbers with 0 ≤ agree ≤ total and total > 0; the row is left out.")
    if stage == ELEVATOR and not _ordered(v):
        return QT_TRANSLATE_NOOP("programme", "Consent table row {row} (compound {id}): an elevator vote needs agree "
                                              "≤ participating ≤ total, by headcount and by area; the row is left out.")
    return None


def vote_problem(values) -> str | None:
    """Why an elevator vote typed in (:data:`VOTE_FIELDS` order, NaN = unknown) cannot be used
    (a template), None when it can."""
    v = dict(zip(VOTE_FIELDS, (float(x) for x in values)))
    if not (v["total"] > 0) or not (0 <= v["agree"] <= v["total"]) or not _ordered(v):
        return QT_TRANSLATE_NOOP("programme", "An elevator vote needs a headcount above 0 and agree ≤ participating "
                                              "≤ total, by headcount and by area.")
    return None


def _ordered(v: dict) -> bool:
    """agree ≤ participating ≤ total by headcount and by area (unknown values are not compared)."""
    chains = ((v["agree"], v["participating"], v["total"]), (v["area_agree"], v["area_participating"], v["area_total"]))
    return all(not (a > b) for chain in chains for a, b in zip(chain, chain[1:]))


def _number(value) -> float:
    try:
        return float(str(value).replace(",", "").strip()) if value is not None and str(value).strip() else np.nan
    except ValueError:
        return np.nan


def _read_table(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise ConsentError(QT_TRANSLATE_NOOP("errors", "{path} does not exist."), path=str(path))
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
            frame = pd.read_excel(path, dtype=object)
        else:
            frame = _read_csv(path)
    except (OSError, ValueError) as exc:
        raise ConsentError(QT_TRANSLATE_NOOP("errors", "Cannot read the consent table {path}: {reason}"),
                           path=str(path), reason=str(exc)) from None
    return frame.astype(object).where(frame.notna(), None)


def _read_csv(path: Path) -> pd.DataFrame:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return pd.read_csv(path, dtype=str, encoding=encoding, keep_default_na=False)
        except UnicodeDecodeError:
            continue
    raise ValueError("the text is neither UTF-8 nor GBK")


def _columns(frame: pd.DataFrame, path) -> dict[str, str]:
    names = {str(c).strip().lower(): c for c in frame.columns}
    cols = {f: names[f] for f in VOTE_FIELDS if f in names}
    building = next((names[a] for a in BUILDING_COLUMNS if a in names), None)
    if building is not None:
        cols["building"] = building
    for key, aliases in COLUMN_ALIASES.items():
        found = next((names[a] for a in aliases if a in names), None)
        if found is None:
            raise ConsentError(QT_TRANSLATE_NOOP("errors", "The consent table {path} has no {column} column; it "
                                                 "needs id, stage, agree and total."), path=str(path), column=key)
        cols[key] = found
    return cols
