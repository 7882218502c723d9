"""Lines of a text with their offsets, and the casing of a rewritten word: small readers every
extractor needs, kept once."""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKUP_RE = re.compile(r"\*\*|__|^#+\s*")
# Where a sentence ends and the next begins: end marks, closing quotes, a space, then a capital
# or a digit. Callers that know abbreviations («г.», «т.е.») skip those ends themselves.
SENTENCE_BREAK = re.compile(r"[.!?…]+[»\")]*\s+(?=[«\"(]?[А-ЯЁA-Z0-9])")


@dataclass(frozen=True)
class TextSpan:
    """A piece of a text (a line, a word) with its offsets into that text."""

    text: str
    start: int
    end: int


TextLine = TextSpan


def text_to_lines(text: str, *, strip_markup: bool = False, limit: int | None = None) -> list[TextLine]:
    """Non-empty lines (split at «\\n» only, so offsets stay exact) with their offsets.

    With `strip_markup`, `**bold**` markers, heading hashes and edge spaces are removed and the
    offsets narrowed to what is left; otherwise a line is kept as printed.
    """
    out: list[TextLine] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if not raw.strip():
            continue
        if strip_markup:
            clean = MARKUP_RE.sub("", raw).strip()
            if not clean:
                continue
            out.append(TextLine(clean, start + max(raw.find(clean[:1]), 0), end))
        else:
            out.append(TextLine(raw, start, end))
        if limit is not None and len(out) >= limit:
            break
    return out


def fold(text: str) -> str:
    """Lower case with ё as е: how keys, lemmas and labels are compared."""
    return text.lower().replace("ё", "е")


def fold_spaces(text: str) -> str:
    """`fold`, with runs of white space as one space: a cell's or a name's text as compared."""
    return " ".join(fold(text).split())


def copy_case(model: str, word: str) -> str:
    """`word` cased like `model`: all capitals for an abbreviation, a capital first letter, or as is."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
