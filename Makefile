# make demo: set up and run the main job on the bundled example.  make test: set up and run every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: install demo test serve system-deps clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[web,dev,cluster]'
	touch $@

# Debian packages for PDF output, fonts and browser tests (needs root; CI runs it).
system-deps:
	bash scripts/install-system-deps.sh

demo: install
	@mkdir -p $(OUT)/data $(OUT)/report
	$(BIN)/jixiao validate examples/liwan-fulian-2023.yaml
	$(BIN)/jixiao validate examples/community-library-2024.yaml
	$(BIN)/jixiao validate examples/clean-department-2024.yaml
	$(BIN)/jixiao convert examples/liwan-fulian-2023.yaml $(OUT)/data/liwan-fulian-2023.xlsx
	$(BIN)/jixiao convert examples/liwan-fulian-2023.yaml $(OUT)/data/liwan-fulian-2023.json
	$(BIN)/jixiao convert $(OUT)/data/liwan-fulian-2023.xlsx $(OUT)/data/liwan-fulian-2023.roundtrip.yaml
	$(BIN)/jixiao template -o $(OUT)/绩效自评模板.xlsx --force
	$(BIN)/jixiao score examples/liwan-fulian-2023.yaml
	$(BIN)/jixiao score examples/community-library-2024.yaml
	@# 荔湾区妇联的数据保留了原报告自身的问题（实际完成值未填、目标值偏低、通用指标多），审核逐条报出，这正是演示的内容。
	$(BIN)/jixiao check examples/liwan-fulian-2023.yaml --draft || true
	$(BIN)/jixiao check examples/clean-department-2024.yaml
	$(BIN)/jixiao render examples/liwan-fulian-2023.yaml -o $(OUT)/report
	$(BIN)/jixiao render examples/community-library-2024.yaml -o $(OUT)/report
	$(BIN)/jixiao extract $(OUT)/report/liwan-fulian-2023.docx --summary
	@echo "演示完成：数据在 $(OUT)/data/，报告在 $(OUT)/report/，空白模板为 $(OUT)/绩效自评模板.xlsx；网页版：make serve"

test: install
	$(BIN)/python -m pytest -q

# The web app for departments and the finance bureau (SQLite in ./var by default).
serve: install
	$(BIN)/jixiao serve

clean:
	rm -rf $(OUT) build dist .pytest_cache
