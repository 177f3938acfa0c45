"""The user's review answers, remembered per survey table file.

Answers live in the settings folder (``survey_answers/<hash of the table's path>.json``), never
beside the user's table: a 街道 file is often on a shared or read-only drive. An answer is keyed
by the row's written name (rows move when a table is edited; names stay) and holds the
compound's id (its id field, else its row) or None for "skip".

>>> import tempfile
>>> book = AnswerBook(tempfile.mkdtemp())
>>> book.save("/data/街道.xlsx", {"光明新村": "XQ2", "无名": None})
>>> book.load("/data/街道.xlsx")
{'光明新村': 'XQ2', '无名': None}
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

FOLDER = "survey_answers"


class AnswerBook:
    """Remembered answers of every survey table, in *folder* (the settings folder)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder) / FOLDER

    def file_of(self, table: str | Path) -> Path:
        key = hashlib.sha1(str(Path(table).resolve()).encode("utf-8")).hexdigest()[:16]
        return self.folder / f"{key}.json"

    def load(self, table: str | Path) -> dict[str, object]:
        """Name → compound id (None: skip) remembered for *table*; {} when none or unreadable."""
        try:
            raw = json.loads(self.file_of(table).read_text(encoding="utf-8"))
            return {str(k): v for k, v in raw.get("answers", {}).items()}
        except (OSError, ValueError, AttributeError):
            return {}

    def save(self, table: str | Path, answers: dict[str, object]) -> None:
        """Remember *answers* for *table* (merged over earlier ones), atomically."""
        merged = {**self.load(table), **answers}
        path = self.file_of(table)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps({"table": str(Path(table).resolve()), "answers": merged},
                                  ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)


def answers_by_row(names: list, answers: dict[str, object], ids: list) -> dict[int, int | None]:
    """Table row → compound row (None: skip) for the rows whose name has a remembered answer
    whose compound still exists."""
    row_of_id = {}
    for fid, value in enumerate(ids):
        row_of_id.setdefault(str(value), fid)
    out: dict[int, int | None] = {}
    for row, name in enumerate(names):
        key = "" if name is None else str(name)
        if key in answers:
            wanted = answers[key]
            if wanted is None:
                out[row] = None
            elif str(wanted) in row_of_id:
                out[row] = row_of_id[str(wanted)]
    return out
