"""Seconds per page of reading a scanned PDF by OCR, against rendering its pages alone.

    python benchmarks/ocr.py [PDF] [--pages 4]

Without a PDF it reads a generated scan: the plan of measures of tests/test_ocr.py printed to
page images at 200 dpi, turned 90° and with light noise, `--pages` copies of it. The baseline
is rendering the same pages with pdfium at the reader's resolution, in this process; the OCR
run is `stratdoc.ingest.read_bytes` on the whole file (Tesseract pages in parallel). Times are
CPU seconds of this process and of its Tesseract children, which other work on the machine
blurs less than the wall clock (shown beside); CPU seconds per page divided by the cores in
use is what a page costs on a machine of that many idle cores.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def generated_scan(pages: int) -> bytes:
    import io

    import pypdfium2 as pdfium

    from tests.test_ocr import plan_pdf, scanned

    one = pdfium.PdfDocument(scanned(plan_pdf(), 90))
    images = [one[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")] * pages
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=200)
    return buf.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="?", type=Path)
    ap.add_argument("--pages", type=int, default=4)
    args = ap.parse_args()

    import pypdfium2 as pdfium

    from stratdoc.ingest import ocr, read_bytes

    reason = ocr.missing()
    if reason is not None:
        sys.exit(f"benchmarks/ocr.py: {reason}")
    data = args.pdf.read_bytes() if args.pdf else generated_scan(args.pages)
    name = args.pdf.name if args.pdf else f"generated scan, {args.pages} pages"

    c0, w0 = cpu(), time.perf_counter()
    doc = pdfium.PdfDocument(data)
    n = len(doc)
    for i in range(n):
        ocr.render(doc[i], ocr.DPI)
    doc.close()
    base_cpu, base_wall = cpu() - c0, time.perf_counter() - w0

    c0, w0 = cpu(), time.perf_counter()
    result = read_bytes(name if args.pdf else "scan.pdf", data)
    ocr_cpu, ocr_wall = cpu() - c0, time.perf_counter() - w0

    cores = ocr.threads()
    print(f"{name}: {n} pages, {ocr.DPI} dpi, {cores} cores, status {result.status.value}, ocr {result.ocr}")
    print(f"  render only   {base_cpu / n:7.2f} CPU s/page  {base_wall / n:7.2f} wall s/page")
    print(f"  read by OCR   {ocr_cpu / n:7.2f} CPU s/page  {ocr_wall / n:7.2f} wall s/page"
          f"  ({ocr_cpu / max(base_cpu, 1e-9):.1f}× rendering)")
    print(f"  per page on {min(cores, 2)} idle cores ≈ {ocr_cpu / n / min(cores, 2):.2f} s")


if __name__ == "__main__":
    main()
