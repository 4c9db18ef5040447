"""Event links: reports of one real event in different articles become one story.

Candidates come from blocks, never from all pairs: a report is compared only with stories of
its PLOVER type whose day is within ±`WINDOW_DAYS` of its own (the event's date, else its
article's); a denial ("the ministry denied that its forces struck …", typed REJECT, or a negated
"did not strike") is compared with stories of every type and joins the one whose evidence it
repeats.  A denial comes after what it denies, and its date is often its own ("denied on
Wednesday"), or its article's when nothing dates it, so it looks back `DENIAL_LOOKBACK` days
further; an assertion likewise finds a story that so far only a later denial tells.  A candidate is scored on structure — the same place, target and actor (corpus
identities) — plus the similarity of the evidence sentences (an embedder, see
`presslens.corpus.embedding`); a different place rules a candidate out.  The embedder is asked
only when structure alone neither decides for nor rules out the link, so most reports cost no
embedding — and it is asked only once the two share a place or a target (below that, word
overlap stands in).  A report joins the best story scoring at least `THRESHOLD`, else starts a new one.
Each story compares a new report with at most `COMPARED` of its reports (the earliest), so the
cost of one report is bounded by its block, and the corpus cost grows with the number of reports.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..model import Span
from .records import Report, Story
from .similarity import containment, content_words, jaccard

WINDOW_DAYS = 2
DENIAL_LOOKBACK = 7  # days before its own date a denial may look for what it denies
THRESHOLD = 0.55
COMPARED = 6
EMBED_FROM = 0.25  # the embedder is asked only once a place or a target is shared (word overlap below)
SIMILAR_ALONE = 0.8  # evidence similarity (0 unrelated, 1 the same) that links without any shared key
DENIAL_OVERLAP = 0.5  # share of the shorter evidence's content words a denial must repeat
DENIAL_SHARED = 3  # and at least this many of them: a claim, not a word ("meeting")
WEIGHTS = {"place": 0.35, "target": 0.25, "actor": 0.15, "evidence": 0.45}


@dataclass
class Mention:
    """A report with the keys blocking and scoring use (corpus ids of actor, target, place)."""

    report: Report
    type: str
    day: int | None  # date ordinal (a month-precise date: its 15th)
    actor_id: str | None
    target_id: str | None
    place_id: str | None
    words: set[str] = field(default_factory=set)
    denial: bool = False  # "X denied that Russian forces struck …": may join a story of another type
    days: tuple[int | None, ...] = ()  # the days it is filed under: its day, or every day of its month

    def __post_init__(self):
        self.days = self.days or day_range(self.report.date)


def day_number(value: str | None) -> int | None:
    """The date ordinal of an ISO date; a month ("2024-10") counts as its 15th."""
    if not value:
        return None
    try:
        if len(value) == 7:
            return date.fromisoformat(value + "-15").toordinal()
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def day_range(value: str | None) -> tuple[int | None, ...]:
    """The days a date covers: one for a day, every day of a month ("2024-10"), none known: (None,)."""
    day = day_number(value)
    if day is None:
        return (None,)
    if value and len(value) == 7:
        first = date.fromisoformat(value + "-01").toordinal()
        return tuple(range(first, first + 31 if date.fromordinal(first + 30).month == date.fromordinal(first).month
                           else first + (31 - date.fromordinal(first + 30).day)))
    return (day,)


def _near(a: tuple[int | None, ...], b: tuple[int | None, ...]) -> bool:
    """Whether two mentions' days allow one event: within the window (two months: the same month)."""
    if a == (None,) or b == (None,):
        return a == b
    if len(a) > 1 and len(b) > 1:
        return a == b
    return min(a) - WINDOW_DAYS <= max(b) and min(b) - WINDOW_DAYS <= max(a)


def _near_pair(a: "Mention", b: "Mention") -> bool:
    """`_near`, but a denial may come up to `DENIAL_LOOKBACK` days after what it denies."""
    if _near(a.days, b.days):
        return True
    if a.denial == b.denial or a.days == (None,) or b.days == (None,):
        return False
    denial, other = (a, b) if a.denial else (b, a)
    return min(denial.days) - WINDOW_DAYS - DENIAL_LOOKBACK <= max(other.days) <= max(denial.days) + WINDOW_DAYS


def _window(days: tuple[int | None, ...], *, before: int = 0, after: int = 0) -> list[int | None]:
    """The days a mention searches: its own ± the window, `before`/`after` days further."""
    if days == (None,):
        return [None]
    return list(range(min(days) - WINDOW_DAYS - before, max(days) + WINDOW_DAYS + after + 1))


@dataclass
class _StoryState:
    story: Story
    mentions: list[Mention] = field(default_factory=list)


def story_id(report: Report) -> str:
    return "story-" + hashlib.sha1(f"{report.doc_id}\x00{report.event_index}".encode("utf-8")).hexdigest()[:12]


class StoryIndex:
    """Stories and their blocks; `add()` attaches one mention, returning the story it joined."""

    def __init__(self, similarity=None):
        self.similarity = similarity  # (text, text) → cosine, or None for word overlap only
        self.states: dict[str, _StoryState] = {}
        self._blocks: dict[tuple[str, int | None], dict[str, None]] = {}  # ordered sets of story ids
        self._days: dict[int | None, dict[str, None]] = {}  # every type, for denials
        self._denials: dict[int | None, dict[str, None]] = {}  # stories a denial tells, for assertions
        self.comparisons = 0

    def candidates(self, mention: Mention) -> list[_StoryState]:
        seen, out = set(), []
        if mention.denial:
            blocks = [self._days.get(day, {}) for day in _window(mention.days, before=DENIAL_LOOKBACK)]
        else:
            blocks = [self._blocks.get((mention.type, day), {}) for day in _window(mention.days)]
            blocks += [self._denials.get(day, {}) for day in _window(mention.days, after=DENIAL_LOOKBACK)]
        for block in blocks:
            for sid in block:
                if sid not in seen:
                    seen.add(sid)
                    out.append(self.states[sid])
        return out

    def score(self, a: Mention, b: Mention) -> float:
        """How likely two mentions are one event: structure first, evidence similarity when undecided."""
        self.comparisons += 1
        if a.place_id and b.place_id and a.place_id != b.place_id or not _near_pair(a, b):
            return 0.0
        # a denial repeats the claim it denies ("denied that Russian forces struck a power plant …"):
        # that links it to the report it denies, whatever the types (a denial is often typed REJECT)
        repeats = ((a.denial or b.denial) and len(a.words & b.words) >= DENIAL_SHARED
                   and containment(a.words, b.words) >= DENIAL_OVERLAP)
        if a.type != b.type:
            return THRESHOLD if repeats else 0.0
        if repeats and a.denial != b.denial:
            return max(THRESHOLD, self._same_type(a, b))
        return self._same_type(a, b)

    def _same_type(self, a: Mention, b: Mention) -> float:
        structural = WEIGHTS["place"] if a.place_id and a.place_id == b.place_id else 0.0
        for name, x, y, cx, cy in (("target", a.target_id, b.target_id, a.report.target_country, b.report.target_country),
                                   ("actor", a.actor_id, b.actor_id, a.report.actor_country, b.report.actor_country)):
            if x and x == y:
                structural += WEIGHTS[name]
            elif cx and cx == cy:  # "Russia" and "Russian troops": the same side, not surely the same actor
                structural += WEIGHTS[name] / 2
        if structural >= THRESHOLD:
            return structural
        if a.report.evidence.text == b.report.evidence.text:
            return structural + WEIGHTS["evidence"]
        if self.similarity is None or structural < EMBED_FROM:
            similarity = min(1.0, 2 * jaccard(a.words, b.words))
        else:
            similarity = max(0.0, self.similarity(a.report.evidence.text, b.report.evidence.text))
        if similarity >= SIMILAR_ALONE:  # told in nearly the same words: no structure needed
            return max(THRESHOLD, structural + WEIGHTS["evidence"] * similarity)
        return structural + WEIGHTS["evidence"] * similarity

    def put(self, story: Story, mentions: list[Mention]) -> None:
        """File `story` with its mentions under their blocks (a story read back from the store)."""
        state = self.states[story.id] = _StoryState(story)
        for mention in mentions:
            state.mentions.append(mention)
            story.reports.append(mention.report)
            self._file(story.id, mention)
        _summarise(state)

    def _file(self, story_id: str, mention: Mention) -> None:
        for day in mention.days:
            self._blocks.setdefault((mention.type, day), {})[story_id] = None
            self._days.setdefault(day, {})[story_id] = None
            if mention.denial:
                self._denials.setdefault(day, {})[story_id] = None

    def add(self, mention: Mention) -> Story:
        best, best_score = None, THRESHOLD
        for state in self.candidates(mention):
            score = max((self.score(mention, other) for other in state.mentions[:COMPARED]), default=0.0)
            if score >= best_score:
                best, best_score = state, score
        if best is None:
            story = Story(story_id(mention.report), mention.type, mention.report.date, None)
            best = self.states[story.id] = _StoryState(story)
        self._file(best.story.id, mention)
        best.mentions.append(mention)
        best.story.reports.append(mention.report)
        _summarise(best)
        return best.story


def mention_of(report: Report, type_: str, actor_id, target_id, place_id, *, denial: bool = False) -> Mention:
    return Mention(report, type_, day_number(report.date), actor_id, target_id, place_id,
                   content_words(report.evidence.text), denial, day_range(report.date))


def _summarise(state: _StoryState) -> None:
    """The story's type, date (earliest), place (most named), actors and targets from its reports —
    those that tell the event rather than deny it, when there are any (a denial's REJECT type and
    the day of denying are not the event's)."""
    story = state.story
    story.reports.sort(key=lambda r: (r.published or "", r.doc_id, r.event_index))
    telling = [m for m in state.mentions if not m.denial] or state.mentions
    if telling:
        story.type = Counter(m.type for m in telling).most_common(1)[0][0]
    dates = sorted(m.report.date for m in telling if m.report.date)
    story.date = dates[0] if dates else None
    places = Counter(r.place for r in story.reports if r.place)
    story.place = places.most_common(1)[0][0] if places else None
    told = [m.report for m in state.mentions if not m.denial]  # a denial's actor is the denier
    story.actors = list(dict.fromkeys(r.actor for r in told if r.actor))
    story.targets = list(dict.fromkeys(r.target for r in told if r.target))


# --- persistence: a story's state as a row, and the block keys it is found under ---------------

def block_keys(mention: Mention, *, lookup: bool) -> set[str]:
    """Keys a mention is filed under (`lookup=False`) or searches (`lookup=True`: its whole window)."""
    if not lookup:
        keys = {key for day in mention.days for key in (f"block:{mention.type}:{day}", f"day:{day}")}
        return keys | ({f"denial:{day}" for day in mention.days} if mention.denial else set())
    if mention.denial:
        return {f"day:{day}" for day in _window(mention.days, before=DENIAL_LOOKBACK)}
    return ({f"block:{mention.type}:{day}" for day in _window(mention.days)}
            | {f"denial:{day}" for day in _window(mention.days, after=DENIAL_LOOKBACK)})


def dump_story(index: StoryIndex, story_id: str) -> dict:
    state = index.states[story_id]
    return {"story": {k: v for k, v in state.story.to_dict().items() if k not in ("reports", "conflicts")},
            "mentions": [{"report": m.report.to_dict(), "type": m.type, "actor_id": m.actor_id,
                          "target_id": m.target_id, "place_id": m.place_id, "denial": m.denial}
                         for m in state.mentions]}


def story_keys(index: StoryIndex, story_id: str) -> set[str]:
    return set().union(*(block_keys(m, lookup=False) for m in index.states[story_id].mentions))


def restore_story(index: StoryIndex, row: dict) -> None:
    """Put a dumped story back into `index` (its blocks included), as it was."""
    if row["story"]["id"] in index.states:
        return
    mentions = []
    for m in row["mentions"]:
        report = dict(m["report"])
        report["evidence"] = Span(**report["evidence"])
        mentions.append(mention_of(Report(**report), m["type"], m["actor_id"], m["target_id"], m["place_id"],
                                   denial=m["denial"]))
    data = row["story"]
    index.put(Story(data["id"], data["type"], data["date"], data["place"]), mentions)
