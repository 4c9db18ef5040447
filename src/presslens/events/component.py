"""The `presslens_events` component: PLOVER-typed events with place, date and who asserts them.

Runs after attribution, time and entities and reuses their results:
* actor and target become the canonical name of the entity they mention (else their noun
  phrase: "Russian troops"), with a country+sector actor code; "we"/"I" inside a quote is its speaker;
* location: the first place entity inside the event clause (never the actor or target), else a
  settlement target ("the city of X"), geocoded by the entities work;
* date: see `dates.event_date` — the event's clause, its sentence, a definite event noun's
  antecedent ("Saturday's strikes" … "the strikes"), an "after" clause whose period holds the
  publication day, else for reported speech that holds at the
  statement's time the time of the statement; then an undated definite event noun takes the date
  of a coreferent mention (`coreference.py`); null with the reason in `date_source` when nothing
  in the text dates it;
* asserted_by: the canonical name of the speaker of the statement `asserters.Statements` finds
  for the event (the innermost quote, or the reported speech an unquoted sentence continues), else
  "author"; a speaker named by a description of a person ("the diplomat") is the person last quoted;
  a speaker mention inside another speaker's reported words ("Zelenskyy stressed that Ukraine had
  called on …" before ""We are ready …"") gives that other speaker.
* referred events (`referred.py`: acts named inside another event) follow the ordinary ones, marked.
Writes `doc._.events` (list of `model.Event`) and `doc.spans["presslens_events"]`.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import extensions  # noqa: F401  (declares Doc._ attributes)
from ..doccache import doc_text
from ..entities.actors import actor_code, code_of
from ..entities.geocode import SETTLEMENT_NOUNS
from ..model import Event, Span
from ..names.descriptions import describe_office, document_principal, read_description, refers_to
from ..names.registry import person_registry
from ..names.vocabulary import BODY_NOUNS, GROUP_NOUNS, ROLE_NOUNS, TITLE_WORDS
from .asserters import Statements
from .coreference import COREFERENCE, shared_dates
from .dates import dated_event_nouns, dateline_times, event_date
from .extract import find_events
from .lexicon import noun_type, words as event_words
from .referred import referral, with_referred

_W = event_words("en")  # the English words of the rules: data/lang/en/events.json
FIRST_PERSON = _W["first_person"]
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
RELATIVE_WORDS = _W["relative_words"]
PLURAL_GROUPS = _W["plural_groups"]
DESCRIPTION_DEPS = ("det", "compound", "amod", "prep", "pobj", "case", "punct", "flat")  # "the Head of State"
TITLE_DEPS = ("prep", "pobj", "compound", "flat", "appos", "poss")  # "President of Norland Olav Lind": title → name
DROP = ("det", "poss", "case", "punct", "relcl", "acl", "appos", "prep", "cc", "conj", "advmod")


class EventsComponent:
    """Extracts events; see the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        entities = doc._.entities or []
        mentions = sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: x[:2])
        quotes = doc._.quotes or []
        times = doc._.time_expressions or []
        events, spans = [], []
        datelines = dateline_times(text, times)
        statements = Statements(doc, quotes)
        named = dated_event_nouns(doc, times)
        people = person_registry(doc)
        office = describe_office(doc._.outlet or "")
        described = (people, document_principal(people, office), office)
        founds = with_referred(doc, find_events(doc))
        for found in founds:
            trigger = (found.trigger.idx, found.trigger_end.idx + len(found.trigger_end.text))
            quote = statements.of(found)
            speaker = self._speaker(quote, mentions, quotes) if quote is not None else None
            actor, actor_ent = self._name(_untimed(found.actor, times), mentions, speaker, acting=True, described=described)
            if found.speaker_acts and actor is None and speaker:
                actor = speaker  # "X must withdraw" inside X's interlocutor's words: the speaker demands
                actor_ent = next((e for s_, e_, e in mentions if e.name == speaker), None)
            target, target_ent = self._name(_untimed(found.target, times), mentions, speaker, described=described)
            place = _place(doc, found, mentions, actor_ent, target_ent)
            date, source = event_date(times, found, quote, datelines, doc, named)
            a_code = actor_code(actor_ent.country, actor_ent.sector) if actor_ent else (actor_code(*code_of(actor)) if actor else None)
            t_code = actor_code(target_ent.country, target_ent.sector) if target_ent else (actor_code(*code_of(target)) if target else None)
            confidence = 0.5 + 0.2 * (actor is not None) + 0.1 * (target is not None) + 0.1 * (found.trigger_end.i != found.trigger.i)
            events.append(Event(
                type=found.type, actor=actor, target=target,
                location=place.name if place else None, date=date,
                evidence=Span.of(text, found.start, found.end),
                asserted_by=speaker or "author", confidence=round(min(confidence, 0.95), 2),
                date_source=source, modality=found.modality, trigger=Span.of(text, *trigger),
                actor_code=a_code, target_code=t_code, place=place.place if place else None,
                **referral(found),
            ))
            span = doc.char_span(*trigger, label=found.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        for i, value in shared_dates(list(zip(founds, events))).items():
            events[i].date, events[i].date_source = value, COREFERENCE
        doc._.events = events
        doc.spans["presslens_events"] = spans
        return doc

    @staticmethod
    def _speaker(quote, mentions, quotes=()) -> str | None:
        """The quote's speaker by the canonical name of the entity its mention belongs to, else as
        attribution named it; a speaker named only by a description ("the diplomat noted", "the
        Head of the Office") is the person last named as a speaker before it, when that is a person."""
        sp = quote.speaker
        if sp.mention is not None:
            outer = next((q for q in quotes if q is not quote and q.speaker.name and q.speaker.mention is not None
                          and q.content.start <= sp.mention.start < q.content.end
                          and not q.content.start <= quote.content.start < q.content.end), None)
            if outer is not None and outer.speaker.mention.start < sp.mention.start:
                quote = outer  # "Zelenskyy stressed that Ukraine had called on … "We are ready …"": a name inside
                sp = quote.speaker  # another's reported words is what that speaker spoke of, not who speaks next
        if sp.mention is not None:
            ent = next((e for s, end, e in mentions if s <= sp.mention.start < end and e.type in SPEAKER_TYPES), None)
            if ent is not None and len(ent.name) >= len(sp.name or ""):
                return ent.name
        if sp.name and sp.mention is not None and not sp.vague and sp.resolved is not False and _described(sp.mention.text, sp.name):
            persons = {e.name for s, end, e in mentions if e.type == "PERSON"}
            earlier = [q.speaker.name for q in quotes if q.content.start < quote.content.start and q.speaker.name]
            named = [n for n in earlier if n in persons and len(n.split()) >= 2]
            if named:
                return named[-1]
        return sp.name or None

    @staticmethod
    def _name(tok: Token | None, mentions, speaker: str | None, acting: bool = False, described=None):
        """(name, entity or None) for an argument token (`acting`: the actor's role); a description of
        a person ("the President of Norland", "the Head of State") is the person it refers to when
        `described` (people, principal, office) gives one."""
        if tok is None:
            return None, None
        if tok.lower_ in FIRST_PERSON and speaker:
            return speaker, None
        if tok.like_num and not any(s <= tok.idx < end for s, end, _ in mentions):
            # "shot down 120 of them": the count's "of" names the argument; a bare count names none
            whole = next((c for p in tok.children if p.dep_ == "prep" and p.lower_ == _W["markers"]["of"]
                          for c in p.children if c.dep_ == "pobj"), None)
            if whole is None:
                return None, None
            tok = whole
        ent = next((e for s, end, e in mentions if s <= tok.idx < end), None) or _titled_person(tok, mentions)
        name = _settlement_name(tok) if ent is None else None
        if name is not None:  # "the city of Kharkiv" is Kharkiv
            ent = next((e for s, end, e in mentions if s <= name.idx < end and e.place), None)
        if ent is None and described is not None:
            ent = _described_person(tok, mentions, *described)
        if ent is not None:
            return ent.name, ent
        if tok.pos_ == "PRON" or tok.lower_ in RELATIVE_WORDS or (acting and noun_type(tok)):
            return None, None  # never a pronoun or relative word; an event ("the shelling") is no actor
        words = [t for t in tok.subtree if (t.i <= tok.i and t.dep_ not in DROP and t.pos_ != "VERB") or t.i == tok.i]
        words = [t for t in words if t.i >= tok.i - 4]
        return " ".join(t.text for t in words), None


def _titled_person(tok: Token, mentions):
    """"President of Norland Olav Lind met …": a title heading the phrase, with the person it names
    inside its own "of" phrase or compounds, is that person — the first PERSON entity reached from
    the title through prepositions, their objects and name compounds."""
    if tok.lower_.rstrip(".") not in ROLE_NOUNS | TITLE_WORDS:
        return None
    for t in tok.subtree:
        if t.i <= tok.i:
            continue
        node, ok = t, True
        while node.i != tok.i and ok:
            ok = node.dep_ in TITLE_DEPS and node.head.i != node.i
            node = node.head
        ent = next((e for s, end, e in mentions if s <= t.idx < end), None) if ok else None
        if ent is not None and ent.type == "PERSON":
            return ent
    return None


def _described_person(tok: Token, mentions, people, principal, office):
    """The PERSON entity a description headed by `tok` refers to ("the Prime Minister of Norland",
    "the Head of State": `names.descriptions.refers_to`), else None; only for a title written as
    one (capitalised: "the leader of each country" is anyone), never for a plural or a body."""
    if tok.lower_.rstrip(".") not in ROLE_NOUNS | TITLE_WORDS or tok.tag_ in ("NNS", "NNPS") or not tok.is_title:
        return None
    kept = [t for t in tok.subtree if t.i == tok.i or (t.dep_ in DESCRIPTION_DEPS and t.i < tok.i + 8)]
    keep = {tok.i}
    for t in sorted(kept, key=lambda t: abs(t.i - tok.i)):
        if t.head.i in keep:
            keep.add(t.i)
    phrase = tok.doc[min(keep):max(keep) + 1]
    if any(t.lower_ in BODY_NOUNS for t in phrase if t.i > tok.i):
        return None  # "the head of the ministry's press service": whom the text does not name
    description = read_description(phrase)
    person = refers_to(description, people, tok.idx, principal, office=office) if description else None
    if person is None:
        return None
    return next((e for s, end, e in mentions if e.type == "PERSON" and e.name == person.name), None)


def _untimed(tok: Token | None, times) -> Token | None:
    """An argument that is a time expression ("attacked in March" parsed with March as the
    object) is no argument."""
    if tok is not None and any(t.start <= tok.idx < t.end for t in times):
        return None
    return tok


def _place(doc: Doc, found, mentions, actor_ent, target_ent):
    """Where an event happened: the first place entity of its clause that is neither actor nor
    target, else the target when it is a settlement ("shelled the city of Kharkiv")."""
    place = next((e for s, e_, e in mentions if found.start <= s < found.end and e.place
                  and e is not actor_ent and e is not target_ent), None)
    if place is not None:
        return place
    if target_ent is not None and target_ent.place and _settlement_name(found.target) is not None:
        return target_ent
    return None


def _settlement_name(tok: Token | None) -> Token | None:
    """"the city / village / outskirts of X": the name X a settlement noun's "of" gives, else None."""
    if tok is None or tok.lower_ not in SETTLEMENT_NOUNS:
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep"), None)
    if prep is None or prep.lower_ != _W["markers"]["of"] or prep.i != tok.i + 1:
        return None
    return next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)


def _described(mention: str, name: str) -> bool:
    """Whether a speaker is a person named by a description, not a name: 'the diplomat', 'The Head
    of the Office' (kept as 'of the Office'), 'President' — never a body ('The Israeli military',
    'his office', 'a spokesman for the group') nor a group ('the parties', 'people')."""
    words = mention.split()
    lower = [w.lower().strip(",.") for w in words]
    if not words or words[-1].lower() in PLURAL_GROUPS or (words[-1].endswith("s") and not words[-1].endswith("ss")
                                                         and len(words) <= 3 and words[-1][:1].islower()):
        return False  # "the parties", "the two leaders": a group is not the last person named
    if not any(w in ROLE_NOUNS or w in TITLE_WORDS for w in lower) or any(w in BODY_NOUNS or w in GROUP_NOUNS for w in lower):
        return False  # a person's description has a role noun; one naming a body is the body's
    return words[0].lower() == _W["markers"]["definite_article"] or not name[:1].isupper() or (len(name.split()) == 1 and name.lower() == mention.lower())


@Language.factory("presslens_events", assigns=["doc._.events", "doc.spans"])
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
