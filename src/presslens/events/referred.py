"""Referred events: an act named inside another event, or as the cause of a clause, as an event of its own.

PLOVER codes the governing act only: "condemned Russia's decision to recognise the DPR" is one
ACCUSE event, and `extract.find_events` leaves the recognition out.  Across outlets that embedded act
is what links reports (the Kremlin "signed the Executive Order on the Recognition of the DPR", Kyiv
"condemns the decision to recognise …"), so this module gives it a record of its own, flagged
`mention: "referred"` with the index of the event that names it (`governed_by`), so that
PLOVER-style consumers can leave it out.

Which words (one pass over the tokens, then a bounded walk up the parse from each candidate):
* an event word — `lexicon.event_type` for a verb, `lexicon.noun_type` or `REFERRED_NOUNS` for a
  noun — that is no part of an event already found (its trigger, event word or typed object);
* governed: an event found above it in the parse, not across a coordination ("condemned the
  attack", "thanked Estonia for its decision to transfer weapons", "welcomes the decisions to impose
  new sanctions") → `governed_by` that event (or the referred event nearest above it);
* the act a promise, threat, refusal or demand commits to in its content clause with a modal
  ("promised that Berlin would end imports", "agreed that the troops would be withdrawn"): that
  clause's verb is named by it; an event whose trigger runs from a reporting verb names what lies
  between the two ("agreed … to halt strikes, the Kremlin said");
* an act an argument of that event does in a relative clause ("severed relations with Russia, which
  attacked it"; the relative word its subject or object, not a scene: "the town where …") or a
  participle on it ("ratifying the Treaty …, signed in Moscow") counts as named by it;
* or framed: below a referring word (`FRAME_PREPS` "due to", "because of", "in response to";
  `FRAME_NOUNS` "decision", "launch", "start") with no event above → `governed_by` null.
Nouns that only modify another noun ("ceasefire deal") or name a body stay out, as in `extract`.

Roles, by the rules of ordinary events where the parse gives them: a verb's subject or `by` agent,
else that of the noun it completes ("Russia's decision to recognise" → Russia; "thanked X for its
decision to" → X), else of the verb it completes; a noun's possessor, proper-noun compound,
nationality adjective, `by` agent, or its `of` entity for the nouns of `ACTOR_OF_NOUNS` ("the
aggression of Russia"); targets from the object, `TARGET_PREPS`, or an `of` entity ("the recognition
of the DPR").  Pronouns are left to the component, which never names one.

Modality is what the context implies (the vocabulary of `model.Event`): a demanded, offered,
threatened or planned act is `hypothetical` ("called for sanctions", "the readiness to hold talks";
an object of an offer is not: "ratifying the Treaty"),
a refused or denied one `negated` ("refused to withdraw", "to refrain from aggression"), what a
refusal is about `hypothetical` ("will never trade our land for a ceasefire"); a cause is
asserted ("in response to this act of aggression"); an accused one `hedged` ("accused X of
shelling"); a negation or modal on the word itself counts first; otherwise `asserted` (condemning,
welcoming or thanking for a decision presupposes it).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .extract import SPEECH_ACT_TYPES, FoundEvent
from .lexicon import event_type, lexicon, noun_type, words
from .roles import (DATE_ENTITIES, clause_offsets, goods_transfer, own_subject, participle_type, pobj_of, prep_object,
                    scene_preposition, venue_compound)

REFERRED = "referred"

_W = words("en")  # the English words of the rules: data/lang/en/events.json
MARKERS = _W["markers"]
# nominalised acts that are named mostly when another act refers to them; "operation" needs a modifier
REFERRED_NOUNS = _W["referred_nouns"]
# bare verbs typed only by the CAMEO table that name an act even with no typed object
TRUSTED_VERBS = _W["trusted_verbs"]
OPERATION_MODIFIERS = _W["operation_modifiers"]
ACTOR_OF_NOUNS = _W["actor_of_nouns"]
LAUNCH_NOUNS = _W["launch_nouns"]  # "the launch of a military operation"

FRAME_PREPS = _W["frame_preps"]
FRAME_NOUNS = _W["frame_nouns"]
PROSPECTIVE_WORDS = _W["prospective_words"]
PROSPECTIVE_TYPES = frozenset({"REQUEST", "AGREE", "THREATEN"})
NEGATING_TYPES = frozenset({"REJECT"})
NEGATING_WORDS = _W["negating_words"]
CLAUSE_DEPS = frozenset({"ccomp", "relcl", "advcl", "parataxis"})  # a clause of its own: its act is not the one demanded
ALLEGING_LEMMAS = _W["alleging_verbs"]

MODALS = _W["referred_modals"]
NOUN_ARGUMENT_DEPS = frozenset({"compound", "amod", "npadvmod", "nmod"})
NAME_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "FAC", "NORP"})
ACTOR_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
TARGET_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"})
TARGET_PREPS = _W["referred_target_preps"]
POSSESSIVE_PRONOUNS = _W["possessive_pronouns"]
ARGUMENT_DEPS = frozenset({"dobj", "pobj", "prep", "xcomp", "pcomp", "nsubjpass", "appos", "attr", "dative", "agent", "oprd"})
ANAPHORIC_DETERMINERS = _W["anaphoric_determiners"]  # "this agreement": an act already named
RELATIVE_WORDS = _W["referred_relative_words"]
RELATIVE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
MAX_WALK = 6  # steps up the parse from a candidate
MAX_EVIDENCE = 30  # tokens of evidence after the trigger


@dataclass
class ReferredEvent(FoundEvent):
    """A found event that another event (or a referring frame) names; `governor` indexes the list
    `with_referred` returns (None: named under a frame, not an event)."""

    governor: int | None = None


def with_referred(doc: Doc, found: list[FoundEvent]) -> list[FoundEvent]:
    """`found` followed by the referred events of `doc` (see the module docstring)."""
    return list(found) + referred_events(doc, found)


def referral(found: FoundEvent) -> dict:
    """The `model.Event` fields that mark a referred event (none for an ordinary one)."""
    if isinstance(found, ReferredEvent):
        return {"mention": REFERRED, "governed_by": found.governor}
    return {}


def referred_events(doc: Doc, found: list[FoundEvent]) -> list[ReferredEvent]:
    owner: dict[int, int] = {}  # token index → index of the found event whose words it is
    for n, e in enumerate(found):
        for i in sorted(e.own_words):
            owner.setdefault(i, n)
        owner.setdefault(e.word.i, n)
    committing = frozenset(e.word.i for e in found if e.type in SPEECH_ACT_TYPES)
    candidates: dict[int, tuple[str, bool]] = {}  # token index → (type, typed by REFERRED_NOUNS only)
    used_by_candidates: set[int] = set()
    used_by: dict[int, Token] = {}  # candidate verb → the object its type was read from
    for tok in doc:
        if tok.i in owner:
            continue
        if tok.pos_ == "VERB" and _above(tok, owner, {}, committing)[:2] == (None, False):
            continue  # no event or frame above: not looked up (the lexicon's verb patterns are the costly part)
        typed = _candidate(tok, committing)
        if typed is None:
            continue
        type_, own_table, used = typed
        candidates[tok.i] = type_, own_table
        if used is not None:
            used_by_candidates.add(used.i)
            used_by[tok.i] = used
    for n, e in enumerate(found):  # the object an event verb is typed by is part of it ("launch an operation")
        if e.word.pos_ == "VERB" and any(c.i in candidates or any(g.i in candidates for g in c.children) for c in e.word.children):
            used = event_type(e.word)[1]
            if used is not None:
                used_by_candidates.add(used.i)
    for i in used_by_candidates:
        candidates.pop(i, None)  # "decision to impose sanctions": the sanctions are the imposing
    above = {i: _above(doc[i], owner, candidates, committing) for i in candidates}
    scenes = {i: g for i in candidates if above[i][0] is None and (g := _scene_event(doc[i], owner)) is not None}
    kept: dict[int, bool] = {}

    def keep(i: int, depth: int = 0) -> bool:
        """Named by a found event, by a kept referred one, or under a frame (words of `REFERRED_NOUNS`)."""
        if i not in kept:
            governor_tok, framed, _ = above[i]
            if governor_tok is None:  # a lexicon verb completing "decision to", else words of REFERRED_NOUNS; a scene
                kept[i] = (framed and (candidates[i][1] or doc[i].pos_ == "VERB")) or i in scenes
            else:
                kept[i] = governor_tok.i in owner or (depth < MAX_WALK and keep(governor_tok.i, depth + 1))
        return kept[i]

    chosen = [i for i in candidates if keep(i)]
    placed = {i: len(found) + n for n, i in enumerate(chosen)}  # candidate token index → index in `with_referred`
    out: list[ReferredEvent] = []
    for i in chosen:
        tok, (governor_tok, _, path) = doc[i], above[i]
        if governor_tok is None and i in scenes:
            governor_tok, path = scenes[i], []  # "during talks in Belarus, we managed to agree": the clause's event
        governor_event = found[owner[governor_tok.i]] if governor_tok is not None and governor_tok.i in owner else None
        actor = _actor(tok)
        trigger, end = tok, tok
        used = used_by.get(i)
        if used is not None and 0 < used.i - tok.i <= 3:
            end = used  # "impose new sanctions"
        launch = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == MARKERS["of"] else None
        if launch is not None and launch.lemma_.lower() in LAUNCH_NOUNS and launch.i < tok.i:
            trigger = launch  # "the launch of a military operation"
        start, stop = _evidence(tok, actor)
        governor = None if governor_tok is None else owner.get(governor_tok.i, placed.get(governor_tok.i))
        out.append(ReferredEvent(type=candidates[i][0], trigger=trigger, trigger_end=end, actor=actor,
                                 target=_target(tok, actor, used),
                                 modality=_modality(tok, path, governor_event, governor_tok),
                                 start=min(start, trigger.idx), end=stop, core=tok, governor=governor))
    return out


def _scene_event(noun: Token, owner: dict) -> Token | None:
    """The word of the found event whose clause an event noun sets the scene of ("during talks in
    Belarus, we managed to agree on corridors" → agree): `extract` leaves such a noun out as
    background, yet it reports an act of its own. The clause's verb, else the nearest event word
    below it, outside the adjunct; None when the clause has none."""
    prep = scene_preposition(noun)
    if prep is None:
        return None
    verb = prep.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    queue = [verb]
    while queue:
        t = queue.pop(0)
        if t.i in owner and t.sent.start == noun.sent.start:
            return t
        queue.extend(c for c in t.children if c.i != prep.i and c.dep_ not in CLAUSE_DEPS)
    return None


def _candidate(tok: Token, committing: frozenset = frozenset()) -> tuple[str, bool, Token | None] | None:
    """(type, whether only `REFERRED_NOUNS` types it, the object the type was read from) or None."""
    if tok.pos_ == "VERB":
        if not _argument_link(tok, committing):
            return None  # a verb no event or frame can name (a root, a clause of its own): not looked up
        type_, used = event_type(tok, bare_code_needs_actors=False)  # the frame gives the actor; TRUSTED_VERBS filter
        lemma = tok.lemma_.lower()
        if type_ and (used is not None or lemma in lexicon()["verbs"] or lemma in TRUSTED_VERBS):
            return type_, False, used
        type_, used = participle_type(tok)  # "ratifying the Treaty …, signed in Moscow"
        return (type_, False, used) if type_ else None  # (a bare CAMEO verb — "approach", "establish" — names an act too loosely here)
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in NOUN_ARGUMENT_DEPS:
        return None
    if tok.ent_type_ in NAME_ENTITIES:
        return None  # "the Agency for Development" names a body; a title ("the Order on the Recognition …") names an act
    if any(c.dep_ in ("det", "predet", "amod") and c.lower_ in ANAPHORIC_DETERMINERS for c in tok.children):
        return None
    type_ = noun_type(tok)
    if type_:
        return type_, False, None
    lemma = tok.lemma_.lower()
    if lemma == MARKERS["operation"] or tok.lower_ == MARKERS["operations"]:
        mod = next((OPERATION_MODIFIERS[c.lower_] for c in tok.children if c.lower_ in OPERATION_MODIFIERS), None)
        return (mod, True, None) if mod else None
    type_ = REFERRED_NOUNS.get(tok.lower_) or REFERRED_NOUNS.get(lemma)
    if type_ == "AID" and not goods_transfer(tok):
        return None  # "the transfer of weapons", not "the transfer of power"
    return (type_, True, None) if type_ else None


def _above(tok: Token, owner: dict, candidates: dict, committing: frozenset = frozenset()) -> tuple[Token | None, bool, list[Token]]:
    """(the nearest event word above `tok` — found or candidate — or None, whether a referring frame
    lies on the way, the words passed).  Only through argument links (`ARGUMENT_DEPS`, an infinitive
    completing a noun): an act in a clause of its own ("the town where rioters were killed") or
    across a coordination is not one the event above names."""
    v, framed, path = tok, tok.pos_ == "VERB" and (tok.dep_ != "acl" and frame_noun(tok) is not None), []
    for _ in range(MAX_WALK):
        if v.head.i == v.i or not _argument_link(v, committing if v.i == tok.i else frozenset()):
            break
        v = v.head
        path.append(v)
        if v.i in owner or v.i in candidates:
            return v, framed, path
        low = v.lower_
        if (v.pos_ in ("ADP", "SCONJ", "ADJ", "NOUN") and low in FRAME_PREPS) or (v.pos_ == "NOUN" and v.lemma_.lower() in FRAME_NOUNS):
            framed = True
    return None, framed, path


def _argument_link(v: Token, committing: frozenset = frozenset()) -> bool:
    """Whether `v` is named by the word above it; `committing`: the words of promises, threats,
    refusals and demands, whose content clause with a modal is the act they commit to ("promised that
    Berlin would end imports": the verb of that clause, not a word further down)."""
    if v.dep_ in ARGUMENT_DEPS:
        return True
    if v.dep_ == "ccomp" and v.head.i in committing and v.pos_ == "VERB" and any(
            c.dep_ == "aux" and c.lower_ in MODALS for c in v.children):
        return True
    if v.dep_ == "acl" and v.pos_ == "VERB" and _infinitive(v):
        return True  # "decision to recognise"
    if _content_clause(v):
        return True  # "denied the report that the border had been breached": the content of the noun
    if v.dep_ == "acl" and v.pos_ == "VERB" and participle_type(v)[0] is not None:
        return True  # "the Treaty …, signed in Moscow": the signing of the noun an event names
    if v.dep_ == "relcl" and v.pos_ == "VERB" and _relative_argument(v) is not None:
        return True  # "severed relations with Russia, which attacked it": an act of an argument, told in passing
    return v.dep_ in ("advcl", "xcomp") and v.pos_ == "VERB" and frame_noun(v) is not None


def _content_clause(verb: Token) -> bool:
    """A noun's "that" clause saying what it holds ("the report that the border had been breached")."""
    return verb.dep_ == "acl" and verb.pos_ == "VERB" and any(c.dep_ == "mark" and c.lower_ == MARKERS["complementizer"] for c in verb.children)


def _relative_argument(verb: Token) -> Token | None:
    """The relative word a relative clause has as its subject or object ("which attacked", "whom
    Trump designated"); None for one that only sets a scene ("the town where rioters were killed")."""
    return next((c for c in verb.children if c.dep_ in RELATIVE_DEPS and c.lower_ in RELATIVE_WORDS), None)


def _infinitive(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "TO"), None)


def frame_noun(verb: Token) -> Token | None:
    """The noun an infinitive completes: its head for an `acl` ("the decision to recognise"), else a
    `FRAME_NOUNS` noun phrase ending right before its "to" — the parser often hangs "welcomes the
    decisions to impose …" or "the decisions of the Russian Federation to recognize …" on the verb,
    and an opening "By its decisions to recognize …, Russia is violating" with the preposition as
    the infinitive's own."""
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return verb.head
    to = _infinitive(verb)
    if to is None or to.i == 0:
        return None
    t = verb.doc[to.i - 1]
    if to.i != verb.left_edge.i:
        opening = t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i == verb.i and t.head.i == verb.left_edge.i
        if opening and t.pos_ == "NOUN" and t.lemma_.lower() in FRAME_NOUNS and t.right_edge.i == to.i - 1:
            return t
        return None
    for _ in range(4):
        if t.pos_ == "NOUN" and t.lemma_.lower() in FRAME_NOUNS and t.right_edge.i == to.i - 1:
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _actor(tok: Token) -> Token | None:
    if tok.pos_ == "VERB":
        noun = frame_noun(tok) if tok.dep_ != "acl" else None
        if noun is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return _noun_actor(noun)  # "the decisions of the Russian Federation to recognize" (not the welcomer)
        v = tok
        for _ in range(4):
            subject = own_subject(v)
            if subject is not None:
                return v.head if v.dep_ == "relcl" and subject.lower_ in RELATIVE_WORDS else subject
            if v.dep_ == "pcomp" and v.head.lower_ in MARKERS["gerund_preps"] and v.head.head.pos_ == "VERB":
                obj = next((c for c in v.head.head.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    return obj  # "accused Estavia of shelling", "thanked X for helping": the one accused or thanked
            if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
                return _noun_actor(v.head)  # "Russia's decision to recognise"
            if v.dep_ == "xcomp" and v.head.pos_ == "VERB":
                controller = _object_of(v.head)
                if controller is not None:
                    return controller  # "asked the governors to help", "called on Russia to withdraw"
            if v.dep_ in ("xcomp", "advcl", "pcomp") and v.head.i != v.i:
                v = v.head
                if v.pos_ == "ADP":
                    v = v.head
                continue
            return None
        return None
    return _noun_actor(tok)


def _object_of(verb: Token) -> Token | None:
    """Who a directive verb asks: its object, else the object of "on" / "to" ("called on X", "appealed to X")."""
    for c in verb.children:
        if c.dep_ == "dobj":
            return c
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in MARKERS["actor_preps"]:
            return pobj_of(c)
    return None


def _noun_actor(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss" and c.ent_type_ not in DATE_ENTITIES:  # not "Saturday's strikes": a time
            return _owner_of_possessive(c, noun) if c.lower_ in POSSESSIVE_PRONOUNS else c
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in ACTOR_ENTITIES and not venue_compound(noun, c):
            return c
    for c in noun.children:
        if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"):
            return c
    for c in noun.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == MARKERS["by"]:
            pobj = pobj_of(c)
            if pobj is not None:
                return pobj
    if noun.lemma_.lower() in ACTOR_OF_NOUNS:  # "the aggression of the Ukrainian authorities", "decisions of the parliament"
        return _of_entity(noun, ACTOR_ENTITIES, any_noun=True)
    return None


def _owner_of_possessive(pronoun: Token, noun: Token) -> Token | None:
    """'thanked Estonia for its decision': the object of the verb whose `for` phrase holds the noun;
    'By its decisions to recognize …, Russia is violating': the subject of the clause an opening
    phrase before that subject belongs to (the parse may hang it on the infinitive)."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == MARKERS["for"] and prep.head.pos_ == "VERB":
        return next((c for c in prep.head.children if c.dep_ == "dobj"), None)
    verb = prep.head
    if noun.dep_ != "pobj" or verb.pos_ != "VERB":
        return pronoun
    if verb.dep_ == "advcl" and getattr(frame_noun(verb), "i", None) == noun.i:
        verb = verb.head  # the parse's owner of the opening is the infinitive itself
    subject = own_subject(verb)
    return subject if subject is not None and prep.i < subject.i < verb.i and subject.pos_ != "PRON" else pronoun


def _of_entity(noun: Token, kinds: frozenset, any_noun: bool = False) -> Token | None:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == MARKERS["of"]:
            pobj = pobj_of(c)
            if pobj is not None and (pobj.ent_type_ in kinds or (pobj.pos_ == "PROPN" and not pobj.ent_type_)
                                     or (any_noun and pobj.pos_ == "NOUN" and not noun_type(pobj))):
                return pobj
    return None


def _target(tok: Token, actor: Token | None, used: Token | None = None) -> Token | None:
    """The object, else a `TARGET_PREPS` object of the word or of the event noun its type was read
    from ("impose new sanctions against Russia" → Russia), else a noun's `of` entity."""
    actor_i = actor.i if actor is not None else -1
    if used is not None and used.i < tok.i and tok.dep_ in ("acl", "relcl"):
        return used  # "the Treaty …, signed in Moscow": the participle's noun is what it was done to
    if tok.pos_ == "VERB":
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.i != actor_i and (used is None or c.i != used.i):
                return tok.head if tok.dep_ == "relcl" and c.lower_ in RELATIVE_WORDS else c  # "X, which Trump designated"
    found = prep_object([*tok.children, *(used.children if used is not None else ())], TARGET_PREPS, actor_i, ("NOUN", "PROPN"))
    if found is not None:
        return found
    if tok.pos_ != "VERB":
        found = _of_entity(tok, TARGET_ENTITIES)
        if found is not None and found.i != actor_i:
            return found
    return None


def _modality(tok: Token, path: list[Token], governor: FoundEvent | None, governor_tok: Token | None) -> str:
    kids = list(tok.children)
    if any(c.dep_ == "neg" for c in kids):
        return "negated"
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in kids) or any(c.dep_ == "mark" and c.lower_ in MARKERS["condition_marks"] for c in kids):
        return "hypothetical"
    if any(w.lower_ in FRAME_PREPS or w.lower_ == MARKERS["connection"] for w in path[:-1]):
        return "asserted"  # a cause ("in response to this act of aggression") is stated as fact
    if any(w.lemma_.lower() in NEGATING_WORDS for w in path[:-1]):
        return "negated"  # "called on Russia to refrain from aggression"
    heads = lexicon()["intention_heads"]
    if any(w.lemma_.lower() in PROSPECTIVE_WORDS or w.lemma_.lower() in heads for w in path[:-1] if w.pos_ in ("NOUN", "VERB", "ADJ")):
        return "hypothetical"  # "the plan to strike", "the readiness to hold talks"
    if governor_tok is not None and (governor_tok.lemma_.lower() in heads or governor_tok.lemma_.lower() in PROSPECTIVE_WORDS):
        return "hypothetical"
    if governor is not None and governor.type in NEGATING_TYPES and _content_clause(tok):
        return "negated"  # "denied the report that the border had been breached"
    if governor is None or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return "asserted"  # (a participle tells what was done to its noun: "ratifying the Treaty, signed in …")
    direct = len(path) <= 3 and not any(w.dep_ in CLAUSE_DEPS for w in [tok] + path[:-1])
    if governor.type == "REQUEST" and direct or governor.type in PROSPECTIVE_TYPES and direct and tok.pos_ == "VERB":
        return "hypothetical"  # "called for sanctions", "agreed to share" (not "demanded an admission that X murdered")
    if governor.type in NEGATING_TYPES and tok.pos_ == "VERB" and tok.dep_ in ("xcomp", "pcomp"):
        return "negated"  # "refused to withdraw"
    if governor.type in NEGATING_TYPES and direct:
        return "hypothetical"  # "will never trade our land for a ceasefire": a refused deal's terms did not happen
    if governor_tok is not None and governor_tok.lemma_.lower() in ALLEGING_LEMMAS:
        return "hedged"  # "accused X of shelling": the speaker's allegation
    return "asserted"


def _evidence(tok: Token, actor: Token | None) -> tuple[int, int]:
    frame = (frame_noun(tok) if tok.pos_ == "VERB" else None) or tok
    sent = tok.sent
    left = frame.left_edge.i
    if actor is not None and actor.sent == sent:
        left = min(left, actor.i) if actor.i >= frame.left_edge.i - 12 else left
    right = max([frame.i] + [c.right_edge.i for c in frame.children if c.dep_ not in CLAUSE_DEPS])  # not a clause of its own
    if frame.i != tok.i and tok.dep_ != "acl":  # an infinitive the parser hung on the verb: up to its own end
        right = max([right, tok.i] + [c.right_edge.i for c in tok.children if c.dep_ not in CLAUSE_DEPS])
    return clause_offsets(tok.doc, sent, left, min(right, tok.i + MAX_EVIDENCE))
