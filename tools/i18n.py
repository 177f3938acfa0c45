"""Translation upkeep: collect strings, merge translations, compile.

    python tools/i18n.py update              # lupdate gis/ and gui/ into resources/i18n/app_zh_CN.ts
    python tools/i18n.py untranslated        # list (context, source) pairs still unfinished, as JSON
    python tools/i18n.py apply FILE.json     # merge {"context": {"source": "译文"}} into the .ts
    python tools/i18n.py release             # compile the .ts into the .qm the app loads

The .ts file is the single source of truth (editable in Qt Linguist); English is the source
language, so the English UI needs no translation file.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TS = I18N / "app_zh_CN.ts"
QM = I18N / "app_zh_CN.qm"


def tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    files = sorted(p for d in ("gis", "gui") for p in (ROOT / d).rglob("*.py"))
    return [str(p.relative_to(ROOT)) for p in files]


def lupdate(ts: Path) -> None:
    """Collect every tr()/translate()/QT_TRANSLATE_NOOP string into *ts* (keeps translations).

    Modules may define ``def tr(text): return QCoreApplication.translate("Ctx", text)``;
    lupdate files their strings under an empty context, so they are moved to "Ctx", and
    their finished translations (which lupdate drops as obsolete) are restored.
    """
    kept = _finished(ts) if ts.exists() else {}
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "relative",
                    "-target-language", "zh_CN", "-ts", str(ts)], cwd=ROOT, check=True,
                   capture_output=True)
    _assign_module_contexts(ts)
    _restore(ts, kept)


def _finished(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """The finished translation elements of *ts*, keyed by (context, source)."""
    return {(ctx, src): tr for ctx, src, tr in messages(ts)
            if tr is not None and tr.get("type") is None and (tr.text or "").strip()}


def _restore(ts: Path, kept: dict[tuple[str, str], ET.Element]) -> None:
    """Give unfinished messages back the finished translation they had before lupdate."""
    tree = ET.parse(ts)
    restored = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr, old = msg.find("translation"), kept.get((name, msg.findtext("source")))
            if old is not None and tr is not None and tr.get("type") == "unfinished":
                msg.remove(tr)
                msg.append(old)
                restored += 1
    if restored:
        _write(tree, ts)


MODULE_TR = re.compile(r"def tr\(text[^)]*\)[^:]*:\s*\n\s*return QCoreApplication\.translate\((\"\w+\"|\w+), text\)")


def _module_context(source: str) -> str | None:
    """The context of a module-level ``tr`` helper in *source* (a literal or a constant)."""
    match = MODULE_TR.search(source)
    if not match:
        return None
    name = match.group(1)
    if name.startswith('"'):
        return name.strip('"')
    const = re.search(rf"^{name}\s*=\s*\"(\w+)\"", source, re.M)
    return const.group(1) if const else None


def _assign_module_contexts(ts: Path) -> None:
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    orphan = contexts.get("")
    if orphan is None:
        return
    filename = None  # a location without a filename is in the previous message's file
    for msg in list(orphan.iter("message")):
        loc = msg.find("location")
        target = None
        if loc is not None:
            filename = loc.get("filename") or filename
            src = (ts.parent / filename).resolve() if filename else None
            target = _module_context(src.read_text(encoding="utf-8")) if src and src.is_file() else None
        if target is None:
            continue
        orphan.remove(msg)
        ctx = contexts.get(target)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = target
            contexts[target] = ctx
        if not any(m.findtext("source") == msg.findtext("source") for m in ctx.iter("message")):
            ctx.append(msg)
    if not list(orphan.iter("message")):
        root.remove(orphan)
    _write(tree, ts)


def messages(ts: Path):
    """Yield (context, source, translation element) for every message in *ts*."""
    root = ET.parse(ts).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            yield name, msg.findtext("source"), msg.find("translation")


def untranslated(ts: Path = TS) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for ctx, src, tr in messages(ts):
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not (tr.text or "").strip():
            out.setdefault(ctx, {})[src] = ""
    return out


def apply(mapping: dict[str, dict[str, str]], ts: Path = TS) -> int:
    tree = ET.parse(ts)
    done = 0
    for ctx in tree.getroot().iter("context"):
        table = mapping.get(ctx.findtext("name"), {})
        for msg in ctx.iter("message"):
            text = table.get(msg.findtext("source"))
            if text:
                tr = msg.find("translation")
                tr.text = text
                tr.attrib.pop("type", None)
                done += 1
    _write(tree, ts)
    return done


def _write(tree: ET.ElementTree, ts: Path) -> None:
    """Write *tree* the way lupdate does, so the two tools never churn the file's format."""
    body = ET.tostring(tree.getroot(), encoding="unicode").replace(" />", "/>")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def release(ts: Path = TS, qm: Path = QM) -> None:
    """Compile *ts* to *qm* via a temporary file: running apps map the .qm into memory."""
    tmp = qm.with_name(qm.name + ".tmp")
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(tmp)], check=True, capture_output=True)
    os.replace(tmp, qm)


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "update"
    if cmd == "update":
        lupdate(TS)
        print(f"{sum(1 for _ in messages(TS))} messages, "
              f"{sum(len(v) for v in untranslated().values())} untranslated")
    elif cmd == "untranslated":
        print(json.dumps(untranslated(), ensure_ascii=False, indent=1))
    elif cmd == "apply":
        print(apply(json.loads(Path(argv[1]).read_text(encoding="utf-8"))), "translations applied")
    elif cmd == "release":
        release()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
