"""Bytes → text for untrusted input files: BOMs, strict UTF-8, detected legacy encodings,
recognised binary formats, repaired mojibake.

Decoding never fails on text and never lets binary content through as an article: what is
not text raises UnreadableTextError, whose message names the format when it is a known one.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import IO

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
#: NUL bytes in an export's start that make it binary rather than one bad record.
_MAX_NUL_SHARE = 0.25
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
    return decode_text(data, repair=repair).text


@dataclass(frozen=True)
class DecodedText:
    """A file's text, and what to say about its decoding ("" if nothing: see LegacyChoice)."""

    text: str
    warning: str = ""


def decode_text(data: bytes, *, repair: bool = True) -> DecodedText:
    """`decode_bytes`, with the warning due when the encoding was a guess."""
    choice = _choice_of(data)
    text = data.decode(choice.encoding, errors="replace").lstrip("\ufeff")
    text = valid_unicode(text)
    if repair:
        text = _repair_mojibake(text)
    if looks_binary(text):
        raise UnreadableTextError(CONTROLS_AT_START)
    return DecodedText(text, choice.warning())


def valid_unicode(text: str) -> str:
    """Text without lone surrogates (from JSON `\\ud800` escapes), which UTF-8 cannot write."""
    return _LONE_SURROGATES.sub("\ufffd", text)


def encoding_of(data: bytes, *, complete: bool = True) -> str:
    """The encoding of `data` (or of a file starting with it, when not `complete`)."""
    return _choice_of(data, complete=complete).encoding


def _choice_of(data: bytes, *, complete: bool = True) -> LegacyChoice:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return LegacyChoice(encoding)
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise UnreadableTextError(f"binary content, not text: this is {kind}")
    try:
        codecs.utf_8_decode(data, "strict", complete)
    except UnicodeDecodeError:
        return legacy_choice(data)
    return LegacyChoice("utf-8")


#: Single-byte Latin encodings that charset detection confuses with one another on short
#: texts; French and English legacy text is almost always Windows-1252, so it wins among them.
#: (Not a prefix such as "cp125": cp1251 is Cyrillic and cp1253 Greek.)
_LATIN_FAMILY = frozenset(
    "ascii latin_1 cp1250 cp1252 cp1254 cp1257 cp1258 cp437 cp850 cp852 cp858 mac_roman "  # noqa: SIM905
    "mac_latin2 mac_iceland mac_turkish iso8859_2 iso8859_3 iso8859_4 iso8859_9 iso8859_10 "
    "iso8859_13 iso8859_14 iso8859_15 iso8859_16".split()
)
#: Non-ASCII bytes needed to believe a non-Latin detection: on a few ("café" alone),
#: charset detection answers UTF-16 or Urdu.
_MIN_NON_LATIN_EVIDENCE = 20
#: The legacy encodings of the non-Latin scripts a text that is plainly not Latin is tried
#: in, however short: Cyrillic (Windows and KOI8-R) and Greek.
_NON_LATIN_CANDIDATES = ("cp1251", "koi8_r", "cp1253")
#: Read byte for byte, a Cyrillic or Greek text is almost all non-ASCII letters; French at
#: most about half ("Ça été déjà"). Below this share, or this many letters, it is Latin.
_FOREIGN_LETTER_SHARE = 0.75
_MIN_FOREIGN_LETTERS = 3


@dataclass(frozen=True)
class LegacyChoice:
    """A legacy encoding, and whether it was guessed on too little text to be sure."""

    encoding: str
    guessed: bool = False

    def warning(self) -> str:
        """What the manifest says about a guess ("" when there is nothing to say)."""
        if not self.guessed:
            return ""
        return (
            f"encoding guessed from a few characters: read as {self.encoding} "
            "(Cyrillic or Greek); save the file as UTF-8 if its text looks wrong"
        )


def _legacy_encoding(data: bytes) -> str:
    """Legacy 8-bit text: Windows-1252 unless detection finds a non-Latin encoding."""
    return legacy_choice(data).encoding


def legacy_choice(data: bytes) -> LegacyChoice:
    """The encoding of 8-bit text that is not UTF-8: the one detected when detection has
    enough evidence or the text is plainly not in a Latin script (then among Cyrillic and
    Greek, said to be a guess when short), else Windows-1252."""
    if b"\x00" in data[:4096]:
        raise UnreadableTextError(
            "binary content, not text (NUL bytes and no byte-order mark; "
            "if it is UTF-16 text, save it as UTF-8)"
        )
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UnreadableTextError("binary content, not text (no known encoding fits)")
    non_ascii = len(data) - sum(1 for byte in data if byte < 0x80)
    enough = non_ascii >= _MIN_NON_LATIN_EVIDENCE
    trusted = best.encoding not in _LATIN_FAMILY and enough
    if _foreign_script(data):
        script = charset_normalizer.from_bytes(data, cp_isolation=list(_NON_LATIN_CANDIDATES))
        guess = script.best()
        # a Cyrillic or Greek reading unless detection found a better-fitting non-Latin
        # one (on four KOI8-R words it answers Shift-JIS, no better a fit)
        if guess is not None and not (trusted and best.chaos < guess.chaos):
            return LegacyChoice(guess.encoding, guessed=not enough)
    if trusted:
        return LegacyChoice(best.encoding)
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return LegacyChoice("latin-1")
    return LegacyChoice("cp1252")


def _foreign_script(data: bytes) -> bool:
    """Whether 8-bit text is plainly not in a Latin script: read byte for byte, almost all
    of its letters are non-ASCII (a Cyrillic or Greek text), and there are a few of them.

    >>> _foreign_script("Лавров".encode("cp1251")), _foreign_script("déjà".encode("cp1252"))
    (True, False)
    """
    letters = [ch for ch in data.decode("latin-1") if ch.isalpha()]
    foreign = sum(1 for ch in letters if not ch.isascii())
    return foreign >= _MIN_FOREIGN_LETTERS and foreign / len(letters) >= _FOREIGN_LETTER_SHARE


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


def looks_binary(text: str, *, any_nul: bool = True) -> bool:
    """Whether text decoded from a file's start is binary content: a NUL byte (for one
    document), or more than a few control characters.

    An export passes `any_nul=False`: NUL bytes there are one record's problem (that
    record is skipped), so only other control characters, or NUL bytes making up a good
    part of the start (UTF-16 without a byte-order mark), make the whole file binary.
    """
    sample = text[:8192]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    nuls = sample.count("\x00")
    if any_nul:
        return nuls > 0 or controls / len(sample) > _MAX_CONTROL_SHARE
    return nuls / len(sample) > _MAX_NUL_SHARE or (controls - nuls) / len(sample) > (
        _MAX_CONTROL_SHARE
    )


# --- exports: the encoding of every line, decided on the whole file ----------------------

#: The start of an export that says whether it is text at all (a known binary format, or
#: control characters throughout).
EXPORT_HEAD_BYTES = 64 * 1024
#: Bytes of the lines that are not UTF-8 kept as evidence for charset detection: enough
#: to tell Windows-1252 from Cyrillic or Greek, bounded however large the export.
LEGACY_EVIDENCE_BYTES = 256 * 1024
_SCAN_CHUNK = 1024 * 1024
#: Byte-order marks of encodings whose lines cannot be split on the byte b"\n".
_WIDE = ("utf-16", "utf-32")


@dataclass(frozen=True)
class ExportEncoding:
    """How an export's lines are decoded, decided from the whole file, not its start.

    With a byte-order mark, its encoding. Otherwise each line is UTF-8 when it is valid
    UTF-8, else `legacy` (detected from all such lines): a file that mixes both (rows
    appended by different tools) is read right line by line, and said to be mixed.
    """

    bom: str = ""
    legacy: str = "cp1252"
    #: Lines with non-ASCII UTF-8, and lines that are not UTF-8 (ASCII lines are both).
    utf8_lines: int = 0
    legacy_lines: int = 0
    #: The legacy encoding was guessed on a few characters (see LegacyChoice).
    legacy_guessed: bool = False

    @property
    def wide(self) -> bool:
        """UTF-16 or UTF-32: lines must be split after decoding, not on bytes."""
        return self.bom in _WIDE

    def decode(self, line: bytes) -> str:
        """One line (or piece of a line) as text; undecodable bytes become U+FFFD."""
        if self.bom:
            return line.decode(self.bom, errors="replace")
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            return line.decode(self.legacy, errors="replace")

    def warnings(self) -> list[str]:
        """What the manifest says about the export's decoding: mixed, or guessed."""
        guessed = LegacyChoice(self.legacy, self.legacy_guessed).warning()
        return [message for message in (self.mixed(), guessed) if message]

    def mixed(self) -> str:
        """A warning for a file that mixes UTF-8 and legacy lines, or ""."""
        if not (self.utf8_lines and self.legacy_lines):
            return ""
        return (
            f"mixed encodings: {self.utf8_lines} record line(s) in UTF-8 and "
            f"{self.legacy_lines} in {self.legacy}; each line was decoded in its own"
        )


def export_encoding(handle: IO[bytes]) -> ExportEncoding:
    """The encoding of a streamed export (JSONL, CSV), from a pass over the whole file.

    Raises UnreadableTextError when the file is binary (a known format, or control
    characters throughout its start); a few NUL bytes are a record's problem, not the
    file's. Reads in bounded chunks and leaves the handle at the beginning.
    """
    head = handle.read(EXPORT_HEAD_BYTES)
    handle.seek(0)
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return ExportEncoding(bom=encoding)
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            raise UnreadableTextError(f"binary content, not text: this is {kind}")
    if looks_binary(head.decode("latin-1"), any_nul=False):
        raise UnreadableTextError(CONTROLS_AT_START)
    try:
        return _scan_lines(handle)
    finally:
        handle.seek(0)


def _scan_lines(handle: IO[bytes]) -> ExportEncoding:
    """Count UTF-8 and non-UTF-8 lines, keeping the latter's start as evidence."""
    counts = {"utf8": 0, "legacy": 0}
    evidence = bytearray()
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    line_kind = "ascii"
    while piece := handle.readline(_SCAN_CHUNK):
        ends = piece.endswith(b"\n")
        if line_kind != "legacy" and not piece.isascii():
            try:
                decoder.decode(piece, final=ends)
                line_kind = "utf8"
            except UnicodeDecodeError:
                line_kind = "legacy"
        if line_kind == "legacy" and b"\0" not in piece:
            evidence += piece[: LEGACY_EVIDENCE_BYTES - len(evidence)]
        if ends:
            counts[line_kind] = counts.get(line_kind, 0) + 1
            decoder.reset()
            line_kind = "ascii"
    if line_kind != "ascii":
        counts[line_kind] += 1
    legacy = _evidenced_legacy(bytes(evidence))
    return ExportEncoding(
        legacy=legacy.encoding,
        utf8_lines=counts["utf8"],
        legacy_lines=counts["legacy"],
        legacy_guessed=legacy.guessed,
    )


def _evidenced_legacy(evidence: bytes) -> LegacyChoice:
    """The legacy encoding the non-UTF-8 lines are in; Windows-1252 without evidence."""
    if not evidence:
        return LegacyChoice("cp1252")
    try:
        return legacy_choice(evidence)
    except UnreadableTextError:  # those lines will be skipped one by one, with a reason
        return LegacyChoice("cp1252")
