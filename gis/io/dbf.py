"""The DBF header of a shapefile, checked against the file before GDAL reads it.

A DBF header states the record count, the header length and the record length; the field
descriptors state each field's length. When these disagree GDAL silently reads no fields
(names, households, years gone) or no features. What the descriptors and the file size
prove is repaired (in a temporary copy, with a notice): a header length of 0 or past the
end, a record length that is not the sum of the field lengths, a record count of 0 or more
than the file holds, a single field length of 255 that the record length disproves.
Other field lengths that do not add up to the stored records cannot be mended; the fields
are then named in a warning. Descriptors are read only up to
``max_columns`` fields, so no header makes the reader allocate more than the file holds.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

from gis.i18n import QT_TRANSLATE_NOOP
from gis.io import limits
from gis.io.notices import Notice, notice, short_list

_DESCRIPTOR = 32
_TERMINATOR = 0x0D


@dataclass
class DbfHeader:
    """What a DBF says about itself, and what its field descriptors and size imply."""

    records: int
    header_len: int
    record_len: int
    size: int
    names: list[bytes] = field(default_factory=list)  # raw field names, as stored
    lengths: list[int] = field(default_factory=list)

    @property
    def field_header_len(self) -> int:
        """Header length implied by the descriptors (32 + 32 per field + terminator)."""
        return _DESCRIPTOR * (len(self.names) + 1) + 1

    @property
    def field_record_len(self) -> int:
        """Record length implied by the field lengths (+1 for the deletion flag)."""
        return 1 + sum(self.lengths)

    def available(self, header_len: int, record_len: int) -> int:
        """Whole records the file holds after *header_len*."""
        return max(self.size - header_len, 0) // max(record_len, 1)


@dataclass
class DbfCheck:
    """Byte patches for a temporary copy (offset, bytes), with notices and counts."""

    patches: list[tuple[int, bytes]] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def read_header(path: Path) -> DbfHeader | None:
    """The header and field descriptors (at most ``max_columns`` + 1); None when cut short."""
    cap = limits.active().max_columns
    with open(path, "rb") as f:
        head = f.read(_DESCRIPTOR)
        if len(head) < _DESCRIPTOR:
            return None
        records, header_len, record_len = struct.unpack("<IHH", head[4:12])
        found = DbfHeader(records, header_len, record_len, path.stat().st_size)
        while (desc := f.read(_DESCRIPTOR)) and desc[0] != _TERMINATOR:
            if len(desc) < _DESCRIPTOR:
                break
            if len(found.names) >= cap:
                raise limits.exceeded("max_columns", path=path, value=f"> {cap}")
            found.names.append(desc[:11].split(b"\0", 1)[0])
            found.lengths.append(desc[16])
    return found


def check(path: Path, codec: str) -> DbfCheck:
    """Repairs (as patches) and notices for the DBF at *path*; nothing when it is sound."""
    head = read_header(path)
    out = DbfCheck()
    if head is None or not head.names:
        return out
    header_len = head.header_len
    if header_len < head.field_header_len or header_len > head.size:
        header_len = head.field_header_len
        out.patches.append((8, struct.pack("<H", header_len)))
        out.counts["dbf_header_length_fixed"] = 1
        out.notices.append(notice(QT_TRANSLATE_NOOP(
            "io", "The .dbf header gives a wrong header length ({stated}); it was set to {fixed} "
                  "from the field list."), stated=head.header_len, fixed=header_len))
    record_len = _checked_record_len(head, header_len, out, codec)
    if record_len is None:
        return out
    have = head.available(header_len, record_len)
    if head.records == 0 and have or head.records > have:
        out.patches.append((4, struct.pack("<I", have)))
        out.counts["dbf_record_count_fixed"] = 1
        out.notices.append(notice(QT_TRANSLATE_NOOP(
            "io", "The .dbf header says {stated} records but the file holds {n}; what it holds was read."),
            stated=head.records, n=have))
    return out


def _checked_record_len(head: DbfHeader, header_len: int, out: DbfCheck, codec: str) -> int | None:
    """The record length to read with, patched when only the header is wrong; None (with a
    warning naming the fields) when the field lengths themselves cannot be right."""
    implied = head.field_record_len
    if head.record_len == implied:
        return implied
    body = head.size - header_len
    fits = head.records and abs(body - head.records * implied) <= 1
    if head.record_len == 0 or fits or head.records == 0 and head.record_len > body:
        out.patches.append((10, struct.pack("<H", implied)))
        out.counts["dbf_record_length_fixed"] = 1
        out.notices.append(notice(QT_TRANSLATE_NOOP(
            "io", "The .dbf header gives a wrong record length ({stated}); it was set to {fixed}, "
                  "the sum of the field lengths."), stated=head.record_len, fixed=implied))
        return implied
    if _one_field_mended(head, header_len, out, codec):
        return head.record_len
    names = [n.decode(codec, errors="replace") for n in head.names]
    out.counts["dbf_fields_unreadable"] = len(names)
    out.notices.append(notice(QT_TRANSLATE_NOOP(
        "io", "The .dbf is damaged: its field lengths add up to {implied} bytes but its records "
              "are {stated} bytes, so its {n} fields ({names}) could not be read and only "
              "geometries were imported. Get an undamaged copy of the .dbf."),
        implied=implied, stated=head.record_len, n=len(names), names=short_list(names)))
    return None


def _one_field_mended(head: DbfHeader, header_len: int, out: DbfCheck, codec: str) -> bool:
    """Mend a single field length of 255 (a damaged byte's favourite value) when the header's
    record length fits the file: the field then takes what the others leave of the record."""
    suspects = [i for i, n in enumerate(head.lengths) if n == 255]
    body = head.size - header_len
    if len(suspects) != 1 or not head.records or abs(body - head.records * head.record_len) > 1:
        return False
    i = suspects[0]
    length = head.record_len - 1 - (sum(head.lengths) - 255)
    if not 0 < length < 255:
        return False
    out.patches.append((_DESCRIPTOR * (i + 1) + 16, bytes([length])))
    out.counts["dbf_field_length_fixed"] = 1
    out.notices.append(notice(QT_TRANSLATE_NOOP(
        "io", "The .dbf gives field '{name}' a length of 255, which does not fit its records; "
              "it was set to {fixed}, what the other fields leave."),
        name=head.names[i].decode(codec, errors="replace"), fixed=length))
    return True
