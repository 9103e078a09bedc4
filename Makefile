# Two commands on a fresh clone: `make run` (serve the demo) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The development server runs with DEBUG on and plain HTTP on 127.0.0.1 only.
DEV_ENV := DJANGO_DEBUG=1

.PHONY: install run serve migrate fixtures test lint fmt check ics export export-check messages fuzz-api bench loadtest screenshots clean

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# Mozilla's ical.js (Thunderbird's parser), which the tests read every feed with.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

migrate: install
	$(DEV_ENV) $(MANAGE) migrate --noinput
	# The committed .mo file serves where GNU gettext (msgfmt) is missing.
	if command -v msgfmt >/dev/null; then $(DEV_ENV) $(MANAGE) compilemessages --locale ru --ignore '.venv/*' --ignore 'node_modules/*' -v0; fi

run: migrate
	$(DEV_ENV) $(MANAGE) setup_demo
	$(DEV_ENV) $(MANAGE) runserver 127.0.0.1:8000

# Production serving: gunicorn with the settings of the environment (DJANGO_SECRET_KEY, DATABASE_URL, ...).
# On this machine over plain HTTP: DJANGO_SECRET_KEY=$$(openssl rand -hex 32) DJANGO_SECURE=0 DJANGO_ALLOWED_HOSTS=127.0.0.1 make serve
BIND ?= 127.0.0.1:8000
WORKERS ?= 3
serve: install
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput -v0
	$(BIN)/gunicorn calendar_site.wsgi --bind $(BIND) --workers $(WORKERS) --forwarded-allow-ips '127.0.0.1'

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

ics: migrate
	$(DEV_ENV) $(MANAGE) export_ics --from 2014-01-01 -o var/events.ics

# The public site as static files, from the demo data.
export: migrate
	$(DEV_ENV) $(MANAGE) setup_demo
	$(DEV_ENV) $(MANAGE) export_site var/site

# The export of 10,000 generated events: link check, HTML validity on a sample, feeds in ical.js.
export-check: install
	$(BIN)/pytest -m scale $(PYTEST_ARGS)

# Schemathesis over every API operation, anonymous and with a staff token, on a throw-away database.
fuzz-api: install
	scripts/fuzz_api.sh

# 50 clients for 30 s against gunicorn with PostgreSQL and Redis while two officers edit in admin (see the README).
loadtest: install
	$(BIN)/python scripts/loadtest.py $(LOADTEST_ARGS)

messages: install
	$(DEV_ENV) $(MANAGE) makemessages --locale ru --ignore '.venv/*' --ignore 'var/*' --ignore 'node_modules/*' --no-obsolete
	$(DEV_ENV) $(MANAGE) compilemessages --locale ru --ignore '.venv/*' --ignore 'node_modules/*'

# Feed, page and API timings at 100, 10,000 and 100,000 events as ratios to a baseline measured in the same
# run (README, "Performance"); SQLite, or PostgreSQL when DATABASE_URL is set. BENCH_ARGS="--sizes 100,10000".
bench: install
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

# The README's screenshots (docs/screenshots/): the demo as `make run` sets it up, on a throw-away database in
# var/screenshots/, at 1280 and 360 px in English and Russian, with Playwright and Debian's Chromium.
screenshots: install
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) node_modules var/static
