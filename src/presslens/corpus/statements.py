"""Statement links: one thing a person or body said, carried by several articles.

A quotation joins an existing statement when it is

* identical after normalising marks, case and spacing (`match="identical"`; found by hash),
* near-identical: word 3-shingle Jaccard ≥ `NEAR_JACCARD`, or one a trimmed copy of the other
  (containment ≥ `NEAR_CONTAINMENT`) — candidates found by MinHash LSH bands (`match="near"`),
* near-identical too: the same speaker within `REWORD_DAYS` days and a long verbatim run of words in
  both (`RUN_WORDS`, `RUN_SHARE`: one sentence of a briefing, cut and rendered differently around it),
* or the same indirect statement reworded: the same speaker, within `REWORD_DAYS` days, and
  the shorter one's content words found in the other (≥ `REWORD_OVERLAP`) or an embedding
  similarity ≥ `REWORD_COSINE`
  (`match="reworded"`).

Two quotations that are alike except that each names someone, somewhere or a figure the other
does not (`names_swapped`: one template filled in twice — the treaty with one republic and the
treaty with the other) are never near-identical or reworded; and a short quotation (under
`SHORT_WORDS` words: "to stay in contact") joins an identical one only of the same day, since a
stock phrase recurs on other occasions.

A statement's first appearance may be the speaker's own published text — a speech or address
released as an article of its own, which news items then quote.  A named speaker's quotation of
`OWN_RUN_WORDS` words or more (a direct one of `OWN_UNNAMED_WORDS` when the analysis named no speaker)
is filed under its runs of that many words; every article's text is
scanned against them (linear in its words), and a run found within `OWN_DAYS` days in another
article, in no passage the article attributes to someone else, makes that passage an appearance
of kind `own_text` (`quote_index` None, `content` the passage, widened to its whole first and last
sentence where the quotation goes on past its runs; `match` identical or near) — unless the passage
names someone, somewhere or a figure in place of one the quotation names (one template, two
statements), or lies in a quotation of that article already linked to the quoting article.  A
quotation arriving after the speech scans only the articles of its days (`attach_own_texts`).

Speakers must agree (the same corpus identity; an unnamed speaker only for long identical or
near-identical text).  The statement's text and `first_seen` come from its earliest appearance
by published time; each appearance keeps the medium it was relayed by (the quote's channel,
"told TASS", "according to Reuters").
"""
from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from ..model import Span
from .records import Appearance, Statement
from .similarity import (MinHash, containment, content_words, jaccard, names_swapped, normal_text, runs, shingles,
                         text_key, word_positions)
from .stories import day_number

NEAR_JACCARD = 0.5
NEAR_CONTAINMENT = 0.8
MIN_NEAR_SHINGLES = 4  # shorter quotations link only when identical
MIN_UNNAMED_WORDS = 8  # an unnamed speaker's quotation links only when this long
REWORD_DAYS = 3
REWORD_OVERLAP = 0.7  # share of the shorter statement's content words found in the other
MIN_REWORD_WORDS = 5
MAX_REWORD_RATIO = 4  # a short statement is not "contained" in a speech four times its length
REWORD_COSINE = 0.85
RUN_WORDS = 12  # a run of this many words in both, by one speaker within days: one statement cut
RUN_SHARE = 0.4  # differently and re-rendered, when the run is this share of the shorter quotation
SHORT_WORDS = 8  # a quotation shorter than this joins an identical one only of the same day
OWN_RUN_WORDS = 12  # a quotation's words found verbatim this long in another article's text: its own text
OWN_DAYS = 3  # … of an article published within this many days of the quotation
OWN_UNNAMED_WORDS = 16  # a direct quotation whose speaker the analysis left unnamed is looked for when this long
WIDEN_WORDS = 40  # a passage is widened to its whole first and last sentence, by this many words at most
OWN_TEXT = "own_text"  # the appearance kind of a passage in the speaker's own published text


@dataclass
class QuoteMention:
    appearance: Appearance
    speaker_id: str | None
    speaker: str | None
    text: str
    shingles: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    day: int | None = None


@dataclass
class ArticleText:
    """An article's text as the own-text scan reads it: its words with offsets, and for each word
    whose quotation it is in (the speaker's identity, "?" for an unnamed speaker, "" outside quotes)."""

    doc_id: str
    outlet: str | None
    published: str | None
    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    said_by: list[str]
    quote_of: list[int]  # per word, the index of the quotation it is in (-1 outside)
    day: int | None = None


def article_text(doc_id: str, outlet: str | None, published: str | None, text: str,
                 quotes: list[tuple[int | None, int | None, str | None]]) -> ArticleText:
    """`quotes` are all the article's quotations, in order, as (start, end, speaker identity or None)."""
    positions = word_positions(text)
    starts = [p[1] for p in positions]
    said_by, quote_of = [""] * len(positions), [-1] * len(positions)
    for index, (start, end, speaker_id) in enumerate(quotes):
        if start is None or end is None:
            continue
        for i in range(bisect_left(starts, start), bisect_left(starts, end)):
            said_by[i], quote_of[i] = speaker_id or "?", index
    return ArticleText(doc_id, outlet, published, text, [p[0] for p in positions], starts,
                       [p[2] for p in positions], said_by, quote_of, day_number(published))


@dataclass
class _StatementState:
    statement: Statement
    mentions: list[QuoteMention] = field(default_factory=list)


def statement_id(appearance: Appearance) -> str:
    return "stmt-" + hashlib.sha1(f"{appearance.doc_id}\x00{appearance.quote_index}".encode("utf-8")).hexdigest()[:12]


def _long_run(a: str, b: str) -> bool:
    """Whether two quotations share a long verbatim run of words (`RUN_WORDS`, `RUN_SHARE` of the shorter):
    one briefing sentence quoted by two releases, cut and rendered differently around it. Template
    messages share shorter runs ("fruitful cooperation in trade, the economy, science and technology")."""
    x, y = normal_text(a).split(), normal_text(b).split()
    if min(len(x), len(y)) < RUN_WORDS:
        return False
    run = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y)).size
    return run >= RUN_WORDS and run >= RUN_SHARE * min(len(x), len(y))


def quote_mention(appearance: Appearance, text: str, speaker_id: str | None, speaker: str | None) -> QuoteMention:
    return QuoteMention(appearance, speaker_id, speaker, text, shingles(text), content_words(text),
                        day_number(appearance.published))


class StatementIndex:
    """Statements and their lookup keys; `add()` attaches one quotation, returning its statement."""

    def __init__(self, similarity=None, find=lambda identity_id: identity_id):
        self.similarity = similarity
        self.find = find  # identity id → its live id after merges
        self.states: dict[str, _StatementState] = {}
        self._exact: dict[str, list[str]] = {}
        self._bands: dict[str, list[str]] = {}
        self._by_speaker: dict[str, list[str]] = {}
        self._runs: dict[tuple[str, ...], list[tuple[str, QuoteMention]]] = {}  # run → (statement id, quotation)
        self._fresh: list[QuoteMention] = []  # quotations filed under runs since the last `attach_own_texts`
        self._quoted: dict[tuple[str, int], str] = {}  # (doc id, quote index) → statement id
        self.merged: dict[str, str] = {}  # statement id → the statement it joined (its text read as own text)
        self.removed: set[str] = set()  # statements merged into another since the last `attach_own_texts`
        self.load = None  # keys → None: brings stored statements filed under those keys into the index

    def live(self, statement_id_: str) -> str:
        """The statement a statement id stands for now (itself, or the one it was merged into)."""
        while statement_id_ in self.merged:
            statement_id_ = self.merged[statement_id_]
        return statement_id_

    def _agree(self, a: QuoteMention, state: _StatementState, long_enough: bool) -> bool:
        """Whether `a` may join `state`: from another article, and by the same speaker."""
        if any(m.appearance.doc_id == a.appearance.doc_id for m in state.mentions):
            return False  # one article's quotations are its own: a statement links articles
        b = state.mentions[0]
        if a.speaker_id and b.speaker_id:
            return self.find(a.speaker_id) == self.find(b.speaker_id)
        return long_enough

    def _match(self, mention: QuoteMention) -> tuple[_StatementState | None, str]:
        size = len(mention.text.split())
        long_enough = size >= MIN_UNNAMED_WORDS
        for sid in dict.fromkeys(self.live(sid) for sid in self._exact.get(text_key(mention.text), ())):
            state = self.states[sid]
            other_day = state.mentions[0].day
            if size < SHORT_WORDS and mention.day is not None and other_day is not None and mention.day != other_day:
                continue  # a stock phrase said again on another day
            if self._agree(mention, state, long_enough):
                return state, "identical"
        if len(mention.shingles) >= MIN_NEAR_SHINGLES:
            signature = MinHash(mention.shingles)
            seen = set()
            for band in signature.bands():
                for sid in self._bands.get(band, ()):
                    sid = self.live(sid)
                    if sid in seen:
                        continue
                    seen.add(sid)
                    state = self.states[sid]
                    other = state.mentions[0]
                    near = (jaccard(mention.shingles, other.shingles) >= NEAR_JACCARD
                            or (min(len(mention.shingles), len(other.shingles)) >= MIN_NEAR_SHINGLES
                                and containment(mention.shingles, other.shingles) >= NEAR_CONTAINMENT))
                    if near and self._agree(mention, state, long_enough) and not names_swapped(mention.text, other.text):
                        return state, "near"
        if mention.speaker_id:
            best, best_score = None, 0.0
            for sid in dict.fromkeys(self.live(sid) for sid in self._by_speaker.get(self.find(mention.speaker_id), ())):
                state = self.states[sid]
                other = state.mentions[0]
                if mention.day is not None and other.day is not None and abs(mention.day - other.day) > REWORD_DAYS \
                        or not self._agree(mention, state, False) or names_swapped(mention.text, other.text):
                    continue
                if len(mention.shingles & other.shingles) >= RUN_WORDS - 2 and _long_run(mention.text, other.text):
                    return state, "near"
                small, large = sorted((len(mention.words), len(other.words)))
                overlap = (containment(mention.words, other.words)
                           if small >= MIN_REWORD_WORDS and large <= MAX_REWORD_RATIO * small else 0.0)
                score = overlap if overlap >= REWORD_OVERLAP else 0.0
                if not score and self.similarity is not None and overlap >= REWORD_OVERLAP / 2:
                    cosine = self.similarity(mention.text, other.text)
                    score = cosine if cosine >= REWORD_COSINE else 0.0
                if score > best_score:
                    best, best_score = state, score
            if best is not None:
                return best, "reworded"
        return None, "first"

    def _file(self, statement_id_: str, mention: QuoteMention) -> None:
        self._exact.setdefault(text_key(mention.text), []).append(statement_id_)
        if len(mention.shingles) >= MIN_NEAR_SHINGLES:
            for band in MinHash(mention.shingles).bands():
                self._bands.setdefault(band, []).append(statement_id_)
        if mention.speaker_id:
            self._by_speaker.setdefault(self.find(mention.speaker_id), []).append(statement_id_)

    def _file_runs(self, statement_id_: str, mention: QuoteMention, fresh: bool) -> None:
        """A long quotation by a named speaker, filed under its runs for the own-text scan."""
        if not own_text_source(mention):
            return
        for run in set(runs(normal_text(mention.text).split(), OWN_RUN_WORDS)):
            self._runs.setdefault(run, []).append((statement_id_, mention))
        if fresh:
            self._fresh.append(mention)

    def put(self, statement: Statement, mentions: list[QuoteMention]) -> None:
        """File a statement read back from the store under the keys of its first appearance and of its
        first quotation (the first may be a speech passage), and its long quotations under their runs."""
        if statement.id in self.states:
            return
        state = self.states[statement.id] = _StatementState(statement)
        for mention in mentions:
            state.mentions.append(mention)
            statement.appearances.append(mention.appearance)
            self._file_runs(statement.id, mention, fresh=False)
            if mention.appearance.quote_index is not None:
                self._quoted[mention.appearance.key] = statement.id
        for mention in {id(m): m for m in _key_mentions(state)}.values():
            self._file(statement.id, mention)

    def add(self, mention: QuoteMention) -> Statement:
        state, how = self._match(mention)
        mention.appearance.match = how
        if state is None:
            appearance = mention.appearance
            statement = Statement(statement_id(appearance), mention.speaker, mention.text, appearance.published,
                                  speaker_id=mention.speaker_id)
            state = self.states[statement.id] = _StatementState(statement)
            self._file(statement.id, mention)
        state.mentions.append(mention)
        state.statement.appearances.append(mention.appearance)
        self._file_runs(state.statement.id, mention, fresh=True)
        self._quoted[mention.appearance.key] = state.statement.id
        _summarise(state, how)
        return state.statement

    def fresh_days(self) -> set[int]:
        """The days an earlier article may be of to hold, as its own text, a quotation filed under runs
        since the last `attach_own_texts`."""
        return {d for m in self._fresh if m.day is not None for d in range(m.day - OWN_DAYS, m.day + OWN_DAYS + 1)}

    def attach_own_texts(self, new: list[ArticleText], older: Iterable[ArticleText] = ()) -> set[str]:
        """Scan a batch's articles (`new`) against every filed quotation, and the earlier articles of the
        batch's days (`older`) against the batch's quotations only; returns the statements changed."""
        fresh = {id(m) for m in self._fresh}
        changed = set()
        for article in new:
            changed |= self._scan(article, None)
        for article in older:
            changed |= self._scan(article, fresh)
        self._fresh = []
        return {self.live(sid) for sid in changed}

    def _scan(self, article: ArticleText, only: set[int] | None) -> set[str]:
        hits: dict[int, tuple[str, QuoteMention, list[int]]] = {}
        words = article.words
        for i in range(len(words) - OWN_RUN_WORDS + 1):
            found = self._runs.get(tuple(words[i:i + OWN_RUN_WORDS]))
            for sid, mention in found or ():
                if only is not None and id(mention) not in only or mention.appearance.doc_id == article.doc_id:
                    continue
                if mention.day is not None and article.day is not None and abs(mention.day - article.day) > OWN_DAYS:
                    continue
                if self._said_by_another(article, i, mention.speaker_id):
                    continue
                hits.setdefault(id(mention), (sid, mention, []))[2].append(i)
        changed = set()
        for sid, mention, positions in sorted(hits.values(), key=lambda hit: -len(hit[2])):
            sid = self.live(sid)
            state = self.states[sid]
            if any(m.appearance.doc_id == article.doc_id for m in state.mentions):
                continue
            first, last = _passage(positions)
            begin, stop = self._whole(article, mention, first, last + OWN_RUN_WORDS)
            start, end = article.starts[begin], article.ends[stop - 1]
            passage = article.text[start:end]
            if names_swapped(mention.text, passage):
                continue  # one template, another name or figure in each: two statements
            if self._absorb(article, range(first, last + OWN_RUN_WORDS), state, passage):
                changed.add(sid)
                continue
            if self._carried(article, range(first, last + OWN_RUN_WORDS), mention.appearance.doc_id):
                continue
            how = "identical" if text_key(passage) == text_key(mention.text) else "near"
            appearance = Appearance(article.doc_id, None, article.outlet, (article.published or "")[:10] or None,
                                    OWN_TEXT, match=how, content=Span(start, end, passage))
            own = QuoteMention(appearance, mention.speaker_id, mention.speaker, passage, shingles(passage),
                               content_words(passage), article.day)
            state.mentions.append(own)
            state.statement.appearances.append(appearance)
            _summarise(state, how)
            changed.add(sid)
        return changed

    def _absorb(self, article: ArticleText, words: range, state: _StatementState, passage: str) -> bool:
        """The passage lies in quotations the analysis read in the article — the speaker's own, unnamed, or
        (a quotation of its own statement) a body's or group's: their statements join `state` — one
        statement, the article's quotation an appearance of kind own_text, its words the passage's where
        it holds only a fragment of it ("Ukrainians in the world", read as a quotation inside the sentence)."""
        indices = {article.quote_of[i] for i in words if article.quote_of[i] >= 0}
        joined = False
        for index in sorted(indices):
            key = (article.doc_id, index)
            if key not in self._quoted and self.load is not None:
                self.load({f"at:{article.doc_id}:{index}"})
            other_id = self.live(self._quoted[key]) if key in self._quoted else None
            if other_id is None or other_id == state.statement.id:
                continue
            other = self.states[other_id]
            docs = {m.appearance.doc_id for m in state.mentions}
            speakers = {self.find(m.speaker_id) for m in state.mentions + other.mentions if m.speaker_id}
            read_as_body = len(other.mentions) == 1 and not any(  # the speech's words read as a body's
                s.startswith("person:") for s in speakers - {self.find(state.statement.speaker_id)})
            if (len(speakers) > 1 and not read_as_body) or any(m.appearance.doc_id in docs for m in other.mentions):
                continue
            for m in other.mentions:
                if m.appearance.key == key:  # the speech's words: the statement's speaker's, whoever the reading gave
                    m.appearance.kind = OWN_TEXT
                    m.speaker_id, m.speaker = state.statement.speaker_id, state.statement.speaker
                    if len(normal_text(m.text).split()) < len(normal_text(passage).split()):
                        m.text, m.shingles, m.words = passage, shingles(passage), content_words(passage)
                state.mentions.append(m)
                state.statement.appearances.append(m.appearance)
                self._quoted[m.appearance.key] = state.statement.id
            del self.states[other_id]
            self.merged[other_id] = state.statement.id
            self.removed.add(other_id)
            _summarise(state, "near")
            joined = True
        return joined

    def _carried(self, article: ArticleText, words: range, doc_id: str) -> bool:
        """Whether the passage lies in a quotation of the article whose statement the quoting article (`doc_id`)
        already carries, by another of its quotations: the two are linked there, and a passage would double it."""
        for index in {article.quote_of[i] for i in words if article.quote_of[i] >= 0}:
            other_id = self._quoted.get((article.doc_id, index))
            other = self.states.get(self.live(other_id)) if other_id else None
            if other is not None and any(m.appearance.doc_id == doc_id for m in other.mentions):
                return True
        return False

    def _whole(self, article: ArticleText, mention: QuoteMention, first: int, end: int) -> tuple[int, int]:
        """The words [first, end) of a quotation's runs in an article, widened to the whole sentence on a side
        where the quotation goes on past its runs (a word rendered otherwise: "I adopted" for "I approved", "of"
        for "from"), never into words the article gives to another person."""
        quoted = runs(normal_text(mention.text).split(), OWN_RUN_WORDS)
        lead = quoted.index(tuple(article.words[first:first + OWN_RUN_WORDS]))
        trail = len(quoted) - 1 - quoted.index(tuple(article.words[end - OWN_RUN_WORDS:end]))
        own = self.find(mention.speaker_id) if mention.speaker_id else None
        for _ in range(WIDEN_WORDS if lead else 0):
            if first == 0 or _sentence_break(article, first) or self._another(article.said_by[first - 1], own):
                break
            first -= 1
        for _ in range(WIDEN_WORDS if trail else 0):
            if end == len(article.words) or _sentence_break(article, end) or self._another(article.said_by[end], own):
                break
            end += 1
        return first, end

    def _another(self, said_by: str, own: str | None) -> bool:
        """Whether a word the article attributes to `said_by` is another person's."""
        return said_by not in ("", "?") and self.find(said_by) != own and self.find(said_by).startswith("person:")

    def _said_by_another(self, article: ArticleText, i: int, speaker_id: str | None) -> bool:
        """Whether the run at word `i` lies in a passage the article attributes to another person. Words a
        speech gives to a body or a group ("external partners", "the majority of citizens") are too often the
        speech's own words read as reported speech to rule it out."""
        own = self.find(speaker_id) if speaker_id else None
        return any(self._another(s, own) for s in article.said_by[i:i + OWN_RUN_WORDS])

    def rekey_speaker(self, old: str, new: str) -> None:
        """A speaker identity merged into another: its statements are now found under the new id."""
        moved = self._by_speaker.pop(old, [])
        self._by_speaker.setdefault(new, []).extend(moved)


def own_text_source(mention: QuoteMention) -> bool:
    """Whether a mention is a quotation the own-text scan looks for: long enough; when the analysis left
    its speaker unnamed ("he", a bare "the President"), longer still and between quotation marks (a speech's
    own sentences read as reported speech are unnamed indirect statements, and must not find themselves in
    the news items that quote the speech)."""
    size = len(normal_text(mention.text).split())
    if mention.speaker_id:
        return mention.appearance.kind != OWN_TEXT and size >= OWN_RUN_WORDS
    return mention.appearance.kind == "direct" and size >= OWN_UNNAMED_WORDS


def _sentence_break(article: ArticleText, i: int) -> bool:
    """Whether a sentence or paragraph ends between word `i - 1` and word `i`."""
    between = article.text[article.ends[i - 1]:article.starts[i]]
    return "\n" in between or any(mark in between for mark in ".!?")


def _passage(positions: list[int]) -> tuple[int, int]:
    """The first and last run of the longest chain of runs that a changed word or two keeps apart at most
    (`OWN_RUN_WORDS`): the quotation's one passage, not another passage it was stitched from."""
    chains, chain = [], [positions[0]]
    for p in positions[1:]:
        if p - chain[-1] <= OWN_RUN_WORDS + 1:
            chain.append(p)
        else:
            chains.append(chain)
            chain = [p]
    chains.append(chain)
    best = max(chains, key=len)
    return best[0], best[-1]


def _key_mentions(state: _StatementState) -> list[QuoteMention]:
    """The mentions a statement is found under: its first, and its first quotation."""
    quoted = next((m for m in state.mentions if m.appearance.kind != OWN_TEXT), None)
    return [state.mentions[0]] + ([quoted] if quoted is not None else [])


def _summarise(state: _StatementState, how: str) -> None:
    """Appearances earliest first (on one day the speaker's own text before a quotation of it);
    the statement's text, speaker and first_seen from the first."""
    statement = state.statement
    order = sorted(range(len(state.mentions)),
                   key=lambda i: (state.mentions[i].appearance.published or "9999",
                                  state.mentions[i].appearance.kind != OWN_TEXT, i))
    state.mentions[:] = [state.mentions[i] for i in order]
    statement.appearances[:] = [m.appearance for m in state.mentions]
    first = state.mentions[0]
    for mention in state.mentions:  # an earlier copy arrived later: the old first joined by `how`
        if mention is first:
            mention.appearance.match = "first"
        elif mention.appearance.match == "first":
            mention.appearance.match = how
    statement.text = first.text
    statement.first_seen = first.appearance.published
    named = next((m for m in state.mentions if m.speaker), None)
    if named:
        statement.speaker, statement.speaker_id = named.speaker, named.speaker_id


# --- persistence: a statement's state as a row, and the keys it is found under -------------------

def lookup_keys(mention: QuoteMention, find=lambda i: i) -> set[str]:
    """Keys a quotation searches: its text hash, its MinHash bands, and its speaker's statements a reworded
    one may join — those first seen within `REWORD_DAYS` of its day or undated (an undated quotation: all)."""
    keys = _text_keys(mention)
    if mention.speaker_id:
        speaker = find(mention.speaker_id)
        keys |= {f"speaker:{speaker}"} if mention.day is None else {
            speaker_day_key(speaker, d) for d in (None, *range(mention.day - REWORD_DAYS, mention.day + REWORD_DAYS + 1))}
    return keys


def _text_keys(mention: QuoteMention) -> set[str]:
    keys = {f"exact:{text_key(mention.text)}"}
    if len(mention.shingles) >= MIN_NEAR_SHINGLES:
        keys |= {f"band:{band}" for band in MinHash(mention.shingles).bands()}
    return keys


def speaker_day_key(speaker_id: str, day: int | None) -> str:
    """The key of a speaker's statements first seen on `day`: `speaker:<id>@<ISO day>` (`@undated`), so a
    quotation reads back only the days it may join, not everything its speaker said (migration 4)."""
    return f"speaker:{speaker_id}@{date.fromordinal(day).isoformat() if day is not None else 'undated'}"


def own_text_keys(day: int | None) -> set[str]:
    """Keys an article's text searches: the days within `OWN_DAYS` of its own."""
    return set() if day is None else {f"own:{d}" for d in range(day - OWN_DAYS, day + OWN_DAYS + 1)}


def statement_keys(index: StatementIndex, statement_id_: str) -> set[str]:
    """Keys a statement is filed under: those of its key mentions, each quotation's place (`at:doc:index`),
    and the days of its long quotations."""
    state = index.states[statement_id_]
    keys = set()
    for m in _key_mentions(state):
        keys |= _text_keys(m)
        if m.speaker_id:  # the day of its first appearance, the one a reworded quotation is compared with
            keys |= {f"speaker:{index.find(m.speaker_id)}", speaker_day_key(index.find(m.speaker_id), state.mentions[0].day)}
    keys |= {f"at:{m.appearance.doc_id}:{m.appearance.quote_index}" for m in state.mentions
             if m.appearance.quote_index is not None}
    return keys | {f"own:{m.day}" for m in state.mentions if m.day is not None and own_text_source(m)}


def dump_statement(index: StatementIndex, statement_id_: str) -> dict:
    state = index.states[statement_id_]
    statement = state.statement
    return {"statement": {"id": statement.id, "speaker": statement.speaker, "speaker_id": statement.speaker_id,
                          "text": statement.text, "first_seen": statement.first_seen},
            "mentions": [{"appearance": m.appearance.to_dict(), "speaker_id": m.speaker_id, "speaker": m.speaker,
                          "text": m.text} for m in state.mentions]}


def restore_statement(index: StatementIndex, row: dict) -> None:
    data = row["statement"]
    mentions = []
    for m in row["mentions"]:
        appearance = dict(m["appearance"])
        appearance["content"] = Span(**appearance["content"]) if appearance.get("content") else None
        mentions.append(quote_mention(Appearance(**appearance), m["text"], m["speaker_id"], m["speaker"]))
    index.put(Statement(data["id"], data["speaker"], data["text"], data["first_seen"], speaker_id=data["speaker_id"]),
              mentions)
