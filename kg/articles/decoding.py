"""Article bytes -> text: UTF-8 (a few bad bytes replaced, with a warning), UTF-16 by its byte order mark,
or a detected legacy code page when the bytes are not mostly UTF-8.

A UTF-8 file with a stray byte stays UTF-8: decoding it whole as a legacy code page would garble every
other non-ASCII letter ("Jürgen" as "JĂźrgen"). The bad bytes become U+FFFD and the warning names
their byte offsets in the file.
"""

from __future__ import annotations

import codecs
import re

from kg.articles.problems import ReadProblem, ReadWarning

MAX_CHAOS = 0.2  # charset-normalizer "mess" ratio above which a detection is not trusted
PREFER_CP1252 = 0.02  # take Windows-1252 when its mess ratio is this close to the least messy candidate
SHOWN_OFFSETS = 5  # bad bytes whose offsets a warning lists
_BAD_BYTE = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as decoded by "surrogateescape"
_ASCII = bytes(range(128))

Decoded = tuple[str, ReadWarning | None]


def decode_article(source: str, data: bytes) -> Decoded | ReadProblem:
    """The text of a file's bytes, with a warning when bytes were replaced or a code page was guessed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return normalise(data.decode("utf-16")), None
        except UnicodeDecodeError:
            return ReadProblem(source, "has a UTF-16 byte order mark but is not valid UTF-16 text")
    if b"\x00" in data:
        return ReadProblem(source, "binary file (contains NUL bytes); expected UTF-8 text")
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    text = data[start:].decode("utf-8", "surrogateescape")
    bad = len(_BAD_BYTE.findall(text))
    if not bad:
        return normalise(text), None
    non_ascii = len(text) - (len(data) - start - len(data[start:].translate(None, _ASCII)))
    if non_ascii - bad >= bad:  # at least as many good UTF-8 characters as bad bytes: UTF-8 with damage
        return normalise(_BAD_BYTE.sub("\ufffd", text)), ReadWarning(source, _bad_bytes_message(text, bad, start))
    return _decode_legacy(source, data)


def normalise(text: str) -> str:
    """Unify line endings and drop a byte order mark, so offsets mean the same on every platform."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _bad_bytes_message(text: str, bad: int, start: int) -> str:
    """Which bytes were replaced: value and byte offset in the file of the first few."""
    shown, offset, last = [], start, 0
    for match in _BAD_BYTE.finditer(text):
        if len(shown) == SHOWN_OFFSETS:
            break
        offset += len(text[last : match.start()].encode("utf-8", "surrogateescape"))
        shown.append(f"0x{ord(match.group()) - 0xDC00:02x} at byte offset {offset}")
        last = match.start()
    more = f" and {bad - len(shown)} more" if bad > len(shown) else ""
    noun = "byte that is" if bad == 1 else "bytes that are"
    return (f"{bad} {noun} not valid UTF-8 replaced by U+FFFD: {', '.join(shown)}{more}; "
            "the rest of the file is UTF-8")


def _decode_legacy(source: str, data: bytes) -> Decoded | ReadProblem:
    from charset_normalizer import from_bytes

    matches = [match for match in from_bytes(data) if match.chaos <= MAX_CHAOS]
    if not matches:
        return ReadProblem(source, "not UTF-8 text and no encoding detected; expected UTF-8 text")
    least = min(match.chaos for match in matches)
    # Short texts fit several code pages about equally (cp775 reads "Jürgen" as "J³rgen" with no more
    # mess); Windows-1252 is by far the most common legacy one, so it wins whenever it fits about as well.
    best = min(matches, key=lambda match: match.chaos)
    encoding, text = best.encoding, str(best)
    if any("cp1252" in match.could_be_from_charset and match.chaos <= least + PREFER_CP1252 for match in matches):
        encoding, text = "cp1252", data.decode("cp1252")  # listed only when every byte has a cp1252 letter
    return normalise(text), ReadWarning(source, f"not UTF-8; decoded as {encoding}, the encoding detected")
