"""The per-Doc and per-process caches that make analysis fast give the same answers as the uncached work."""
from __future__ import annotations

import pytest

from presslens import analyze
from presslens.doccache import doc_text, ents_in, per_token, remember_text
from presslens.events import lexicon as event_lexicon
from presslens.framing.claims import covering_quote, quote_extents
from presslens.pipeline import get_pipeline

ARTICLE = ("The ministry said on Monday that its forces had shelled the bridge near Kherson.\n"
           "\"We will keep pressing,\" the minister told reporters, adding that talks with Kyiv had stalled.\n"
           "Officials in Warsaw condemned the attack and promised aid to the town.")


@pytest.fixture(scope="module")
def doc():
    nlp = get_pipeline()
    return nlp(nlp.make_doc(ARTICLE))


def test_doc_text_is_the_docs_text_and_is_kept(doc):
    assert doc_text(doc) == doc.text == ARTICLE
    assert doc_text(doc) is doc_text(doc)


def test_remember_text_keeps_only_the_text_the_tokenizer_kept():
    nlp = get_pipeline()
    made = nlp.make_doc("Kyiv said on Monday.")
    remember_text(made, "Kyiv said on Monday, late.")  # not this Doc's text: ignored
    assert doc_text(made) == "Kyiv said on Monday."
    other = nlp.make_doc("Kyiv said on Monday.")
    remember_text(other, "Kyiv said on Monday.")
    assert doc_text(other) == "Kyiv said on Monday."


def test_ents_in_is_spans_own_ents_for_every_span(doc):
    assert doc.ents, "the invented article names places and bodies"
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 12) + 1):
            span = doc[start:end]
            assert [(e.start, e.end, e.label_) for e in ents_in(span)] == [(e.start, e.end, e.label_) for e in span.ents]
    for sent in doc.sents:
        assert [e.text for e in ents_in(sent)] == [e.text for e in sent.ents]


def test_synonym_set_index_matches_member_by_member(doc):
    synsets = event_lexicon.cameo()["synsets"]
    for tok in doc:
        for name, members in synsets.items():
            naive = any(event_lexicon._is(tok, member) for member in members)
            assert event_lexicon._is(tok, name) == naive, (tok.text, name)


def test_event_and_noun_types_kept_per_token_are_the_computed_ones(doc):
    for tok in doc:
        assert event_lexicon.event_type(tok) == event_lexicon.event_type.__wrapped__(tok)
        assert event_lexicon.event_type(tok, bare_code_needs_actors=False) == event_lexicon.event_type.__wrapped__(tok, False)
        assert event_lexicon.noun_type(tok) == event_lexicon.noun_type.__wrapped__(tok)
    assert any(event_lexicon.event_type(tok)[0] for tok in doc) and any(event_lexicon.noun_type(tok) for tok in doc)


def test_per_token_computes_once_per_token_and_arguments():
    calls = []

    @per_token
    def length(tok, extra=0):
        calls.append((tok.i, extra))
        return len(tok) + extra
    made = get_pipeline().make_doc("Kyiv said on Monday.")
    assert [length(t) for t in made] == [length(t) for t in made] == [4, 4, 2, 6, 1]
    assert length(made[0], 1) == 5 and length(made[0], 1) == 5
    assert calls == [(i, 0) for i in range(5)] + [(0, 1)]
    assert length(get_pipeline().make_doc("Warsaw")[0]) == 6  # another Doc: computed anew


def test_covering_quote_reads_each_quotes_extent(doc):
    quotes = doc._.quotes
    assert quotes, "the invented article has a quote"
    q = quotes[0]
    extents = quote_extents(quotes)
    for (lo, hi, quote), expected in zip(extents, quotes):
        bounds = [quote.content] + [b for b in (quote.cue, quote.speaker.mention) if b]
        assert quote is expected and (lo, hi) == (min(b.start for b in bounds), max(b.end for b in bounds))
    assert covering_quote(q.content.start, q.content.end, extents) is q
    assert covering_quote(len(ARTICLE) + 10, len(ARTICLE) + 20, extents) is None  # covered by nothing


def test_the_same_article_analysed_twice_is_the_same():
    first = analyze(ARTICLE, published="2025-03-04").to_dict()
    assert analyze(ARTICLE, published="2025-03-04").to_dict() == first


def test_dateparser_readings_are_cached_once_per_day_and_publication():
    """dateparser is slow and a corpus repeats its dates: a day's readings are computed once."""
    from datetime import date

    from presslens import time as presslens_time

    presslens_time._readings.cache_clear()
    first = presslens_time._readings("March 3", date(2025, 4, 28))
    assert presslens_time._readings("March 3", date(2025, 4, 28)) == first
    info = presslens_time._readings.cache_info()
    assert (info.hits, info.misses) == (1, 1)
    assert first[0] == date(2025, 3, 3)
