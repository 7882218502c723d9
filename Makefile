# Two entry points for a newcomer: `make demo` and `make test`. Both build .venv when needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DB ?= stratdoc.db

.PHONY: demo test lint samples bench clean chromium tesseract

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP) tesseract
	$(VENV)/bin/stratdoc ingest --db $(DB) samples/
	$(VENV)/bin/stratdoc stats --db $(DB)

test: $(STAMP) chromium tesseract
	$(VENV)/bin/ruff check stratdoc tests benchmarks samples
	$(PY) -m pytest -q

# The browse-page test drives Debian's chromium (playwright downloads no browser). Installed here
# when missing and this is root with apt-get; otherwise that test skips, and the build goes on.
# LibreOffice (soffice) converts DOC/RTF/ODT the same way: installed when possible, else those skip.
chromium:
	@export DEBIAN_FRONTEND=noninteractive; command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
		&& { apt-get install -y -qq chromium || { apt-get update -qq && apt-get install -y -qq chromium; }; } \
		>/dev/null 2>&1; } || true
	@export DEBIAN_FRONTEND=noninteractive; command -v soffice >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
		&& { apt-get install -y -qq libreoffice-writer-nogui || { apt-get update -qq && apt-get install -y -qq libreoffice-writer-nogui; }; } \
		>/dev/null 2>&1; } || true

# Scanned PDFs are read by Debian's Tesseract with its Russian model; installed the same way when
# missing. Without it a scan is stored as no_text with a one-line hint, and its tests skip.
tesseract:
	@export DEBIAN_FRONTEND=noninteractive; tesseract --list-langs 2>/dev/null | grep -qx rus || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
		&& { apt-get install -y -qq tesseract-ocr tesseract-ocr-rus || { apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-rus; }; } \
		>/dev/null 2>&1; } || true

lint: $(STAMP)
	$(VENV)/bin/ruff check stratdoc tests benchmarks samples

samples: $(STAMP)
	$(PY) samples/make_samples.py

bench: $(STAMP)
	$(PY) benchmarks/ingest.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache
