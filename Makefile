# Two commands for a newcomer: `make run` and `make test` (README.md).
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test test-postgres test-sqlite lint demo-logins clean messages

$(VENV)/.created:
	@python=$$(scripts/find-python.sh) && echo "Using $$python" && $$python -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@

run: $(VENV)/.installed
	PORT=$(PORT) scripts/run.sh

test: $(VENV)/.installed-test
	$(PY) -m pytest $(ARGS)

test-postgres: $(VENV)/.installed-test
	scripts/test-postgres.sh $(ARGS)

# ruff is pinned in the test extra; a venv whose marker predates the pin gets it here.
lint: $(VENV)/.installed-test
	@test -x $(VENV)/bin/ruff || $(PY) -m pip install --quiet -e '.[test]'
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

messages: $(VENV)/.installed
	cd acikmasa && ../$(VENV)/bin/acikmasa makemessages -l tr --no-location --no-obsolete && ../$(VENV)/bin/acikmasa compilemessages

clean:
	rm -rf $(VENV) var
