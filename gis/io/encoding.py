"""Which text encoding a file's attributes use, and where we learnt it.

Shapefiles: the ``.cpg`` file, else the DBF language driver ID (LDID, header byte 29),
else detection: strictly valid UTF-8 is UTF-8, anything else GB18030 (a superset of GBK
and GB2312). A declared encoding that the bytes contradict is corrected with a warning,
because a wrong ``.cpg`` is as common as a missing one. The user can always override.
CSV files: a byte-order mark, else the same detection.
"""

from __future__ import annotations

import codecs
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from gis.errors import DataReadError
from gis.i18n import QT_TRANSLATE_NOOP
from gis.io.notices import Notice, notice

UTF8 = "UTF-8"
GB18030 = "GB18030"
SAMPLE_BYTES = 8 * 1024 * 1024  # head and tail each; enough to see any real file's habits
_QUICK_BYTES = 1024 * 1024  # for the tolerant (slower) checks
_CJK = re.compile("[\u3000-\u9fff\uff00-\uffef]")

# DBF language driver IDs (ESRI / dBASE table) → encoding. 0x57 ("ANSI") means the
# writer's system code page, which is unknown here, so it is left to detection.
LDID_ENCODINGS = {
    0x01: "CP437", 0x02: "CP850", 0x03: "CP1252", 0x08: "CP865", 0x09: "CP437",
    0x0A: "CP850", 0x0B: "CP437", 0x0D: "CP437", 0x0E: "CP850", 0x0F: "CP437",
    0x10: "CP850", 0x11: "CP437", 0x12: "CP850", 0x13: "CP932", 0x14: "CP850",
    0x15: "CP437", 0x16: "CP850", 0x17: "CP865", 0x18: "CP437", 0x19: "CP437",
    0x1A: "CP850", 0x1B: "CP437", 0x1C: "CP863", 0x1D: "CP850", 0x1F: "CP852",
    0x22: "CP852", 0x23: "CP852", 0x24: "CP860", 0x25: "CP850", 0x26: "CP866",
    0x37: "CP850", 0x40: "CP852", 0x4D: "GBK", 0x4E: "CP949", 0x4F: "BIG5",
    0x50: "CP874", 0x58: "CP1252", 0x59: "CP1252", 0x64: "CP852", 0x65: "CP866",
    0x66: "CP865", 0x67: "CP861", 0x6A: "CP737", 0x6B: "CP857", 0x78: "BIG5",
    0x79: "CP949", 0x7A: "GBK", 0x7B: "CP932", 0x7C: "CP874", 0x7D: "CP1255",
    0x7E: "CP1256", 0xC8: "CP1250", 0xC9: "CP1251", 0xCA: "CP1254", 0xCB: "CP1253",
    0xCC: "CP1257",
}

# .cpg spellings → canonical name
_ALIASES = {
    "utf8": UTF8, "utf-8": UTF8, "65001": UTF8, "utf_8": UTF8,
    "936": "GBK", "cp936": "GBK", "gbk": "GBK", "ansi936": "GBK", "ms936": "GBK",
    "gb2312": "GBK", "gb_2312": "GBK", "euc-cn": "GBK", "euccn": "GBK",
    "gb18030": GB18030, "54936": GB18030,
    "950": "BIG5", "cp950": "BIG5", "big5": "BIG5",
    "1252": "CP1252", "cp1252": "CP1252", "ansi1252": "CP1252", "88591": "ISO-8859-1",
    "iso88591": "ISO-8859-1", "latin1": "ISO-8859-1",
}
_CJK_FAMILY = {"GBK", GB18030}
_SINGLE_BYTE_PREFIXES = ("CP4", "CP7", "CP8", "CP12", "ISO-8859")


@dataclass(frozen=True)
class EncodingInfo:
    """The encoding used to read text and where it came from.

    ``source`` is one of ``cpg``, ``ldid``, ``detected``, ``user``, ``format``.
    """

    name: str
    source: str
    notices: tuple[Notice, ...] = ()

    def to_json(self) -> dict:
        return {"name": self.name, "source": self.source}


def canonical(name: str) -> str:
    """Canonical spelling of an encoding name; raises DataReadError for unknown names."""
    key = name.strip().lower().replace(" ", "")
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        return codecs.lookup(name.strip()).name.upper().replace("_", "-")
    except (LookupError, ValueError):  # ValueError: a NUL byte in the name (a damaged .cpg)
        raise DataReadError(
            QT_TRANSLATE_NOOP("errors", "Unknown text encoding '{name}'. Use a name such as "
                              "UTF-8, GBK, GB18030 or BIG5."), name=name) from None


def decoder_name(name: str) -> str:
    """The codec actually used for *name*: GBK-family text is decoded as GB18030 (a superset)."""
    return GB18030 if name in _CJK_FAMILY else name


# -- detection ------------------------------------------------------------------------
def _decodes(data: bytes, encoding: str) -> bool:
    """Whether *data* decodes strictly (an incomplete character at the very end is allowed)."""
    try:
        codecs.getincrementaldecoder(decoder_name(encoding))("strict").decode(data, final=False)
        return True
    except UnicodeDecodeError:
        return False


def _fits(data: bytes, encoding: str) -> bool:
    """Whether *data* is *encoding* text, allowing a few characters cut by fixed field widths."""
    if _decodes(data, encoding):
        return True
    text = data[:_QUICK_BYTES].decode(decoder_name(encoding), errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return good > 0 and bad <= max(2, good // 50)


def _looks_chinese(data: bytes) -> bool:
    """Whether *data* decoded as GB18030 is mostly CJK ideographs (for single-byte claims)."""
    text = data[:_QUICK_BYTES].decode(GB18030, errors="replace")
    wide = len(text) - len(text.encode("ascii", errors="ignore"))
    return wide > 0 and len(_CJK.findall(text)) >= 0.9 * wide


def detect_bytes(data: bytes) -> str:
    """UTF-8 when *data* is (practically) valid UTF-8, else GB18030."""
    return UTF8 if data.isascii() or _fits(data, UTF8) else GB18030


def verify(declared: str, source: str, data: bytes) -> EncodingInfo:
    """Keep a declared encoding unless the bytes clearly say otherwise (then warn)."""
    if data.isascii():
        return EncodingInfo(declared, source)
    if declared != UTF8 and _fits(data, UTF8):
        return _corrected(declared, source, UTF8)
    if declared == UTF8 and not _fits(data, UTF8) and _fits(data, GB18030):
        return _corrected(declared, source, GB18030)
    if declared.startswith(_SINGLE_BYTE_PREFIXES) and _looks_chinese(data):
        return _corrected(declared, source, GB18030)
    if not _fits(data, declared):
        note = notice(QT_TRANSLATE_NOOP("io", "Some text is not valid {encoding}; unreadable "
                                        "characters are replaced. Choose the encoding if names "
                                        "look wrong."), encoding=declared)
        return EncodingInfo(declared, source, (note,))
    return EncodingInfo(declared, source)


def _corrected(declared: str, source: str, actual: str) -> EncodingInfo:
    where = {"cpg": ".cpg", "ldid": "DBF header", "format": "file header"}.get(source, source)
    note = notice(QT_TRANSLATE_NOOP("io", "The {where} says {declared}, but the text is "
                                    "{actual}; it was read as {actual}. Choose the encoding if "
                                    "names look wrong."),
                  where=where, declared=declared, actual=actual)
    return EncodingInfo(actual, "detected", (note,))


# -- shapefiles -----------------------------------------------------------------------
def read_cpg(path: Path) -> str | None:
    """The encoding named in a ``.cpg`` file, or None when it is missing or empty."""
    try:
        text = path.read_bytes()[:64].decode("ascii", errors="ignore").strip()
    except OSError:
        return None
    if not text:
        return None
    try:
        return canonical(text)
    except DataReadError:
        return None


def dbf_ldid(path: Path) -> int | None:
    """The DBF language driver ID byte (0 or None when absent)."""
    try:
        with open(path, "rb") as f:
            head = f.read(32)
    except OSError:
        return None
    return head[29] if len(head) >= 32 else None


def dbf_text_bytes(path: Path, limit: int = SAMPLE_BYTES) -> bytes:
    """Field names and record bytes of a DBF (head and tail, *limit* each) for detection."""
    try:
        with open(path, "rb") as f:
            head = f.read(32)
            if len(head) < 32:
                return b""
            n_records, header_len, record_len = struct.unpack("<IHH", head[4:12])
            names = f.read(max(header_len - 32, 0))
            body = n_records * record_len
            chunk = max(record_len, limit // max(record_len, 1) * record_len)  # whole records
            f.seek(header_len)
            data = f.read(min(body, chunk))
            if body > 2 * chunk:
                f.seek(header_len + body - chunk)
                data += f.read(chunk)
    except (OSError, struct.error):
        return b""
    fields = [names[i:i + 11].split(b"\0", 1)[0] for i in range(0, len(names) - 31, 32)]
    return b" ".join(fields) + b"\n" + data


def shapefile_encoding(dbf: Path | None, cpg: Path | None, *, user: str | None = None) -> EncodingInfo:
    """Encoding of a shapefile's attributes: user → .cpg → LDID → detection."""
    if user:
        return EncodingInfo(canonical(user), "user")
    if dbf is None:
        return EncodingInfo(UTF8, "format")
    data = dbf_text_bytes(dbf)
    declared = read_cpg(cpg) if cpg is not None else None
    if declared:
        return verify(declared, "cpg", data)
    ldid = dbf_ldid(dbf)
    if ldid in LDID_ENCODINGS:
        return verify(LDID_ENCODINGS[ldid], "ldid", data)
    return EncodingInfo(detect_bytes(data), "detected")


# -- text files -------------------------------------------------------------------------
_BOMS = ((codecs.BOM_UTF8, "UTF-8-SIG"), (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def text_file_encoding(path: Path, *, user: str | None = None) -> EncodingInfo:
    """Encoding of a CSV / GeoJSON file: user → byte-order mark → detection."""
    if user:
        return EncodingInfo(canonical(user), "user")
    try:
        with open(path, "rb") as f:
            data = f.read(SAMPLE_BYTES)
    except OSError:
        return EncodingInfo(UTF8, "detected")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return EncodingInfo(name, "detected")
    return EncodingInfo(detect_bytes(data), "detected")
