"""The incremental linker: analysed articles in, stories, statements and identities out.

`Linker.add(inputs)` reads each article's `Analysis` once — resolves its speakers, asserters,
actors, targets and places to corpus identities, then attaches each event to a story and each
quotation to a statement — and returns what changed (`Change`), so a store rewrites only the
stories and statements a new batch touched (and deletes the stories merged into another).  An event
that anchors no story — referred to in passing, with no actor, target or place — is offered to the
batch's stories once they are filed, and joins one or none.  Nothing already linked is recomputed: the cost of
an article is its own mentions times the size of their blocks.  `link(inputs)` is a fresh
`Linker` over all of them.
"""
from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Analysis, Event, Quote
from .corroboration import corroborate, is_medium, relay_pattern, stance
from .embedding import CachedEmbedder, make_embedder
from .identities import Identities, name_key, words
from .lexicon import actor_aliases, actor_sectors, body_words, country_adjectives, home_nouns, home_possessives, titles, trigger_classes, trigger_suffixes
from .records import Appearance, Identity, Links, Report, Statement, Story
from .similarity import numbers
from .statements import (ArticleText, StatementIndex, article_text, dump_statement, own_text_keys, quote_mention,
                         restore_statement, statement_keys)
from .statements import lookup_keys as quote_lookup_keys
from .stories import (StoryIndex, block_keys, dump_story, gist, inherit_antecedents, mention_of, restore_story,
                      story_keys)

MIN_QUOTE_WORDS = 3
PRONOUNS = frozenset("who which that he she they it we i you this these those".split())


@dataclass(frozen=True)
class LinkInput:
    """One analysed article."""

    doc_id: str  # the input record's id (or URL)
    outlet: str | None
    published: str | None  # ISO date or datetime
    analysis: Analysis

    @classmethod
    def of(cls, analysis: Analysis, doc_id: str | None = None) -> "LinkInput":
        return cls(doc_id or analysis.id or analysis.url or "", analysis.outlet, analysis.published, analysis)


@dataclass
class Change:
    """What one `add()` touched: ids of stories and statements new or changed, stories and statements
    merged into another (gone: the store deletes them), identities merged."""

    stories: set[str] = field(default_factory=set)
    removed_stories: set[str] = field(default_factory=set)
    statements: set[str] = field(default_factory=set)
    removed_statements: set[str] = field(default_factory=set)  # merged into the statement of their speaker's own text
    merged: dict[str, str] = field(default_factory=dict)


class Linker:
    """Corpus links built one batch at a time; `embedder` is "default", "use", "e5", "lexical" or None."""

    def __init__(self, *, embedder: str | None = "default", vectors: dict | None = None,
                 identities: Identities | None = None, loader=None, texts=None):
        """`vectors` are embeddings stored earlier (text hash → vector); `identities` the corpus's so far;
        `loader(keys) → (story rows, statement rows)` brings in stored stories and statements filed
        under those blocking keys, so an ingest compares with what it may join and nothing else;
        `texts(days, exclude) → ArticleTexts` the stored articles of those days (none given: the
        linker keeps its articles' texts), scanned for the speaker's own text of a new quotation."""
        self.loader = loader
        self.texts = texts
        self._texts_by_day: dict[int | None, list[ArticleText]] = {}
        self._asked: set[str] = set()
        model = make_embedder(embedder)
        self.embedder = CachedEmbedder(model, vectors) if model is not None else None
        similarity = self.embedder.similarity if self.embedder else None
        self.identities = identities or Identities()
        self.stories = StoryIndex(similarity)
        self.statements = StatementIndex(similarity, find=self.identities.find)
        owner = weakref.ref(self)  # no cycle: a batch's Linker is freed once dropped, without the cyclic collector
        self.statements.load = (lambda keys: owner()._load(keys)) if loader is not None else None
        self.reports: dict[tuple[str, int], str] = {}  # (doc_id, event_index) → story id
        self.appearances: dict[tuple[str, int], str] = {}  # (doc_id, quote_index) → statement id
        self.speaker_ids: dict[tuple[str, int], str] = {}  # (doc_id, quote_index) → identity id
        self._joining: list = []  # the batch's events that anchor no story: (doc_id, index, mention)

    def add(self, inputs: Iterable[LinkInput]) -> Change:
        change = Change()
        merged_before = dict(self.identities.merged)
        stories_merged_before = len(self.stories.merged)
        inputs = list(inputs)
        if self.embedder is not None:  # the batch's evidence texts: stored vectors in one ask, the rest in batches
            self.embedder.warm([gist(e.evidence.text) for item in inputs for e in item.analysis.events])
        self._joining = []
        self.stories.new_batch()
        batch_texts: list[ArticleText] = []
        for item in inputs:
            self._add_article(item, change, batch_texts)
        self._attach_own_texts(batch_texts, change)
        for doc_id, index, mention in self._joining:  # after the batch's anchors: what they may join is filed
            story = self.stories.add(mention, start=False)
            if story is not None:
                self.reports[(doc_id, index)] = story.id
                change.stories.add(story.id)
        for old, new in self.identities.merged.items():
            if old not in merged_before:
                change.merged[old] = new
                self.statements.rekey_speaker(old, self.identities.find(new))
        if len(self.stories.merged) > stories_merged_before:
            gone = set(list(self.stories.merged)[stories_merged_before:])  # merged in this batch
            change.removed_stories = gone
            change.stories = {self.stories.find(sid) for sid in change.stories}
            change.stories |= {self.stories.find(sid) for sid in gone}
            self.reports = {key: self.stories.find(sid) for key, sid in self.reports.items()}
        for sid in change.stories:
            self._corroborate(self.stories.states[sid].story)
        return change

    def _corroborate(self, story: Story) -> None:
        corroborate(story)
        for report in story.reports:
            if report.source == report.asserted_by:
                report.source_id = report.asserted_by_id
            else:
                found = self.identities.matching(report.source or "")
                report.source_id = next(iter(found)) if len(found) == 1 else None

    def links(self) -> Links:
        for state in self.stories.states.values():
            self._corroborate(state.story)
        return Links(stories=[s.story for s in self.stories.states.values()],
                     statements=[s.statement for s in self.statements.states.values()],
                     identities=self.identities.all())

    def story(self, story_id: str) -> Story | None:
        state = self.stories.states.get(story_id)
        return state.story if state else None

    def statement(self, statement_id: str) -> Statement | None:
        state = self.statements.states.get(statement_id)
        return state.statement if state else None

    def identity(self, identity_id: str | None) -> Identity | None:
        return self.identities.get(identity_id)

    # --- one article ----------------------------------------------------------------------------

    def _attach_own_texts(self, batch: list[ArticleText], change: Change) -> None:
        """The batch's articles scanned for quotations of their text, and the earlier articles of the
        batch's quotations' days for those quotations (`StatementIndex.attach_own_texts`)."""
        days = self.statements.fresh_days()
        ids = {t.doc_id for t in batch}
        if self.texts is not None:
            older = self.texts(days, ids) if days else []
        else:
            older = [t for day in sorted(days) for t in self._texts_by_day.get(day, ()) if t.doc_id not in ids]
            for text in batch:
                self._texts_by_day.setdefault(text.day, []).append(text)
        change.statements |= self.statements.attach_own_texts(batch, older)
        if self.statements.removed:
            change.removed_statements = set(self.statements.removed)
            self.statements.removed.clear()
            change.statements = {self.statements.live(s) for s in change.statements}
            self.appearances = {key: self.statements.live(s) for key, s in self.appearances.items()}

    def _add_article(self, item: LinkInput, change: Change, texts: list[ArticleText]) -> None:
        analysis = item.analysis
        published = (item.published or analysis.published or "")[:10] or None
        types = {e.name.lower(): e.type for e in analysis.entities if e.name}
        full_names = _full_names(analysis, types)
        def resolve(name, role=None, affiliation=None, unknown=None):
            lower = (name or "").lower()
            full = full_names.get(lower)  # "Putin" where the article names "Vladimir Putin": that person
            entity_type = types.get(lower) or (types.get(full.lower()) if full else None) or unknown
            return self.identities.resolve(name, entity_type=entity_type, role=role, affiliation=affiliation,
                                           article_names=full_names)
        speaker_of: dict[str, tuple[str | None, str]] = {}  # name as the article gives it → (id, corpus name)
        quotes = []
        for index, quote in enumerate(analysis.quotes):
            speaker = quote.speaker
            name = None if speaker.vague else _speaker_name(speaker, analysis)
            identity_id = resolve(name, speaker.role, speaker.affiliation) if name else None
            if name and words(name) and words(name)[-1] in PRONOUNS:  # "who", "they": no one to name
                identity_id, name = None, None
            if identity_id:
                self.speaker_ids[(item.doc_id, index)] = identity_id
                speaker_of[name.lower()] = (identity_id, name)
                if speaker.name:
                    speaker_of[speaker.name.lower()] = (identity_id, name)
            if len(quote.content.text.split()) < MIN_QUOTE_WORDS:
                continue
            relay = quote.channel or _relay_in(analysis.text, quote)
            if relay and item.outlet and _plain_words(relay) == _plain_words(item.outlet):
                relay = None  # "told the Coast Courier" in the Coast Courier: its own interview
            appearance = Appearance(item.doc_id, index, item.outlet, published, quote.kind, relayed_by=relay,
                                    content=quote.content)
            identity = self.identities.get(identity_id)
            quotes.append((index, quote_mention(appearance, quote.content.text, identity_id,
                                                identity.name if identity else name)))
        events = []
        named = _named_in(analysis, full_names)
        context = {key for _, key, _ in named}
        for index, event in enumerate(analysis.events):
            # "for a ceasefire": an act named in passing, by no one, on nothing, nowhere, anchors no story,
            # but may join one its article or another tells ("the military operation")
            anchors = not (event.mention == "referred" and not (event.actor or event.target or event.location))
            report, keys = self._report(item, index, event, published, speaker_of, resolve)
            participants = {side for name, _, side in named if _says(event.evidence.text, name)}
            participants |= self._person_keys(keys[:2])  # "Putin and Macron held phone talks": the two people
            place = event.place if isinstance(event.place, dict) else {}
            events.append((index, mention_of(
                report, event.type, *keys, denial=stance(report) == "denies", participants=participants,
                people={p for p in participants if p.startswith("person:")}, place_country=place.get("country_code"),
                place_is_country=place.get("feature") == "country", dated=_own_date(event),
                trigger=_stem(*_trigger_words(event)), context=context), anchors))
        # "our meeting" after "talks with X in Kyiv": X, Kyiv (an act named in passing is no antecedent)
        inherit_antecedents([m for _, m, _ in events],
                            told=[analysis.events[i].mention != "referred" for i, _, _ in events])
        text = article_text(item.doc_id, item.outlet, published, analysis.text,
                            [(q.content.start, q.content.end, self.speaker_ids.get((item.doc_id, i)))
                             for i, q in enumerate(analysis.quotes)])
        texts.append(text)
        if self.loader is not None:
            self._load({k for _, m in quotes for k in quote_lookup_keys(m, self.identities.find)}
                       | {k for _, m, _ in events for k in block_keys(m, lookup=True)} | own_text_keys(text.day))
        for index, mention in quotes:
            statement = self.statements.add(mention)
            self.appearances[(item.doc_id, index)] = statement.id
            change.statements.add(statement.id)
        for index, mention, anchors in events:
            if not anchors:
                self._joining.append((item.doc_id, index, mention))
                continue
            story = self.stories.add(mention)
            self.reports[(item.doc_id, index)] = story.id
            change.stories.add(story.id)

    def _person_keys(self, identity_ids) -> set[str]:
        """The participant keys (`_named_in`'s "person:<surname>") of the people among an event's actor and target."""
        out = set()
        for identity_id in identity_ids:
            identity = self.identities.get(identity_id)
            key = name_key(identity.name, entity_type="PERSON") if identity and identity.kind == "person" else None
            if key is not None:
                out.add(f"person:{key.last}")
        return out

    def _load(self, keys: set[str]) -> None:
        """Bring in, from the store, the stories and statements filed under keys not asked for yet."""
        wanted = keys - self._asked
        if not wanted:
            return
        self._asked |= wanted
        story_rows, statement_rows = self.loader(wanted)
        for row in story_rows:
            restore_story(self.stories, row)
        if self.embedder is not None:
            self.embedder.prefetch(gist(m["report"]["evidence"]["text"]) for row in story_rows for m in row["mentions"])
        for row in statement_rows:
            restore_statement(self.statements, row)

    # --- what a store keeps ------------------------------------------------------------------------

    def story_row(self, story_id: str) -> tuple[dict, set[str]]:
        """A story's state to store, and the keys it is filed under."""
        return dump_story(self.stories, story_id), story_keys(self.stories, story_id)

    def statement_row(self, statement_id: str) -> tuple[dict, set[str]]:
        return dump_statement(self.statements, statement_id), statement_keys(self.statements, statement_id)

    def _report(self, item: LinkInput, index: int, event: Event, published: str | None, speaker_of, resolve):
        asserted = event.asserted_by if isinstance(event.asserted_by, str) else (event.asserted_by or {}).get("name")
        if not asserted or asserted == "author":
            asserter, asserter_id = item.outlet or "author", None
        else:
            asserter_id, asserter = speaker_of.get(asserted.lower()) or (resolve(asserted), asserted)
            identity = self.identities.get(asserter_id)
            asserter = identity.name if identity else asserter
        home = _home_country(item.outlet)
        actor, target = (_at_home(name, event.evidence.text, home) for name in (event.actor, event.target))
        actor_id, target_id = (resolve(name, unknown="GPE" if name != given else "THING")
                               if name and not _bare_title(name) else None
                               for name, given in ((actor, event.actor), (target, event.target)))
        place = _place_name(event)
        report = Report(
            doc_id=item.doc_id, event_index=index, outlet=item.outlet, published=published,
            evidence=event.evidence, asserted_by=asserter, modality=event.modality, asserted_by_id=asserter_id,
            date=_day_or_month(event.date) or published, actor=event.actor, target=event.target, place=place,
            numbers=[[v, u] for v, u in numbers(event.evidence.text)],
            actor_country=_code_country(event.actor_code), target_country=_code_country(event.target_code))
        return report, (actor_id, target_id, _place_key(event, place))


def _code_country(code: str | None) -> str | None:
    """The country part of an actor code ("RUSGOV" → "RUS"); a sector alone ("GOV", "MIL") names none."""
    country = (code or "")[:3]
    return country if country and country.lower() not in actor_sectors() else None


def _bare_title(name: str) -> bool:
    """Whether a name is a title alone ("the President", "Prime Minister"): it names no one, and two
    articles' "President" are not one actor (a body's name — "the Kremlin", "State Duma" — is no title)."""
    tokens = [w for w in words(name) if w != "the"]
    return bool(tokens) and all(w in titles() for w in tokens) and not any(w in body_words() for w in tokens) \
        and " ".join(tokens) not in actor_aliases() and tokens[-1] not in set(country_adjectives().values())


def _home_country(outlet: str | None) -> str | None:
    """The one country an outlet's name names ("President of Ukraine" → "Ukraine"), else None."""
    padded = f" {' '.join(words(outlet or ''))} "
    found = [country for country in country_adjectives() if f" {country} " in padded]
    return found[0].title() if len(found) == 1 else None


def _at_home(name: str | None, evidence: str, home: str | None) -> str | None:
    """`name`, or the outlet's country when it is a home noun the evidence gives with a first-person
    possessive ("attacked our state" in a release of the President of Ukraine: Ukraine)."""
    if not name or not home or name.lower() not in home_nouns():
        return name
    tokens = words(evidence)
    for i, word in enumerate(tokens[1:], 1):
        if word == name.lower() and tokens[i - 1] in home_possessives():
            return home
    return name


def _day_or_month(value: str | None) -> str | None:
    """"2024-10-22" or "2024-10" as given; a year alone or a week says too little to block on."""
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    if value and len(value) == 7 and value[4] == "-":
        return value
    return None


def _named_in(analysis: Analysis, full_names: dict[str, str]) -> list[tuple[str, str, str]]:
    """(name as written, key, side key) for the people and bodies the article names: a person by surname (the
    article's full name for a bare one; a one-word "person" the article never names in full is none —
    NER reads "Kiev" or "Luhansk" as people), a body by its normalised name; countries are left to the
    actor's, target's and place's country codes.  The side key, what an evidence naming it names as a side, is
    the key but for a country NER ran into a person's name ("Prime Minister of Bulgaria Kiril Petkov" as the
    body "Bulgaria Kiril Petkov"): that person."""
    out = {}
    for entity in analysis.entities:
        if not entity.name or entity.type not in _PARTICIPANT_TYPES or len(entity.name) < 3:
            continue
        if entity.type in ("GPE", "NORP") and (entity.country or entity.name.lower() in country_adjectives()):
            continue  # a country is the actor's, target's or place's country, counted there
        full = full_names.get(entity.name.lower(), entity.name)
        if entity.type == "PERSON" and len(words(full)) == 1:
            continue  # "Kiev", "Luhansk" read as people: a person the article names once names in full
        found = name_key(full, entity_type=entity.type)
        if found is not None and found.kind != "thing":
            key = f"person:{found.last}" if found.kind == "person" else found.slug
            person = _person_after_country(entity.name) if entity.type == "ORG" else None
            side = name_key(person, entity_type="PERSON") if person else None  # "Bulgaria Kiril Petkov"
            out[entity.name] = (key, f"person:{side.last}" if side and side.kind == "person" else key)
    return [(name, key, side) for name, (key, side) in out.items()]


_PARTICIPANT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _person_after_country(name: str) -> str | None:
    """The person's name of an organisation name that is a country followed by two or three capitalised
    words, none a body word ("Bulgaria Kiril Petkov" of "Prime Minister of Bulgaria Kiril Petkov"), else None."""
    parts = name.split()
    for k in (1, 2, 3):
        rest = parts[k:]
        if " ".join(parts[:k]).lower() in country_adjectives() and 2 <= len(rest) <= 3 \
                and all(w[:1].isupper() for w in rest) and not {w.lower() for w in rest} & body_words():
            return " ".join(rest)
    return None


def _says(text: str, name: str) -> bool:
    """Whether `text` names `name` as a whole word."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(name, at + 1)
    return False


def _trigger_words(event: Event) -> tuple[str | None, str, str]:
    """The event's trigger, the words of its evidence after it (for a trigger of light words only) and
    before it (for a passive one)."""
    trigger, evidence = event.trigger, event.evidence
    if trigger is None:
        return None, "", ""
    after, before = trigger.end - evidence.start, trigger.start - evidence.start
    return (trigger.text, evidence.text[after:] if 0 <= after <= len(evidence.text) else "",
            evidence.text[:before] if 0 <= before <= len(evidence.text) else "")


def _stem(trigger: str | None, following: str = "", preceding: str = "") -> str | None:
    """The kind of act a trigger names: the class of its first word in one ("talks", "meeting" → "meeting";
    "phone talks" → "conversation": the medium names the act before the noun; see
    `trigger_classes` of the corpus lexicon); a trigger in no class ("launched", "carried out") by the
    first of the next `LOOKAHEAD` words of its evidence (light words and articles aside) that is in one ("… a new military operation" →
    "invasion"), a passive one ("martial law was imposed") by the nearest of the `LOOKAHEAD` words before its
    auxiliary; else its head word without its ending ("ratification", "ratified" → "ratifi")."""
    heads = [w for w in words(trigger or "") if len(w) > 2 and w not in _LIGHT_WORDS]
    for word in heads:
        if word in trigger_classes():
            return trigger_classes()[word]
    ahead = [w for w in words(following) if w not in _LIGHT_WORDS][:LOOKAHEAD]  # "out a special military operation"
    named = next((trigger_classes()[w] for w in ahead if w in trigger_classes()), None)
    behind = words(preceding) + words(trigger or "")[:-1]  # "martial law will be imposed", "law is imposed"
    if not named and set(behind[-3:]) & _AUXILIARIES:
        behind = [w for w in behind if w not in _AUXILIARIES and w not in _LIGHT_WORDS][-LOOKAHEAD:]
        named = next((trigger_classes()[w] for w in reversed(behind) if w in trigger_classes()), None)
    if named or not heads:
        return named
    word = heads[-1].replace("ise", "ize")
    for suffix in trigger_suffixes():
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[:-len(suffix)]
            break
    return word[:6]


LOOKAHEAD = 4
_LIGHT_WORDS = frozenset("the a an of out held hold holds carried carry made make took take gave give".split())
_AUXILIARIES = frozenset("is was were are be been being".split())  # of a passive: the act is its subject


def _own_date(event: Event) -> bool:
    """Whether the event's date is its own, not one taken over from its article's context."""
    return _day_or_month(event.date) is not None and (event.date_source or "").split(":")[0] not in BORROWED_DATES


BORROWED_DATES = frozenset({"dateline"})  # date sources that are the article's date, not the event's


def _plain_words(name: str) -> list[str]:
    return [w for w in words(name) if w != "the"]


def _speaker_name(speaker, analysis: Analysis) -> str | None:
    """The speaker's name, or the name of the entity the attribution linked it to; a bare title
    ("the President") is the article's one named person with that role (or, none having a role, the
    one named person it quotes), else no name at all."""
    if speaker.entity_id:
        for entity in analysis.entities:
            if entity.id == speaker.entity_id and entity.name:
                return entity.name
    name = speaker.name
    if name and all(w in titles() for w in words(name)):
        title = words(name)[-1]
        people = {q.speaker.name for q in analysis.quotes if q.speaker.name and not q.speaker.vague
                  and not all(w in titles() for w in words(q.speaker.name))
                  and title in words(q.speaker.role or "")}
        people |= {e.name for e in analysis.entities if e.type == "PERSON" and e.name and title in words(e.role or "")}
        if not people:  # no role given: the one named person the article quotes, if only one
            people = {q.speaker.name for q in analysis.quotes if q.speaker.name and not q.speaker.vague
                      and len(words(q.speaker.name)) > 1 and not all(w in titles() for w in words(q.speaker.name))}
        return people.pop() if len(people) == 1 else None
    return name


_NOT_A_HEAD = frozenset("of for the and in on to".split())  # a body's last words starting so name no body


def _full_names(analysis: Analysis, types: dict[str, str]) -> dict[str, str]:
    """Short form → the one full name in this article it stands for: a person's surname, a body's
    last words ("ministry", "air force" for "Russian Defence Ministry", "Ukraine air force"), never
    a country ("Ukraine" is not "Armed Forces of Ukraine") nor words from "of" on."""
    found: dict[str, set[str]] = {}
    names = [e.name for e in analysis.entities if e.name and e.type in ("PERSON", "ORG")]
    names += [q.speaker.name for q in analysis.quotes if q.speaker.name and not q.speaker.vague]
    for name in names:
        key = name_key(name, entity_type=types.get(name.lower()))
        if key and key.kind == "person" and key.first:
            found.setdefault(key.last, set()).add(f"{key.first} {key.last}")
        elif key and key.kind == "body":
            parts = key.last.split()
            for n in range(1, len(parts)):
                short = " ".join(parts[n:])
                if parts[n] not in _NOT_A_HEAD and short not in country_adjectives():  # not "of Ukraine", "Ukraine"
                    found.setdefault(short, set()).add(name)
    return {short: next(iter(full)) for short, full in found.items() if len(full) == 1}


def _relay_in(text: str, quote: Quote) -> str | None:
    """A medium named around the quote's cue ("told TASS", "according to Reuters")."""
    spans = [s for s in (quote.cue, quote.content) if s is not None]
    start = max(0, min(s.start for s in spans) - 80)
    end = min(len(text), max(s.end for s in spans) + 80)
    match = relay_pattern().search(text, start, end)
    if match and is_medium(match.group(1).strip(), set()):
        return match.group(1).strip()
    return None


def _place_name(event: Event) -> str | None:
    if isinstance(event.place, dict) and event.place.get("name"):
        return event.place["name"]
    return event.location


def _place_key(event: Event, name: str | None) -> str | None:
    """A place's key: its geocoded id, else its words without region words ("Odesa region" = "Odesa")."""
    if isinstance(event.place, dict):
        for key in ("geonameid", "id"):
            if event.place.get(key):
                return f"geo:{event.place[key]}"
    if not name:
        return None
    parts = [w for w in words(name.split(",")[0]) if w not in {"region", "oblast", "city", "province", "district", "the"}]
    return "place:" + " ".join(parts) if parts else None


def link(inputs: Iterable[LinkInput], *, embedder: str | None = "default") -> Links:
    """Stories, statements and identities across `inputs` (one fresh `Linker`)."""
    linker = Linker(embedder=embedder)
    linker.add(inputs)
    return linker.links()

