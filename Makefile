# Two commands on a fresh clone: `make run` (serve the demo) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The development server runs with DEBUG on and plain HTTP on 127.0.0.1 only.
DEV_ENV := DJANGO_DEBUG=1

.PHONY: install run migrate fixtures test lint fmt check ics messages clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

migrate: install
	$(DEV_ENV) $(MANAGE) migrate --noinput

run: migrate
	$(DEV_ENV) $(MANAGE) setup_demo
	$(DEV_ENV) $(MANAGE) runserver 127.0.0.1:8000

fixtures: migrate
	$(DEV_ENV) $(MANAGE) loaddata seed

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: lint
	$(DEV_ENV) $(MANAGE) check
	$(DEV_ENV) $(MANAGE) makemigrations --check --dry-run
	$(MAKE) test

messages: install
	$(DEV_ENV) $(MANAGE) makemessages --locale ru --ignore '.venv/*' --ignore 'var/*' --no-obsolete
	$(DEV_ENV) $(MANAGE) compilemessages --locale ru --ignore '.venv/*'

clean:
	rm -rf $(VENV) var/static
