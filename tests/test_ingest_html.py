"""HTML reader: the article without page chrome, its title and its own publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from stratdoc.ingest import html as html_reader
from stratdoc.ingest import read_bytes
from stratdoc.ingest.html import decode_html, strip_chrome, visible_text
from stratdoc.schema import BlockKind, Document, DocumentStatus, Format
from tests.invariants import assert_offsets

H, P, L, T = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE

TITLE = "В Заречном обсудили проект стратегии до 2035 года"
PARAGRAPHS = [
    "В четверг в администрации Заречного прошло заседание рабочей группы по стратегическому "
    "планированию. Участники рассмотрели проект стратегии социально-экономического развития.",
    "Глава округа Иван Петров напомнил, что в опросе жителей приняли участие более двух тысяч "
    "человек. По его словам, именно их ответы легли в основу приоритетов.",
    "Следующее заседание рабочей группы назначено на апрель.",
]
CHROME = ["Главная", "Афиша", "Все права защищены", "Оставить комментарий", "ул. Ленина, 1",
          "Вторник, 26 ноября 2024"]


def news_page(*, date_markup: str = '<time datetime="2019-03-14">14 марта 2019</time>',
              head_extra: str = "", banner: str = "Вторник, 26 ноября 2024", charset: str = "utf-8") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="{charset}">
<title>{TITLE} — Вести Заречного</title>{head_extra}</head>
<body>
<header><div class="today-date">{banner}</div><div class="logo">Вести Заречного</div></header>
<nav><ul><li><a href="/">Главная</a></li><li><a href="/news">Новости</a></li>
<li><a href="/afisha">Афиша</a></li></ul></nav>
<main><article>
<h1>{TITLE}</h1>
<div class="article-meta">{date_markup}</div>
{paragraphs}
<table><tr><th>Направление</th><th>Число проектов</th></tr>
<tr><td>Образование</td><td>4</td></tr><tr><td>Благоустройство</td><td>7</td></tr></table>
<ul><li>ремонт школы № 3;</li><li>новый сквер на набережной.</li></ul>
</article></main>
<div class="comments"><form><p>Оставить комментарий</p><textarea></textarea></form></div>
<footer><p>© 2024 Вести Заречного. Все права защищены.</p><p>Адрес редакции: ул. Ленина, 1</p></footer>
</body></html>"""




def read_html(data: str | bytes, name: str = "news.html") -> Document:
    doc = read_bytes(Path(name), data.encode("utf-8") if isinstance(data, str) else data)
    assert doc.format == Format.HTML
    assert_offsets(doc)
    return doc


@pytest.mark.parametrize(("charset", "encoding"), [("utf-8", "utf-8"), ("windows-1251", "cp1251")])
def test_news_page_article_title_and_date(charset: str, encoding: str) -> None:
    doc = read_html(news_page(charset=charset).encode(encoding))
    assert doc.status == DocumentStatus.OK
    assert doc.hints == {"encoding": encoding, "title": TITLE, "published_on": "2019-03-14"}
    assert [(b.kind, b.text, b.level) for b in doc.blocks if b.kind != T] == [
        (H, TITLE, 1),
        *[(P, p, None) for p in PARAGRAPHS],
        (L, "ремонт школы № 3;", None),
        (L, "новый сквер на набережной.", None),
    ]
    for chrome in CHROME:
        assert chrome not in doc.text
    (table,) = doc.tables
    assert table.grid() == [["Направление", "Число проектов"], ["Образование", "4"], ["Благоустройство", "7"]]


@pytest.mark.parametrize(("head_extra", "date_markup", "expected"), [
    ('<meta property="article:published_time" content="2021-07-23T10:15:00+03:00">', "", "2021-07-23"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
     '"headline": "Сессия", "datePublished": "2018-11-01"}</script>', "", "2018-11-01"),
    ("", '<time datetime="2018-07-06T09:00">6 июля 2018</time>', "2018-07-06"),
])
def test_date_comes_from_the_page_markup(head_extra: str, date_markup: str, expected: str) -> None:
    doc = read_html(news_page(head_extra=head_extra, date_markup=date_markup))
    assert doc.hints["published_on"] == expected


@pytest.mark.parametrize("banner", ["Вторник, 26 ноября 2024", "26.11.2024", "2024-11-26"])
def test_no_date_in_markup_means_no_date_not_the_banner_or_today(banner: str) -> None:
    doc = read_html(news_page(date_markup="", banner=banner))
    assert "published_on" not in doc.hints
    assert doc.hints["title"] == TITLE
    assert banner not in doc.text


@pytest.mark.parametrize("data", [
    "<html><head><title>Пустая страница</title></head><body></body></html>",
    "<html><body><script>var today = '26.11.2024';</script><style>p {}</style></body></html>",
    "<html>   </html>",
])
def test_page_without_text_is_no_text(data: str) -> None:
    doc = read_html(data)
    assert (doc.status, doc.text, doc.blocks) == (DocumentStatus.NO_TEXT, "", [])


def test_without_a_main_article_the_visible_text_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_reader.trafilatura, "bare_extraction", lambda *a, **k: None)
    doc = read_html("<html><head><title>Отчёт</title><script>x()</script></head><body>"
                    "<div>ИТОГИ ГОДА</div><p>Построено две школы.</p>"
                    "<table><tr><td>Год</td><td>Мест</td></tr><tr><td>2024</td><td>1200</td></tr></table>"
                    "</body></html>")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (H, "Отчёт"), (H, "ИТОГИ ГОДА"), (P, "Построено две школы."), (T, "Год\tМест\n2024\t1200")]
    assert doc.warnings == ["html: no main article text found; read the whole visible text of the page"]


@pytest.mark.parametrize(("data", "encoding"), [
    ('<meta charset="windows-1251"><p>Смета</p>'.encode("cp1251"), "cp1251"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Смета</p>'.encode("koi8-r"),
     "koi8-r"),
    # re-saved as UTF-8 but still declaring windows-1251: the valid UTF-8 wins
    ('<meta charset="windows-1251"><p>Смета</p>'.encode(), "utf-8"),
    ("\ufeff<p>Смета</p>".encode(), "utf-8-sig"),
    ("<p>Смета</p>".encode("cp1251"), "cp1251"),  # nothing declared: detected
    ('<meta charset="utf-8"><p>Смета</p>'.encode("utf-16-le"), "utf-16-le"),  # no BOM
])
def test_decode_html(data: bytes, encoding: str) -> None:
    text, found = decode_html(data)
    assert (found, text[-12:]) == (encoding, "<p>Смета</p>")


def test_strip_chrome_keeps_the_article_header() -> None:
    from lxml.html import document_fromstring

    tree = document_fromstring(
        "<html><body><header>Сегодня 26.11.2024</header><div id='top-menu'>Меню</div>"
        "<article><header><time datetime='2020-05-05'>5 мая</time></header><p>Текст</p></article>"
        "<footer>Контакты</footer></body></html>")
    assert [x.strip() for x in strip_chrome(tree).itertext() if x.strip()] == ["5 мая", "Текст"]


def test_visible_text_skips_scripts_and_breaks_blocks() -> None:
    from lxml.html import document_fromstring

    tree = document_fromstring("<html><head><title>Т</title></head><body><div>Один<br>два</div>"
                               "<script>x()</script><span>три</span></body></html>")
    assert [x for x in visible_text(tree).split("\n") if x] == ["Один", "два", "три"]
