"""One cheap NLP pass over a whole document, shared by the people, organization and event finders.

Syntax parsing is natasha's slowest step (NER without it runs about twice as fast), and a 400-page
strategy names people and bodies in only a few of its sentences. So the text is tagged once
for morphology and NER without syntax, in chunks cut at blank lines, and the few short
phrases that must become nominative (a name, a body, a position) are inflected word by word
with pymorphy3, guided by the case, number and gender the tagger gave each word in context.

Clauses are razdel sentences further cut at hard breaks: a tab (table cells) or a line break
followed by a capital, except after a dangling territorial noun («Управы города⏎Твери»).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stratdoc.extract.lexicon.lines import copy_case, fold
from stratdoc.extract.nlp import Nlp, NlpSpan, NlpToken, WordParse
from stratdoc.extract.nlp.ranges import clip, text_to_chunks
from stratdoc.schema import Document, Span

# A clause longer than this many tokens on either side of a word is unpunctuated run-on text
# (a dump on one line, a flattened table): looking further costs quadratic time for nothing.
MAX_CLAUSE_REACH = 120

# A line break after one of these lemmas does not end a phrase: the name follows on the next
# line («Городской Думы города⏎Твери»).
LINE_JOINING_LEMMAS = frozenset({"город", "район", "область", "край", "округ", "поселение",
                                 "республика", "муниципальный", "городской", "сельский", "г"})

# pymorphy3 parts of speech of words that open a sentence rather than continue a name.
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "ADVB", "NUMR", None})

SENTENCE_END = frozenset({".", "!", "?", ";", ":"})

# Words right before a name that make it a street, a square or a dedication, for people and
# bodies alike («ул. К. Маркса», «по пр-ту Н. Плевицкой», «имени М.К. Аммосова»): lower case,
# without the full stop.
PLACE_NAME_WORDS = frozenset({
    "ул", "улица", "пр", "пр-т", "пр-кт", "просп", "проспект", "пер", "переулок", "пл", "площадь",
    "им", "имени", "б-р", "бул", "бульвар", "наб", "набережная", "ш", "шоссе", "пр-д", "проезд",
    "мкр", "мкрн", "микрорайон", "аллея", "сквер", "тупик", "тракт",
})
# Lemmas of those words when they are inflected («на проспекте А. Дериглазова»).
PLACE_NAME_LEMMAS = frozenset({"улица", "проспект", "переулок", "площадь", "бульвар", "набережная",
                               "шоссе", "проезд", "микрорайон", "аллея", "сквер", "тупик", "тракт"})
# Settlement marks, which count only with their full stop («г. Королёв», «п. Иванино»): without it
# «с» and «в» are prepositions.
SETTLEMENT_MARKS = frozenset({"г", "п", "пос", "с", "д", "дер", "пгт", "х", "ст", "рп"})


# natasha case names → pymorphy3 grammemes
CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
NUMBERS = {"Sing": "sing", "Plur": "plur"}
GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
MODIFIER_POS = frozenset({"ADJ", "DET", "NUM"})

# An abbreviation declined with a lower-case ending: «ГОКа», «ВУЗом», «МФЦе».
ABBREVIATION_WITH_ENDING = re.compile(r"([А-ЯЁ]{2,})(а|у|ом|е|ы|ов|ам|ами|ах)")

OPEN_QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"'}
CLOSE_QUOTES = frozenset({"»", "“", "”", '"'})


@dataclass
class Narrative:
    """A document's text with its tokens, NER spans and clause of every token."""

    text: str
    tokens: list[NlpToken]
    spans: list[NlpSpan]
    clause: list[int] = field(default_factory=list)  # clause number of each token
    starts: list[int] = field(default_factory=list)
    labels: list[str | None] = field(default_factory=list)  # NER type (PER, LOC, ORG) of each token
    span_ix: list[int | None] = field(default_factory=list)  # index into `spans` of each token
    lemmas: list[str] = field(default_factory=list)  # lower case, ё as е
    page_of: Document | None = None
    # pattern file → the matches starting at each token, and the labels of one-token matches
    _matches: dict[Path, list[tuple[tuple[str, int], ...]]] = field(default_factory=dict, repr=False)
    _labels: dict[Path, list[frozenset[str]]] = field(default_factory=dict, repr=False)
    _words_doc: Any = field(default=None, repr=False)  # the tokens and lemmas as a spaCy Doc

    def matches_at(self, nlp: Nlp, path: Path, i: int) -> tuple[tuple[str, int], ...]:
        """(label, end index exclusive) of every match of a pattern file starting at token i,
        nested and overlapping ones too.

        The whole text is matched once per file, over the tokens and lemmas it already has; the
        narrative keeps the matches, not the matcher.
        """
        found = self._matches.get(path)
        if found is None:
            found = self._match(nlp, path)
        return found[i]

    def labels_at(self, nlp: Nlp, path: Path, i: int) -> frozenset[str]:
        """Labels of the one-token matches of a pattern file at token i."""
        found = self._labels.get(path)
        if found is None:
            self._match(nlp, path)
            found = self._labels[path]
        return found[i]

    def _match(self, nlp: Nlp, path: Path) -> list[tuple[tuple[str, int], ...]]:
        by_start: dict[int, list[tuple[str, int]]] = {}
        patterns = nlp.patterns(path)
        if self._words_doc is None and self.tokens:  # one spaCy Doc for every pattern file
            self._words_doc = patterns.words_doc([t.text for t in self.tokens], self.lemmas)
        for label, start, end in patterns.find_in_doc(self._words_doc, longest=False) if self.tokens else []:
            by_start.setdefault(start, []).append((label, end))
        found = self._matches[path] = [()] * len(self.tokens)  # most tokens start no match
        labels = self._labels[path] = [frozenset()] * len(self.tokens)
        for k, m in by_start.items():
            found[k], labels[k] = tuple(m), frozenset(label for label, end in m if end == k + 1)
        return found

    def span(self, start: int, end: int) -> Span:
        page = self.page_of.page_at(start) if self.page_of is not None else None
        return Span(page=page, start=start, end=end)

    def index_at(self, offset: int) -> int:
        """Index of the first token ending after `offset`."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return 0
        return i if self.tokens[i].end > offset else i + 1

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens inside [start, end)."""
        return range(self.index_at(start), bisect.bisect_left(self.starts, end))

    def same_clause(self, i: int, j: int) -> bool:
        return 0 <= i < len(self.tokens) and 0 <= j < len(self.tokens) and self.clause[i] == self.clause[j]

    def clause_range(self, i: int) -> range:
        lo, hi = i, i
        floor, ceiling = max(0, i - MAX_CLAUSE_REACH), min(len(self.tokens) - 1, i + MAX_CLAUSE_REACH)
        while lo > floor and self.clause[lo - 1] == self.clause[i]:
            lo -= 1
        while hi < ceiling and self.clause[hi + 1] == self.clause[i]:
            hi += 1
        return range(lo, hi + 1)

    def span_pieces(self, span_type: str) -> list[tuple[int, int]]:
        """First and last token of each NER span of one type (PER, ORG), cut at clause breaks:
        a name never runs over a tab or a line's end."""
        pieces: list[tuple[int, int]] = []
        for span in self.spans:
            if span.type != span_type:
                continue
            opened = len(pieces)
            for k in self.token_range(span.start, span.end):
                if len(pieces) > opened and self.same_clause(pieces[-1][1], k):
                    pieces[-1] = (pieces[-1][0], k)
                else:
                    pieces.append((k, k))
        return pieces

    def span_end(self, i: int) -> int:
        """Index of the last token of the NER span holding token i (i itself outside spans)."""
        n = self.span_ix[i]
        j = i
        while n is not None and j + 1 < len(self.tokens) and self.span_ix[j + 1] == n:
            j += 1
        return j

    def phrase(self, i: int, j: int) -> str:
        """Text of tokens i..j inclusive, whitespace collapsed."""
        return " ".join(self.text[self.tokens[i].start:self.tokens[j].end].split())

    def closing_quote(self, i: int, limit: int = 40) -> int | None:
        """Index of the quote closing the one opened at token i; nested «…«…»» allowed.

        Straight quotes nest too («ООО "УК "Русский дом""»): a ``"`` glued to the word after
        it and not to the word before it opens, any other closes.
        """
        opener = self.tokens[i].text
        if opener not in OPEN_QUOTES:
            return None
        depth = 0
        for j in range(i + 1, min(len(self.tokens), i + limit)):
            if not self.same_clause(i, j):
                return None
            t = self.tokens[j].text
            if opener == "«":
                if t == "«":
                    depth += 1
                elif t == "»":
                    if depth == 0:
                        return j
                    depth -= 1
            elif t == '"' and opener == '"' and self._opens(j):
                depth += 1
            elif t in CLOSE_QUOTES:
                if depth == 0:
                    return j
                depth -= 1
        return None

    def _opens(self, j: int) -> bool:
        """A straight quote with a space before it and a word glued after it."""
        start = self.tokens[j].start
        before = self.text[start - 1] if start > 0 else " "
        after = self.text[start + 1] if start + 1 < len(self.text) else " "
        return before.isspace() and after.isalnum()


def document_to_narrative(doc: Document, nlp: Nlp) -> Narrative:
    """Tag the document's text (NER and morphology, no syntax) and mark its clauses. NER skips
    table cells without a capital (numbers, units, years): most of a plan's tables, no names."""
    plain = [(c.start, c.end) for t in doc.tables for c in t.cells
             if c.end > c.start and not any(ch.isupper() for ch in doc.text[c.start:c.end])]
    narrative = text_to_narrative(doc.text, nlp, table_ranges=[(t.start, t.end) for t in doc.tables],
                                  skip_ner=plain)
    narrative.page_of = doc
    return narrative


def text_to_narrative(text: str, nlp: Nlp, table_ranges: list[tuple[int, int]] | None = None,
                      skip_ner: list[tuple[int, int]] | None = None) -> Narrative:
    """Tag `text` chunk by chunk; `skip_ner` ranges get tokens and morphology but no NER."""
    tokens: list[NlpToken] = []
    spans: list[NlpSpan] = []
    sentence_starts: set[int] = set()
    cells = sorted(skip_ner or [])
    cell_ends = [b for _, b in cells]
    for start, end in text_to_chunks(text):
        part = nlp.analyze(text[start:end], syntax=False, offset=start,
                           skip_ner=clip(cells, cell_ends, start, end))
        tokens.extend(part.tokens)
        spans.extend(part.spans)
        sentence_starts.update(s.start for s in part.sentences)
    narrative = Narrative(text=text, tokens=tokens, spans=spans, starts=[t.start for t in tokens])
    narrative.clause = tokens_to_clauses(text, tokens, sentence_starts, table_ranges or [], nlp)
    narrative.span_ix = [None] * len(tokens)
    for n, s in enumerate(spans):
        for i in narrative.token_range(s.start, s.end):
            narrative.span_ix[i] = n
    narrative.labels = [None if n is None else spans[n].type for n in narrative.span_ix]
    folded: dict[str, str] = {}  # one string per distinct lemma: a long text repeats its words
    narrative.lemmas = [folded.setdefault(f, f) for f in (fold(t.lemma or t.text) for t in tokens)]
    return narrative


def tokens_to_clauses(text: str, tokens: list[NlpToken], sentence_starts: set[int],
                      table_ranges: list[tuple[int, int]], nlp: Nlp) -> list[int]:
    clause: list[int] = []
    n = 0
    inside = _inside_short_quotes(text, tokens)
    for i, tok in enumerate(tokens):
        starts = tok.start in sentence_starts and i not in inside
        if i and (starts or is_hard_break(text, tokens[i - 1], tok, table_ranges, nlp)):
            n += 1
        clause.append(n)
    return clause


SHORT_QUOTE_TOKENS = 10  # a title in quotes («Камышин. Взгляд в будущее»), not a quoted speech


def _inside_short_quotes(text: str, tokens: list[NlpToken]) -> set[int]:
    """Tokens inside a short «…» on one line: a full stop there ends no sentence of the text."""
    inside: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.text != "«":
            continue
        for j in range(i + 1, min(len(tokens), i + SHORT_QUOTE_TOKENS + 1)):
            if tokens[j].text == "«" or "\n" in text[tokens[j - 1].end:tokens[j].start]:
                break
            if tokens[j].text == "»":
                inside.update(range(i + 1, j + 1))
                break
    return inside


def is_hard_break(text: str, prev: NlpToken, tok: NlpToken, table_ranges: list[tuple[int, int]],
                  nlp: Nlp) -> bool:
    gap = text[prev.end:tok.start]
    if "\t" in gap:
        return True
    if "\n" not in gap:
        return False
    if any(a <= prev.end <= b for a, b in table_ranges):  # a cell's line, or the table's last line
        return True
    if tok.text[:1].islower():
        return prev.text in SENTENCE_END
    joins = (prev.lemma or "").lower() in LINE_JOINING_LEMMAS and tok.text[:1].isupper() \
        and prev.text[:1].islower()
    if gap.count("\n") > 1:  # over a blank line only a name continues, not a headline into its lead
        joins = joins and nlp.part_of_speech(tok.text) not in FUNCTION_POS
    return not joins


def after_place_word(nv: Narrative, first: int) -> bool:
    """The name follows «ул.», «проспекте», «имени», «г.» …: it names a street, a town or a
    dedication («ул. К. Маркса», «ул. Ленинского Комсомола»), not a person or a body."""
    k = first - 1
    dot = k >= 0 and nv.tokens[k].text == "."
    if dot:
        k -= 1
    if k < 0 or not nv.same_clause(k, first):
        return False
    word = nv.tokens[k].text.lower()
    if word in SETTLEMENT_MARKS:
        return dot
    return word in PLACE_NAME_WORDS or word.startswith("пр-") or nv.lemmas[k] in PLACE_NAME_LEMMAS


# nominative forms ------------------------------------------------------------------------------
def word_to_nominative(tok: NlpToken, nlp: Nlp, *, gender: str | None = None) -> str:
    """The word in the nominative, same number; capitalisation kept. Unknown words stay.

    The tagger's case is trusted unless it says nominative for a form the dictionary knows
    only in other cases («предприятий «Технопарка Север»» tagged nominative). Capitalised words
    the dictionary lacks stay as printed.
    """
    if not re.search(r"[а-яё]", tok.text.lower()):
        return tok.text
    ending = ABBREVIATION_WITH_ENDING.fullmatch(tok.text)
    if ending and tok.feats.get("Case") not in (None, "Nom"):
        return ending.group(1)  # «Лебединского ГОКа» → «ГОК»
    if tok.text[:1].isupper() and not nlp.is_known(tok.text) and tok.pos != "ADJ":
        return tok.text  # a proper name the dictionary lacks («Ростех»): guesses go wrong
    case = tok.feats.get("Case")
    if case in (None, "Nom"):
        parses = nlp.parses(tok.text)
        if tok.pos not in ("NOUN", "PROPN") or not parses or any(p.has("nomn") for p in parses):
            return tok.text
        parse = parses[0]
        number = "plur" if parse.has("plur") else "sing"
    else:
        parse = _matching_parse(tok, case, nlp)
        number = NUMBERS.get(tok.feats.get("Number", ""), "sing")
    if parse is None:
        return tok.text
    grammemes = {"nomn", number}
    want_gender = GENDERS.get(gender or tok.feats.get("Gender", ""))
    if number == "sing" and want_gender and parse.pos in ("ADJF", "PRTF"):
        grammemes.add(want_gender)
    form = nlp.inflect(parse, grammemes) or nlp.inflect(parse, {"nomn"})
    if form is None:
        return tok.text
    return copy_case(tok.text, form)


def _matching_parse(tok: NlpToken, case: str, nlp: Nlp) -> WordParse | None:
    """The dictionary reading that agrees with the tagger's case, part of speech and number."""
    want_case = CASES.get(case)
    want_pos = {"NOUN": ("NOUN",), "PROPN": ("NOUN",), "ADJ": ("ADJF", "PRTF"), "DET": ("ADJF", "NPRO"),
                "NUM": ("ADJF", "NUMR"), "VERB": ("PRTF",)}.get(tok.pos or "", ())
    want_number = NUMBERS.get(tok.feats.get("Number", ""))
    parses = nlp.parses(tok.text)
    best = None
    for p in parses:
        if want_case and not p.has(want_case) and not (want_case == "loct" and p.has("loc2")):
            continue
        if want_pos and p.pos not in want_pos and not (tok.pos == "ADJ" and p.has("Surn")):
            continue  # «Лебединского ГОКа»: the dictionary knows the adjective only as a surname
        if want_number and p.number and not p.has(want_number):
            continue
        best = p
        break
    return best


def phrase_to_nominative(nv: Narrative, nlp: Nlp, first: int, head: int, last: int) -> str:
    """Tokens first..last as printed, with the head and the modifiers before it in the nominative.

    Only the head's own group changes («Городской Управы» → «Городская Управа»); its
    dependents («города Твери», «по делам молодежи») stay as printed.
    """
    head_tok = nv.tokens[head]
    gender = head_tok.feats.get("Gender")
    words = {head: word_to_nominative(head_tok, nlp)}
    k = head - 1
    while k >= first and nv.tokens[k].pos in MODIFIER_POS and nv.tokens[k].feats.get("Case") == \
            head_tok.feats.get("Case"):
        words[k] = word_to_nominative(nv.tokens[k], nlp, gender=gender)
        k -= 1
    out = []
    pos = nv.tokens[first].start
    for i in range(first, last + 1):
        tok = nv.tokens[i]
        out.append(nv.text[pos:tok.start])
        out.append(words.get(i, tok.text))
        pos = tok.end
    return " ".join("".join(out).split())
