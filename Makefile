VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test test-slow setup lint browser clean

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): $(PY) pyproject.toml
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(VENV)/bin/presse analyze examples/anchorage-summit.fr.txt

lint: setup
	$(VENV)/bin/ruff check src tests

browser:
	bash scripts/install-browser.sh

test: setup lint browser
	$(VENV)/bin/pytest -q -m "not slow" -n 2 --dist loadfile

test-slow: setup
	$(VENV)/bin/pytest -q -m slow

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
