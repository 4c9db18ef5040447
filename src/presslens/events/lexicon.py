"""Which verbs and nouns name which PLOVER event type.

Two tables: `data/plover_triggers.json`, presslens's own lexicon written from the PLOVER codebook
(light verbs, event nouns, intentions), and `data/cameo_verbs.json`, PETRARCH2's CAMEO verb
patterns (CAMEO 2.0 and the 2015 pattern file) mapped to PLOVER (built by
`scripts/build_event_lexicon.py`; CC BY-SA 4.0), with the hand additions of
`data/event_overlay.json`.  CAMEO patterns are matched on the dependency parse: a pattern's object
words must be the verb's object, particle or adverb (its head last) or their modifiers, its
prepositional phrases the verb's `prep` children and their objects, its pre-verb words the
subject's; `&SET` words match any member of the synonym set.  Each block's patterns are indexed
by the word each needs, so a verb tries only the patterns its own frame's words can meet.  A null
pattern (PETRARCH's `---`) that names its words stops the verb, and so does a plain statement
pattern the overlay lists in `statement_frames` ("delivered an address", CAMEO 010); another
statement pattern (CAMEO 01x) or a null pattern with a synonym set stops its CAMEO code.  As in PETRARCH, a verb's bare CAMEO
code (no pattern, no hand entry) types it only between a source actor and an object; actors are
entities or PETRARCH's agent nouns (`Phoenix.agents.txt`, built into the same table).  A bare code
the overlay lists in `bare_codes_untyped` (a cue category "not specified", 060) types no verb alone.

The other English words the events engine reads — prepositions, pronouns, auxiliaries, the nouns
and verbs of its genre rules, the function words of its parse rules — are `words()`, from
`data/lang/<lang>/events.json` (one key per list, each with its `_comment`), checked when loaded:
the engine modules name no English word.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..doccache import per_token

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")  # PLOVER 2021


# the word lists of `data/lang/<lang>/events.json`: each a {"_comment", "words"} entry of lower-case words or phrases
WORD_KEYS = (
    "target_preps", "noun_target_preps", "relative_pronouns", "modals", "hedges", "claim_verbs", "pronouns",
    "future_aux", "reporting_verbs", "temporal_preps", "demand_nouns", "purpose_nouns", "negative_subjects",
    "obligation_aux", "act_nouns", "undergoing_verbs", "enacting_verbs", "statement_nouns", "document_nouns",
    "obligation_heads", "party_nouns", "definite_determiners", "other_occasion_modifiers", "same_time_marks",
    "sequence_words", "after_words", "habitual_adverbs", "customary_adverbs", "onset_nouns", "past_aux",
    "future_or_backshifted_aux", "plan_modals", "first_person", "relative_words", "plural_groups",
    "additive_openers", "backshift_modals", "relative_openers", "trusted_verbs", "actor_of_nouns", "launch_nouns",
    "frame_preps", "frame_nouns", "prospective_words", "negating_words", "alleging_verbs", "referred_modals",
    "referred_target_preps", "possessive_pronouns", "anaphoric_determiners", "referred_relative_words",
    "transfer_nouns", "goods", "measure_nouns", "venue_nouns",
)
TYPED_KEYS = ("referred_nouns", "operation_modifiers")  # word → PLOVER type
MARKER_KEYS = (  # single function words of the parse rules, by job: a word or a list of words
    "condition_marks", "copula", "have", "auxiliary_verbs", "negative_determiners", "definite_article", "of", "for",
    "with", "by", "on", "call", "infinitive", "demand_preps", "intention_preps", "sequence_particles", "operation",
    "operations", "gerund_preps", "actor_preps", "connection", "relative_objects", "complementizer",
)


@lru_cache(maxsize=None)
def words(language: str = "en") -> dict:
    """The English (or `language`'s) words of the events engine, from `data/lang/<language>/events.json`:
    word lists as frozensets (a phrase of `additive_openers` as a tuple of its words), typed words as
    {word: PLOVER type}, markers as a word or a frozenset; a missing, misspelt or malformed key fails
    (`checked_words`)."""
    data = json.loads(resources.files("presslens.data").joinpath("lang").joinpath(language)
                      .joinpath("events.json").read_text(encoding="utf-8"))
    return checked_words(data, f"events.json ({language})")


def checked_words(data: dict, name: str) -> dict:
    """`words()`'s reading of one file's JSON (`name` for the errors); raises `ValueError` on a
    missing, unknown (misspelt) or malformed key."""
    known = set(WORD_KEYS) | set(TYPED_KEYS) | {"markers", "language"}
    missing = [k for k in (*WORD_KEYS, *TYPED_KEYS, "markers") if k not in data]
    unknown = [k for k in data if k not in known and not k.startswith("_")]
    if missing or unknown:
        raise ValueError(f"{name}: missing keys {missing}, unknown keys {unknown}")
    out: dict = {}
    for key in WORD_KEYS:
        entry = data[key]
        listed = entry.get("words") if isinstance(entry, dict) else None
        if not isinstance(listed, list) or not listed or any(
                not isinstance(w, str) or w != w.lower() or w != w.strip() or not w for w in listed):
            raise ValueError(f"{name} {key}: needs \"words\", a list of lower-case words, got {entry!r:.80}")
        out[key] = frozenset(tuple(w.split()) for w in listed) if key == "additive_openers" else frozenset(listed)
    for key in TYPED_KEYS:
        typed = {w: t for w, t in data[key].items() if not w.startswith("_")}
        bad = [w for w, t in typed.items() if w != w.lower() or t not in PLOVER_TYPES]
        if bad:
            raise ValueError(f"{name} {key}: lower-case words with a PLOVER 2021 type each, got {bad[:5]}")
        out[key] = typed
    markers = {k: v for k, v in data["markers"].items() if not k.startswith("_")}
    missing = [k for k in MARKER_KEYS if k not in markers]
    unknown = [k for k in markers if k not in MARKER_KEYS]
    if missing or unknown:
        raise ValueError(f"{name} markers: missing {missing}, unknown {unknown}")
    for key, value in markers.items():
        listed = value if isinstance(value, list) else [value]
        if not listed or any(not isinstance(w, str) or w != w.lower() or not w.strip() for w in listed):
            raise ValueError(f"{name} markers {key}: a lower-case word or a list of them, got {value!r}")
        markers[key] = frozenset(value) if isinstance(value, list) else value
    out["markers"] = markers
    return out


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = json.loads(resources.files("presslens.data").joinpath("plover_triggers.json").read_text(encoding="utf-8"))
    unknown = (set(data["verbs"].values()) | set(data["verb_object"].values()) | set(data["nouns"].values())
               | set(data["cooperative"]) | set(data["hostile"])) - set(PLOVER_TYPES)
    if unknown:
        raise ValueError(f"plover_triggers.json: not PLOVER 2021 types: {sorted(unknown)}")
    data["needs_object"] = frozenset(data["needs_object"])
    data["trigger_lemmas"] = frozenset(data["verbs"]) | data["needs_object"] | {pair.split()[0] for pair in data["verb_object"]}
    for key in ("intention_heads", "cooperative", "hostile"):
        data[key] = frozenset(data[key])
    data["intransitive_only"] = frozenset(data["intransitive_only"])
    overlay = json.loads(resources.files("presslens.data").joinpath("event_overlay.json").read_text(encoding="utf-8"))
    for table in ("nouns", "verb_object"):
        data[table] = {**data[table], **{k: v["type"] for k, v in overlay.get(table, {}).items()}}
    data["trigger_lemmas"] |= {pair.split()[0] for pair in data["verb_object"]}
    data["cooperative"] = data["cooperative"] | {t for t, v in overlay.get("intention_types", {}).items() if v["as"] == "AGREE"}
    data["litotes_heads"] = frozenset(overlay.get("litotes_heads", {}))
    data["intention_heads"] |= data["litotes_heads"]
    data["statement_verbs"] = frozenset(overlay.get("statement_verbs", {}))
    data["directive_verbs"] = frozenset(overlay.get("directive_verbs", {}))
    data["stance_adjectives"] = {k: v["type"] for k, v in overlay.get("stance_adjectives", {}).items()}
    # the genre's tables: nominalisations ('announcement' → 'announce'), verbs that host a visitor
    # (and the visitor nouns), verbs that give goods "with", invitations that are offers
    data["nominalisations"] = {noun: v["verb"] for noun, v in overlay.get("nominalisations", {}).items()}
    visitors = overlay.get("visitor_objects", {})
    data["host_verbs"] = frozenset(visitors)
    data["visitor_nouns"] = frozenset(n for v in visitors.values() for n in v["objects"])
    data["aid_verbs"] = frozenset(overlay.get("aid_with", {}))
    data["invitation_verbs"] = frozenset(overlay.get("invitation_verbs", {}))
    data["contact_occasions"] = frozenset(overlay.get("contact_occasions", {}))
    data["subject_verbs"] = {lemma: (v["type"], frozenset(v["subjects"])) for lemma, v in overlay.get("subject_verbs", {}).items()}
    unknown = (set(data["nouns"].values()) | set(data["verb_object"].values()) | set(data["stance_adjectives"].values())) - set(PLOVER_TYPES)
    if unknown:
        raise ValueError(f"event_overlay.json: not PLOVER 2021 types: {sorted(unknown)}")
    return data


@lru_cache(maxsize=1)
def cameo() -> dict:
    """The CAMEO pattern table with the overlay applied; words compiled to tuples and frozensets."""
    files = resources.files("presslens.data")
    data = json.loads(files.joinpath("cameo_verbs.json").read_text(encoding="utf-8"))
    overlay = json.loads(files.joinpath("event_overlay.json").read_text(encoding="utf-8"))
    synsets = {name: frozenset(tuple(m.split()) for m in members) for name, members in data["synsets"].items()}
    statements = frozenset(overlay.get("statement_frames", {}))
    blocks = [_indexed([_compile(p, synsets, statements) for p in block]) for block in data["blocks"]]
    verbs = {lemma: [dict(f) for f in forms] for lemma, forms in data["verbs"].items()}
    for lemma, change in overlay.get("verbs", {}).items():
        for f in verbs.get(lemma, []):
            if "particle" not in f:
                f["type"] = change["type"]
    untyped = overlay.get("bare_codes_untyped", {})
    for lemma, forms in verbs.items():
        for f in forms:
            if lemma in overlay.get("no_default", {}) or (f.get("code") in untyped and "particle" not in f):
                f.pop("type", None)  # the verb alone decides nothing; its patterns with words still apply
                f["objects_only"] = True
    unknown = {p["type"] for b in blocks for p in b["patterns"]} | {f.get("type") for fs in verbs.values() for f in fs}
    unknown -= set(PLOVER_TYPES) | {None}
    if unknown:
        raise ValueError(f"cameo_verbs.json / event_overlay.json: not PLOVER 2021 types: {sorted(unknown)}")
    agents = data["agents"]
    return {"synsets": synsets, "blocks": blocks, "verbs": verbs, "lemmas": frozenset(verbs),
            "agent_words": frozenset(agents["words"]), "agent_stems": tuple(agents["stems"])}


def _compile(p: dict, synsets: dict, statements: frozenset = frozenset()) -> dict:
    words = lambda ws: tuple(tuple(w.split()) if not w.startswith("&") else w for w in ws)
    obj, pre = words(p.get("obj", [])), words(p.get("pre", []))
    prep = tuple((pr[0], words([pr[1]])[0] if pr[1] else None, words(pr[2])) for pr in p.get("prep", []))
    # the word a token of the frame must spell for the pattern to be tried: the object's head, else
    # the first prepositional object, else the last subject word (None: tried on every frame)
    key = obj[-1] if obj else next((spec[1] for spec in prep if spec[1] is not None), None) or (pre[-1] if pre else None)
    keys = None if key is None else frozenset(m[-1] for m in synsets.get(key, ())) if isinstance(key, str) else frozenset({key[-1]})
    literal = not any(isinstance(w, str) for w in pre + obj + tuple(x for spec in prep for x in (spec[1],) + spec[2]))
    return {"pre": pre, "obj": obj, "keys": keys, "prep": prep, "type": p["type"], "code": p["code"],
            "stops_all": (p["code"] == NULL_CODE or p["code"] in statements) and literal}


def _indexed(patterns: list[dict]) -> dict:
    """A verb block's patterns (in precedence order) indexed by the word each needs, so matching a
    frame looks up its own words instead of scanning the block: `by_word` word → pattern positions,
    `always` the positions of patterns that need no word."""
    by_word: dict[str, list[int]] = {}
    for i, p in enumerate(patterns):
        for k in p["keys"] or ():
            by_word.setdefault(k, []).append(i)
    return {"patterns": patterns, "by_word": {k: tuple(v) for k, v in by_word.items()},
            "always": tuple(i for i, p in enumerate(patterns) if p["keys"] is None)}


def _spellings(tok: Token) -> set[str]:
    """Every pattern word a token can spell (as `_is` reads a single word)."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    return {low, lemma, lemma + "s", low + "s"}


NULL_CODE = "---"  # a CAMEO pattern whose frame PETRARCH codes as no event
OBJECT_DEPS = ("dobj", "prt", "attr", "oprd", "dative", "advmod", "acomp", "npadvmod")
MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "nummod")
MEASURE_NOUNS = frozenset("ton tonne kg kilogram shipment consignment batch load convoy worth amount quantity supply".split())


@lru_cache(maxsize=1)
def _synset_index() -> dict[str, tuple[frozenset[str], tuple[tuple[str, ...], ...]]]:
    """Each synonym set as (its one-word members, its longer members): a token is checked against
    the one-word members in four lookups instead of one comparison per member."""
    return {name: (frozenset(m[0] for m in members if len(m) == 1), tuple(m for m in members if len(m) > 1))
            for name, members in cameo()["synsets"].items()}


def _is(tok: Token, word) -> bool:
    """Whether a token (with the tokens before it) spells a pattern word or a synonym-set member."""
    if isinstance(word, str):  # a synonym set
        singles, longer = _synset_index().get(word, (frozenset(), ()))
        if singles:
            low, lemma = tok.lower_, tok.lemma_.lower()
            if low in singles or lemma in singles or lemma + "s" in singles or low + "s" in singles:
                return True
        return any(_is(tok, member) for member in longer)
    if len(word) > 1:
        start = tok.i - len(word) + 1
        if start < 0:
            return False
        return all(_is(tok.doc[start + k], (w,)) for k, w in enumerate(word))
    w = word[0]
    low, lemma = tok.lower_, tok.lemma_.lower()
    return w in (low, lemma) or w == lemma + "s" or w == low + "s"


def _all_found(words, direct: list[Token], mods: list[Token]) -> Token | None:
    """All words among the tokens, the last one (the head) among the direct ones → that token."""
    if not words:
        return None
    head = next((t for t in direct if _is(t, words[-1])), None)
    if head is None:
        return None
    pool = direct + mods
    return head if all(any(_is(t, w) for t in pool) for w in words[:-1]) else None


def _frame(verb: Token):
    direct = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i > verb.i]
    direct += [m for c in direct if c.dep_ == "dobj" and (m := _measured_goods(c)) is not None]
    mods = [g for c in direct for g in c.children if g.dep_ in MODIFIER_DEPS]
    preps = [c for c in verb.children if c.dep_ in ("prep", "agent") and c.i > verb.i]
    preps += [g for c in direct if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"]
    direct += preps  # bare prepositions written as words: "MEET WITH"
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and c.i < verb.i]
    subj_words = [t for s in subj for t in s.subtree]
    return direct, mods, preps, subj_words


def _measured_goods(obj: Token) -> Token | None:
    """What a quantity object measures: '700 kg of medicine', 'tons of food', 'a shipment of arms'
    (PETRARCH matches the words of the whole noun phrase; on the parse they sit below the quantity)."""
    if not (obj.lemma_.lower() in MEASURE_NOUNS or any(c.dep_ in ("nummod", "quantmod") for c in obj.children)):
        return None
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == words()["markers"]["of"]), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


def _prep_match(spec, preps: list[Token]) -> bool:
    prep, head, mods = spec
    for p in preps:
        if p.lower_ != prep:
            continue
        if head is None:
            return True
        for pobj in (g for g in p.children if g.dep_ in ("pobj", "pcomp")):
            if _is(pobj, head) and all(any(_is(m, w) for m in pobj.children) for w in mods):
                return True
    return False


def cameo_type(verb: Token, lemma: str, objects_only: bool = False) -> tuple[str | None, Token | None, dict | None]:
    """(PLOVER type, the object token a pattern matched, the pattern that gave the type — None when
    the verb alone gave it) from the CAMEO table; `objects_only`: only patterns with words after the verb
    (a light verb's subject does not type it: "talks resumed" is the talks' event)."""
    forms = cameo()["verbs"].get(lemma)
    if not forms:
        return None, None, None
    direct, mods, preps, subj_words = _frame(verb)
    pobjs = [g for p in preps for g in p.children if g.dep_ in ("pobj", "pcomp")]
    here = set().union(*(_spellings(t) for t in direct + pobjs + subj_words))
    for form in forms:
        particle = form.get("particle")
        if particle and not any(c.lower_ == particle for c in direct):
            continue
        block = cameo()["blocks"][form["block"]]
        index = block["by_word"]
        tried = sorted({i for w in here if w in index for i in index[w]}.union(block["always"]))
        for p in (block["patterns"][i] for i in tried):  # only the patterns whose word the frame spells
            used = None
            if p["obj"]:
                used = _all_found(p["obj"], direct, mods)
                if used is None:
                    continue
            if p["pre"] and not all(any(_is(t, w) for t in subj_words) for w in p["pre"]):
                continue
            if (objects_only or form.get("objects_only")) and not (p["obj"] or p["prep"]):
                continue  # a verb that decides nothing alone is not typed by its subject either
            if not all(_prep_match(spec, preps) for spec in p["prep"]):
                continue
            return p["type"], used, p
    for form in forms:
        particle = form.get("particle")
        if form.get("type") and (not particle or any(c.lower_ == particle for c in direct)):
            return form["type"], next((c for c in direct if c.lower_ == particle), None) if particle else None, None
    return None, None, None


ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
ACTOR_PRONOUNS = frozenset("he she they we i you".split())  # resolved to a speaker or an entity downstream
SOURCE_WALK_DEPS = ("conj", "xcomp", "advcl", "pcomp")
NOMINAL_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass")  # a gerund in a noun's place


def is_actor(tok: Token) -> bool:
    """Whether a noun names an actor as PETRARCH's dictionaries do: a named person, body, state or
    people (the entity layer), or one of PETRARCH's agent nouns ('police', 'troops', 'farmers');
    a noun compounded with such a word counts too ('opposition leader', 'border guards')."""
    if tok.ent_type_ in ACTOR_ENTITIES or tok.pos_ == "PROPN":
        return True
    c = cameo()
    lemma, low = tok.lemma_.lower(), tok.lower_
    if lemma in c["agent_words"] or low in c["agent_words"] or low.startswith(c["agent_stems"]):
        return True
    return any(m.dep_ in ("compound", "amod") and (m.ent_type_ in ACTOR_ENTITIES or m.pos_ == "PROPN")
               for m in tok.children) and tok.pos_ == "NOUN"


def has_source_and_target(verb: Token) -> bool:
    """PETRARCH codes a verb's own (default) CAMEO code only between a source and a target actor.
    Here the source is the subject (or `by` agent, or the subject of the verb it completes, or the
    noun a relative clause or participle modifies) naming an actor (`is_actor`), a personal pronoun
    or an event noun ("the airstrikes targeted …"); the target an object or the noun object of
    a preposition ("appealed to the UN", "pushed for talks").  A gerund in a noun's place with a
    possessor is typed as an event noun is, with no target needed ("their striving")."""
    if verb.dep_ in NOMINAL_DEPS and any(c.dep_ == "poss" for c in verb.children):
        return True  # a verb used as a noun names its actor as event nouns do: "reaffirmed their striving"
    source, v = None, verb
    for _ in range(4):
        for c in v.children:
            if c.dep_ == "nsubj" and (is_actor(c) or c.lower_ in ACTOR_PRONOUNS or noun_type(c) is not None):
                source = c
            elif c.dep_ == "agent":
                source = next((g for g in c.children if g.dep_ == "pobj" and is_actor(g)), source)
        if source is None and v.dep_ in ("relcl", "acl") and is_actor(v.head):
            source = v.head
        if source is not None or v.dep_ not in SOURCE_WALK_DEPS or v.head.i == v.i:
            break
        v = v.head if v.head.pos_ != "ADP" else v.head.head  # "by recognising" → the verb "by" hangs on
    if source is None:
        return False
    for c in verb.children:
        if c.dep_ in ("dobj", "dative"):
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and g.ent_type_ not in ("DATE", "TIME")
                                    for g in c.children):
            return True
    return False


def objects_of(verb: Token) -> list[Token]:
    """Direct objects, passive subjects and particle/prepositional objects ('call for', 'put on alert')."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    for c in verb.children:
        if c.dep_ in ("prep", "prt"):
            out.append(c)
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _lemma(verb: Token, known: frozenset) -> str | None:
    """The verb's lemma if the lexicon knows it, else that of a regular past form the lemmatizer
    got wrong ('staged' → 'stag'): the form less -d or -ed."""
    lemma = verb.lemma_.lower()
    if lemma in known:
        return lemma
    if verb.tag_ in ("VBD", "VBN") and verb.lower_.endswith("ed"):
        return next((c for c in (verb.lower_[:-1], verb.lower_[:-2]) if c in known), None)
    return None


def _compounded(obj: Token) -> Token | None:
    """The event noun compounded with a plain head: 'a mediation mission', 'a rescue operation'."""
    return next((c for c in obj.children if c.dep_ == "compound" and noun_type(c)), None)


def _measured(obj: Token) -> Token | None:
    """The event noun a quantity stands for: 'tons of aid', 'a wave of arrests'."""
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == words()["markers"]["of"]), None)
    noun = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return noun if noun is not None and noun_type(noun) else None


@per_token
def event_type(verb: Token, bare_code_needs_actors: bool = True) -> tuple[str | None, Token | None]:
    """(PLOVER type, object that completed a verb–object trigger) for a verb, or (None, None).

    Order: presslens's verb + object pairs and light verbs typed by their event-noun object, then
    a CAMEO null pattern (PETRARCH's `---`: the frame is no event, whatever the verb) that names
    its words — one with a synonym set stops only the CAMEO code, since PETRARCH2 also uses them
    against noun readings ('* &AIRCRAFT' under FIGHT, for "fighter aircraft", would stop "struck a
    drone") —, then
    presslens's bare verb, then a CAMEO pattern with words around the verb (a statement pattern
    gives no type), then the CAMEO verb's own code — that one only between a source actor and an object (`has_source_and_target`) unless
    `bare_code_needs_actors` is off (a referred act takes its actor from the frame that names it).
    A verb of `subject_verbs` with no object is typed by its subject ("the enemy advanced") first."""
    lex = lexicon()
    lemma = _lemma(verb, lex["trigger_lemmas"])
    if verb.lemma_.lower() in lex["statement_verbs"] and any(c.dep_ == "ccomp" or (c.dep_ == "xcomp" and _perfect(c)) for c in verb.children):
        return None, None  # "insisted that …", "claimed to have downed …" report a statement: the clause holds the event
    by_subject = lex["subject_verbs"].get(verb.lemma_.lower())
    if by_subject is not None and not any(c.dep_ == "dobj" for c in verb.children):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.lemma_.lower() in by_subject[1] or subject.lower_ in by_subject[1]):
            return by_subject[0], None  # "the enemy advanced in the north": an armed force moving on
    if lemma is not None:
        for obj in objects_of(verb):
            for key in (f"{lemma} {obj.lemma_.lower()}", f"{lemma} {obj.lower_}"):
                if key in lex["verb_object"]:
                    return lex["verb_object"][key], obj
        if lemma in lex["needs_object"] or lemma in lex["directive_verbs"]:
            for obj in verb.children:  # a light verb takes the type of its event-noun object: "began a hunger strike"
                if obj.dep_ in ("dobj", "nsubjpass"):
                    noun = obj if noun_type(obj) else _measured(obj) or _compounded(obj)  # "25,000 tons of aid"
                    if noun is not None:
                        return noun_type(noun), noun
    cameo_lemma = _lemma(verb, cameo()["lemmas"]) or verb.lemma_.lower()
    c_type, c_used, pattern = cameo_type(verb, cameo_lemma, objects_only=lemma in lex["needs_object"])
    if pattern is not None and pattern["stops_all"]:
        return None, None  # PETRARCH's null frame ('released a report', 'combat racism') stops any default
    if lemma is not None and lemma not in lex["needs_object"]:
        if lemma in lex["intransitive_only"] and any(c.dep_ == "dobj" for c in verb.children):
            return None, None  # "demonstrated the strength" is showing, not protesting
        if lemma in lex["verbs"]:
            return lex["verbs"][lemma], None
    if c_type is not None and pattern is None and bare_code_needs_actors and not has_source_and_target(verb):
        return None, None  # a verb's bare CAMEO code needs a source and a target actor, as in PETRARCH
    return c_type, c_used


def _perfect(verb: Token) -> bool:
    """A perfect infinitive ('to have downed'): a report of a past act, not an intention."""
    return any(c.dep_ == "aux" and c.lemma_ == words()["markers"]["have"] for c in verb.children) and any(c.tag_ == "TO" for c in verb.children)


@per_token
def noun_type(noun: Token) -> str | None:
    """PLOVER type of an event noun; a compound or adjective + lemma ('hunger strike') before the lemma ('strike')."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    nouns = lexicon()["nouns"]
    lemma = noun.lemma_.lower()
    for c in noun.children:
        if c.dep_ in ("compound", "amod") and f"{c.lower_} {lemma}" in nouns:
            return nouns[f"{c.lower_} {lemma}"]
        if c.dep_ == "prep" and f"{lemma} {c.lower_}" in nouns:  # "a call for", "exchange of (views)"
            return nouns[f"{lemma} {c.lower_}"]
    return nouns.get(lemma) or nouns.get(noun.lower_)
