"""A news item is told by its shape: reported speech, a dateline near the top, an event
reported in the past on a given day.

Each rule is general Russian news writing, not any site's page template: a comment form or a
«today» banner is not needed (a banner and a rubric after the dateline add a point when they
are there). The text's own past is not enough: a strategy's analysis reports years gone by
(«за 2015–2022 годы население сократилось»), a news item reports a day («во вторник
депутаты утвердили …»).
"""

from __future__ import annotations

import re

from stratdoc.extract.document.datelines import (
    RUBRIC_RE,
    SITE_BANNER_LINES,
    agency_dateline,
    dateline,
)
from stratdoc.extract.lexicon.dates import find_dates
from stratdoc.extract.lexicon.lines import text_to_lines
from stratdoc.extract.nlp import Nlp

NEWS_CHARS = 6000  # a news item shows its character in its first paragraphs
NEWS_LINES = 25  # the dateline and a banner stand within the first lines
NEWS_THRESHOLD = 3

# Verbs that attribute words to a speaker (lemmas, ё as е): «— сказал», «отметила», «говорит».
SPEECH_VERBS = frozenset({
    "сказать", "говорить", "рассказать", "рассказывать", "отметить", "отмечать", "сообщить",
    "сообщать", "заявить", "заявлять", "подчеркнуть", "подчеркивать", "пояснить", "пояснять",
    "объяснить", "объяснять", "добавить", "добавлять", "уточнить", "уточнять", "прокомментировать",
    "комментировать", "напомнить", "поделиться", "признаться",
})
# A present-tense speech verb attributes speech only in the reporting shape: after a dash
# («», — говорит директор») or «как» («как сообщает пресс-служба»); elsewhere «говорит о том»
# and the like are an analyst's «indicates».
SPEECH_OPENER_RE = re.compile(r"(?:[—–]|\bкак)\s*$", re.IGNORECASE)
WORD_RE = re.compile(r"[А-Яа-яЁё]+")
# Reported speech without a verb, and the news writer's attributions of a source.
ATTRIBUTION_RE = re.compile(r"\bпо\s+словам\b", re.IGNORECASE)
SOURCE_RE = re.compile(r"\b(?:по\s+информации|пресс-служб|корреспондент|напомним)", re.IGNORECASE)
# Verbs that report an event held or coming («прошёл», «состоялась», «пройдёт»).
EVENT_VERBS_RE = re.compile(
    r"\b(?:прош(?:ел|ёл|ла|ло|ли)|состоял(?:ся|ась|ось|ись)|состоится|завершил(?:ся|ась|ись)"
    r"|стартовал[аио]?|открыл(?:ся|ась|ись)|пройд[её]т|прим(?:ут|ет)\s+участие|приняли\s+участие)\b",
    re.IGNORECASE)
# Words that place an event on a day, not in a year: «вчера», «во вторник», «на прошлой неделе».
DAY_WORDS_RE = re.compile(
    r"\b(?:вчера|сегодня|накануне|(?:в|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу"
    r"|воскресенье)|на\s+(?:этой|прошлой|минувшей)\s+неделе)\b", re.IGNORECASE)
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+|\n+")


def reported_speech(text: str, nlp: Nlp) -> bool:
    """Words attributed to a speaker: «— сказал», «отметила глава», «», — говорит», «по словам»."""
    if ATTRIBUTION_RE.search(text):
        return True
    for m in WORD_RE.finditer(text):
        verb = next((p for p in nlp.parses(m.group()) if p.pos == "VERB"), None)
        if verb is None or verb.lemma.replace("ё", "е") not in SPEECH_VERBS:
            continue
        if "past" in verb.grammemes:
            return True
        if "pres" in verb.grammemes and "3per" in verb.grammemes \
                and SPEECH_OPENER_RE.search(text[max(0, m.start() - 12):m.start()]):
            return True
    return False


def event_on_a_day(text: str, nlp: Nlp) -> bool:
    """An event verb («прошёл», «состоится»), or a sentence in the past tense that names a day."""
    return EVENT_VERBS_RE.search(text) is not None or any(
        _names_a_day(sentence) and any(_is_past_verb(w.group(), nlp) for w in WORD_RE.finditer(sentence))
        for sentence in SENTENCE_END_RE.split(text))


def _names_a_day(sentence: str) -> bool:
    """«вчера», «во вторник», «12 мая»: a day without a year, as news dates its event."""
    return DAY_WORDS_RE.search(sentence) is not None or any(d.year is None for d in find_dates(sentence))


def _is_past_verb(word: str, nlp: Nlp) -> bool:
    parses = nlp.parses(word)
    return bool(parses) and parses[0].pos == "VERB" and "past" in parses[0].grammemes


def news_score(text: str, nlp: Nlp) -> int:
    """Points of a news item's shape: reported speech 2, a source's attribution 2, a dateline 2,
    an event on a day 1, and a site's banner or rubric 1 each."""
    head = text[:NEWS_CHARS]
    lines = text_to_lines(head, strip_markup=True, limit=NEWS_LINES)
    dl = dateline(lines)
    score = 2 * (SOURCE_RE.search(head) is not None)
    if dl is not None:
        score += 2
        score += RUBRIC_RE.match(dl.text[find_dates(dl.text)[0].end:]) is not None
    elif agency_dateline(lines) is not None:
        score += 2
    score += any(d.weekday and d.start == 0
                 for ln in lines[:SITE_BANNER_LINES] for d in find_dates(ln.text)[:1])
    score += 2 * reported_speech(head, nlp)
    body = head.replace(dl.text, "", 1) if dl is not None else head
    return score + event_on_a_day(body, nlp)


def is_news(text: str, nlp: Nlp) -> bool:
    return news_score(text, nlp) >= NEWS_THRESHOLD
