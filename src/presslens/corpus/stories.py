"""Event links: reports of one real event in different articles become one story.

Candidates come from blocks, never from all pairs: a report is compared only with stories of
its PLOVER type whose day is within ±`WINDOW_DAYS` of its own (the event's date, else its
article's); a denial ("the ministry denied that its forces struck …", typed REJECT, or a negated
"did not strike") is compared with stories of every type and joins the one whose evidence it
repeats.  A denial comes after what it denies, and its date is often its own ("denied on
Wednesday"), or its article's when nothing dates it, so it looks back `DENIAL_LOOKBACK` days
further; an assertion likewise finds a story that so far only a later denial tells.  A candidate is scored on structure — the same place, target and actor (corpus
identities), the same trigger word, and how far the two articles name the same people and
bodies (their context, at most `CONTEXT_MAX`: two short releases of one day name the same two people)
— and, for a class of act one actor does once in a window (`one_act_classes`: the onset of a war, martial law,
recognising a state, severing relations), that both name it with no city, no other side and neither
told as not happening: "the special military operation" and "the invasion" of one day are one act —
plus the similarity of the evidence sentences' first `GIST_WORDS` words (`gist`; an embedder, see
`presslens.corpus.embedding`); an evidence of fewer than `SAYS_LITTLE` content words ("the meeting")
says nothing of which event, so its likeness counts for little.  Near PLOVER types (a signed treaty coded AGREE by one report and
SUPPORT by another, `near_event_types` of the corpus lexicon) are compared with a penalty.  What
rules a candidate out: two different cities (unless the evidences share two named participants:
the event extractor misreads places), different ordinals ("the second round" vs "the third"),
each side naming a person the other does not (a call with Biden vs a call with Macron, a
penalty), and dates a story cannot span — every dated telling of a story lies within one window
of the others, so reports cannot chain a story day by day.  An undated mention (dated by its
article) may recall an event of the same city, or one its own article dates, up to `RECALL_LOOKBACK`
days before its article ("the BRICS summit in Kazan" in a December report, of the October summit).  The embedder is asked
only when structure alone neither decides for nor rules out the link, and only once structure
gives `EMBED_FROM` (below that, word overlap stands in).  A report joins the best story scoring at
least `THRESHOLD`, else starts a new one (or, for a report that anchors nothing, none); a report
scoring at least `MERGE_FROM` against two stories of one type joins them into one — it is the
missing link between two tellings filed apart — and so does one that tells a one-act class's act with
both (no other side in either); the story merged away is listed in `merged`.
Each story compares a new report with at most 2 × `COMPARED` of its reports (the earliest, and up to
`COMPARED` more of the report's own article or trigger class: a big story's first tellings may all name the
act otherwise), so the cost of one report is bounded by its block, and the corpus cost grows with the
number of reports.  Within one article, a bare meeting or call ("the talks", "our meeting": no actor,
target, place, participant or ordinal) takes the participants of the article's other mentions of that
kind when they all name the same ones (`inherit_antecedents`).  A one-word common noun read as an actor
or target ("the situation", "leaders") names a kind, not a shared thing, and adds nothing.  Two strikes
(`named_place_classes`) of one day are at one place when one's city is named in the other's evidence; a strike
its report dates to one day is not a report of another day.  Numbered occasions ("the third round of talks":
an ordinal before an `occasion_nouns` word) of one kind with the same number are compared up to `NUMBERED_DAYS`
apart, the number adding to the score; an undated meeting or call may be one with another up to
`TOLD_APART_DAYS` apart when the earlier is told as planned ("will meet", `planned_words`) or the later as
recalled ("after the meeting", `recall_words`), the later is not planned, and both name one side — both wider
reaches are bounded blocks of the mention's type and days.  A meeting or call joins no story of that kind whose
tellings name a person it does not while it names one they do not (`_other_people`: a bare "the talks" must not
chain a president's meetings with two guests).
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..model import Span
from .records import Report, Story
from .identities import name_key
from .lexicon import (antecedent_classes, named_place_classes, near_event_types, occasion_nouns, one_act_classes,
                      numbered_classes, ordinals, planned_words, recall_words, trigger_classes)
from .similarity import containment, content_words, jaccard, normal_text

WINDOW_DAYS = 2
DENIAL_LOOKBACK = 7  # days before its own date a denial may look for what it denies
RECALL_LOOKBACK = 92  # days before its article an undated mention may recall an event of the same place
THRESHOLD = 0.55
MERGE_FROM = 0.8  # a report scoring this much against two stories of one type joins them into one
COMPARED = 6
EMBED_FROM = 0.25  # the embedder is asked only once structure gives this much (word overlap below)
SAYS_LITTLE = 2  # an evidence of fewer content words ("the meeting") is no evidence of which event
SHORT_EVIDENCE = 0.5  # the weight of its similarity
GIST_WORDS = 25  # the embedder compares an evidence's first words (`gist`)
SIMILAR_ALONE = 0.8  # evidence similarity (0 unrelated, 1 the same) that links without any shared key
DENIAL_OVERLAP = 0.5  # share of the shorter evidence's content words a denial must repeat
DENIAL_SHARED = 3  # and at least this many of them: a claim, not a word ("meeting")
WEIGHTS = {"place": 0.35, "target": 0.25, "actor": 0.15, "evidence": 0.45,
           "trigger": 0.15,  # the same trigger word ("recognise" / "recognized")
           "one_act": 0.4,  # and it names an act one actor does once in a window (the onset of a war)
           "occasion": 0.25,  # and the same numbered occasion ("the third round of talks")
           "article": 0.15,  # two mentions of one article: one release rarely tells two such events
           "context": 1.0}  # times the overlap (Jaccard) of the people and bodies the two articles name
PENALTIES = {"near_type": 0.15,  # AGREE and SUPPORT for one signing
             "countries": 0.15}  # in two different countries (a country is often read from a demonym)
CONTEXT_MAX = 0.3  # the most the articles' names add: two short releases of one day name the same two people
UNTOLD = frozenset({"negated", "hypothetical"})  # modalities of a report that tells no act happening
MANY_SHARED = 2  # participants two evidences share that outweigh a place the event extractor read differently
TOLD_APART_DAYS = 6  # days between undated tellings of one meeting or call: announced, held, then recalled
NUMBERED_DAYS = 10  # days between two tellings of one numbered occasion ("the third round of talks")
OCCASION_SPAN = 3  # words an occasion noun may come after its ordinal ("the third round", "10th package of")


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
    participants: frozenset[str] = frozenset()  # name keys of the people and bodies its evidence names
    people: frozenset[str] = frozenset()  # those of them that are people
    place_country: str | None = None  # the place's country code
    place_is_country: bool = False  # the place is a whole country ("in Ukraine")
    dated: bool = True  # its date is its own (False: its article's, nothing dated the event)
    ordinals: frozenset[int] = frozenset()  # "the second round": ordinals the evidence gives
    trigger: str | None = None  # the trigger's word stem
    context: frozenset[str] = frozenset()  # the people and bodies its whole article names
    occasions: frozenset[int] = frozenset()  # "the third round of talks": ordinals of a numbered occasion
    planned: bool = False  # told as still to come ("the talks will take place", "the next round")
    recalled: bool = False  # told as past and done ("after the talks", "during our last meeting")

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


def _recalls(a: "Mention", b: "Mention") -> bool:
    """Whether one is an undated mention that may recall the other, an event of the months before its
    article ("the BRICS summit in Kazan" in December, of the October summit): same place required."""
    for undated, other in ((a, b), (b, a)):
        if not undated.dated and other.dated and undated.day is not None and other.days != (None,) \
                and undated.day - RECALL_LOOKBACK <= min(other.days) and max(other.days) <= undated.day + WINDOW_DAYS:
            return True
    return False


def _window(days: tuple[int | None, ...], *, before: int = 0, after: int = 0) -> list[int | None]:
    """The days a mention searches: its own ± the window, `before`/`after` days further."""
    if days == (None,):
        return [None]
    return list(range(min(days) - WINDOW_DAYS - before, max(days) + WINDOW_DAYS + after + 1))


def _month(day: int) -> str:
    return date.fromordinal(day).isoformat()[:7]


def _recall_months(mention: "Mention", *, lookup: bool) -> list[str]:
    """The months of the recall blocks a mention with a place is filed under (its own) or searches:
    an undated one the months before it, a dated one the months after it (for undated ones)."""
    if not mention.place_id or mention.days == (None,):
        return []
    if not lookup:
        return sorted({_month(d) for d in (min(mention.days), max(mention.days))})
    first, last = ((mention.day - RECALL_LOOKBACK, mention.day) if not mention.dated
                   else (min(mention.days), max(mention.days) + RECALL_LOOKBACK))
    return sorted({_month(d) for d in range(first, last + 1, 14)} | {_month(last)})


def _place_relation(a: "Mention", b: "Mention") -> str | None:
    """How two mentions' places relate: "same" (a city: strong), "same country" (a country read from
    "Russian" as often as from "in Russia": weak), "within" (a city and its country), "countries"
    (two countries: weak against), "other" (two cities, or a city and another country: not one event),
    or None (one has no place)."""
    if not a.place_id or not b.place_id:
        return None
    if a.place_id == b.place_id:
        return "same country" if a.place_is_country else "same"
    if a.place_country and a.place_country == b.place_country and (a.place_is_country or b.place_is_country):
        return "within"
    if a.place_is_country and b.place_is_country:
        return "countries"
    return "other"


def _one_act(a: "Mention", b: "Mention", place: str | None) -> bool:
    """Whether two mentions of one trigger class name an act one actor does once in a window
    (`one_act_classes`: "the special military operation" and "the invasion" of one day) with nothing
    telling them apart: no city (a specific action has its own place; a country is read from "Russian" as
    often as from "in Russia"), no two sides of other countries or one side's actor the other's target,
    neither told as not or not yet happening
    ("no one has cancelled the information war", "if it had started then")."""
    if not _one_act_report(a) or not _one_act_report(b) or place not in (None, "same country", "countries") \
            or _specific(a) or _specific(b) or {a.report.modality, b.report.modality} & UNTOLD:
        return False
    return not _other_sides(a.report, b.report)


def _other_sides(a: Report, b: Report) -> bool:
    """Whether two reports' acts are by or on sides of other countries, or one's actor is the other's
    target (Russia's operation is not one aimed at Russia)."""
    if any(x and y and x != y for x, y in ((a.actor_country, b.actor_country), (a.target_country, b.target_country))):
        return True
    return any(one.actor_country and one.actor_country == other.target_country != other.actor_country
               for one, other in ((a, b), (b, a)))


def _one_act_report(mention: "Mention") -> bool:
    """Whether a mention names a one-act class's act with a type that act has ("the operation of
    hospitals", typed AGREE, is no onset of a war)."""
    return mention.type in one_act_classes().get(mention.trigger or "", ())


def _bare(mention: "Mention") -> bool:
    """Whether a mention names nothing of its act but its kind: no actor, target, place, participant
    or ordinal ("our meeting", "the talks", "attacked from the air")."""
    return not (mention.actor_id or mention.target_id or mention.place_id or mention.participants or mention.ordinals)


def inherit_antecedents(mentions: list["Mention"], told: list[bool] | None = None) -> None:
    """Within one article, a mention that names nothing but its kind (`antecedent_classes`: "the talks", "our
    meeting") takes the actor, target, place and participants of the article's other mentions of that kind and
    type that it tells (`told`; not those it names in passing — "the decision to convene a special meeting of the
    OSCE") when they all name the same ones ("talks with the leaders of X in Kyiv" … "our meeting"); else it
    stays bare."""
    named: dict[tuple, set] = {}
    for m, own in zip(mentions, told or [True] * len(mentions)):
        if own and m.trigger in antecedent_classes() and not _bare(m):
            named.setdefault((m.trigger, m.type), set()).add(
                (m.actor_id, m.target_id, m.place_id, m.participants, m.people, m.place_country, m.place_is_country))
    for m in mentions:
        found = named.get((m.trigger, m.type), ()) if _bare(m) else ()
        if len(found) == 1:
            (m.actor_id, m.target_id, m.place_id, m.participants, m.people, m.place_country,
             m.place_is_country) = next(iter(found))


def _names_city_of(a: "Mention", b: "Mention") -> bool:
    """Whether two reports of one day of a `named_place_classes` act, both told as happening, are at one
    place because `b`'s evidence names the city `a` was placed in though no place was read for `b`
    ("missiles struck Kharkiv" … "the strike on the square in Kharkiv")."""
    if a.trigger != b.trigger or a.trigger not in named_place_classes() or len(a.days) != 1 or a.days != b.days \
            or not a.place_id or a.place_is_country or not a.report.place \
            or {a.report.modality, b.report.modality} & UNTOLD:
        return False
    return _city_key(a.report.place) in b.participants


def _struck_on_other_day(a: "Mention", b: "Mention") -> bool:
    """Whether `a` is a `named_place_classes` act its own words date to one day and `b`, of that kind, is a
    report of another day: a strike happens on one day, and a report of the next day that does not date it
    to that day tells another, even in the same city (the shelling of Kharkiv of one day and the missile on
    its square of the next are two strikes)."""
    return a.trigger == b.trigger and a.trigger in named_place_classes() and a.dated and len(a.days) == 1 \
        and a.days[0] not in b.days and not (a.denial or b.denial)  # a denial comes days after what it denies


def _told_apart(a: "Mention", b: "Mention") -> bool:
    """Whether two undated tellings of a meeting or call (`antecedent_classes`, both dated by their
    articles) up to `TOLD_APART_DAYS` apart may be one: the later not told as still to come (a next round
    announced after talks were held is another round), the earlier told as planned ("the talks with X will take
    place") or the later told as a recall ("after our talks with X"), and both naming one side (a person, the
    actor or the target): a president's "held an urgent meeting" of one day and of three days later are two, and
    "the next summit" is not the next meeting held."""
    if a.dated or b.dated or a.trigger != b.trigger or a.trigger not in antecedent_classes() \
            or a.day is None or b.day is None:
        return False
    early, late = (a, b) if a.day <= b.day else (b, a)
    if late.day - early.day > TOLD_APART_DAYS or late.planned:
        return False
    return (early.planned or late.recalled) and bool(_sides(early) & _sides(late))


def _sides(mention: "Mention") -> set[str]:
    """The sides a mention names: its people, its actor and target (not a one-word kind: "leaders")."""
    named = {(mention.actor_id, mention.report.actor), (mention.target_id, mention.report.target)}
    return set(mention.people) | {x for x, name in named if x and not _kind_noun(x, name)}


def _numbered_alike(a: "Mention", b: "Mention") -> bool:
    """Whether two tellings of one kind of act name the same numbered occasion ("the third round of
    talks") within `NUMBERED_DAYS` of each other: the number says which occasion, whatever the days."""
    return bool(a.occasions & b.occasions) and a.trigger == b.trigger and _within(a, b, NUMBERED_DAYS)


def _within(a: "Mention", b: "Mention", days: int) -> bool:
    if a.days == (None,) or b.days == (None,):
        return False
    return min(a.days) - days <= max(b.days) and min(b.days) - days <= max(a.days)


def _reach(mention: "Mention") -> int:
    """How many days past the window a mention searches: a numbered occasion `NUMBERED_DAYS`, an undated
    meeting or call `TOLD_APART_DAYS` (both bounded: a block of its type and those days)."""
    if mention.occasions:
        return NUMBERED_DAYS - WINDOW_DAYS
    if not mention.dated and mention.trigger in antecedent_classes():
        return TOLD_APART_DAYS - WINDOW_DAYS
    return 0


@lru_cache(maxsize=4096)
def _city_key(place: str) -> str | None:
    """A city's name as the participant key its article's entities give it ("body:kharkiv")."""
    key = name_key(place, entity_type="GPE")
    return key.slug if key else None


def _kind_noun(identity: str, name: str | None) -> bool:
    """Whether an actor or target identity is a thing named by one common noun ("the situation", "leaders",
    "issues"): it names a kind, not one thing, so two reports sharing it share no one."""
    return identity.startswith("thing:") and bool(name) and name == name.lower() and len(content_words(name)) == 1


def _specific(mention: "Mention") -> bool:
    """Whether a mention places its act in a city or region (not a whole country)."""
    return bool(mention.place_id) and not mention.place_is_country


def _other_side(mention: "Mention", state: "_StoryState") -> bool:
    """Whether a story holds a telling of the mention's one-act class by or on other sides (`_other_sides`):
    an act one actor does once joins no story another side does it in, however its tellings chain."""
    return _one_act_report(mention) and any(m.trigger == mention.trigger and _other_sides(mention.report, m.report)
                                            for m in state.mentions)


def _other_people(mention: "Mention", state: "_StoryState") -> bool:
    """Whether a meeting or call (`antecedent_classes`) and a story of that kind each name a person the other
    does not, over all the story's tellings: a meeting with Guterres and one with Petkov of one day in one city
    stay two stories even when a bare "the talks" links to both."""
    if mention.trigger not in antecedent_classes() or not mention.people:
        return False
    return bool(mention.people - state.people and state.people - mention.people)


def _tells_one_act(mention: "Mention", state: "_StoryState") -> bool:
    """Whether a story tells the act of one actor's once-in-a-window class the mention names (`_one_act`
    with one of its earliest reports): two such stories of one window are one."""
    return any(_one_act(mention, m, _place_relation(mention, m)) and mention.trigger == m.trigger
               for m in state.mentions[:COMPARED])


def _types(type_: str) -> list[str]:
    return [type_, *sorted(near_event_types().get(type_, ()))]


@dataclass
class _StoryState:
    story: Story
    mentions: list[Mention] = field(default_factory=list)
    people: frozenset[str] = frozenset()  # the people its meetings' and calls' tellings name (`_other_people`)
    told_days: dict = field(default_factory=dict)  # `_told_days`, of the first `told` mentions
    told: int = 0


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
        self._recall: dict[tuple[str, str, str], dict[str, None]] = {}  # (type, place, month) → stories
        self._articles: dict[str, dict[str, None]] = {}  # the batch's articles → the stories they tell
        self.merged: dict[str, str] = {}  # story id → the story it was merged into
        self.comparisons = 0

    def candidates(self, mention: Mention) -> list[_StoryState]:
        seen, out = set(), []
        if mention.denial:
            blocks = [self._days.get(day, {}) for day in _window(mention.days, before=DENIAL_LOOKBACK)]
        else:
            reach = _reach(mention)
            blocks = [self._blocks.get((t, day), {}) for t in _types(mention.type)
                      for day in _window(mention.days, before=reach, after=reach)]
            blocks += [self._denials.get(day, {}) for day in _window(mention.days, after=DENIAL_LOOKBACK)]
            blocks += [self._recall.get((mention.type, mention.place_id, month), {})
                       for month in _recall_months(mention, lookup=True)]
            if not mention.dated:  # "the BRICS summit" in an article that dates "the summit in Kazan" in October
                blocks.append(self._articles.get(mention.report.doc_id, {}))
        for block in blocks:
            for sid in block:
                if sid not in seen:
                    seen.add(sid)
                    out.append(self.states[sid])
        return out

    def score(self, a: Mention, b: Mention) -> float:
        """How likely two mentions are one event: structure first, evidence similarity when undecided."""
        self.comparisons += 1
        if a.ordinals and b.ordinals and not a.ordinals & b.ordinals:  # the second round is not the third
            return 0.0
        place = _place_relation(a, b)
        if place is None and (_names_city_of(a, b) or _names_city_of(b, a)):
            place = "same"
        if place == "other" and len((a.participants & b.participants)
                                    - {a.actor_id, a.target_id, b.actor_id, b.target_id}) < MANY_SHARED \
                or a.people - b.people and b.people - a.people:
            return 0.0  # two cities; or each names a person the other does not (talks with Biden ≠ with Macron)
        if not _near_pair(a, b) and not ((place == "same" or a.report.doc_id == b.report.doc_id) and _recalls(a, b)) \
                and not _told_apart(a, b) and not _numbered_alike(a, b):
            return 0.0
        if _struck_on_other_day(a, b) or _struck_on_other_day(b, a):
            return 0.0  # a strike its report dates to one day is not another day's strike
        # a denial repeats the claim it denies ("denied that Russian forces struck a power plant …"):
        # that links it to the report it denies, whatever the types (a denial is often typed REJECT)
        repeats = ((a.denial or b.denial) and len(a.words & b.words) >= DENIAL_SHARED
                   and containment(a.words, b.words) >= DENIAL_OVERLAP)
        if a.type != b.type and not repeats and b.type not in near_event_types().get(a.type, ()):
            return 0.0
        if a.type != b.type and repeats:
            return THRESHOLD
        score = self._same_event(a, b, place)
        if repeats and a.denial != b.denial:
            return max(THRESHOLD, score)
        return score - (PENALTIES["near_type"] if a.type != b.type else 0.0)

    def _same_event(self, a: Mention, b: Mention, place: str | None) -> float:
        structural = {"same": WEIGHTS["place"], "same country": WEIGHTS["place"] / 2,
                      "within": WEIGHTS["place"] / 2, "countries": -PENALTIES["countries"]}.get(place, 0.0)
        for name, x, y, cx, cy, nx in (("target", a.target_id, b.target_id, a.report.target_country,
                                        b.report.target_country, a.report.target),
                                       ("actor", a.actor_id, b.actor_id, a.report.actor_country,
                                        b.report.actor_country, a.report.actor)):
            if x and x == y and not _kind_noun(x, nx):
                structural += WEIGHTS[name]
            elif cx and cx == cy:  # "Russia" and "Russian troops": the same side, not surely the same actor
                structural += WEIGHTS[name] / 2
        if a.trigger and a.trigger == b.trigger:
            structural += WEIGHTS["trigger"]
            if a.occasions & b.occasions:  # "the third round of talks" names which round
                structural += WEIGHTS["occasion"]
            if _one_act(a, b, place):
                structural += WEIGHTS["one_act"]
        if a.report.doc_id == b.report.doc_id:
            structural += WEIGHTS["article"]
        else:
            structural += min(CONTEXT_MAX, WEIGHTS["context"] * jaccard(a.context, b.context))
        if structural >= THRESHOLD:
            return structural
        # "the meeting" and "our meeting" are alike in words and say nothing of which meeting
        says_little = min(len(a.words), len(b.words)) < SAYS_LITTLE
        if a.report.evidence.text == b.report.evidence.text and not says_little:
            return structural + WEIGHTS["evidence"]
        if self.similarity is None or structural < EMBED_FROM:
            similarity = min(1.0, 2 * jaccard(a.words, b.words))
        else:
            similarity = max(0.0, self.similarity(gist(a.report.evidence.text), gist(b.report.evidence.text)))
        if says_little:
            similarity *= SHORT_EVIDENCE
        if similarity >= SIMILAR_ALONE:
            return max(THRESHOLD, structural + WEIGHTS["evidence"] * similarity)  # nearly the same words
        return structural + WEIGHTS["evidence"] * similarity

    def put(self, story: Story, mentions: list[Mention]) -> None:
        """File `story` with its mentions under their blocks (a story read back from the store)."""
        state = self.states[story.id] = _StoryState(story)
        for mention in mentions:
            state.mentions.append(mention)
            story.reports.append(mention.report)
            self._file(story.id, mention)
        _summarise(state)

    def new_batch(self) -> None:
        """Forget which stories the last batch's articles tell (an article is linked within one batch)."""
        self._articles.clear()

    def _file(self, story_id: str, mention: Mention) -> None:
        self._articles.setdefault(mention.report.doc_id, {})[story_id] = None
        for day in mention.days:
            self._blocks.setdefault((mention.type, day), {})[story_id] = None
            self._days.setdefault(day, {})[story_id] = None
            if mention.denial:
                self._denials.setdefault(day, {})[story_id] = None
        for month in _recall_months(mention, lookup=False):
            self._recall.setdefault((mention.type, mention.place_id, month), {})[story_id] = None

    def add(self, mention: Mention, *, start: bool = True) -> Story | None:
        """Attach `mention` to the best story scoring at least `THRESHOLD` (else a new story, unless
        `start` is False: then None and nothing filed); other
        stories it also links to join that one when their tellings fit one window together (the
        mention is the missing link between two tellings of one event)."""
        scored = []
        for state in self.candidates(mention):
            compared = [other for other in _compared(mention, state) if _comparable(mention, other)]
            if (not compared or not _fits_dates(mention, state) or _other_side(mention, state)
                    or _other_people(mention, state)):
                continue
            score = max(self.score(mention, other) for other in compared)
            if score >= THRESHOLD:
                scored.append((score, state))
        scored.sort(key=lambda pair: -pair[0])  # stable: among equal scores, the earliest filed story
        if not scored and not start:
            return None
        if not scored:
            story = Story(story_id(mention.report), mention.type, mention.report.date, None)
            best = self.states[story.id] = _StoryState(story)
        else:
            best = scored[0][1]
            for score, other in scored[1:]:
                one_act = _tells_one_act(mention, best) and _tells_one_act(mention, other) \
                    and not any(_other_side(m, best) for m in other.mentions)
                if (score >= MERGE_FROM or one_act) \
                        and other.story.type == best.story.type and all(_fits_dates(m, best) for m in other.mentions):
                    self._merge(other, best)
        self._file(best.story.id, mention)
        best.mentions.append(mention)
        best.story.reports.append(mention.report)
        _summarise(best)
        return best.story

    def _merge(self, other: _StoryState, into: _StoryState) -> None:
        """Move `other`'s mentions into `into`; `other` is gone (its id in `merged`, for the store)."""
        for mention in other.mentions:
            self._unfile(other.story.id, mention)
            self._file(into.story.id, mention)
            into.mentions.append(mention)
            into.story.reports.append(mention.report)
        del self.states[other.story.id]
        self.merged[other.story.id] = into.story.id
        _summarise(into)

    def _unfile(self, story_id: str, mention: Mention) -> None:
        self._articles.get(mention.report.doc_id, {}).pop(story_id, None)
        for day in mention.days:
            for table, key in ((self._blocks, (mention.type, day)), (self._days, day), (self._denials, day)):
                table.get(key, {}).pop(story_id, None)
        for month in _recall_months(mention, lookup=False):
            self._recall.get((mention.type, mention.place_id, month), {}).pop(story_id, None)

    def find(self, story_id: str) -> str:
        """The id a story has now (a merged story's is the one it joined)."""
        while story_id in self.merged:
            story_id = self.merged[story_id]
        return story_id


def gist(text: str) -> str:
    """The part of an evidence the embedder compares: its first `GIST_WORDS` words (a long evidence
    sentence runs on past the act — "the decision to carry out a special military operation to protect
    … in accordance with … the treaties of …" — and its tail would outweigh the act)."""
    return " ".join(text.split()[:GIST_WORDS])


def _compared(mention: Mention, state: _StoryState) -> list[Mention]:
    """The story's reports a new one is scored against: its earliest `COMPARED`, then up to `COMPARED`
    more of the mention's own article or trigger class (a big story's first tellings may all name
    the act otherwise: "the special military operation" before "attacked our state")."""
    if len(state.mentions) <= COMPARED:
        return state.mentions
    doc, trigger = mention.report.doc_id, mention.trigger
    more = [m for m in state.mentions[COMPARED:] if m.report.doc_id == doc or (trigger and m.trigger == trigger)]
    return state.mentions[:COMPARED] + more[:COMPARED]


def _comparable(a: Mention, b: Mention) -> bool:
    """Whether the types of two mentions let `StoryIndex.score(a, b)` be above 0 (the test it makes, made
    before the others and without a call: most of a block's stories are of other types): the same type, a
    near type, or a denial on either side (a denial links by the claim it repeats, whatever the types)."""
    return a.type == b.type or a.denial or b.denial or b.type in near_event_types().get(a.type, ())


def _fits_dates(mention: Mention, state: _StoryState) -> bool:
    """A story's dated tellings stay within one window: a report may not chain it day by day
    (a meeting on the 21st, one on the 23rd and one on the 24th are three events)."""
    if mention.denial:
        return True
    if all(_near(mention.days, days) for days in _told_days(state).get(mention.dated, ())):
        return True  # every telling's day is near: nothing else to check
    numbered = bool(mention.occasions) and any(m.occasions & mention.occasions for m in state.mentions)
    return all(_near(mention.days, m.days) or _told_apart(mention, m) or numbered and _within(m, mention, NUMBERED_DAYS)
               for m in state.mentions if not m.denial and m.dated == mention.dated)


def _told_days(state: "_StoryState") -> dict[bool, dict[tuple, None]]:
    """The distinct days of a story's tellings that deny nothing, dated and undated apart (brought up to
    date with the mentions appended since: a story's mentions are only ever appended)."""
    for m in state.mentions[state.told:]:
        if not m.denial:
            state.told_days.setdefault(m.dated, {})[m.days] = None
    state.told = len(state.mentions)
    return state.told_days


def mention_of(report: Report, type_: str, actor_id, target_id, place_id, *, denial: bool = False,
               participants=(), people=(), place_country: str | None = None, place_is_country: bool = False,
               dated: bool = True, trigger: str | None = None, context=()) -> Mention:
    text = report.evidence.text
    return Mention(report, type_, day_number(report.date), actor_id, target_id, place_id,
                   content_words(text), denial, day_range(report.date), frozenset(participants), frozenset(people),
                   place_country, place_is_country, dated, ordinals_in(text), trigger, frozenset(context),
                   occasions_in(text, trigger, type_), _told_as_planned(report), _has_word(text, recall_words()))


def ordinals_in(text: str) -> frozenset[int]:
    """The ordinals a sentence gives ("the second round", "the 3rd package")."""
    return frozenset(n for word in normal_text(text).split() if (n := _ordinal(word)))


def occasions_in(text: str, trigger: str | None, type_: str) -> frozenset[int]:
    """The ordinals of a numbered occasion that is the act a sentence tells (a `numbered_classes` kind
    `trigger` with one of its types): an ordinal followed, within `OCCASION_SPAN` words, by an `occasion_nouns`
    word and a word of that kind ("the third round of talks", "the 10th package of sanctions"; not "for the
    first time", nor a CONSULT "discussed the sixth package of sanctions": the discussion is no package)."""
    if type_ not in numbered_classes().get(trigger or "", ()):
        return frozenset()
    words = normal_text(text).split()
    return frozenset(n for i, word in enumerate(words) if (n := _ordinal(word))
                     and any(w in occasion_nouns() for w in words[i + 1:i + 1 + OCCASION_SPAN])
                     and any(trigger_classes().get(w) == trigger for w in words[i + 1:i + 1 + OCCASION_SPAN]))


def _ordinal(word: str) -> int | None:
    if word in ordinals():
        return ordinals()[word]
    if len(word) > 2 and word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th"):
        return int(word[:-2])
    return None


def _told_as_planned(report: Report) -> bool:
    """Whether a report tells its act as still to come: a `planned_words` word in its evidence ("the talks
    will take place", "the next round is scheduled") or an intended or hypothetical act."""
    return report.modality in ("intended", "hypothetical") or _has_word(report.evidence.text, planned_words())


def _has_word(text: str, table: frozenset[str]) -> bool:
    return any(w in table for w in normal_text(text).split())


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
    state.people = frozenset().union(*(m.people for m in state.mentions if m.trigger in antecedent_classes()))


# --- persistence: a story's state as a row, and the block keys it is found under ---------------

def block_keys(mention: Mention, *, lookup: bool) -> set[str]:
    """Keys a mention is filed under (`lookup=False`) or searches (`lookup=True`: its whole window)."""
    recall = {f"recall:{mention.type}:{mention.place_id}:{month}" for month in _recall_months(mention, lookup=lookup)}
    if not lookup:
        keys = {key for day in mention.days for key in (f"block:{mention.type}:{day}", f"day:{day}")}
        return keys | recall | ({f"denial:{day}" for day in mention.days} if mention.denial else set())
    if mention.denial:
        return {f"day:{day}" for day in _window(mention.days, before=DENIAL_LOOKBACK)}
    reach = _reach(mention)
    return ({f"block:{t}:{day}" for t in _types(mention.type) for day in _window(mention.days, before=reach, after=reach)}
            | {f"denial:{day}" for day in _window(mention.days, after=DENIAL_LOOKBACK)} | recall)


def dump_story(index: StoryIndex, story_id: str) -> dict:
    state = index.states[story_id]
    return {"story": {k: v for k, v in state.story.to_dict().items() if k not in ("reports", "conflicts")},
            "mentions": [{"report": m.report.to_dict(), "type": m.type, "actor_id": m.actor_id,
                          "target_id": m.target_id, "place_id": m.place_id, "denial": m.denial,
                          "participants": sorted(m.participants), "people": sorted(m.people),
                          "place_country": m.place_country, "place_is_country": m.place_is_country,
                          "dated": m.dated, "trigger": m.trigger, "context": sorted(m.context)}
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
                                   denial=m["denial"], participants=m.get("participants", ()),
                                   people=m.get("people", ()), place_country=m.get("place_country"),
                                   place_is_country=m.get("place_is_country", False), dated=m.get("dated", True),
                                   trigger=m.get("trigger"), context=m.get("context", ())))
    data = row["story"]
    index.put(Story(data["id"], data["type"], data["date"], data["place"]), mentions)
