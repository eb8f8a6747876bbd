# The README names these targets; CI calls `make test` through .ci/run.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SYSTEM_PYTHON ?= python3

.PHONY: run test bench load lint format install messages clean backup restore

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(SYSTEM_PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Missing: Python 3.11 or newer (python3). Install it with: sudo apt-get install python3 python3-venv" >&2; exit 1; }
	@$(SYSTEM_PYTHON) -m venv --help >/dev/null 2>&1 \
		|| { echo "Missing: the venv module. Install it with: sudo apt-get install python3-venv" >&2; exit 1; }
	$(SYSTEM_PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed node_modules/.installed

run: preflight-run install
	@mkdir -p var/broker/queue var/broker/processed var/broker/control var/mail
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py load_demo
	DEBUG=1 $(VENV)/bin/honcho --no-prefix -f Procfile.dev start || true

test: preflight-test install
	$(VENV)/bin/pytest

# Production settings (DEBUG off) with a throw-away key unless SECRET_KEY is set. The database is
# the configured one: SQLite under var/ by default, or `make bench DATABASE_URL=postgres://…`.
ifdef DATABASE_URL
bench: export DATABASE_URL := $(DATABASE_URL)
endif
bench: export SECRET_KEY ?= bench-only-insecure-key-never-used-in-production
bench: install
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py bench

# wrk against gunicorn (3 workers, production settings) on 127.0.0.1: the login page, My work and the
# schedule side by side; writes bench/load.json. A database of its own, made anew each run
# (LOAD_DATABASE_URL names another, which should be empty); LOAD_ARGS passes options (--tasks, --seconds).
load: export SECRET_KEY ?= load-only-insecure-key-never-used-in-production
load: export DATABASE_URL := $(or $(LOAD_DATABASE_URL),sqlite:///$(CURDIR)/var/load/load.sqlite3)
load: export DEBUG := 0
load: preflight-load install
	@mkdir -p var/load
	@test -n "$(LOAD_DATABASE_URL)" || rm -f var/load/load.sqlite3
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py load $(LOAD_ARGS)

# The database (all rows, as JSON Lines) and MEDIA_ROOT in one archive under var/backups/.
backup: install
	$(PY) manage.py backup

# Into an empty database: `make restore FILE=var/backups/backup-….tar.gz`.
restore: install
	@test -n "$(FILE)" || { echo "Name the archive: make restore FILE=var/backups/backup-….tar.gz" >&2; exit 1; }
	$(PY) manage.py migrate --noinput
	$(PY) manage.py restore "$(FILE)"

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: install
	DEBUG=1 $(PY) manage.py makemessages -l vi --no-obsolete --no-location -i ".venv/*" -i "node_modules/*" -i "var/*" -i "tests/*"
	$(PY) scripts/compile_messages.py

preflight-%:
	@$(SYSTEM_PYTHON) scripts/preflight.py $*

clean:
	rm -rf $(VENV) node_modules var
