"""Language: installs the Qt translator; translates engine messages and errors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gis.errors import GisError
from gis.i18n import fill
from gis.paths import RESOURCES

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []


def install_translator(app, language: str) -> bool:
    """Load the translation for *language* ('zh_CN' or 'en'); English is the source text."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
    if language == "en":
        return True
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    # Qt's own strings (Close, Cancel, Yes/No in standard dialogs), then the app's
    for qm in (qt_dir / f"qtbase_{language}.qm", qt_dir / f"qt_{language}.qm",
               RESOURCES / "i18n" / f"app_{language}.qm"):
        tr = QTranslator(app)
        if qm.exists() and tr.load(str(qm)):
            app.installTranslator(tr)
            _installed.append(tr)
    return any(str(t.filePath()).endswith(f"app_{language}.qm") for t in _installed)


def chinese_ui() -> bool:
    """Whether the UI speaks Chinese (install_translator sets the default locale)."""
    return QLocale().language() == QLocale.Language.Chinese


def ui_language() -> str:
    """The UI language in force: "zh_CN" or "en"."""
    return "zh_CN" if chinese_ui() else "en"


def tr_gis(context: str, text: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP in the engine."""
    return QCoreApplication.translate(context, text)


def error_text(err: BaseException) -> str:
    """The user-facing text of an engine error, in the UI language."""
    if isinstance(err, GisError):
        template = translated(err.template, err.context)
        try:
            return fill(template, err.params_in(ui_language()))
        except (KeyError, IndexError, ValueError):
            return err.message
    return str(err) or type(err).__name__


NOTICE_CONTEXTS = ("errors", "io", "analysis", "zones", "gaps", "network", "standards", "export", "domain",
                   "people", "supply", "programme", "recovery", "install", "columns")  # every gis context


def notice_text(note) -> str:
    """A gis Notice in the UI language (its template was marked in one of the engine contexts)."""
    template = getattr(note, "template", None)
    if template is None:
        return str(note)
    from gis.io.notices import localised_params

    template = translated(template)
    try:
        return fill(template, localised_params(getattr(note, "params", {}), ui_language()))
    except (KeyError, IndexError, ValueError):
        return str(note)


def translated(template: str, context: str | None = None) -> str:
    """*template* in the UI language, looked up in *context* first, then in every engine context."""
    for ctx in ((context,) if context else ()) + NOTICE_CONTEXTS:
        text = QCoreApplication.translate(ctx, template)
        if text != template:
            return text
    return template


def translating(feedback, partial=None):
    """*feedback* whose progress messages (engine templates) arrive in the UI language; parts of the
    result delivered early go to *partial* (else on to *feedback*)."""
    from gis.feedback import Feedback

    return Feedback(lambda f, m: feedback.progress(f, translated(m) if m else m), feedback.is_cancelled,
                    partial=partial or feedback.deliver)


def count_words(n: int, text: str) -> str:
    """*text* (translated, "{n} facilities") for *n* digit-grouped; the English singular when n is 1."""
    return fill(text, {"n": f"{int(n):,}"})


def plural(text: str, **params) -> str:
    """*text* (a translated source, e.g. ``self.tr("{n} zones proposed in {s:.1f} s.")``) filled with
    *params*; a count of 1 takes the English singular (gis.i18n.fill holds the rule)."""
    return fill(text, params)
