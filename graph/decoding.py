"""Bytes → text for untrusted input files: BOMs, strict UTF-8, detected legacy encodings,
recognised binary formats, repaired mojibake.

Decoding never fails on text and never lets binary content through as an article: what is
not text raises UnreadableTextError, whose message names the format when it is a known one.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer


class UnreadableTextError(ValueError):
    """Bytes that are not text in any encoding we can recognise."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Magic numbers of the binary files most often misnamed `.txt`: the reason can name them.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx, .odt or .epub)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_MAX_CONTROL_SHARE = 0.05
CONTROLS_AT_START = "binary content, not text (control characters in its start)"
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")
#: A byte 0x80–0xFF as it shows when UTF-8 is misread as Windows-1252 (its five undefined
#: bytes show as the C1 control of the same number).
_CP1252_SHOWN = {bytes([b]).decode("cp1252", "ignore") or chr(b): b for b in range(0x80, 0x100)}
_SHOWN_CONTINUATION = "".join(ch for ch, b in _CP1252_SHOWN.items() if b < 0xC0)
#: "Ã©" for "é", "Å“" for "œ", "Ä‡" for "ć", "â€™" for "’": a lead that real French or
#: English text does not put before such a character.
_MOJIBAKE = re.compile(f"[ÂÃÄÅ][{_SHOWN_CONTINUATION}]|â[€‚„][{_SHOWN_CONTINUATION}]")


def decode_bytes(data: bytes, *, repair: bool = True) -> str:
    """Decode a text file: BOM first, then strict UTF-8, then a detected legacy encoding.

    Raises UnreadableTextError for binary content (PDF, images, archives named `.txt`).
    UTF-8 once misread as Windows-1252 (mojibake: "Ã©tÃ©") is repaired, and decoding its
    own output changes nothing (it is idempotent). `repair=False` keeps the text exactly as
    decoded (a JSON export's values are data, given as the user wrote them).

    >>> decode_bytes("Ã‰lisabeth Borne, Ã©lue".encode())
    'Élisabeth Borne, élue'
    """
    text = data.decode(encoding_of(data), errors="replace").lstrip("\ufeff")
    text = valid_unicode(text)
    if repair:
        text = _repair_mojibake(text)
    if looks_binary(text):
        raise UnreadableTextError(CONTROLS_AT_START)
    return text


def valid_unicode(text: str) -> str:
    """Text without lone surrogates (from JSON `\\ud800` escapes), which UTF-8 cannot write."""
    return _LONE_SURROGATES.sub("\ufffd", text)


def encoding_of(data: bytes, *, complete: bool = True) -> str:
    """The encoding of `data` (or of a file starting with it, when not `complete`)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise UnreadableTextError(f"binary content, not text: this is {kind}")
    try:
        codecs.utf_8_decode(data, "strict", complete)
    except UnicodeDecodeError:
        return _legacy_encoding(data)
    return "utf-8"


#: Single-byte Latin encodings that charset detection confuses with one another on short
#: texts; French and English legacy text is almost always Windows-1252, so it wins among them.
_LATIN_FAMILY = ("cp125", "iso8859", "latin", "mac_", "cp437", "cp850", "ascii")


def _legacy_encoding(data: bytes) -> str:
    """Legacy 8-bit text: Windows-1252 unless detection finds a non-Latin encoding."""
    if b"\x00" in data[:4096]:
        raise UnreadableTextError(
            "binary content, not text (NUL bytes and no byte-order mark; "
            "if it is UTF-16 text, save it as UTF-8)"
        )
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UnreadableTextError("binary content, not text (no known encoding fits)")
    if not best.encoding.startswith(_LATIN_FAMILY):
        return best.encoding
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 misread as Windows-1252, one character at a time, until nothing changes."""
    while (repaired := _MOJIBAKE.sub(_unmangled, text)) != text:
        text = repaired
    return text


def _unmangled(match: re.Match[str]) -> str:
    mangled = match.group()
    try:
        return bytes(_CP1252_SHOWN.get(ch, ord(ch)) for ch in mangled).decode("utf-8")
    except UnicodeDecodeError:
        return mangled


def looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return "\x00" in sample or controls / len(sample) > _MAX_CONTROL_SHARE


# --- documents: one article a file --------------------------------------------------------
