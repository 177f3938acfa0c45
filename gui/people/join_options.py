"""How a survey table is matched to the compounds: by compound name or by address (``main.py
join --by name|address``), and which of the compounds' columns holds their address."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QRadioButton, QVBoxLayout

from gis.people.table import find_address_column


class JoinOptions(QDialog):
    """Name or address; :meth:`choice` gives ``(by, compound address column or None)``."""

    def __init__(self, layer, file_name: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join a survey table"))
        self.setMinimumWidth(380)
        columns = [str(c) for c in layer.attribute_columns()]
        found = find_address_column(columns)
        self.by_name = QRadioButton(self.tr("By compound name (小区名称)"))
        self.by_address = QRadioButton(self.tr("By address (地址)"))
        self.by_name.setChecked(True)
        self.address = QComboBox()
        self.address.addItem(self.tr("No address column"), None)
        for column in columns:
            self.address.addItem(column, column)
        if found is not None:
            self.address.setCurrentIndex(columns.index(found) + 1)
        self.note = QLabel(self.tr("With names, an address on both sides settles a name several compounds share."))
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Compounds' address column"), self.address)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Match the rows of {file}:").format(file=file_name)))
        layout.addWidget(self.by_name)
        layout.addWidget(self.by_address)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.by_address.toggled.connect(lambda _on: self._allow())
        self.address.currentIndexChanged.connect(lambda _i: self._allow())
        self._allow()

    def _allow(self) -> None:
        """OK needs an address column when matching by address."""
        ok = self.by_name.isChecked() or self.address.currentData() is not None
        self.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def choice(self) -> tuple[str, str | None]:
        return ("address" if self.by_address.isChecked() else "name"), self.address.currentData()
