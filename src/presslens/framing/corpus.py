"""Clauses as the candidate spans of persuasion techniques, and PTC-style JSONL
(`{"id", "text", "spans": [{start, end, technique}]}`) turned into spaCy training Docs.

A clause is a stretch of one line between sentence ends, commas, semicolons, colons and
dashes.  Each training Doc is one clause; its `cats` say which techniques (2023 names) a gold
span overlapping the clause has, plus `ANY` when there is at least one.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .techniques import names, to_2023

ANY = "ANY"
CLAUSE_BREAK = re.compile(r"(?<=[.!?;:,])\s+|\s+(?=[—–])")


def clauses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of `text`, surrounding white space excluded."""
    for line in re.finditer(r"[^\n]+", text):
        pos = line.start()
        for piece in CLAUSE_BREAK.split(line.group()):
            start = text.index(piece, pos) if piece else pos
            end = start + len(piece)
            pos = end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                yield start, end


def labels() -> list[str]:
    return [ANY, *names()]


def docs_for_article(nlp: Language, article: dict) -> Iterator[Doc]:
    """One training Doc per clause, `cats` from the gold spans overlapping it."""
    text = article["text"]
    spans = [(s["start"], s["end"], to_2023(s["technique"])) for s in article.get("spans", [])]
    for start, end in clauses(text):
        doc = nlp.make_doc(text[start:end])
        present = {t for s, e, t in spans if s < end and e > start}
        doc.cats = {label: float(label in present or (label == ANY and bool(present))) for label in labels()}
        yield doc


def write_docbin(nlp: Language, articles: Iterable[dict], path) -> int:
    """Write the training Docs of `articles` to a .spacy file; returns the number of Docs."""
    db = DocBin(store_user_data=False)
    n = 0
    for article in articles:
        for doc in docs_for_article(nlp, article):
            db.add(doc)
            n += 1
    db.to_disk(path)
    return n
