# make demo: set up and run the main job on the bundled example.  make test: set up and run every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: install demo test system-deps clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[web,dev]'
	touch $@

# Debian packages for PDF output, fonts and browser tests (needs root; CI runs it).
system-deps:
	bash scripts/install-system-deps.sh

demo: install
	@mkdir -p $(OUT)
	$(BIN)/jixiao validate examples/liwan-fulian-2023.yaml
	$(BIN)/jixiao convert examples/liwan-fulian-2023.yaml $(OUT)/liwan-fulian-2023.xlsx
	$(BIN)/jixiao convert examples/liwan-fulian-2023.yaml $(OUT)/liwan-fulian-2023.json
	$(BIN)/jixiao convert $(OUT)/liwan-fulian-2023.xlsx $(OUT)/liwan-fulian-2023.roundtrip.yaml
	$(BIN)/jixiao template -o $(OUT)/绩效自评模板.xlsx --force
	$(BIN)/jixiao render examples/liwan-fulian-2023.yaml -o $(OUT)
	$(BIN)/jixiao validate examples/community-library-2024.yaml
	@echo "演示完成：输出在 $(OUT)/"

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(OUT) build dist .pytest_cache
