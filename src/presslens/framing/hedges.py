"""Hedges: words and phrases by which a writer or speaker avoids full commitment to a claim.

Pattern families (token Matcher, lemma-based so inflections match): epistemic modal verbs
("could", "might", "may"), hedging adverbs ("presumably", "reportedly", "allegedly"), and
impersonal passive reporting frames ("it is believed", "are said to").
"""
from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.util import filter_spans

MODALS = ["could", "might", "may"]
ADVERBS = [
    "presumably", "reportedly", "allegedly", "apparently", "possibly", "perhaps", "probably",
    "likely", "supposedly", "seemingly", "purportedly", "arguably", "ostensibly", "conceivably",
    "maybe", "potentially", "evidently",
]
REPORTING_VERBS = ["believe", "think", "say", "report", "rumour", "rumor", "suspect", "expect", "claim", "understand", "allege"]
APPEAR_VERBS = ["appear", "seem"]


def build_matcher(vocab) -> Matcher:
    matcher = Matcher(vocab)
    matcher.add("MODAL", [[{"LOWER": {"IN": MODALS}, "TAG": "MD"}]])
    matcher.add("ADVERB", [[{"LOWER": {"IN": ADVERBS}, "POS": {"IN": ["ADV", "ADJ"]}}]])
    matcher.add("IMPERSONAL", [
        [{"LOWER": "it"}, {"LEMMA": "be"}, {"LEMMA": {"IN": REPORTING_VERBS}, "TAG": "VBN"}],
        [{"LEMMA": "be"}, {"LEMMA": {"IN": REPORTING_VERBS}, "TAG": "VBN"}, {"LOWER": "to"}],
        [{"LEMMA": {"IN": APPEAR_VERBS}}, {"LOWER": "to"}],
    ])
    return matcher


def find_hedges(doc: Doc, matcher: Matcher) -> list[tuple[int, int]]:
    """Character spans of the hedges in `doc`, longest match first where they overlap."""
    spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
    return [(s.start_char, s.end_char) for s in spans]
