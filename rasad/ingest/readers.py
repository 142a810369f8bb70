"""Input readers: text, HTML, JSON and JSON Lines files, directories, stdin, gzip.

``iter_records`` streams Records; a bad input or record yields an InputError in its place so
that a batch goes on and N records in give N records out.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from rasad.ingest.decode import decode_bytes, open_text_stream
from rasad.ingest.records import InputError, Record, record_from_dict, split_title

FORMATS = (".txt", ".html", ".htm", ".json", ".jsonl")
_SNIFF = 65536


def iter_records(paths: Iterable[str]) -> Iterator[Record | InputError]:
    """Records from files, directories (recursively) and ``-`` (stdin), in order."""
    for p in paths:
        if p == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", None)
            continue
        path = Path(p)
        if path.is_dir():
            yield from _read_dir(path)
        elif not path.exists():
            yield InputError("missing", "no such file or directory", str(path))
        else:
            yield from read_file(path)


def _read_dir(root: Path) -> Iterator[Record | InputError]:
    files = sorted(f for f in root.rglob("*") if f.is_file() and fmt_of(f) is not None)
    if not files:
        yield InputError("empty", f"no {', '.join(FORMATS)} files (or .gz) in directory", str(root))
    for f in files:
        yield from read_file(f)


def fmt_of(path: Path) -> str | None:
    """The input format of a path by its extension (``.gz`` looked through), or None."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if not suffixes:
        return None
    ext = suffixes[-1]
    return ".html" if ext == ".htm" else ext if ext in FORMATS else None


def read_file(path: Path) -> Iterator[Record | InputError]:
    """Records of one file, by its extension; unknown extensions are sniffed like stdin."""
    where = str(path)
    try:
        raw = path.open("rb")
    except OSError as err:
        yield InputError("unreadable", err.strerror or str(err), where)
        return
    with raw:
        stream: IO[bytes] = gzip.GzipFile(fileobj=raw) if path.suffix.lower() == ".gz" else raw
        try:
            yield from _read_stream(stream, where, fmt_of(path))
        except (OSError, EOFError) as err:  # truncated or corrupt gzip
            yield InputError("unreadable", f"cannot read: {err}", where)


def _read_stream(stream: IO[bytes], where: str, fmt: str | None) -> Iterator[Record | InputError]:
    head = stream.read(_SNIFF)
    if not head.strip():
        yield InputError("empty", "empty input", where)
        return
    fmt = fmt or _sniff(head)
    if fmt == ".jsonl":
        yield from _read_jsonl(head, stream, where)
        return
    try:
        text = decode_bytes(head + stream.read(), where)
    except InputError as err:
        yield err
        return
    yield from _PARSERS[fmt](text, where)


def _sniff(head: bytes) -> str:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"[":
        return ".json"
    if start == b"{":
        first = head.split(b"\n", 1)[0].strip()
        return ".json" if not first.endswith(b"}") else ".jsonl"
    if start == b"<":
        return ".html"
    return ".txt"


def _read_jsonl(head: bytes, stream: IO[bytes], where: str) -> Iterator[Record | InputError]:
    try:
        text_stream = open_text_stream(head, stream, where)
    except InputError as err:
        yield err
        return
    lineno = 0
    while True:
        try:
            line = text_stream.readline()
        except UnicodeDecodeError as err:
            yield InputError(
                "undecodable", f"invalid byte sequence after line {lineno}: {err.reason}", where
            )
            return
        if not line:
            return
        lineno += 1
        if line.strip():
            yield _parse_json_line(line, f"{where}:{lineno}")


def _parse_json_line(line: str, where: str) -> Record | InputError:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        return InputError("bad_json", f"invalid JSON line: {err.msg} at column {err.colno}", where)
    try:
        return record_from_dict(data, where)
    except InputError as err:
        return err


def _parse_json(text: str, where: str) -> Iterator[Record | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield InputError("bad_json", f"invalid JSON: {err.msg} at line {err.lineno}", where)
        return
    items = data if isinstance(data, list) else [data]
    if not items:
        yield InputError("empty", "JSON list has no records", where)
    for i, item in enumerate(items):
        sub = f"{where}[{i}]" if isinstance(data, list) else where
        try:
            yield record_from_dict(item, sub)
        except InputError as err:
            yield err


def _parse_txt(text: str, where: str) -> Iterator[Record | InputError]:
    title, body = split_title(text)
    if not body.strip():
        # a one-line file: the line is the text, there is no title
        title, body = None, text.strip()
    yield Record(text=body, title=title, where=where)


def _parse_html(text: str, where: str) -> Iterator[Record | InputError]:
    from rasad.ingest.html import record_from_html

    try:
        yield record_from_html(text, where)
    except InputError as err:
        yield err


_PARSERS: dict[str, Any] = {".json": _parse_json, ".txt": _parse_txt, ".html": _parse_html}


def read_text(data: bytes | str, where: str = "<input>") -> list[Record | InputError]:
    """Records from in-memory input (bytes are decoded and sniffed like stdin)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return list(_read_stream(io.BytesIO(raw), where, None))
