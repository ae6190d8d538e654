# Two commands: `make run` opens the window, `make test` runs ruff and the whole suite offscreen.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test check fuzz lint types bench screenshots package clean bytecode

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.app-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.app-installed

# The app's own modules compiled ahead, as an installed package is: with PYTHONDONTWRITEBYTECODE set, Python would
# compile them again at every start (a third of `market-reader parse`'s start-up). Quick when they are up to date.
bytecode: $(VENV)/.app-installed
	$(BIN)/python -m compileall -q parsing desktop

run: $(VENV)/.app-installed bytecode
	$(BIN)/market-reader

lint: $(VENV)/.test-installed
	$(BIN)/ruff check .

# strict on the Qt-free core (parsing, the library), mypy's default checks on the rest of the app
types: $(VENV)/.test-installed
	$(BIN)/mypy --strict parsing desktop/library
	$(BIN)/mypy desktop packaging/launcher.py

test: lint types bytecode
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# the developer loop: everything but the slow tests (the app bundle build), in two processes
check: lint types bytecode
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not slow" -q -n 2

# the generated-input tests with fresh random inputs, many more of them (the suite itself draws from a fixed seed)
fuzz: $(VENV)/.test-installed
	MARKET_READER_HYPOTHESIS=explore QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n 2 \
		$$(grep -rl --include='test_*.py' '@given' tests)

bench: $(VENV)/.test-installed bytecode
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python tests/benchmarks/bench_parsing.py
	$(BIN)/python tests/benchmarks/bench_stages.py
	$(BIN)/python tests/benchmarks/bench_articles.py
	$(BIN)/python tests/benchmarks/bench_cli.py
	$(BIN)/python tests/benchmarks/bench_library.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/bench_window.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/bench_quote_grid.py

# offscreen pictures, then (when Xvfb and openbox are installed) the window on a real X display at small sizes
screenshots: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/tools/make_screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/tools/screenshot_filters.py
	@if command -v Xvfb >/dev/null && command -v openbox >/dev/null; then $(BIN)/python tests/tools/xvfb_screenshots.py; \
	else echo "Xvfb or openbox is missing: the real-display screenshots were not taken"; fi

package: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/pyinstaller --noconfirm --clean --log-level=WARN \
		--distpath dist --workpath build/pyinstaller packaging/market-reader.spec
	@du -sh dist/market-reader

clean:
	rm -rf $(VENV) build dist *.egg-info
	find parsing desktop -name __pycache__ -prune -exec rm -rf {} +
