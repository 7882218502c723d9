"""The shared vocabularies: one data file each, read the same by every extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from stratdoc.extract.entities.events import EVENT_HEADS, EVENTS_PATH
from stratdoc.extract.entities.positions import POSITIONS_PATH, opens_position
from stratdoc.extract.lexicon.body_heads import (
    BODY_ABBREVIATIONS,
    BODY_HEADS_PATH,
    body_heads,
    unit_head_forms,
)
from stratdoc.extract.lexicon.legal_forms import LEGAL_ABBREVIATIONS, LEGAL_FORM_KEYS, LEGAL_FORMS_PATH
from stratdoc.extract.lexicon.org_names import org_key
from stratdoc.extract.nlp import shared as shared_nlp

NLP = shared_nlp()


@pytest.mark.parametrize("path", [LEGAL_FORMS_PATH, BODY_HEADS_PATH, POSITIONS_PATH, EVENTS_PATH])
def test_pattern_files_compile(path: Path) -> None:
    assert NLP.patterns(path).entries


def test_body_abbreviations_are_no_legal_forms() -> None:
    assert BODY_ABBREVIATIONS == {"ОМСУ", "ОИВ"}
    assert not BODY_ABBREVIATIONS & LEGAL_ABBREVIATIONS
    assert {"ООО", "АО", "МБДОУ", "ГБУЗ"} <= LEGAL_ABBREVIATIONS


@pytest.mark.parametrize(("name", "key"), [
    ("Общество с ограниченной ответственностью «Вектор»", 'ооо"вектор'),
    ("Непубличное акционерное общество «Вектор»", 'ао"вектор'),
    ("Государственная корпорация «Полёт»", 'госкорпорация"полет'),
])
def test_full_legal_forms_key_as_abbreviations(name: str, key: str) -> None:
    assert org_key(name) == key


def test_full_forms_have_keys() -> None:
    assert LEGAL_FORM_KEYS["муниципальное бюджетное учреждение"] == "мбу"


def test_roles_of_head_nouns() -> None:
    assert "министерство" in body_heads("strong")
    assert "центр" in body_heads("weak") and "центр" not in body_heads("strong")
    assert "губернатор" in body_heads("issuer")
    assert unit_head_forms()["управление"] == ("управление", "управления")
    assert "филиал" not in unit_head_forms()


@pytest.mark.parametrize(("word", "expected"), [
    ("губернатор", True), ("директора", True), ("партнёр", True), ("дорога", False), ("", False),
])
def test_opens_position(word: str, expected: bool) -> None:
    assert opens_position(word, NLP) is expected


def test_event_heads() -> None:
    assert {"форум", "сессия", "стол", "опрос"} <= EVENT_HEADS
