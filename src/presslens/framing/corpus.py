"""Turn PTC-style JSONL (`{"id", "text", "spans": [{start, end, technique}]}`) into spaCy training Docs.

Technique names are mapped to the SemEval-2023 names the model predicts; spans that overlap
are reduced to a non-overlapping set (longest first), as the span tagger needs.  Articles are
split into their lines so that training examples stay short.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from .techniques import to_2023


def article_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each non-empty line of an article."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def docs_for_article(nlp: Language, article: dict) -> Iterator[Doc]:
    """One training Doc per line, its entities the gold technique spans (2023 names)."""
    spans = [(s["start"], s["end"], to_2023(s["technique"])) for s in article.get("spans", [])]
    for offset, line in article_lines(article["text"]):
        doc = nlp.make_doc(line)
        ents = []
        for start, end, label in spans:
            if start < offset + len(line) and end > offset:
                span = doc.char_span(max(start, offset) - offset, min(end, offset + len(line)) - offset,
                                     label=label, alignment_mode="expand")
                if span is not None and span.text.strip():
                    ents.append(span)
        doc.ents = filter_spans(ents)
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
