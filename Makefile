# The workbook's commands. `make` (or `make help`) lists them.
# Everything runs from .venv/bin explicitly, so no shell activation is needed;
# a fresh clone needs only python3 (3.11+) with pip and venv.

.DEFAULT_GOAL := help
# Targets run one at a time, in the order given, even under `make -j`:
# `test` must lint before it tests, and two pip runs must not share .venv.
.NOTPARALLEL:
SHELL := bash
.SHELLFLAGS := -euo pipefail -c

PYTHON3 ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
PIP := $(BIN)/pip
PYTEST := $(BIN)/pytest
RUFF := $(BIN)/ruff
JUPYTER := $(BIN)/jupyter
INSTALLED := $(VENV)/.installed

CORPUS ?= seeds
# Hand labels for notebook 06 (analysis/validate/__init__.py gives the formats); by default it
# reads $(CORPUS)/labels/ if there is one.
LABELS ?=
QUOTES ?=
USAGE ?=
REPORT_DIR ?= build/report
# The report reads every file it can and lists the rest on its index (ERRORS=raise stops
# at the first bad file); MAX_FILE_BYTES raises or lowers the loader's size limit.
ERRORS ?= collect
# Real news for `make bench` beside the synthetic corpus (left out when missing).
REAL_NEWS ?= ../shared/polnear/texts
MAX_FILE_BYTES ?=
# Longest one notebook cell may run under `make notebooks`, in seconds.
CELL_TIMEOUT ?= 600
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))

.PHONY: help install test lint pytest-unit pytest-nbval format notebooks report check-browser lab lock bench clean

help: ## Show this list of targets (the default goal)
	@echo "Usage: make TARGET [CORPUS=path] [LABELS=labels.csv [QUOTES=quotes.csv] [USAGE=usage.csv]]"
	@echo "       make report [ERRORS=collect|raise] [MAX_FILE_BYTES=n]"
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN {FS = ":.*## "}; {printf "  %-13s %s\n", $$1, $$2}'

install: $(INSTALLED) ## Create .venv if missing and install exactly requirements.lock, then the package (editable)

# Reinstalls only when the lock or pyproject.toml changed since the last install.
$(INSTALLED): requirements.lock pyproject.toml
	test -x $(PYTHON) || $(PYTHON3) -m venv $(VENV)
	$(PIP) install --requirement requirements.lock
	$(PIP) install --no-deps --no-build-isolation --editable .
	$(PIP) check
	touch $@

test: install lint pytest-unit pytest-nbval ## Lint, then unit tests, then nbval on the committed notebooks

lint: install ## Check code and notebooks with ruff (lint rules and formatting)
	$(RUFF) check .
	$(RUFF) format --check .

# The examples in the package's docstrings run too, so the documentation cannot drift.
pytest-unit: install ## Run the unit tests in tests/ and the docstring examples (no tests collected is a failure)
	$(PYTEST) tests --doctest-modules analysis

# nbval reruns each committed notebook and compares every output with the saved one.
# With no notebooks there is nothing for it to compare, and pytest would exit 5: that case
# is skipped here because tests/test_notebook_structure.py already fails on it; with
# notebooks present, exit 5 (nbval collected nothing) stays a failure.
pytest-nbval: install ## Re-run notebooks/ and tests/notebooks/ with nbval; outputs must match the committed ones
ifeq ($(NOTEBOOKS),)
	@echo "pytest-nbval: no notebooks/*.ipynb, nothing to compare"
else
	$(PYTEST) --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
		notebooks/ tests/notebooks/
endif

format: install ## Fix lint findings that ruff can fix, then format code and notebooks
	$(RUFF) check --fix .
	$(RUFF) format .

notebooks: install ## Re-execute every notebook in place, top to bottom, in a fresh kernel
ifeq ($(NOTEBOOKS),)
	@echo "notebooks: no notebooks/*.ipynb to execute"
else
	# Kernels over local sockets (IPC), in a folder of their own (an absolute path: the
	# kernel starts in notebooks/): over TCP each prints a warning nobody can act on.
	sockets=$$(mktemp -d) && $(JUPYTER) nbconvert --to notebook --execute --inplace \
		--ExecutePreprocessor.kernel_name=python3 \
		--ExecutePreprocessor.timeout=$(CELL_TIMEOUT) \
		--KernelManager.transport=ipc --KernelManager.ip=$$sockets/kernel \
		$(NOTEBOOKS) && rm -r $$sockets
	# The corpus notebook again, on the multi-article fixture corpus, for nbval.
	$(PYTHON) -c 'from pathlib import Path; from analysis.report import execute_notebook; \
		execute_notebook(Path("notebooks/05_corpus.ipynb"), \
		Path("tests/notebooks/05_corpus_fixture.ipynb"), Path("tests/fixtures/corpus"), \
		parameters={"corpus_path": "../fixtures/corpus", "cache_dir": "../../build/cache"}, \
		cwd=Path("tests/notebooks"))'
	$(RUFF) format --quiet tests/notebooks/  # papermill's injected cell, as ruff lays it out
endif

report: install ## Run every notebook on CORPUS (default: seeds), 06 against LABELS/QUOTES/USAGE; HTML in build/report
	$(PYTHON) -m analysis report --corpus $(CORPUS) --out $(REPORT_DIR) \
		$(if $(LABELS),--labels $(LABELS)) $(if $(QUOTES),--quotes $(QUOTES)) \
		$(if $(USAGE),--usage $(USAGE)) --errors $(ERRORS) \
		$(if $(MAX_FILE_BYTES),--max-file-bytes $(MAX_FILE_BYTES))

# Debian's chromium, installed with apt-get when missing (needs root). The report is
# built first if build/report has no index.html; `make report` rebuilds it on demand.
CHROMIUM ?= /usr/bin/chromium
check-browser: install ## Open every report page in headless Chromium; fail on broken images, missing alt text, console errors
	@test -x $(CHROMIUM) || { echo "check-browser: $(CHROMIUM) missing; installing Debian's chromium" >&2; \
		apt-get update && apt-get install --yes --no-install-recommends chromium; }
	@test -f $(REPORT_DIR)/index.html || $(MAKE) report
	CHROMIUM=$(CHROMIUM) $(PYTHON) -m analysis check-browser --report $(REPORT_DIR) --out build/check-browser

lab: install ## Start JupyterLab on this repo
	$(JUPYTER) lab

# The lock is what .venv holds now: change a range in pyproject.toml, install into .venv
# (e.g. `.venv/bin/pip install -e ".[test]"`), then `make lock` and commit both files.
# pip itself is left out (a new venv's own pip installs the lock); setuptools and wheel
# stay in, for `pip install --no-build-isolation -e .`. The last step asks PyPI alone,
# without this machine's pip config (local wheels, mirrors, constraints), for every pin.
lock: ## Regenerate requirements.lock from .venv and check every pin is on PyPI
	test -x $(PIP) || { echo "lock: no $(PIP); run make install first" >&2; exit 1; }
	{ \
		echo "# Exact version of every package that \`make install\` puts in .venv."; \
		echo "# Generated from .venv by \`make lock\` (pip freeze --all --exclude-editable,"; \
		echo "# pip itself left out); do not edit by hand. To change a version: change the"; \
		echo "# range in pyproject.toml, install it into .venv, run \`make lock\`, commit both."; \
		echo "# setuptools and wheel are pinned so the editable install can use"; \
		echo "# --no-build-isolation; every pin is checked to be installable from PyPI."; \
		$(PIP) freeze --all --exclude-editable | grep -v -i -E '^pip=='; \
	} > requirements.lock.tmp
	! grep -n -E '^(-e |[^#].*(\+| @ ))' requirements.lock.tmp \
		|| { echo "lock: the lines above are local builds or direct references, not PyPI pins" >&2; exit 1; }
	# With the machine's pip configuration switched off, pip's default index is PyPI.
	env -u PIP_FIND_LINKS -u PIP_CONSTRAINT -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL \
		PIP_CONFIG_FILE=/dev/null $(PIP) install --quiet --dry-run --ignore-installed --no-deps \
		--requirement requirements.lock.tmp
	mv requirements.lock.tmp requirements.lock

bench: install ## Time the analysis on the generated 10,000-article benchmark corpus; writes build/bench.json
	$(PYTHON) -m benchmarks --corpus build/bench/corpus --out build/bench.json --real $(REAL_NEWS)

clean: ## Remove build output and caches (keeps .venv; rm -rf .venv for a full reset)
	rm -rf build requirements.lock.tmp .pytest_cache .ruff_cache .hypothesis
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +
	find . -path ./$(VENV) -prune -o -type d -name .ipynb_checkpoints -exec rm -rf {} +
