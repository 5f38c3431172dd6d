# Two commands on a fresh machine with python3 and make:
#   make demo   create .venv, install reportparse, print the outline of a bundled sample report
#   make test   the same set-up, then the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE ?= corpus/duty-linjiang-2023.txt
STAMP := $(VENV)/.installed

.PHONY: demo test bench check-rules clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,ocr]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/reportparse parse $(SAMPLE)

test: $(STAMP)
	$(BIN)/python -m pytest

check-rules: $(STAMP)
	$(BIN)/reportparse rules check

bench: $(STAMP)
	$(BIN)/python bench/parse_vs_jieba.py

clean:
	rm -rf $(VENV) build *.egg-info
