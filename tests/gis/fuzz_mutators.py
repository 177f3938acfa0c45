"""Seeded damage for the fuzz test: generic byte damage plus format-aware mutations.

:func:`mutate` damages one file's bytes by its name (``.shp`` records, ``.dbf`` header counts,
zip central directory, XML nesting, CSV quote chaos, xlsx members ...). Every mutator takes
``(data, rng)`` and returns ``(data, description)``; the descriptions of a case say exactly
what was done, and the same ``random.Random`` seed gives the same bytes again. ``None`` as
data means: delete the file.
"""

from __future__ import annotations

import json
import random
import re
import struct

MAX_BYTES = 4 * 1024 * 1024  # no mutant grows past this (a growing step is skipped)
INTS = (0, 1, -1, 2, 255, 256, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 2**31 - 1, -2**31, 2**32 - 1,
        2**63 - 1, -2**63)
NUMBERS = (b"0", b"-0", b"-1", b"1e308", b"-1e308", b"1e999", b"nan", b"NaN", b"inf", b"-Infinity",
           b"99999999999999999999999", b"2147483648", b"4294967296", b"1e-320", b"", b"0x10", b"1,5")
DOUBLES = (float("nan"), float("inf"), -float("inf"), 1e308, -1e308, 0.0, 5e-324, 4e15)
MAGIC = (b"", b"\0", b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"SQLite format 3\0",
         b'<?xml version="1.0"?>', b"{}", b"[]", b"null", b"\xef\xbb\xbf", b"\xff\xfe\0\0")
_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def _pos(data: bytes, rng: random.Random, header: int = 0) -> int:
    """A position in *data*; with *header*, the first *header* bytes are likelier."""
    if header and rng.random() < 0.6:
        return rng.randrange(min(len(data), header) or 1)
    return rng.randrange(len(data) or 1)


def _pack(value: int, width: int, endian: str) -> bytes:
    return (value % (1 << 8 * width)).to_bytes(width, "little" if endian == "<" else "big")


def put_int(data: bytes, offset: int, width: int, endian: str, value: int) -> bytes:
    """*data* with an integer of *width* bytes written at *offset* (clipped to the data)."""
    raw = _pack(value, width, endian)[: max(0, len(data) - offset)]
    return data[:offset] + raw + data[offset + len(raw):]


# -- generic damage --------------------------------------------------------------------------
def bit_flips(data, rng):
    out, flips = bytearray(data), []
    for _ in range(rng.choice((1, 2, 8, 64)) if out else 0):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
        flips.append(i)
    return bytes(out), f"bit_flips{flips[:8]}{'...' if len(flips) > 8 else ''}"


def byte_sets(data, rng):
    out, n = bytearray(data), rng.choice((1, 4, 32))
    for _ in range(n if out else 0):
        out[_pos(out, rng, 256)] = rng.choice((0, 0xFF, 0x7F, 0x80, rng.randrange(256)))
    return bytes(out), f"byte_sets×{n}"


def delete_range(data, rng):
    at, n = _pos(data, rng, 256), rng.choice((1, 3, 17, 512))
    return data[:at] + data[at + n:], f"delete[{at}:+{n}]"


def insert_bytes(data, rng):
    at = _pos(data, rng, 256)
    chunk = rng.choice((bytes([rng.randrange(256)]) * rng.choice((1, 7, 4096)),
                        rng.randbytes(rng.choice((1, 16, 300))), rng.choice(MAGIC)))
    return data[:at] + chunk + data[at:], f"insert@{at}+{len(chunk)}"


def truncate(data, rng):
    at = rng.randrange(len(data) + 1)
    return data[:at], f"truncate@{at}/{len(data)}"


def extreme_int(data, rng):
    at, width, endian, value = _pos(data, rng, 128), rng.choice((1, 2, 4, 8)), rng.choice("<>"), rng.choice(INTS)
    return put_int(data, at, width, endian, value), f"int{width * 8}{endian}{value}@{at}"


def duplicate_chunk(data, rng):
    a = _pos(data, rng)
    b = min(len(data), a + rng.choice((4, 64, 1024, 8192)))
    times, at = rng.choice((1, 2, 50, 1000)), _pos(data, rng)
    if len(data) + (b - a) * times > MAX_BYTES:
        times = 1
    return data[:at] + data[a:b] * times + data[at:], f"dup[{a}:{b}]×{times}@{at}"


def swap_chunks(data, rng):
    a, b = sorted((_pos(data, rng), _pos(data, rng)))
    n = min(rng.choice((8, 100, 1000)), b - a)
    return data[:a] + data[b:b + n] + data[a + n:b] + data[a:a + n] + data[b + n:], f"swap[{a},{b},{n}]"


def magic(data, rng):
    head = rng.choice(MAGIC)
    keep = rng.choice((0, len(head), len(data)))
    return head + data[keep:], f"magic{head[:8]!r}"


def remove(data, rng):
    return None, "remove"


GENERIC = (bit_flips, byte_sets, delete_range, insert_bytes, truncate, extreme_int, duplicate_chunk,
           swap_chunks, magic)


# -- text formats --------------------------------------------------------------------------------
def pick(pattern, data: bytes, rng: random.Random):
    """A random match of *pattern* in *data*, or None."""
    found = list(re.finditer(pattern, data))
    return rng.choice(found) if found else None


def number_extreme(data, rng):
    m, new = pick(_NUMBER, data, rng), rng.choice(NUMBERS)
    if m is None:
        return data, "number_extreme(none)"
    return data[:m.start()] + new + data[m.end():], f"number@{m.start()}->{new.decode()}"


def line_op(data, rng):
    lines = data.split(b"\n")
    i, op = rng.randrange(len(lines)), rng.choice(("delete", "dup", "swap", "repeat"))
    if op == "delete":
        del lines[i]
    elif op == "dup":
        lines.insert(i, lines[i])
    elif op == "swap":
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif len(lines[i]) * 2000 < MAX_BYTES:
        lines[i:i + 1] = [lines[i]] * 2000
    return b"\n".join(lines), f"line_{op}@{i}"


def mixed_encoding(data, rng):
    at = _pos(data, rng)
    chunk = rng.choice(("小区名称".encode("gbk"), "户数".encode("utf-16"), b"\xc3\x28", b"\xed\xa0\x80",
                        "陽光".encode("big5"), b"\x00\x00"))
    return data[:at] + chunk + data[at:], f"encoding_bytes@{at}"


TEXT = (number_extreme, line_op, mixed_encoding)


# -- XML (KML, OSM, xlsx parts) -----------------------------------------------------------------
def _after_tag(data: bytes, rng) -> int:
    ends = [m.end() for m in re.finditer(rb">", data)]
    return rng.choice(ends) if ends else 0


def xml_nesting(data, rng):
    at, k, tag = _after_tag(data, rng), rng.choice((10, 300, 20_000, 200_000)), rng.choice((b"Folder", b"a", b"way"))
    inner = b"<%s>" % tag * k + (b"</%s>" % tag * k if rng.random() < 0.5 else b"")
    return data[:at] + inner + data[at:], f"xml_nesting<{tag.decode()}>×{k}@{at}"


def xml_drop_tag(data, rng):
    m = pick(rb"</?[A-Za-z][^>]*>", data, rng)
    if m is None:
        return data, "xml_drop_tag(none)"
    return data[:m.start()] + data[m.end():], f"xml_drop_tag@{m.start()}"


def xml_duplicate_element(data, rng):
    m = pick(rb"<([A-Za-z][\w:]*)[^>/]*>", data, rng)
    end = data.find(b"</" + m.group(1) + b">", m.end()) if m else -1
    if end < 0:
        return data, "xml_dup(none)"
    end += len(m.group(1)) + 3
    times = rng.choice((2, 50, 3000))
    if (end - m.start()) * times > MAX_BYTES:
        times = 2
    return data[:end] + data[m.start():end] * times + data[end:], f"xml_dup<{m.group(1).decode()}>×{times}"


def xml_entities(data, rng):
    """Entity declarations: a small billion-laughs or an external entity, referenced in text."""
    if rng.random() < 0.5:
        decl = b'<!ENTITY e0 "lol">' + b"".join(b'<!ENTITY e%d "%s">' % (i, b"&e%d;" % (i - 1) * 10)
                                                 for i in range(1, 9))
        ref = b"&e8;"
    else:
        decl, ref = b'<!ENTITY e8 SYSTEM "file:///etc/passwd">', b"&e8;"
    head_end = data.find(b"?>") + 2 if data.startswith(b"<?xml") else 0
    root = re.search(rb"<([A-Za-z][\w:]*)", data[head_end:])
    name = root.group(1) if root else b"x"
    doctype = b"<!DOCTYPE " + name + b" [" + decl + b"]>"
    out = data[:head_end] + doctype + data[head_end:]
    texts = [m.start() + 1 for m in re.finditer(rb">[^<\s]", out)]
    at = rng.choice(texts) if texts else len(out)
    return out[:at] + ref + out[at:], f"xml_entities({'laughs' if b'lol' in decl else 'external'})"


def xml_attribute(data, rng):
    m = pick(rb'="[^"]*"', data, rng)
    if m is None:
        return data, "xml_attribute(none)"
    new = rng.choice(NUMBERS + (b"x" * 100_000, "ａｂｃ".encode(), b"&amp;&lt;", b'" bad="'))
    return data[:m.start()] + b'="' + new + b'"' + data[m.end():], f"xml_attr@{m.start()}->{new[:12]!r}"


def xml_declaration(data, rng):
    enc = rng.choice((b"GBK", b"UTF-16", b"EBCDIC-CP-US", b"bogus", b"ISO-8859-1"))
    if b"encoding=" in data[:200]:
        out = re.sub(rb'encoding=["\'][^"\']*["\']', b'encoding="' + enc + b'"', data, count=1)
    else:
        out = b'<?xml version="1.0" encoding="' + enc + b'"?>' + data
    return out, f"xml_encoding={enc.decode()}"


XML = (xml_nesting, xml_drop_tag, xml_duplicate_element, xml_entities, xml_attribute,
       xml_declaration, number_extreme, number_extreme)


# -- JSON ------------------------------------------------------------------------------------------
_VALUES = (None, "", "x" * 50_000, 1e308, -1, 10**40, True, [], {}, "NaN", [[1]], "DEEP")


def _nodes(obj, path=()):
    yield path
    items = obj.items() if isinstance(obj, dict) else enumerate(obj) if isinstance(obj, list) else ()
    for key, value in items:
        yield from _nodes(value, path + (key,))


def json_structure(data, rng):
    """Set, drop or multiply one node of the parsed document (byte damage if it does not parse)."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return bit_flips(data, rng)
    paths = [p for p in _nodes(doc) if p]
    if not paths:
        return data, "json(empty)"
    path = rng.choice(paths)
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    op, key = rng.choice(("set", "drop", "multiply")), path[-1]
    if op == "drop":
        del parent[key]
    elif op == "multiply" and isinstance(parent, list):
        parent[key:key + 1] = [parent[key]] * rng.choice((2, 500, 20_000))
    else:
        op, parent[key] = "set", rng.choice(_VALUES)
    depth = rng.choice((50, 5000, 100_000))
    text = json.dumps(doc, ensure_ascii=rng.random() < 0.3).replace('"DEEP"', "[" * depth + "0" + "]" * depth)
    return text.encode("utf-8")[:MAX_BYTES], f"json_{op}{list(path)[-4:]}"


JSON = (json_structure, json_structure, number_extreme, mixed_encoding)


# -- CSV -----------------------------------------------------------------------------------------
def csv_quotes(data, rng):
    out, n = bytearray(data), rng.choice((1, 3, 50))
    for _ in range(n):
        out[rng.randrange(len(out) + 1):0] = rng.choice((b'"', b'""', b'"\n', b'\r', b"'"))
    return bytes(out), f"csv_quotes×{n}"


def csv_delimiters(data, rng):
    old, new = rng.choice((b",", b"\n")), rng.choice((b";", b"\t", b"|", b",,", b"\r", b""))
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    lines[i] = lines[i].replace(old, new)
    return b"\n".join(lines), f"csv_delimiters line {i} {old!r}->{new!r}"


def csv_wide(data, rng):
    n = rng.choice((30, 300, 2100))  # past max_columns (2000), not so wide that parsing takes long
    row = b",".join(b"c%d" % i for i in range(n))
    at = rng.choice((0, len(data)))
    return data[:at] + row + b"\n" + data[at:], f"csv_wide×{n}@{at}"


def csv_cell(data, rng):
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    cells = lines[i].split(b",")
    j = rng.randrange(len(cells))
    cells[j] = rng.choice(NUMBERS + (("116°" + "9" * 300 + "′").encode(), "东经116度23分".encode(),
                                     b"=1+1", b'"a,b"', "３９．９".encode(), b"\0"))
    lines[i] = b",".join(cells)
    return b"\n".join(lines), f"csv_cell[{i},{j}]"


CSV = (csv_quotes, csv_delimiters, csv_wide, csv_cell, line_op, mixed_encoding)


# -- DXF -----------------------------------------------------------------------------------------
_CODES = (b"0", b"2", b"5", b"8", b"10", b"20", b"40", b"62", b"66", b"70", b"71", b"90", b"91",
          b"100", b"330", b"999", b"1001", b"-5", b"5000", b"x")


def dxf_value(data, rng):
    lines = data.split(b"\n")
    nums = [i for i in range(1, len(lines), 2) if _NUMBER.fullmatch(lines[i].strip())]
    if not nums:
        return data, "dxf_value(none)"
    i = rng.choice(nums)
    lines[i] = rng.choice(NUMBERS + (b"-2147483649", b"30000", b"1000000"))
    return b"\n".join(lines), f"dxf_value line {i} -> {lines[i][:20]!r}"


def dxf_code(data, rng):
    lines = data.split(b"\n")
    i = rng.randrange(0, len(lines), 2)
    lines[i] = rng.choice(_CODES)
    return b"\n".join(lines), f"dxf_code line {i} -> {lines[i]!r}"


def dxf_entity(data, rng):
    """Duplicate or drop one entity (from a code-0 line to the next)."""
    starts = [m.start() for m in re.finditer(rb"\n\s*0\r?\n[A-Z]", data)]
    if len(starts) < 2:
        return data, "dxf_entity(none)"
    k = rng.randrange(len(starts) - 1)
    a, b = starts[k], starts[k + 1]
    times = rng.choice((0, 2, 500))
    if (b - a) * times > MAX_BYTES:
        times = 2
    return data[:a] + data[a:b] * times + data[b:], f"dxf_entity[{a}:{b}]×{times}"


def dxf_header(data, rng):
    var, value = rng.choice(((b"$ACADVER", b"AC9999"), (b"$ACADVER", b"AC1009"), (b"$DWGCODEPAGE", b"ANSI_99999"),
                             (b"$DWGCODEPAGE", b""), (b"$INSUNITS", b"-7")))
    m = re.search(re.escape(var) + rb"\r?\n\s*\d+\r?\n([^\r\n]*)", data)
    if not m:
        return data, "dxf_header(none)"
    return data[:m.start(1)] + value + data[m.end(1):], f"dxf_header {var.decode()}={value.decode()}"


DXF = (dxf_value, dxf_code, dxf_entity, dxf_header, line_op)


# -- shapefile parts ------------------------------------------------------------------------------
def _shp_records(data: bytes) -> list[int]:
    out, at = [], 100
    while at + 8 <= len(data) and len(out) < 10_000:
        out.append(at)
        at += 8 + 2 * max(0, struct.unpack(">i", data[at + 4:at + 8])[0])
    return out


def shp_header(data, rng):
    at, width, endian = rng.choice(((0, 4, ">"), (24, 4, ">"), (28, 4, "<"), (32, 4, "<")))
    value = rng.choice(INTS + (0, 3, 5, 8, 13, 15, 25, 31, 99))
    if rng.random() < 0.3:
        at = rng.choice(range(36, 100, 8))
        return data[:at] + struct.pack("<d", rng.choice(DOUBLES)) + data[at + 8:], f"shp_bbox@{at}"
    return put_int(data, at, width, endian, value), f"shp_header@{at}={value}"


def shp_record(data, rng):
    recs = _shp_records(data)
    if not recs:
        return data, "shp_record(none)"
    r = rng.choice(recs)
    field, at, width, endian = rng.choice((("length", 4, 4, ">"), ("type", 8, 4, "<"), ("parts", 44, 4, "<"),
                                           ("points", 48, 4, "<"), ("part0", 52, 4, "<"), ("x", 56, 8, "<")))
    if field == "x":
        return (data[:r + at] + struct.pack("<d", rng.choice(DOUBLES)) + data[r + at + 8:],
                f"shp_record@{r}.x")
    value = rng.choice(INTS)
    return put_int(data, r + at, width, endian, value), f"shp_record@{r}.{field}={value}"


def shx_entry(data, rng):
    n = max(0, (len(data) - 100) // 8)
    if not n:
        return data, "shx_entry(none)"
    at = 100 + 8 * rng.randrange(n) + rng.choice((0, 4))
    value = rng.choice(INTS)
    return put_int(data, at, 4, ">", value), f"shx_entry@{at}={value}"


def dbf_header(data, rng):
    at, width = rng.choice(((4, 4), (8, 2), (10, 2), (0, 1), (29, 1)))
    value = rng.choice(INTS + (0, 32, 33))
    return put_int(data, at, width, "<", value), f"dbf_header@{at}={value}"


def dbf_field(data, rng):
    n = max(0, (struct.unpack("<H", data[8:10])[0] - 33) // 32) if len(data) >= 32 else 0
    if not n:
        return data, "dbf_field(none)"
    base = 32 + 32 * rng.randrange(n)
    part = rng.choice(("type", "length", "decimals", "name"))
    if part == "type":
        return data[:base + 11] + rng.choice(b"CNFLDMBGP@I+O0?\0").to_bytes(1, "little") + data[base + 12:], f"dbf_field@{base}.type"
    if part == "name":
        return data[:base] + rng.choice((b"\0" * 11, b"\xff" * 11, "户数户数户".encode("gbk") + b"\xd0")) + data[base + 11:], f"dbf_field@{base}.name"
    value = rng.choice((0, 1, 254, 255, 20))
    return put_int(data, base + (16 if part == "length" else 17), 1, "<", value), f"dbf_field@{base}.{part}={value}"


SHP, SHX, DBF = (shp_header, shp_record, shp_record, remove), (shx_entry, remove), (dbf_header, dbf_field, remove)
