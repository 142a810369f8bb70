"""Encoding detection: UTF-8 (with or without BOM), UTF-16, Windows-1256, ISO-8859-6.

Undecodable or binary input raises an InputError; nothing is silently replaced.
"""

from __future__ import annotations

import codecs
import io
import re
from typing import IO

from rasad.ingest.records import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ["cp1256", "iso8859_6"]
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ARABIC = re.compile("[\u0621-\u064a]")


def detect_encoding(head: bytes, where: str) -> str:
    """The encoding of input whose first bytes are ``head``."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" in head:
        return _utf16_without_bom(head, where)
    if _is_utf8(head):
        return "utf-8"
    return _legacy(head, where)


def _utf16_without_bom(head: bytes, where: str) -> str:
    even, odd = head[0::2], head[1::2]
    # ASCII/Arabic text in UTF-16 has a NUL or 0x06 in every other byte
    if odd.count(0) + odd.count(6) > 0.6 * len(odd):
        return "utf-16-le"
    if even.count(0) + even.count(6) > 0.6 * len(even):
        return "utf-16-be"
    raise InputError("binary", "binary file (NUL bytes), not text", where)


def _is_utf8(head: bytes) -> bool:
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as err:
        # a multi-byte character cut by the sniff window is still UTF-8
        return err.start >= len(head) - 3 and err.reason == "unexpected end of data"


def _legacy(head: bytes, where: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(head, cp_isolation=_LEGACY).best()
    if best is not None and _ARABIC.search(str(best)):
        return best.encoding
    scores = {enc: _arabic_share(head, enc) for enc in _LEGACY}
    enc = max(scores, key=scores.get)
    if scores[enc] > 0.2:
        return enc
    raise InputError("undecodable", "not UTF-8, UTF-16, Windows-1256 or ISO-8859-6 text", where)


def _arabic_share(data: bytes, enc: str) -> float:
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        return 0.0
    letters = sum(1 for c in text if c.isalpha())
    return len(_ARABIC.findall(text)) / letters if letters else 0.0


def decode_bytes(data: bytes, where: str) -> str:
    """Decode a whole input, detecting its encoding; binary input is an error."""
    enc = detect_encoding(data[:65536], where)
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as err:
        raise InputError(
            "undecodable", f"invalid {enc} byte at offset {err.start}", where
        ) from None
    _check_text(text, where)
    return text.lstrip("\ufeff")


def _check_text(text: str, where: str) -> None:
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > 0.01 * len(sample) + 2:
        raise InputError("binary", "binary file (control bytes), not text", where)


class _Chain(io.RawIOBase):
    """A raw stream that yields ``head`` and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buf))
        buf[: len(data)] = data
        return len(data)


def open_text_stream(head: bytes, stream: IO[bytes], where: str) -> io.TextIOWrapper:
    """A streaming text reader over ``head`` + ``stream`` in the detected encoding."""
    enc = detect_encoding(head, where)
    _check_text(head.decode(enc, errors="ignore"), where)
    buffered = io.BufferedReader(_Chain(head, stream), buffer_size=1 << 16)
    return io.TextIOWrapper(buffered, encoding=enc, errors="strict", newline=None)
