"""Adding data to the project: File > Add data…, drag and drop, and the import dialog.

:class:`~gui.importing.controller.ImportController` picks files and runs the reads off the UI
thread; :class:`~gui.importing.dialog.ImportDialog` shows what the importer found (layer,
encoding, coordinate system, role, field mapping, facility types, repairs, preview) and lets
the user change it before the layer is built.
"""
