"""A decree's own act (number, date, issuer, last amendment) comes from its own heading, never
from an act its text cites.

A decree names other acts in its preamble («в соответствии с Указом Президента … от 21.07.2020
№ 474», «показателей, утвержденных постановлением Правительства … от …»), in its title and in
its amendment box; its own act stands in its heading: an issuer line above an act line that may
hold the date and number itself («РАСПОРЯЖЕНИЕ от … № …»), a header under the act line
(«УКАЗ⏎ГЛАВЫ …»), or a legal database's title line («Постановление Администрации … от … N …»
followed by the act's title). The documents of tests/data/decl were written for these tests,
about invented towns and regions; each is read as a TXT file and as a DOCX twin (or as the PDF or
DOCX it only exists as), and each field of its key is one test.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from stratdoc.extract import extract
from stratdoc.extract.document.acts import find_own_act
from stratdoc.extract.document.metadata import find_issuer
from stratdoc.extract.lexicon.lines import text_to_lines
from stratdoc.extract.nlp import shared
from stratdoc.ingest import read_bytes
from tests.decl_factory import DECL, variants
from tests.test_narrative_golden import value_eq

DOCUMENT_FIELDS = ("kind", "act_number", "adopted_on", "issuer", "amended_on")


def keys() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DECL.glob("*.json"))]


def cases() -> list[tuple[str, str, Any]]:
    """(file name of one form of a document, field, wanted value)."""
    return [(name, field, key["document"][field]) for key in keys() for name, _ in variants(key["source"])
            for field in DOCUMENT_FIELDS if field in key["document"]]


@cache
def exported(name: str) -> dict[str, Any]:
    """The export shape of one form of a keyed document."""
    source = next(k["source"] for k in keys() if any(n == name for n, _ in variants(k["source"])))
    data = dict(variants(source))[name]
    doc = read_bytes(Path(name), data)
    return extract(doc, shared()).model_dump(mode="json")


def test_every_document_is_keyed() -> None:
    stems = {p.stem for p in DECL.glob("*.txt")} | {Path(s).stem for s in
                                                    ("decree_kedrovsk_committee.pdf",
                                                     "decree_svetloborsk_commission.docx")}
    assert {Path(k["source"]).stem for k in keys()} == stems
    assert len(keys()) >= 6


@pytest.mark.parametrize(("name", "field", "want"), cases(), ids=[f"{n}-{f}" for n, f, _ in cases()])
def test_document_field(name: str, field: str, want: Any) -> None:
    got = exported(name)["document"].get(field)
    assert value_eq(want, got), f"{name}: document.{field}: want {want!r}, got {got!r}"


# the heading against the acts the text cites -------------------------------------------------
@pytest.mark.parametrize(("text", "number", "adopted"), [
    # the act line holds the date and number itself, the issuer stands above it
    ("ГУБЕРНАТОР ТУМАНСКОЙ ОБЛАСТИ\n\nРАСПОРЯЖЕНИЕ от 4 мая 2021 г. N 88-рг\n\nОБ ИНВЕСТИЦИОННОМ СОВЕТЕ\n\n"
     "В целях достижения национальных целей развития, утвержденных Указом Президента Российской "
     "Федерации от 21 июля 2020 года N 474, и в соответствии с Законом Туманской области от 2 марта "
     "2015 года N 12-ОЗ:", "88-рг", date(2021, 5, 4)),
    # number before date on the act line
    ("ПРАВИТЕЛЬСТВО ОЗЕРНОВСКОГО КРАЯ\nПОСТАНОВЛЕНИЕ № 415-пп от 30.11.2022\n\nО плане мероприятий\n\n"
     "В соответствии с распоряжением Правительства Российской Федерации от 29.12.2022 № 4132-р "
     "Правительство края постановляет:", "415-пп", date(2022, 11, 30)),
    # a legal database's title line, itself citing the strategy's act
    ('Решение Совета депутатов Лесоградского муниципального округа от 18 ноября 2022 г. N 204 '
     '"О внесении изменений в Стратегию, утвержденную решением Совета депутатов от 20.12.2018 N 71"\n\n'
     "В соответствии с Федеральным законом от 06.10.2003 N 131-ФЗ Совет депутатов решил:",
     "204", date(2022, 11, 18)),
    # the preamble cites acts approved by others; no heading: no act of its own
    ("Стратегия развития Кедрогорского городского округа\n\nСтратегия разработана в соответствии с "
     "Программой, утвержденной постановлением Правительства Российской Федерации от 15.04.2014 № 316, "
     "и с планом, утвержденным распоряжением Губернатора области от 02.02.2021 № 40-рг.", None, None),
], ids=["act-line-with-date", "number-before-date", "database-title", "citations-only"])
def test_own_act_from_the_heading(text: str, number: str | None, adopted: date | None) -> None:
    assert find_own_act(text, text_to_lines(text, strip_markup=True)) == (number, adopted)


@pytest.mark.parametrize(("text", "issuer"), [
    ("ГУБЕРНАТОР ТУМАНСКОЙ ОБЛАСТИ\n\nРАСПОРЯЖЕНИЕ от 4 мая 2021 г. N 88-рг\n\nОБ ИНВЕСТИЦИОННОМ СОВЕТЕ\n\n"
     "В целях достижения национальных целей развития, утвержденных Указом Президента Российской "
     "Федерации от 21 июля 2020 года N 474:", "Губернатор Туманской области"),
    ('Решение Совета депутатов Лесоградского муниципального округа от 18 ноября 2022 г. N 204 '
     '"О внесении изменений в Стратегию"\n\nВ соответствии с Указом Президента Российской Федерации '
     "от 07.05.2018 N 204 Совет депутатов решил:", "Совет депутатов Лесоградского муниципального округа"),
    ("Стратегия развития Кедрогорского городского округа\n\nСтратегия разработана в соответствии с "
     "Программой, утвержденной постановлением Правительства Российской Федерации от 15.04.2014 № 316.",
     None),
], ids=["above-the-act-line", "database-title", "citations-only"])
def test_issuer_from_the_heading(text: str, issuer: str | None) -> None:
    assert find_issuer(text, text_to_lines(text, strip_markup=True), shared()) == issuer
