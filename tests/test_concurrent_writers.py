"""Four processes ingesting overlapping sets of files into one PostgreSQL database at once: each
document is stored once, nothing fails, and what is stored is what one process alone stores."""

from __future__ import annotations

import io
import multiprocessing
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from stratdoc.pipeline import ingest_paths
from stratdoc.store import models
from stratdoc.store.export import write_jsonl
from stratdoc.store.session import open_engine, session_factory
from tests import store_workers
from tests.conftest import SAMPLES, pg_schema

WRITERS = 4
CITIES = ["Вологды", "Череповца", "Сокола", "Тотьмы", "Великого Устюга", "Кириллова", "Никольска", "Вытегры"]
UNITS = ["Управление культуры Администрации города", "Управление по туризму Администрации города",
         "Управление экономического развития Администрации города", "Комитет по физической культуре и спорту"]
MEASURES = ["Фестиваль народных ремёсел", "Ремонт городской библиотеки", "Пешеходный туристический маршрут",
            "Обучение гидов-экскурсоводов", "Благоустройство набережной", "Спортивная площадка у школы"]


def plan_text(i: int) -> str:
    """A small plan of measures, tab-separated as an office export gives it; the documents share
    their responsible units, so concurrent writers meet on the shared organization rows."""
    rows = []
    for k in range(4):
        unit = UNITS[(i + k) % len(UNITS)]
        name = MEASURES[(i * 3 + k) % len(MEASURES)]
        a, b = 1 + i + k, 2 * i + k + 1
        rows.append(f"{k + 1}\t{name}\tБюджет МО {a},{k}\tОбластной бюджет {b},5\t{unit} {CITIES[i]}"
                    f"\tРезультат {k + 1}")
    return (f"План мероприятий на 2024 - 2025 годы по реализации стратегии города {CITIES[i]}\n\n"
            f"Приложение к постановлению Администрации города {CITIES[i]} от 1{i}.03.2024 № {100 + i}\n\n"
            "№ п/п\tНаименование мероприятия\tИсточники финансирования (млн руб.)\t\t"
            "Ответственный исполнитель\tОжидаемый результат\n\t\t2024\t2025\t\t\n" + "\n".join(rows) + "\n")


def make_files(folder: Path) -> list[Path]:
    files = []
    for i in range(len(CITIES)):
        path = folder / f"plan-{i}.txt"
        path.write_text(plan_text(i), encoding="utf-8")
        files.append(path)
    sample = folder / "plan-cp1251.txt"
    sample.write_bytes((SAMPLES / "plan-cp1251.txt").read_bytes())
    return [*files, sample]


def export_of(url: str) -> str:
    engine = open_engine(url)
    out = io.StringIO()
    with session_factory(engine)() as s:
        write_jsonl(s, out)
    engine.dispose()
    return out.getvalue()


def test_four_writers_store_each_document_once_and_whole(tmp_path: Path) -> None:
    files = make_files(tmp_path)
    # every file goes to three writers of four, in the same order, so they meet on each one
    shares = [[str(f) for i, f in enumerate(files) if i % WRITERS != w] for w in range(WRITERS)]
    reference = f"sqlite:///{tmp_path / 'one-writer.db'}"
    alone = ingest_paths(files, db=reference, jobs=1)
    assert alone.ok and all(r.outcome == "ingested" for r in alone.results)
    assert sum(sum(r.counts.values()) for r in alone.results) > 30  # records worth comparing

    with pg_schema() as url:
        open_engine(url).dispose()
        # forked after the reference run, the writers start with the language models loaded
        ctx = multiprocessing.get_context("fork")
        barrier = ctx.Barrier(WRITERS)
        results = ctx.Queue()
        procs = [ctx.Process(target=store_workers.ingest, args=(url, share, barrier, results))
                 for share in shares]
        for p in procs:
            p.start()
        reports = [results.get(timeout=300) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        assert all(isinstance(r, list) for r in reports), reports
        lines = [line for report in reports for line in report]
        assert len(lines) == sum(map(len, shares))
        assert [line for line in lines if line[1] not in ("ingested", "skipped")] == []
        ingested = Counter(doc_id for _, outcome, doc_id, _ in lines if outcome == "ingested")
        assert sorted(ingested.values()) == [1] * len(files)  # each document stored by one writer
        engine = open_engine(url)
        with session_factory(engine)() as s:
            assert s.scalar(select(func.count()).select_from(models.DocumentRow)) == len(files)
            assert s.scalar(select(func.count()).select_from(models.IngestError)) == 0
            assert s.scalar(select(func.count()).select_from(models.Run)) == WRITERS
            keys = list(s.scalars(select(models.Organization.key)))
            assert len(keys) == len(set(keys))
        engine.dispose()
        # nothing half-written: the rows are those one writer alone stores
        assert export_of(url) == export_of(reference)
