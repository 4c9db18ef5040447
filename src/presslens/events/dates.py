"""When an event happened (or is to happen), from the article's own time expressions.

The date of an event comes, in order, from
1. a time expression in the event's clause (its evidence span) — `date_source: "clause"`;
2. else one in its sentence — `"sentence"`;
   else, for a definite event noun ("the strikes", "the latest airstrikes", a meeting's proper
   name "the BRICS Summit"), the date an earlier
   expression gave the same noun ("Saturday's strikes") — `"antecedent"`;
   else, for what the text reports after an "after / since / following" clause on the event's clause
   whose period holds the publication day ("After the first phase ended early this month, Israel
   said it had agreed …"), that period: the event lies between its start and the report — `"after"`;
3. else, for an event inside reported speech that holds at the time of the statement (a demand, an
   offer, a present state: "Israel should understand …", "Russia is ready to …"), the time of the
   statement: an expression attached to the quote's cue ("Lavrov said on Thursday …"), else the
   dateline the statement appears under ("MOSCOW, December 26. /TASS/.") — `"statement"` /
   `"dateline"`. An act the speaker reports in the past ("said it struck two people") happened
   before the statement, which bounds it but does not date it.
Otherwise the date is null and `date_source` says why; so is it for a custom ("Usually these days
in May we celebrate …": the expression says when it recurs). Neither the publication date nor an earlier
date of the paragraph or the article is used as a default: on the genre gold such reference times
gave a date to six events the text leaves undated for every one they got right.

Within a level, an expression that dates the event itself wins: one attached (through the parse)
to the trigger, then to the nearest clause above it ("promised last week that Berlin would end
imports by the end of the year": the end of the year dates the ending, last week the promise).
An expression attached elsewhere dates something else and never this event: another clause
(a relative clause — "the Houthis, which Trump designated in January" —, a sibling or complement
clause with its own verb — "… and cut electricity a week ago", "said the summit showed …"), an
event noun after a preposition of sequence ("following a call on Tuesday" dates the call, not what
followed it; "during the talks on Monday" dates both), or the reporting verb above a reported act
that does not hold at the statement's time ("On December 23, Ushakov said that thirteen countries
were offered …"). Nor does an expression outside a relative clause or participle describing a noun
date an act inside it ("the corridor from Sumy affected by the shelling had been agreed on as of
today"). An invitation, offer or agreement to an act that lies after the report takes that act's date
("invited Reeves to further discussions at a meeting next month"), and an agreement whose complement
clause plans an act for the day of the report or later that act's ("It was agreed that at 10 am the
first column should start moving"); the other way round, the time of a commitment does not date the
act its content clause plans with a modal of the future ("agreed today that we will find a
solution"). An expression on a noun naming the onset of the event dates it
("since the start of Ukraine's operation in Kursk last year"), and a trailing participle the parse
hangs one clause too high is read with the clause that ends at its comma ("weakened after he
delivered a speech on Thursday, denouncing his critics"). Only when an expression is attached nowhere does the one nearest the trigger win.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from ..attribution.lexicon import vocabulary
from ..datelines import datelines
from ..time import parse_published
from .extract import SPEECH_ACT_TYPES
from .lexicon import noun_type, words

# "MOSCOW, December 26. /TASS/." or "KYIV, March 3 (Reuters) -": a place in capitals, a date, a source.

UNDATED = "undated: no time expression in the event's clause or sentence"
UNDATED_SPEECH = UNDATED + ", nor in the statement that reports it"
BEFORE_STATEMENT = ("undated: only the statement that reports it is dated ({value}); what it reports as done"
                    " before, planned or habitual does not take that date")


def dateline_times(text: str, times: list) -> list:
    """The time expressions that are datelines, in text order."""
    starts = {m.start("date") for m in datelines(text) if m.group("date")}
    return [t for t in times if t.start in starts and t.value]


ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_W = words("en")  # the English words of the rules: data/lang/en/events.json
DEFINITE = _W["definite_determiners"]
# modifiers that make a definite event noun another occasion than the one named before ("the new
# summit of the four leaders", "the next round of talks", "the usual demands"): no anaphor
OTHER_OCCASION = _W["other_occasion_modifiers"]
# relative clauses: their time expressions date their own verb, never an event outside them
FOREIGN_CLAUSES = frozenset({"relcl"})
# clauses that describe the noun they hang on ("the talks, which began on Monday", "a protest camp
# set up last week"): attached to the event noun, they date it
DESCRIBING_CLAUSES = frozenset({"relcl", "acl"})
# subordinators of a clause at the same time as the one it hangs on ("when the ceasefire took effect
# two months ago, they stopped"): its expression dates that clause too
SAME_TIME_MARKS = _W["same_time_marks"]
# how a reported clause hangs on its reporting verb
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
# prepositions (and the words before "of"/"to") whose object happens before or after what they
# attach to: "following a call on Tuesday", "ahead of the summit on Thursday", "after talks in May"
SEQUENCE_WORDS = _W["sequence_words"]
# of those, the words whose object is what the event follows: "After the first phase ended early this month, …"
AFTER_WORDS = _W["after_words"]
# the types of an event that commits to an act it names ("invited … to talks next month")
COMMITTING_TYPES = frozenset({"AGREE", "CONSULT"})
# adverbs of a habit: "we always discuss …" holds at no one time, so a statement's time does not date it
HABITUAL = _W["habitual_adverbs"]
# of those, the ones that make the act itself a custom: "Usually these days in May we celebrate …" — the
# time expression names when the custom recurs, not an occasion, so nothing dates it
CUSTOMARY = _W["customary_adverbs"]
CUSTOM = "undated: a custom ({word}); its time expression says when it recurs, not when it happened"
# the argument of a verb that names another act with a time of its own ("contradicting Trump's statement
# a day earlier"); a subject act ("Saturday's strikes killed …", "the readout on Friday proposed …") is
# the same occasion
ARGUMENT_DEPS = frozenset({"dobj"})
# nouns naming the onset of the act in their "of" phrase: "since the start of Ukraine's operation in
# Kursk last year" — the expression on the onset dates the act (a range gives its first day)
ONSET_NOUNS = _W["onset_nouns"]
_CUES = vocabulary("en")
SPEECH_VERBS = _CUES["speech_verbs"] | _CUES["reporting_verbs"]
STATEMENT_NOUNS = _CUES["statement_nouns"] | _CUES["cue_nouns"]
PAST_AUX = _W["past_aux"]
FUTURE_AUX = _W["future_or_backshifted_aux"]
# the modals of a planned act in what a commitment lays down ("agreed that the column should start …")
PLAN_MODALS = _W["plan_modals"]


def _head_word(doc: Doc, t, stop: Token, own: range = range(0), arguments: bool = True,
               path: frozenset = frozenset()) -> tuple[Token | None, bool]:
    """(the word a time expression is attached to — the first verb, or `stop`, above its root, or a
    noun of `path` (the trigger's clause path) naming the onset of the trigger's act ("since the start
    of the operation last year") —, whether the way up passed a noun naming another act with a time
    of its own: an event noun after a word of sequence — "following a call on Tuesday" is attached to
    the call, not to the verb above it — or, unless `arguments` is false, an act named as the verb's
    object). `own`: the token indices of the trigger, whose nouns are the event's own ("hold talks on
    Monday")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return None, False
    tok, sequenced = span.root, False
    for _ in range(12):
        if tok.head.i == tok.i or (tok.i in path and tok.pos_ == "NOUN" and tok.lemma_.lower() in ONSET_NOUNS):
            return tok, sequenced
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in range(span.start, span.end) and tok.i != stop.i and (
                _after_sequence_word(tok) or (arguments and tok.i not in own and _argument_act(tok, stop))):
            sequenced = True
        tok = tok.head
        if tok.i == stop.i or (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "prep"):  # "including …" is no clause
            return tok, sequenced
    return tok, sequenced


def _argument_act(noun: Token, trigger: Token) -> bool:
    """Whether a noun naming another act is an argument of the verb above it ("contradicting Trump's
    statement a day earlier", "condemned Saturday's strikes"): its expression dates that act. A noun
    of the trigger itself ("pay a visit in January", "hold talks on Monday") is none."""
    return noun.dep_ in ARGUMENT_DEPS and noun.head.i == trigger.i and (
        noun_type(noun) is not None or noun.lemma_.lower() in STATEMENT_NOUNS)


def _after_sequence_word(noun: Token) -> bool:
    """Whether a noun is the object of "after", "following", "ahead of", "prior to" …"""
    prep = noun.head
    if noun.dep_ != "pobj":
        return False
    words = {prep.lower_, prep.lemma_.lower()}
    if prep.lower_ in _W["markers"]["sequence_particles"] and prep.head.i != prep.i:
        words |= {prep.head.lower_}
    return bool(words & SEQUENCE_WORDS)


def _in_other_clause(head: Token, path: dict) -> bool:
    """Whether `head` lies in a clause that does not hold the trigger: a relative clause (unless
    it describes the trigger: "the talks, which began on Monday"), or a verb off the trigger's path
    (a sibling or complement clause: "… and cut electricity a week ago")."""
    if head.pos_ in ("VERB", "AUX") and head.i not in path:
        return True
    tok = head
    while tok.i not in path and tok.head.i != tok.i:
        if tok.dep_ in FOREIGN_CLAUSES and path.get(tok.head.i) != 0:
            return True
        tok = tok.head
    return False


def _describes_trigger(head: Token, trigger: Token) -> bool:
    """Whether `head` is a clause describing the trigger word ("talks, which began …", "a protest
    camp set up last week")."""
    return head.dep_ in DESCRIBING_CLAUSES and head.head.i == trigger.i


def _same_time_clause(head: Token, rank: dict) -> int | None:
    """The path level of the clause `head` shares its time with: the verb above an open complement
    ("invited Reeves to talks … next month", "agreed to meet on Monday": what is agreed is to
    happen then) or above a "when / as / while" clause; None for any other verb."""
    if head.head.i not in rank:
        return None
    if head.dep_ == "xcomp" or (head.dep_ == "advcl" and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in SAME_TIME_MARKS for c in head.children)):
        return rank[head.head.i]
    return None


def _reporting_verb(head: Token, path: list) -> bool:
    """Whether `head` is a speech verb above the trigger whose reported clause holds the trigger
    ("said on Monday that troops had attacked …"): an expression attached there dates the statement."""
    if head.lemma_.lower() not in SPEECH_VERBS:
        return False
    below = next((t for t in path if t.head.i == head.i and t.i != head.i), None)
    return below is not None and below.dep_ in REPORTED_DEPS


def _attached(times, lo: int, hi: int, found, doc: Doc) -> tuple[object | None, list, object | None]:
    """(the expression in [lo, hi) attached nearest above the trigger — itself first, then the
    clauses it sits in —, the expressions attached nowhere, the statement's time that does not
    date the event). An expression attached to another clause, to an event noun after a word of
    sequence, or to the reporting verb above a past act is in none of the three."""
    trigger = found.word  # the act itself, also when the trigger runs from the reporting verb
    own = range(found.trigger.i, found.trigger_end.i + 1)
    path = _clause_path(trigger)
    rank = {tok.i: n for n, tok in enumerate(path)}
    for i in own:  # verbs merged into one act ("condemned and denounced X on Friday") are the act too
        if doc[i].dep_ == "conj" and doc[i].head.i == trigger.i:
            rank[i] = 0
    led = _participle_lead(path)
    if led is not None:
        rank.setdefault(led.i, rank[led.head.i] if led.head.i in rank else 1)
    best, loose, bound = None, [], None
    committed = _committed_level(path)
    published = parse_published(doc._.published)
    for t in (t for t in times if lo <= t.start < hi and t.value):
        head, sequenced = _head_word(doc, t, trigger, own, not _planned_object(found, t, published), frozenset(rank))
        if head is None:
            loose.append(t)
            continue
        level = 0 if _describes_trigger(head, trigger) else rank.get(head.i)
        if level is None:
            level = _same_time_clause(head, rank)
        if level is None:
            level = _planned_clause(head, rank, found, t, published)
        if sequenced or (level is None and (_in_other_clause(head, rank) or _outside(head, path[-1]))):
            continue
        if level is None:
            loose.append(t)
            continue
        if level > 0 and _reporting_verb(head, path) and not _at_statement_time(found):
            bound = bound or t
            continue
        if committed is not None and level > committed and not _reporting_verb(head, path):
            continue  # "agreed today that we will find a solution": today dates the agreement, not the solution
        if best is None or (level, abs(t.start - trigger.idx)) < best[0]:
            best = ((level, abs(t.start - trigger.idx)), t)
    return (best[1] if best else None), loose, bound


def _committed_level(path: list) -> int | None:
    """The path level of a content clause that plans the trigger's act with a modal of the future
    ("agreed that we will find a solution"): what dates the clause above it dates the commitment,
    not the act; None when the path has no such clause."""
    return next((n for n, tok in enumerate(path) if tok.dep_ == "ccomp" and any(
        c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children)), None)


def _participle_lead(path: list) -> Token | None:
    """The clause a trailing participle describes when the parse hangs it one clause too high
    ("weakened after he delivered a speech on Thursday, denouncing his critics": "denouncing"
    describes the speech, not the weakening): a subordinate clause of the participle's own head that
    ends at the comma right before the participle (with no subject of its own); None otherwise."""
    part = next((t for t in path[:2] if t.tag_ == "VBG" and t.dep_ == "advcl"), None)
    if part is None or part.i < 2 or any(c.dep_ in ("nsubj", "nsubjpass") for c in part.children):
        return None
    doc = part.doc
    if doc[part.i - 1].text != ",":
        return None
    lead = next((c for c in part.head.children if c.dep_ == "advcl" and c.i < part.i and c.pos_ in ("VERB", "AUX")
                 and c.right_edge.i == part.i - 2), None)
    return lead


def _planned_clause(head: Token, rank: dict, found, t, published: date | None) -> int | None:
    """The path level (0, the trigger's) of an agreement whose own complement clause plans an act for the day of the report
    or later ("It was agreed that at 10 am the first column should start moving", "agreed that the
    talks will resume on Monday"): what is agreed is to happen then, as "agreed to meet on Monday" is
    dated by the meeting. None for any other clause (a plan reported as made for an earlier day
    keeps the agreement undated)."""
    if not (head.dep_ == "ccomp" and rank.get(head.head.i) == 0 and found.type == "AGREE" and published is not None):
        return None  # the commitment's own complement clause, not one further up the path
    if not any(c.dep_ == "aux" and c.lower_ in PLAN_MODALS for c in head.children):
        return None
    return 0 if _first_day(t.value) >= published.isoformat() else None


def _planned_object(found, t, published: date | None) -> bool:
    """Whether an expression may date a commitment through the act it names as its object: an
    invitation, offer or agreement to an act that lies after the report ("invited Reeves to further
    discussions at a meeting next month") is dated by that act, as "agreed to meet on Monday" is."""
    return found.type in COMMITTING_TYPES and published is not None and _first_day(t.value) > published.isoformat()


def _clause_path(trigger: Token) -> list[Token]:
    """The trigger and the words above it up to the clause that describes a noun, if it lies in one
    ("the corridor from Sumy affected by the shelling … had been agreed on as of today": the shelling
    is in a clause describing Sumy, so the time of the agreement above it does not date it)."""
    path = [trigger]
    while not _describing(path[-1]) and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _describing(tok: Token) -> bool:
    """A relative clause or a participle describing a noun ("the city affected by …"); not a
    content clause ("the claim that Tehran was backing …"), whose parse often takes in what follows."""
    return tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG")
                                   and not any(c.dep_ == "mark" for c in tok.children))


def _outside(head: Token, clause: Token) -> bool:
    """Whether `head` lies outside the describing clause the trigger's path ends in (none when the
    path reaches the root)."""
    return clause.head.i != clause.i and not clause.left_edge.i <= head.i <= clause.right_edge.i


def _tense(word: Token) -> str:
    """"past", "future" or "present" of the finite verb that carries an event word (a stance
    adjective: its copula; an infinitive or participle: the verb it hangs on), "named" for an act
    named by a noun or described by a relative clause ("the invitation to join", "the fleet, which
    threatens …")."""
    verb = word
    for _ in range(6):
        if verb.pos_ in ("NOUN", "PROPN") or verb.dep_ == "relcl":
            return "named"
        if verb.pos_ in ("VERB", "AUX"):
            forms = _verb_forms(verb)
            if len(forms) > 1 or verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or verb.head.i == verb.i:
                break  # a finite verb (or the root)
        if verb.head.i == verb.i:
            break
        verb = verb.head
    forms = _verb_forms(verb)
    if any(t.lower_ in FUTURE_AUX for t in forms):
        return "future"
    if verb.tag_ == "VBD" or any(t.lower_ in PAST_AUX for t in forms[1:]):
        return "past"
    return "present"


def _verb_forms(verb: Token) -> list[Token]:
    """The verb and the auxiliaries that carry its tense (not the infinitive's "to")."""
    return [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ != _W["markers"]["infinitive"]]


def _at_statement_time(found) -> bool:
    """Whether an event in reported speech holds at the time of the statement: the speaker's own
    demand ("Israel should understand …"), a promise, threat, refusal or demand made by saying it
    ("said Japan will extend a loan"), a present state ("Russia is ready to …") — not an act done
    before it ("had agreed", "struck"), one named or described ("the invitation extended to Cuba"),
    a plan for later, nor a habit ("we always discuss …")."""
    if found.speaker_acts:
        return True
    if any(t.lower_ in HABITUAL for t in found.trigger.sent if found.start <= t.idx < found.end):
        return False
    tense = _tense(found.word)
    return tense == "present" or (tense == "future" and found.type in SPEECH_ACT_TYPES)


def _after_reference(times: list, found, doc: Doc, published: date | None) -> str | None:
    """The period of an "after / since / following" clause or phrase on the event's clause ("After
    the first phase ended early this month, Israel said it had agreed …") when that period holds the
    publication day: what the text reports after it, and so before the report, lies inside it.
    None for what is still to come or only named, and for a period the report is not in (it only
    bounds)."""
    if published is None or _tense(found.word) not in ("past", "present"):
        return None  # what is to come, or an act named by a noun ("agreed to a new proposal")
    on_path = {t.i for t in _clause_path(found.word)}
    sent = found.trigger.sent
    for t in times:
        if not (t.value and not t.relative and sent.start_char <= t.start < sent.end_char):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for tok in [span.root] + list(span.root.ancestors)[:8]:  # "after the phase ended" or "after talks"
            if tok.head.i in on_path and (tok.lower_ in AFTER_WORDS and tok.dep_ == "prep" or any(
                    c.dep_ == "mark" and c.lower_ in AFTER_WORDS for c in tok.children)):
                if _holds(t.value, published):
                    return t.value
                break
    return None


def _holds(value: str, day: date) -> bool:
    """Whether a period value ("2025-03", "2025-W11", "2025", a day) holds `day`."""
    m = ISO_WEEK.match(value)
    if m:
        return day.isocalendar()[:2] == (int(m.group(1)), int(m.group(2)))
    return day.isoformat().startswith(value)


def _first_day(value: str) -> str:
    """A range gives its first day: an ISO week ("2025-W10") → its Monday ("2025-03-03")."""
    m = ISO_WEEK.match(value)
    return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).isoformat() if m else value


def dated_event_nouns(doc: Doc, times: list) -> list[tuple[int, str, str]]:
    """(offset, lemma, value) of every event noun a time expression is attached to ("Saturday's
    strikes", "the talks on Monday"), in text order; computed once per Doc."""
    out = []
    for t in times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand") if t.value else None
        if span is None or not len(span):
            continue
        tok = span.root
        for _ in range(3):
            if tok.head.i == tok.i or tok.head.pos_ in ("VERB", "AUX"):
                break
            tok = tok.head
            if noun_type(tok):
                out.append((t.start, tok.lemma_.lower(), t.value))
                break
    return out


def anaphor(found) -> Token | None:
    """The definite event noun the event is named by ("the strikes were aimed at …", "The latest
    airstrikes targeted …", a meeting's name "the BRICS Summit", which the tagger reads as a proper
    noun), if any; none for one marked as another occasion ("the new summit", "the next talks")."""
    trigger = found.trigger
    for tok in [found.word, trigger] + [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]:
        if tok.pos_ in ("NOUN", "PROPN") and noun_type(tok) and any(c.lower_ in DEFINITE for c in tok.children
                                                         if c.dep_ in ("det", "amod")):
            return None if any(c.lower_ in OTHER_OCCASION for c in tok.children if c.dep_ == "amod") else tok
    return None


def _antecedent(found, named: list, before: int) -> str | None:
    noun = anaphor(found)
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    same = [v for at, other, v in named if at < before and (other.endswith(lemma) or lemma.endswith(other))]
    return same[-1] if same else None


def event_date(times: list, found, quote, datelines: list, doc: Doc, named: list = ()) -> tuple[str | None, str]:
    """(date value or None, date_source) for one found event; see the module docstring. `named`:
    `dated_event_nouns(doc, times)`."""
    anchor = found.trigger.idx
    sent = found.trigger.sent
    verbs = [found.word] + ([found.word.head] if found.word.dep_ == "conj" else [])  # "usually celebrate … and congratulate"
    custom = next((c for v in verbs for c in v.children if c.dep_ == "advmod" and c.lower_ in CUSTOMARY), None)
    if custom is not None and quote is None:
        return None, CUSTOM.format(word=custom.text)
    bound = None
    for level, (lo, hi) in (("clause", (found.start, found.end)), ("sentence", (sent.start_char, sent.end_char)))[:0 if custom else 2]:
        best, loose, statement_time = _attached(times, lo, hi, found, doc)
        bound = bound or statement_time
        if best is None and loose:
            best = min(loose, key=lambda t: abs(t.start - anchor))
        if best is not None:
            return _first_day(best.value), level
    value = None if custom else _antecedent(found, named, sent.start_char)
    if value is not None:
        return _first_day(value), "antecedent"
    value = None if custom else _after_reference(times, found, doc, parse_published(doc._.published))
    if value is not None:
        return _first_day(value), "after"
    if bound is not None:
        return None, BEFORE_STATEMENT.format(value=bound.value)
    if quote is None:
        return None, UNDATED
    statement = _statement_time(times, quote, datelines, doc)
    if statement is None:
        return None, UNDATED_SPEECH
    value, source = statement
    if not _at_statement_time(found):
        return None, BEFORE_STATEMENT.format(value=value)
    return value, source


def _statement_time(times, quote, datelines: list, doc: Doc) -> tuple[str, str] | None:
    """(value, source) of when the statement was made: an expression attached to its cue verb
    ("…," Lavrov said on Thursday), else the dateline it appears under; None when neither says."""
    if quote.cue is not None:
        cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        if cue is not None and len(cue):
            verb = next((t for t in cue if t.lemma_.lower() in SPEECH_VERBS), cue.root)
            for t in times:
                if t.value and verb.sent.start_char <= t.start < verb.sent.end_char:
                    head, sequenced = _head_word(doc, t, verb)
                    if head is not None and head.i == verb.i and not sequenced:
                        return _first_day(t.value), "statement"
    before = [t for t in datelines if t.start <= quote.content.start]
    return (before[-1].value, "dateline") if before else None
