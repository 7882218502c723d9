"""Plain text files: bytes → text in the right encoding → blocks and tables.

Russian text files come as UTF-8 (with or without BOM), UTF-16, cp1251 and now and then
koi8-r or DOS cp866. After a BOM and a cheap look for BOM-less UTF-16, strict UTF-8 is
tried, because it is cheap and almost never wrong. For single-byte files charset-normalizer
alone is unreliable on short texts (it mixes up cp1251, koi8-r and mac-cyrillic), so every
Cyrillic candidate is decoded and scored by Russian letter frequencies and word case
shapes; the best one wins.
A file that decodes to mostly control characters is binary junk and is refused.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from stratdoc.errors import InputTooLarge, ReadError
from stratdoc.ingest.builder import DocumentBuilder, sha256_hex
from stratdoc.ingest.settings import ReadLimits
from stratdoc.ingest.text_blocks import add_parts, text_to_parts
from stratdoc.schema import Document, Format

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)  # (mark, codec for the rest, name recorded in hints)

# Single-byte Cyrillic code pages in order of preference when scores tie.
CYRILLIC_CODECS = ("cp1251", "koi8-r", "cp866", "mac-cyrillic")
# Frequency (%) of Russian letters in running text; other non-ASCII characters score 0.
RU_LETTER_FREQ: dict[str, float] = {
    "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73,
    "в": 4.54, "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01,
    "ы": 1.90, "ь": 1.74, "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97,
    "ж": 0.94, "ш": 0.73, "ю": 0.64, "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04,
    "ё": 0.04,
}
# A wrong code page turns words into case soup ("аТШЕЧ"): penalty per such word share.
MIXED_CASE_PENALTY = 10.0
# Below this score no candidate reads as Russian; charset-normalizer's guess is used.
MIN_RUSSIAN_SCORE = 1.5
DETECT_SAMPLE_BYTES = 64 * 1024
WORD = re.compile(r"[^\W\d_]+")

# UTF-16 without a BOM: in Latin or Cyrillic text every second byte is 0x00 or 0x04.
UTF16_HIGH_BYTES = frozenset({0x00, 0x04})
UTF16_MIN_HIGH_SHARE = 0.9

# Control characters that have no place in text (tab, newlines and form feed excluded),
# plus U+FFFD left by undecodable bytes.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
MAX_CONTROL_SHARE = 0.02


def read_bytes(path: Path, data: bytes, limits: ReadLimits) -> Document:
    text, encoding = bytes_to_text(path, data, limits)
    builder = DocumentBuilder(id=sha256_hex(data), source=path.name, format=Format.TXT)
    builder.hints["encoding"] = encoding
    add_parts(builder, text_to_parts(text))
    return builder.build()


def bytes_to_text(path: Path, data: bytes, limits: ReadLimits) -> tuple[str, str]:
    """Decode, refusing binary junk and texts over the size limit; returns (text, encoding)."""
    text, encoding = decode(data)
    check_size(path, text, limits)
    check_not_binary(path, text)
    return text, encoding


def check_size(path: Path, text: str, limits: ReadLimits) -> None:
    if len(text) > limits.max_text_chars:
        raise InputTooLarge(path, f"text is {len(text):,} characters, over the "
                                  f"{limits.max_text_chars:,} limit")


def check_not_binary(path: Path, text: str) -> None:
    n_control = len(CONTROL.findall(text))
    if n_control > max(1, MAX_CONTROL_SHARE * len(text)):
        pct = round(100 * n_control / len(text))
        raise ReadError(path, f"binary data, not text ({pct}% control bytes)")


# --- encoding ------------------------------------------------------------------------------

def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding name), the name as recorded in ``doc.hints["encoding"]``."""
    for mark, codec, name in BOMS:
        if data.startswith(mark):
            return data[len(mark):].decode(codec, errors="replace"), name
    utf16 = bomless_utf16(data)  # first: Russian UTF-16 is often valid (control-laden) UTF-8
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = guess_single_byte(data[:DETECT_SAMPLE_BYTES])
    return data.decode(encoding, errors="replace"), encoding


def bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte looks like a UTF-16 high byte."""
    sample = data[:DETECT_SAMPLE_BYTES]
    if len(sample) < 4 or len(sample) % 2:
        return None
    for codec, high, low in (("utf-16-le", sample[1::2], sample[0::2]),
                             ("utf-16-be", sample[0::2], sample[1::2])):
        high_share = sum(high.count(b) for b in UTF16_HIGH_BYTES) / len(high)
        low_zero_share = low.count(0) / len(low)
        if high_share >= UTF16_MIN_HIGH_SHARE and low_zero_share < 0.1:
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return None


def guess_single_byte(sample: bytes) -> str:
    """The code page under which the sample reads most like Russian.

    charset-normalizer's guess joins the Cyrillic candidates; it decides alone when no
    candidate looks Russian at all (e.g. a Western European text in cp1252).
    """
    best = charset_normalizer_guess(sample)
    candidates = list(CYRILLIC_CODECS)
    if best is not None and best not in candidates:
        candidates.append(best)
    scored = [(russian_score(sample.decode(c, errors="replace")), c) for c in candidates]
    top_score, top = scored[0]
    for score, codec in scored[1:]:
        if score > top_score:
            top_score, top = score, codec
    if top_score < MIN_RUSSIAN_SCORE and best is not None:
        return best
    return top


def charset_normalizer_guess(sample: bytes) -> str | None:
    """charset-normalizer's best single-byte guess as a Python codec name, or None.

    Its UTF-16/32 guesses on short inputs are noise; ``bomless_utf16`` decides those.
    """
    match = from_bytes(sample).best()
    if match is None:
        return None
    name = codecs.lookup(match.encoding).name
    return None if name.startswith(("utf-16", "utf-32", "utf-8")) else name


def russian_score(text: str) -> float:
    """Mean Russian letter frequency over the non-ASCII characters, minus case soup.

    ASCII reads the same in every candidate, so only the bytes above 0x7F tell them apart.
    """
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return 0.0
    freq = sum(RU_LETTER_FREQ.get(ch.lower(), 0.0) for ch in non_ascii) / len(non_ascii)
    words = [w for w in WORD.findall(text) if any(ord(ch) > 127 for ch in w)]
    if not words:
        return freq
    mixed = sum(1 for w in words if not (w.islower() or w.isupper() or w.istitle()))
    return freq - MIXED_CASE_PENALTY * mixed / len(words)
