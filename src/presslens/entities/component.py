"""The `presslens_entities` component: one `model.Entity` per real-world thing, with all its mentions.

Mentions come from the parser's named entities, from the alias table (PhraseMatcher over the
already tokenised Doc), from acronyms defined in the text ("Armed Forces of Ukraine (AFU)" makes
every later "AFU" a mention of it), from the person registry (`names.registry`) (name
variants, role, affiliation) and from resolved quote speakers (pronouns, "the Russian president").
Each entity gets a canonical name, type, actor code (country + sector) and, for places, a
geocoding record.  Writes `doc._.entities` and `doc.spans["presslens_entities"]`, and links each
quote speaker to its entity (`speaker.entity_id`).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from .. import extensions  # noqa: F401  (declares Doc._ attributes)
from ..doccache import doc_text
from ..names.phrases import clean_name, person_in_title
from ..names.vocabulary import country_of
from ..names.registry import person_registry, titled_as_person
from ..model import Entity, Span
from .actors import aliases, code_of, normalise, sector_of, table
from .geocode import NAMING_REGION_WORDS, SETTLEMENT_NOUNS, context_countries, geocode, well_known_place

LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "LAW")
PLACE_TYPES = ("GPE", "LOC", "FAC")
ACRONYM_RE = re.compile(r"\(([A-Z][A-Z.]{1,7})\)")


def place_label(ent) -> str:
    """The parser's label, corrected to GPE for a proper name before 'region' ('Kursk region') and
    for a one-word name the gazetteer knows as a country or large city ('Kyiv' tagged PERSON)."""
    doc = ent.doc
    if ent.label_ in PLACE_TYPES:
        return ent.label_
    if ent.end < len(doc) and doc[ent.end].lower_ in NAMING_REGION_WORDS and ent.root.pos_ == "PROPN":
        return "GPE"
    if len(ent) == 1 and ent.label_ in ("PERSON", "PRODUCT", "ORG", "WORK_OF_ART") and well_known_place(ent.text):
        return "GPE"
    return ent.label_


def untagged_places(doc: Doc, covered: set[int]):
    """One-word proper names the parser tagged nothing that are places: a city or country the
    gazetteer knows after "the city / town / village … of" ("the city of Izium")."""
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ or tok.i in covered or not tok.is_title or country_of(tok.text):
            continue  # ("Polish" is a people's adjective, not a place)
        if (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN") or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
            continue  # part of a longer name
        of = tok.head if tok.dep_ == "pobj" else None
        after_noun = of is not None and of.lower_ == "of" and of.head.lower_ in SETTLEMENT_NOUNS and of.i == tok.i - 1
        if after_noun and well_known_place(tok.text, 0):
            yield tok


class _Group:
    def __init__(self, name: str, type_: str):
        self.name, self.type = name, type_
        self.mentions: dict[tuple[int, int], None] = {}
        self.role = self.affiliation = self.country = self.sector = None


class EntitiesComponent:
    """Builds the article's entity list; see the module docstring."""

    def __init__(self, nlp: Language, name: str, geocode_places: bool):
        self.name = name
        self.geocode_places = geocode_places
        self.by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        for row in table()["actors"]:
            for alias in row["aliases"]:
                matcher = self.by_orth if alias.replace(".", "").isupper() else self.by_lower
                matcher.add(row["name"], [nlp.make_doc(v) for v in {alias, alias.replace("'", "’")}])

    def __call__(self, doc: Doc) -> Doc:
        groups: dict[str, _Group] = {}
        spans: list[tuple[int, int, str]] = []  # (start_char, end_char, key)

        def add(key: str, type_: str, start: int, end: int) -> _Group:
            g = groups.get(key.lower())
            if g is None:
                g = groups[key.lower()] = _Group(key, type_)
            elif g.name.isupper() and not key.isupper() and len(key) > 4:
                g.name = key  # "MOSCOW, April 3. /TASS/." then "Moscow": the name as prose writes it
            g.mentions[(start, end)] = None
            spans.append((start, end, key.lower()))
            return g

        hits = filter_spans([doc[s:e] for _, s, e in list(self.by_lower(doc)) + list(self.by_orth(doc))])
        covered = {t.i for span in hits for t in span}
        for span in hits:
            actor = aliases()[normalise(span.text)]
            g = add(actor.name, actor.type, span.start_char, span.end_char)
            g.country, g.sector = actor.country, actor.sector
        people = person_registry(doc)
        for ent in doc.ents:
            if any(t.i in covered for t in ent):
                continue
            label, end = ("PERSON" if titled_as_person(ent) else place_label(ent)), ent.end
            inner = person_in_title(ent)
            if inner is not None:  # "Prime Minister of [Norland Erik Dalberg]": the place, then the person
                lead = doc[ent.start:inner.start]
                if well_known_place(clean_name(lead)):
                    add(clean_name(lead), "GPE", lead.start_char, lead.end_char)
                ent, label, end = inner, "PERSON", inner.end
            if label not in LABELS:
                continue
            if label in ("GPE", "LOC") and end < len(doc) and doc[end].lower_ in NAMING_REGION_WORDS:
                end += 1
            span = doc[ent.start:end]
            if label == "PERSON":
                words = set(clean_name(ent).split())
                person = next((p for p in people if words and words <= set(p.name.split())), None)
                key = person.name if person else clean_name(ent)
                g = add(key, "PERSON", span.start_char, span.end_char)
                if person:
                    g.role, g.affiliation = person.role, person.affiliation
            else:
                key = clean_name(span) or span.text
                add(key, label, span.start_char, span.end_char)
        for tok in untagged_places(doc, covered):
            add(tok.text, "GPE", tok.idx, tok.idx + len(tok))
        text = doc_text(doc)
        self._acronyms(text, add, spans)
        for q in doc._.quotes or []:
            name, mention = q.speaker.name, q.speaker.mention
            if name and mention and name.lower() in groups:
                groups[name.lower()].mentions[(mention.start, mention.end)] = None
        doc._.entities = self._records(text, groups)
        self._link_speakers(doc)
        doc.spans["presslens_entities"] = filter_spans(
            [s for s in (doc.char_span(a, b, label=groups[k].type, alignment_mode="expand") for a, b, k in spans) if s is not None])
        return doc

    @staticmethod
    def _link_speakers(doc: Doc) -> None:
        """Fill each quote speaker's `entity_id` with the entity of the same canonical name."""
        ids = {e.name.lower(): e.id for e in doc._.entities}
        for q in doc._.quotes or []:
            if q.speaker.name:
                q.speaker.entity_id = ids.get(q.speaker.name.lower())

    @staticmethod
    def _acronyms(text: str, add, spans: list) -> None:
        """"Long Name (ACR)": ACR becomes an alias of the entity ending just before the bracket."""
        for m in ACRONYM_RE.finditer(text):
            before = text[:m.start()].rstrip()
            owner = next((k for s, e, k in reversed(spans) if e == len(before)), None)
            if owner is None:
                continue
            for use in re.finditer(rf"(?<!\w){re.escape(m.group(1))}(?!\w)", text):
                add(owner, "", use.start(), use.end())

    def _records(self, text: str, groups: dict[str, _Group]) -> list[Entity]:
        ordered = sorted(groups.values(), key=lambda g: min(g.mentions))
        context = context_countries([g.name for g in ordered if g.type in PLACE_TYPES]) if self.geocode_places else set()
        out = []
        for i, g in enumerate(ordered, 1):
            country, sector = g.country, g.sector
            if country is None and sector is None:
                country, sector = code_of(g.name if g.type != "PERSON" else (g.affiliation or ""))
                if g.type == "PERSON":
                    sector = sector_of(g.role or "") or sector
            place = geocode(g.name, context) if self.geocode_places and g.type in PLACE_TYPES else None
            out.append(Entity(
                id=f"E{i}", name=g.name, type=g.type,
                mentions=[Span.of(text, s, e) for s, e in sorted(g.mentions)],
                role=g.role, affiliation=g.affiliation, country=country, sector=sector, place=place,
            ))
        return out


@Language.factory("presslens_entities", assigns=["doc._.entities", "doc.spans"], default_config={"geocode_places": True})
def make_entities(nlp: Language, name: str, geocode_places: bool) -> EntitiesComponent:
    return EntitiesComponent(nlp, name, geocode_places)
