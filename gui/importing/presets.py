"""Import presets saved in the user's config folder, one JSON file per preset."""

from __future__ import annotations

import re
from pathlib import Path

from gis.errors import DataReadError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io import ImportPreset

FOLDER = "import_presets"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class PresetStore:
    """Named :class:`ImportPreset` files in *folder* (``<config>/import_presets`` by default)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    @classmethod
    def default(cls) -> "PresetStore":
        from gui.app import config_dir

        return cls(config_dir() / FOLDER)

    def path(self, name: str) -> Path:
        stem = _UNSAFE.sub("_", name.strip()).strip(" .") or "preset"
        return self.folder / f"{stem}.json"

    def names(self) -> list[str]:
        """Preset names, sorted (files that are not presets are skipped)."""
        out = []
        for file in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else []:
            try:
                out.append(ImportPreset.load(file).name or file.stem)
            except DataReadError:
                continue
        return sorted(set(out))

    def save(self, preset: ImportPreset) -> Path:
        """Write *preset* under its name (replacing one of the same name)."""
        if not preset.name.strip():
            raise DataReadError(QT_TRANSLATE_NOOP("errors", "Give the import preset a name."))
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.path(preset.name)
        try:
            preset.save(path)
        except OSError as exc:
            raise DataReadError(QT_TRANSLATE_NOOP(
                "errors", "The import preset cannot be saved to {path} ({reason})."),
                path=str(path), reason=exc.strerror or str(exc)) from None
        return path

    def load(self, name: str) -> ImportPreset:
        """The preset called *name*; DataReadError when it is missing or unreadable."""
        preset = ImportPreset.load(self.path(name))
        preset.name = preset.name or name
        return preset

    def delete(self, name: str) -> None:
        self.path(name).unlink(missing_ok=True)
