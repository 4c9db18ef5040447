"""Resolve speaker mentions to one canonical person or body, with role and affiliation.

* Names: all PERSON mentions whose words are contained in a longer name ("Putin" in
  "Vladimir Putin") share that longest form as canonical name.
* Roles and affiliations come from premodifiers ("Russian Foreign Ministry spokeswoman Maria
  Zakharova" → spokeswoman / Russian Foreign Ministry) and appositives ("Dmitry Peskov, the
  Kremlin spokesman").
* Pronouns (he, she, they) go to the most recent fitting person or body; first person ("I",
  "we") only to the principal of a document that is that person's own address, else to no one.
* Descriptions ("the Russian leader", "the head of state", "the diplomat") go to the person whose
  title fits by the role-equivalence table (`names.descriptions`); "the parties", "both leaders"
  to the participants (the first the speaker, the rest co-speakers); a description that fits no
  one stays the name, marked `resolved=False` — never a fragment such as "of state".
* Vague sources ("officials", "a source", "military experts") are flagged.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..doccache import doc_text, ents_in
from ..entities.geocode import SETTLEMENT_NOUNS, country_or_capital, geocode
from ..names.descriptions import Description, describe_office, document_principal, participants, read_description, refers_to
from ..names.phrases import clean_name, description_of, split_role
from ..names.registry import Person, named_place, person_named, person_registry
from ..names.vocabulary import ADDRESS_WORDS, BODY_NOUNS, COLLECTIVE_NOUNS, GROUP_NOUNS, ROLE_NOUNS, TITLE_CONNECTORS, TITLE_WORDS
from .lexicon import FIRST_PERSON, MARKERS, MEDIA_NOUNS, PERSONAL_PRONOUNS, STATEMENT_NOUNS, VAGUE_HEADS
from .quotemarks import paragraph_bounds
from .syntax import speaker_phrase

NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
PLACES = ("GPE", "LOC", "FAC")
SPEAKER_NOUNS = ROLE_NOUNS | BODY_NOUNS | GROUP_NOUNS | COLLECTIVE_NOUNS | MEDIA_NOUNS  # heads that name a person or body
QUOTE_MARKS = "\"“”„«»'‘’`"
LEAD_SENTENCES = 3  # a headline and two sentences: where a readout names its principal …
LEAD_CHARS = 1000  # … or its first paragraph, up to this long
MAX_TITLE_RUN = 12  # words a cut title may run on before the name it belongs to
TITLE_DASHES = ("-", "–", "—")  # "Deputy Prime Minister - Minister for …": one title


@dataclass
class ResolvedSpeaker:
    name: str | None
    mention: tuple[int, int] | None
    role: str | None
    affiliation: str | None
    vague: bool
    kind: str  # person | body | vague | description | unknown
    resolved: bool = True  # False: a description that fits no one named in the article
    co_speakers: tuple[str, ...] = ()


def is_vague(span: Span) -> bool:
    """No named person, and a head (or a coordinated head: "DPRK and Russian officials") that
    names no one in particular."""
    if any(t.ent_type_ == "PERSON" for t in span):
        return False
    heads = [span.root] + [t for t in span if t.dep_ == "conj" and t.head.i == span.root.i]
    return any(h.pos_ != "PROPN" and (h.lemma_.lower() in VAGUE_HEADS or h.lower_ in VAGUE_HEADS) for h in heads)


class SpeakerResolver:
    """Resolves speaker spans in text order, remembering who spoke last for pronouns."""

    def __init__(self, doc: Doc, quotations: list[tuple[int, int]] = ()):
        self.doc = doc
        self.quotations = list(quotations)  # names inside quotations are no antecedents
        self.people = person_registry(doc)
        self.office = describe_office(doc._.outlet or "")
        self.lead_end = _lead_end(doc)
        self.principal = document_principal(self.people, self.office, self.lead_end)
        self.address_principal = self._address_principal()
        self.history: list[tuple[int, ResolvedSpeaker]] = []
        self._subjects: list | None = None
        self._bodies: list[tuple[int, int, str]] | None = None
        self._plurals: list[tuple[int, tuple[int, int] | None]] | None = None
        self.contents: list[tuple[int, int]] = []  # statements resolved so far

    def _address_principal(self) -> Person | None:
        """The speaker of a document that is someone's own address: a title or lead (`_lead_end`)
        that names an address, speech or message and a person ("Address by President Volodymyr
        Zelenskyy")."""
        doc = self.doc
        lead_end = self.lead_end
        title = doc._.title or ""
        lead = doc.char_span(0, lead_end, alignment_mode="contract") if lead_end else None
        for words, ents in ((title, None), (lead.text if lead is not None else "", lead.ents if lead is not None else ())):
            lowered = words.lower().split()
            if not any(w.strip(".,:;") in ADDRESS_WORDS for w in lowered):
                continue
            if ents is None:  # a title is not parsed: a registry name written in it
                person = next((p for p in self.people if p.name in words), None)
            else:
                person = next((p for e in ents if e.label_ == "PERSON" for p in [person_named(self.people, e)] if p), None)
            if person is not None and len(person.name.split()) >= 2:
                return person
        return None

    def principal_speaker(self) -> ResolvedSpeaker:
        """The document's principal as speaker ("It was noted that …" in a readout), or no one."""
        if self.principal is None:
            return ResolvedSpeaker(None, None, None, None, False, "unknown")
        return self._person(self.principal, None)

    def _person(self, person: Person, mention, co_speakers: tuple[str, ...] = ()) -> ResolvedSpeaker:
        return ResolvedSpeaker(person.name, mention, person.role, person.affiliation, False, "person", True, co_speakers)

    def _described(self, span: Span, description: Description, excluded: set[str]) -> ResolvedSpeaker | None:
        mention = (span.start_char, span.end_char)
        if description.collective is not None:
            group = participants(self.people, span.start_char, self.principal, description.collective, description.role)
            if not group:
                return None
            return self._person(group[0], mention, tuple(p.name for p in group[1:]))
        person = refers_to(description, self.people, span.start_char, self.principal, excluded, self.office)
        if person is not None:
            return self._person(person, mention)
        return None

    def _subject_mentions(self) -> list[tuple[int, Person | None, tuple[Person, ...]]]:
        """Grammatical subjects outside quotations that name or describe people, in text order:
        (offset, person, participants) — a person ("Putin", "the President of Russia") or, for a
        collective subject ("The leaders assessed …"), the participants."""
        if self._subjects is None:
            self._subjects = []
            for tok in self.doc:
                if tok.dep_ not in ("nsubj", "nsubjpass", "appos", "compound") or tok.pos_ not in ("NOUN", "PROPN") \
                        or any(s <= tok.idx < t for s, t in self.quotations):
                    continue
                if tok.ent_type_ == "PERSON":
                    if tok.dep_ in ("compound",) and tok.head.ent_type_ == "PERSON":
                        continue  # "Vladimir" in "Vladimir Putin": the name's head counts once
                    person = person_named(self.people, self.doc[tok.i : tok.i + 1])
                    if person is not None and (len(person.name.split()) >= 2 or person.role):
                        self._subjects.append((tok.idx, person, ()))
                    continue
                if tok.dep_ not in ("nsubj", "nsubjpass") or (tok.lower_ not in ROLE_NOUNS and tok.lower_ not in COLLECTIVE_NOUNS):
                    continue
                description = read_description(speaker_phrase(tok))
                if description is None:
                    continue
                if description.collective is not None:
                    group = participants(self.people, tok.idx, self.principal, description.collective, description.role)
                    if group:
                        self._subjects.append((tok.idx, None, tuple(group)))
                    continue
                person = refers_to(description, self.people, tok.idx, self.principal, office=self.office)
                if person is not None:
                    self._subjects.append((tok.idx, person, ()))
        return self._subjects

    def _body_subjects(self) -> list[tuple[int, int, str]]:
        """Named groups that are grammatical subjects outside quotations ("The Houthis have fired …"),
        in text order: what a later "they" may refer to."""
        if self._bodies is None:
            self._bodies = [(e.start_char, e.end_char, clean_name(e)) for e in self.doc.ents
                            if e.root.dep_ in ("nsubj", "nsubjpass") and not any(s <= e.start_char < t for s, t in self.quotations)
                            and (e.label_ in ("ORG", "NORP") and (e.label_ == "ORG" or e.root.tag_ == "NNPS" or e.text.endswith("s"))
                                 or _group_name(e))]
        return self._bodies

    def _quotation_of(self, offset: int) -> tuple[int, int] | None:
        return next(((s, t) for s, t in self.quotations if s <= offset < t), None)

    def _plural_subjects(self) -> list[tuple[int, tuple[int, int] | None]]:
        """Plural nouns that are grammatical subjects ("The invaders continue …"), in text order,
        each with the quotation it lies in: the nearest is what a later "they" refers to."""
        if self._plurals is None:
            self._plurals = [(t.idx, self._quotation_of(t.idx)) for t in self.doc
                             if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")
                             and (t.tag_ in ("NNS", "NNPS") or _group_name(t.doc[t.i : t.i + 1])
                                  or any(c.dep_ == "conj" for c in t.children))]  # "Lenin and his comrades"
        return self._plurals

    def _plural_between(self, after: int, name: str, pronoun: Token) -> bool:
        """Whether a plural subject other than the candidate's own comes between the candidate
        (ending at `after`, or where its name's last word comes again) and the pronoun, in the
        pronoun's own quotation or outside them all."""
        word = name.split()[-1] if name.split() else name
        again = doc_text(self.doc).rfind(word, after, pronoun.idx) if word else -1
        after = max(after, again + len(word)) if again >= 0 else after
        where = self._quotation_of(pronoun.idx)
        return any(after <= pos < pronoun.idx and quotation == where for pos, quotation in self._plural_subjects())

    def _antecedent(self, pronoun: Token) -> ResolvedSpeaker | None:
        """He/she: the latest person, as speaker or as subject (named or described), before the
        pronoun; they: the latest body or group as speaker, or a collective subject's participants."""
        lower = pronoun.lower_
        before = [(pos, s) for pos, s in self.history if pos < pronoun.idx]
        # a person named inside an earlier statement's content is not its speaker's antecedent
        subjects = [(pos, p, g) for pos, p, g in self._subject_mentions() if pos < pronoun.idx
                    and not any(s <= pos < e for s, e in self.contents)]
        if lower in MARKERS["singular_pronouns"]:
            speaker = next(((pos, s) for pos, s in reversed(before) if s.kind in ("person", "description") and not s.co_speakers), (-1, None))
            subject = next(((pos, p) for pos, p, g in reversed(subjects) if p is not None), (-1, None))
            if subject[1] is not None and subject[0] > speaker[0]:
                return self._person(subject[1], None)
            return speaker[1]
        if lower in MARKERS["plural_pronouns"]:
            body = next(((pos, s) for pos, s in reversed(before) if s.kind in ("body", "vague") or s.co_speakers), (-1, None))
            if body[1] is not None and lower in MARKERS["group_pronouns"] \
                    and self._plural_between((body[1].mention or (body[0], body[0] + 1))[1], body[1].name or "", pronoun):
                body = (-1, None)  # "X said … Hostile designs lie behind it. They have no use …": not X
            group = next(((pos, g) for pos, p, g in reversed(subjects) if g), (-1, ()))
            named = next(((pos, end, name) for pos, end, name in reversed(self._body_subjects()) if pos < pronoun.idx
                          and not any(s <= pos < e for s, e in self.contents)), (-1, -1, None))
            if group[1] and group[0] > max(body[0], named[0]):
                return self._person(group[1][0], None, tuple(p.name for p in group[1][1:]))
            if named[2] is not None and named[0] > body[0] and lower in MARKERS["group_pronouns"] \
                    and not self._plural_between(named[1], named[2], pronoun):
                return ResolvedSpeaker(named[2], None, None, None, False, "body")
            return body[1]
        return None

    def _unrecognised_person(self, span: Span) -> Person | None:
        """"ministry spokesperson Irena Vask" where the NER missed the name: title-case proper
        nouns ending the phrase, right after a role noun, name a person (remembered for later
        mentions such as "Vask added")."""
        toks = [t for t in span if not t.is_punct]
        comma = next((k for k, t in enumerate(span) if t.text == "," and k > 0), None)
        if comma is not None:  # "Simon Henders, deputy director at …": the name before the appositive
            toks = [t for t in span[:comma] if not t.is_punct]
        end = len(toks)
        start = end
        while start > 0 and toks[start - 1].pos_ == "PROPN" and toks[start - 1].is_title and toks[start - 1].lower_ not in ROLE_NOUNS:
            start -= 1
        bare_name = start == 0 and 2 <= end <= 4 and not any(t.ent_type_ and t.ent_type_ != "PERSON" for t in toks)
        if start == end or end - start > 4 or not (bare_name or (start > 0 and toks[start - 1].lower_ in ROLE_NOUNS)):
            return None
        name = " ".join(t.text for t in toks[start:end])
        role, aff = split_role(toks[:start])
        person = Person(name, role, aff, first=toks[start].idx, mentions=[(toks[start].idx, toks[end - 1].idx + len(toks[end - 1]))])
        self.people.append(person)
        return person

    def latest_mention(self, name: str, before: int) -> tuple[int, int] | None:
        """The last place before `before` where the text names (or refers to) speaker `name`."""
        spans = [m for p in self.people if p.name == name for m in p.mentions if m[1] <= before]
        spans += [s.mention for pos, s in self.history if s.name == name and s.mention and s.mention[1] <= before]
        return max(spans, default=None)

    def resolve(self, span: Span | None, content: tuple[int, int] | None = None) -> ResolvedSpeaker:
        """The speaker a span names; `content` is the statement's range (who is named inside it is
        not its speaker)."""
        if span is None:
            return ResolvedSpeaker(None, None, None, None, False, "unknown")
        mention = (span.start_char, span.end_char)
        span = _pronoun_alone(span)
        head = span.root
        word = head.lower_.strip(QUOTE_MARKS)  # '"I' glued to its quotation mark is still "I"
        resolved: ResolvedSpeaker | None = None
        if len(span) == 1 and word in FIRST_PERSON:
            # "I", "we": the document's principal when it is their own address, else no one
            p = self.address_principal
            resolved = self._person(p, mention) if p else ResolvedSpeaker(None, mention, None, None, False, "unknown")
        elif len(span) == 1 and head.pos_ == "PRON" and word not in PERSONAL_PRONOUNS:
            resolved = ResolvedSpeaker(None, mention, None, None, False, "unknown")  # "you", "this", "that": no one
        elif len(span) == 1 and head.lower_ in PERSONAL_PRONOUNS:
            ante = self._antecedent(head)
            if ante is not None:
                resolved = ResolvedSpeaker(ante.name, mention, ante.role, ante.affiliation, ante.vague, ante.kind,
                                           ante.resolved, ante.co_speakers)
            else:
                resolved = ResolvedSpeaker(None, mention, None, None, False, "unknown")
        if resolved is None:
            person = person_named(self.people, span)
            if person is not None:
                role, aff = person.role, person.affiliation
                local = [t for t in span if not t.ent_type_ == "PERSON"]
                if any(e.label_ == "PERSON" for e in ents_in(span)) and local:
                    ent = next(e for e in ents_in(span) if e.label_ == "PERSON")
                    r, a = split_role(description_of(ent))
                    role, aff = r or role, a or aff
                resolved = ResolvedSpeaker(person.name, mention, role, aff, False, "person")
        if resolved is None:
            person = self._named_at_end(span) or self._title_runs_into(span)
            if person is not None:
                resolved = self._person(person, mention)
        if resolved is None:
            resolved = self._statement_of(span)
        description = read_description(span) if resolved is None else None
        if description is not None:
            resolved = self._described(span, description, self._named_inside(content))
        if resolved is None:
            person = self._unrecognised_person(span)
            if person is not None:
                resolved = self._person(person, mention)
        if resolved is None:
            body = self._body_described(span)
            if body is not None:
                resolved = ResolvedSpeaker(body, mention, None, None, False, "body")
        if resolved is None:
            vague = is_vague(span)
            if description is not None and not vague:
                # a description that fits no one named: kept whole, and marked as unresolved
                resolved = ResolvedSpeaker(description.text, mention, description.role, description.affiliation,
                                           False, "description", resolved=False)
            else:
                coordinated = any(t.dep_ == "conj" for t in span)
                named = [e for e in ents_in(span) if e.label_ in NAMED and e.root.i == head.i and not coordinated]
                words = _without_loose_end(span)
                name = clean_name(named[0]) if named else clean_name(words)
                if not name or _fragment(name):
                    name = _without_determiner(words)
                standing = "name" if vague else _standing(words, named)
                if _fragment(name) or standing is None:
                    # "of the Ukrainian servicemen", "statistics", "our heroes", "the village": no one
                    resolved = ResolvedSpeaker(None, mention, None, None, False, "unknown")
                else:  # a group no one names ("relatives of hostages") is as vague as "officials"
                    vague = vague or standing == "group"
                    resolved = ResolvedSpeaker(name or span.text, mention, None, None, vague, "vague" if vague else "body")
        self.history.append((span.start_char, resolved))
        if content is not None:
            self.contents.append(content)
        return resolved

    def _title_runs_into(self, span: Span) -> Person | None:
        """"announced by Deputy Prime Minister - Minister for Reintegration of the Temporarily
        Occupied Territories Iryna Vereshchuk": a title whose phrase the parser cut runs on, through
        capitalised words, connectors and dashes, into the name of a person the article names."""
        if span.root.lower_ not in ROLE_NOUNS | TITLE_WORDS:
            return None
        doc, i = span.doc, span.end
        end = min(span.sent.end, span.end + MAX_TITLE_RUN)
        while i < end:
            tok = doc[i]
            if not (tok.is_title or tok.lower_ in TITLE_CONNECTORS or tok.text in TITLE_DASHES or tok.pos_ == "DET"):
                return None
            for size in (3, 2):  # the name the title ends in, however the parser tagged it ("… Territories Iryna Vereshchuk")
                words = doc[i:i + size]
                if len(words) == size and all(t.pos_ == "PROPN" for t in words) \
                        and (words.end == len(doc) or not doc[words.end].is_title):
                    person = next((p for p in self.people if p.name == words.text), None)
                    if person is not None:
                        return person
            i += 1
        return None

    def _statement_of(self, span: Span) -> ResolvedSpeaker | None:
        """"…, the statement said": the speaker who made that statement earlier — the latest named
        speaker whose sentence names the same kind of statement ("X said in a statement …")."""
        head = span.root
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or lemma not in STATEMENT_NOUNS or not any(t.pos_ == "DET" for t in span):
            return None
        for pos, s in reversed(self.history):
            if pos >= span.start_char or not s.name or s.vague or s.mention is None or s.kind == "description":
                continue
            sent = self.doc.char_span(*s.mention, alignment_mode="expand")
            if sent is not None and any(t.lemma_.lower() == lemma for t in sent.sent):
                return ResolvedSpeaker(s.name, (span.start_char, span.end_char), s.role, s.affiliation, False, s.kind)
        # an issuer the text never gives: the statement is no speaker of its own ("The message reads")
        return ResolvedSpeaker(None, (span.start_char, span.end_char), None, None, False, "unknown")

    def _named_at_end(self, span: Span) -> Person | None:
        """"President of Ukraine Volodymyr Zelenskyy" where the parser tagged no name: a phrase
        ending in the full name of a person the article names is that person."""
        text = " ".join(t.text for t in span if not t.is_punct or t.text in TITLE_DASHES)
        written = "".join(t.text_with_ws for t in span if t.tag_ != "POS").strip()  # "Kassym-Jomart Tokayev's"
        return next((p for p in self.people if len(p.name.split()) >= 2 and p.name not in (text, written)
                     and (text.endswith(" " + p.name) or written.endswith(" " + p.name))), None)

    def _body_described(self, span: Span) -> str | None:
        """"the ministry" → the last body named before whose name ends in "Ministry"; "the group"
        → the last organisation named before."""
        head = span.root
        if head.pos_ != "NOUN" or head.lemma_.lower() not in BODY_NOUNS or not any(
                t.pos_ == "DET" and t.i < head.i for t in span) or len([t for t in span if not t.is_punct]) > 2:
            return None
        lemma = head.lemma_.lower()
        for ent in reversed([e for e in self.doc.ents if e.end_char <= span.start_char and e.label_ in ("ORG", "NORP")]):
            if any(s <= ent.start_char < t for s, t in self.quotations):
                continue
            if ent[-1].lower_ in (lemma, head.lower_) or (lemma in GROUP_NOUNS and ent.label_ == "ORG"):
                return clean_name(ent)
        return None

    def _named_inside(self, content: tuple[int, int] | None) -> set[str]:
        if content is None:
            return set()
        return {p.name for p in self.people if any(content[0] <= m[0] < content[1] for m in p.mentions)}


def _lead_end(doc: Doc) -> int:
    """Where a document's lead ends: its first paragraph, cut at `LEAD_CHARS` (a speech printed as
    one paragraph has no lead beyond its opening) but never before its first `LEAD_SENTENCES`."""
    sentences = list(zip(range(LEAD_SENTENCES), doc.sents))
    opening = sentences[-1][1].end_char if sentences else 0
    paragraph = min((e for s, e in paragraph_bounds(doc_text(doc))[:1]), default=0)
    return max(opening, min(paragraph, LEAD_CHARS))


def _fragment(name: str) -> bool:
    """A name that opens with a preposition ("of state", "for the group") is a cut description."""
    first = name.split()[0].lower() if name.split() else ""
    return first in MARKERS["fragment_openers"]


def _without_determiner(span: Span) -> str:
    toks = [t for t in span if not t.is_space]
    while len(toks) > 1 and (toks[0].pos_ == "DET" or toks[0].is_punct):
        toks = toks[1:]
    return span.doc[toks[0].i : toks[-1].i + 1].text if toks else span.text


def _pronoun_alone(span: Span) -> Span:
    """"We all", "they themselves": a pronoun with nothing beside it but determiners, pronouns and
    adverbs is that pronoun."""
    head = span.root
    if len(span) > 1 and head.pos_ == "PRON" and all(t.i == head.i or t.pos_ in ("DET", "PRON", "ADV", "PUNCT") for t in span):
        return span.doc[head.i : head.i + 1]
    return span


def _without_loose_end(span: Span) -> Span:
    """A phrase less what trails its head with no noun after it: "European countries, especially
    those" → "European countries"."""
    toks = [t for t in span if not t.is_space]
    last = max((k for k, t in enumerate(toks) if t.i <= span.root.i or t.pos_ in ("NOUN", "PROPN", "NUM")), default=0)
    toks = toks[: last + 1]
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].pos_ in ("DET", "ADP", "CCONJ", "ADV", "PRON", "PART", "SCONJ")):
        toks = toks[:-1]
    return span.doc[toks[0].i : toks[-1].i + 1] if toks else span


def _standing(span: Span, named: list[Span]) -> str | None:
    """What an unresolved phrase may stand as: "name" — a named person or body (never a place below
    a country or its capital, unless the head is its settlement noun: "the city of Rafah"), a proper
    noun, or a head noun naming a person or body —; "group" — a plural common noun, people no one
    names ("relatives of hostages"); else None: a common noun ("evil", "the message"), an evidence
    source ("according to estimates") or a first- or second-person phrase ("our heroes")."""
    if any(t.dep_ == "det" and t.lower_ in MARKERS["quantifiers"] for t in span.root.children):
        return "group"  # "every Ukrainian", "each member": no one in particular
    if named:
        if named[0].root.pos_ == "ADJ":
            return None  # a people's adjective left alone ("European urged"): no one named
        name = clean_name(named[0])
        place = named_place(named[0]) or named[0].label_ in PLACES and geocode(name)["resolved"]
        return None if place and not country_or_capital(name) else "name"
    if any(t.dep_ == "poss" and t.lower_ in FIRST_PERSON | set(MARKERS["second_person"]) for t in span):
        return None
    head = span.root
    if head.pos_ == "PROPN" or (head.ent_type_ in NAMED and head.ent_type_ not in PLACES) or (head.is_upper and len(head) > 1) \
            or _capitalised(head):
        return "name"  # a name, however the tagger tagged it ("MORROW:", a transcript's label)
    ents = [e for e in ents_in(span) if e.label_ in NAMED]
    if head.lemma_.lower() in SETTLEMENT_NOUNS and any(e.label_ in PLACES for e in ents):
        return "name"
    if any(e.label_ not in PLACES or country_or_capital(clean_name(e)) for e in ents):
        return "name"  # "Russian state propagandists", "American companies", "Ukraine's air force"
    according = head.head if head.dep_ == "pobj" else None
    if according is not None and according.lower_ == MARKERS["according_to"] and according.head.lower_ == MARKERS["according"]:
        return None
    if head.pos_ == "NOUN" and head.tag_ == "NNS":
        return "group"  # "the authors", "municipalities": people or bodies no one names
    return "name" if head.lemma_.lower() in SPEAKER_NOUNS or head.lower_ in SPEAKER_NOUNS else None


def _group_name(ent: Span) -> bool:
    """"the Houthis" tagged PERSON: one plural-looking word after a definite article names a group."""
    doc = ent.doc
    return len(ent) == 1 and ent.root.ent_type_ == "PERSON" and ent.text.endswith("s") and ent.start > 0 \
        and "Def" in doc[ent.start - 1].morph.get("Definite")


def _capitalised(tok: Token) -> bool:
    """A word written with a capital inside a sentence, here or elsewhere in the text (a name the
    tagger took for a common noun: "Zelenskyy said" opening a sentence)."""
    return tok.is_title and any(t.lower_ == tok.lower_ and t.is_title and t.i > t.sent.start for t in tok.doc)
