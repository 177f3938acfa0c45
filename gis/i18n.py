"""Marking user-visible strings in the Qt-free engine.

``gis`` may not import Qt, yet its messages reach the user. Strings are marked with
:func:`QT_TRANSLATE_NOOP` (the name ``pyside6-lupdate`` looks for) and translated by the
GUI with ``QCoreApplication.translate(context, text)``. The CLI prints the English source.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (name fixed by lupdate)
    """Return *text* unchanged; lupdate collects it under *context*."""
    return text


def localised_params(params: dict, language: str) -> dict:
    """*params* with each ``X_zh`` value in place of ``X`` when *language* is Chinese (a name
    given in both languages, e.g. ``rule="Changchun", rule_zh="长春"``)."""
    if not language.startswith("zh"):
        return dict(params)
    return {k: params.get(f"{k}_zh") or v for k, v in params.items()}


def translate(context: str, text: str, language: str) -> str:
    """*text* in *language* ("zh"/"zh_CN" or "en") from the app's translation file, without Qt
    (the command line writes names such as 片区 1 into its outputs). English is the source."""
    if not language.startswith("zh"):
        return text
    return _catalogue().get((context, text)) or text


def translate_any(text: str, language: str) -> str:
    """*text* in *language*, whichever engine context marked it (notices are marked in several)."""
    if not language.startswith("zh"):
        return text
    _catalogue()
    return _BY_SOURCE.get(text) or text


_CATALOGUE: dict | None = None
_BY_SOURCE: dict = {}


def _catalogue() -> dict:
    """(context, source) → zh_CN translation, read once from resources/i18n/app_zh_CN.ts."""
    global _CATALOGUE
    if _CATALOGUE is None:
        import xml.etree.ElementTree as ET

        from gis.paths import RESOURCES

        _CATALOGUE = {}
        path = RESOURCES / "i18n" / "app_zh_CN.ts"
        if path.exists():
            for ctx in ET.parse(path).getroot().iter("context"):
                name = ctx.findtext("name")
                for msg in ctx.iter("message"):
                    tr = msg.find("translation")
                    if tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete", "vanished"):
                        _CATALOGUE[(name, msg.findtext("source"))] = tr.text
                        _BY_SOURCE.setdefault(msg.findtext("source"), tr.text)
    return _CATALOGUE
