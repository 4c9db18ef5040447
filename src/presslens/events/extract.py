"""Find events in a parsed Doc: a trigger verb from the PLOVER lexicon and its dependency roles.

Pattern (textacy-style, on the parse the pipeline already made):

* trigger: a verb whose lemma, or lemma + object ("provide assistance"), is in the lexicon;
* actor: its subject, or the `by` agent of a passive; a verb with no subject of its own takes
  the subject of the verb it completes (xcomp, conj, advcl, "in defeating" pcomp) or the noun a
  relative clause modifies; a pronoun subject of a reported clause ("X confirmed it had …")
  goes to the subject of the reporting verb; coordinated subjects give one event per actor;
* target: the direct object (or passive subject), else the object of to/against/on/with/at/into;
* an event word below another event's trigger (not across a coordination) is part of that event;
* a stated intention ("will", "is willing/ready/prepared to", "plans to", "said it would") to do a
  cooperative act is an offer (AGREE), to do a hostile act a threat (THREATEN); the trigger runs
  from the word that states it ("Syria says it is willing to withdraw", "plans to impose");
* an event noun makes an event of its own when it is no verb's object and has a target
  ("the attack on X", "talks with X", "sanctions against X") or an actor ("Israeli raids",
  "Russia's offensive"): actor from the possessive, a proper-noun compound or a nationality adjective;
* an event noun is an event of its own also with no actor or target, unless it is another event's
  object ("condemned the attack"); nouns in adverbial, agent and temporal adjuncts ("following a
  call") stay events of their own;
* stance adjectives: "is ready / willing / open to" (AGREE), "is unacceptable" (ACCUSE);
* demands: "X must / should / needs to …", "it is necessary to …", "the importance / need of …"
  (REQUEST, the speaker as actor, X as target);
* a negated offer is a refusal ("has not agreed", "won't withdraw": REJECT); an offer, threat,
  refusal or demand in reported speech is triggered from the reporting verb;
* modality: negated (not, never), hypothetical (could, may, would, if …), hedged (reportedly,
  allegedly, presumably …), intended (an infinitive of purpose: "opened fire to disperse"), else
  asserted.

Patterns of war and state-media news, each a table of `data/event_overlay.json` with its reason:
* enacting a document whose title names an act is that act, done to the title's object ("signed the
  Executive Order On the Recognition of X" → SUPPORT on X; "Decree … "On the imposition of martial law"");
  so is issuing a statement whose participle names an act ("issued a declaration demanding");
* a past participle or a relative clause whose relative word is the object, read with its noun as
  verb + object ("the Treaty, signed in Moscow", "crimes committed by …");
* a hosted visit (`visitor_objects`: "received the delegation", a person or visitor noun as the
  verb's own object), goods given "with" (`aid_with`: money, arms or aid), an invitation without an
  infinitive is an offer (`invitation_verbs`), "called for X to …" (REQUEST on X);
* nominalised pairs ("the announcement of a cease-fire" as "announce ceasefire", `nominalisations`),
  a state's "operation", the transfer of arms or aid, a meeting noun that ends an entity's name
  ("the BRICS Summit"); a subject that faces or suffers an event noun is its target; act, document
  and abstract nouns ("the order to …", "no reason to …") never act.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import event_type, lexicon, noun_type, words
from .roles import (DATE_ENTITIES, GOODS, SUBJECT_DEPS, clause_offsets, goods_transfer, own_subject, participle_type, pobj_of,
                    prep_object, scene_preposition, venue_compound)

INHERIT_DEPS = ("xcomp", "conj", "advcl", "pcomp", "acomp")
_W = words("en")  # the English words of the rules: data/lang/en/events.json
MARKERS = _W["markers"]
TARGET_PREPS = _W["target_preps"]
RELATIVE = _W["relative_pronouns"]
MODALS = _W["modals"]
HEDGES = _W["hedges"]
CLAIM_VERBS = _W["claim_verbs"]
PRONOUNS = _W["pronouns"]
FUTURE_AUX = _W["future_aux"]
REPORTING = _W["reporting_verbs"]
NOUN_TARGET_PREPS = _W["noun_target_preps"]
# a noun reached through these is not part of the event above it (`nominal` in _governed_by_event)
ADJUNCT_DEPS = frozenset({"advcl", "agent", "parataxis"})
TEMPORAL_PREPS = _W["temporal_preps"]
DEMAND_NOUNS = _W["demand_nouns"]
PURPOSE_NOUNS = _W["purpose_nouns"]
SPEECH_ACT_TYPES = frozenset({"AGREE", "THREATEN", "REJECT", "REQUEST"})
NEGATIVE_SUBJECTS = _W["negative_subjects"]
OBLIGATION_AUX = _W["obligation_aux"]
ACT_NOUNS = _W["act_nouns"]
CLAUSE_CHILDREN = ("xcomp", "ccomp", "advcl")
UNDERGOING_VERBS = _W["undergoing_verbs"]  # their subject undergoes their event-noun object
ENACTING_VERBS = _W["enacting_verbs"]
STATEMENT_NOUNS = _W["statement_nouns"]
DOCUMENT_NOUNS = _W["document_nouns"]
OBLIGATION_HEADS = _W["obligation_heads"]


@dataclass
class FoundEvent:
    type: str
    trigger: Token
    trigger_end: Token
    actor: Token | None
    target: Token | None
    modality: str
    start: int  # evidence clause, character offsets
    end: int
    speaker_acts: bool = False  # the speaker of the quote it lies in is the actor ("X must withdraw": a demand)
    core: Token | None = None  # the event word itself when the trigger runs from a reporting verb
    reported: range | None = None  # then the token indices of the trigger before the reporting verb joined it

    def __post_init__(self) -> None:
        if self.trigger_end.i < self.trigger.i:  # a trigger runs from its first word to its last
            self.trigger, self.trigger_end = self.trigger_end, self.trigger

    @property
    def word(self) -> Token:
        """The word that names the event (where its quote, if any, is looked up)."""
        return self.core if self.core is not None else self.trigger

    @property
    def own_words(self) -> set[int]:
        """The token indices that name the act: the trigger's words; of a trigger that runs from a
        reporting verb, its own words, the verb that takes its noun ("received a request") and the
        reporting verb — not the words between them ("agreed … to halt strikes, the Kremlin said" names
        the halt too)."""
        if self.reported is None:
            return set(range(self.trigger.i, self.trigger_end.i + 1))
        word = self.word
        carrier = {word.head.i} if word.pos_ == "NOUN" and word.dep_ == "dobj" else set()
        return set(self.reported) | carrier | {self.trigger.i, self.trigger_end.i}


def _subject(verb: Token) -> Token | None:
    v = verb
    for _ in range(6):
        subject = own_subject(v)
        if subject is not None:
            if subject.dep_ in SUBJECT_DEPS and subject.lower_ in RELATIVE and v.dep_ == "relcl":
                return v.head
            return _reported_subject(subject, v) if subject.dep_ in SUBJECT_DEPS else subject
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
            if v.dep_ == "acl" and v.tag_ == "VBN" and not any(c.dep_ == "dobj" for w in (v, *v.conjuncts) for c in w.children):
                return None  # "a joint statement signed after the talks": the noun is what was acted on (not a
                # misparsed finite verb with an object of its own: "groups donated and delivered $50,000 worth")
            if v.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in RELATIVE for c in v.children):
                return None  # "the city, which was shelled", "the treaty that Norland signed": the noun was acted on
            if v.head.lemma_.lower() in ACT_NOUNS or v.head.lemma_.lower() in DOCUMENT_NOUNS:
                return None  # "the order to call off an assault", "the law ratifying the treaty": an act or a text never acts
            return v.head
        if v.dep_ in INHERIT_DEPS and v.head.i != v.i:
            v = v.head
            if v.pos_ == "ADP":  # "in defeating" → the verb the preposition hangs on
                v = v.head
            continue
        return None
    return None


def _reported_subject(subj: Token, verb: Token) -> Token:
    """'X confirmed that it had sent troops' → X; only for third-person pronouns, and never for a
    pronoun in the speaker's own quoted words ('"They are fighting," X said': not X)."""
    if subj.lower_ not in PRONOUNS:
        return subj
    v = verb
    while v.dep_ in ("conj", "xcomp") and v.head.i != v.i:
        v = v.head
    if v.dep_ == "ccomp":
        outer = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
        lo, hi = sorted((subj.i, v.head.i))
        if outer is not None and outer.lower_ not in PRONOUNS and not any(t.is_quote for t in subj.doc[lo:hi]):
            return outer
    return subj


def _target(verb: Token, used: Token | None, actor: Token | None) -> Token | None:
    actor_i = actor.i if actor is not None else -1  # tokens compare by index: spaCy makes a new object per access
    if used is None or used.dep_ not in ("dobj", "nsubjpass"):
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.i != actor_i and (used is None or used.i not in (t.i for t in c.subtree)):
                if c.lower_ in RELATIVE and verb.dep_ == "relcl":
                    return verb.head if verb.head.i != actor_i else None  # "the city that forces attacked"
                return c  # not the quantity of the event noun: "provided 5,000 tons of aid"
    heads = [verb]
    u = used
    while u is not None and u.i != verb.i and len(heads) < 4:  # the object and what lies between: "tons of aid"
        heads.append(u)
        u = u.head
    if used is not None and used.dep_ == "prep":  # "spoke with X", "called on X": the pair's own preposition first
        found = prep_object([used], TARGET_PREPS, actor_i, ("NOUN", "PROPN", "PRON"))
        if found is not None:
            return found
    typing_prep = used.head.i if used is not None and used.dep_ == "pobj" else -1  # "spoke on the telephone": the means, no target
    for h in heads:
        found = prep_object((c for c in h.children if c.i != typing_prep), TARGET_PREPS, actor_i, ("NOUN", "PROPN", "PRON"))
        if found is not None:
            return found
    return None


def _modality(verb: Token) -> str:
    chain = [verb]
    while chain[-1].dep_ in ("xcomp", "conj") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    litotes = lexicon()["litotes_heads"]
    for v in chain:
        kids = list(v.children)
        if v.i != verb.i and v.lemma_.lower() in litotes:
            continue  # "would not hesitate to strike": the negation asserts the intention
        if any(c.dep_ == "neg" for c in kids) or any(_nobody(c) for c in kids):
            return "negated"
    for v in chain:
        kids = list(v.children)
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in kids) or any(
                c.dep_ == "mark" and c.lower_ in MARKERS["condition_marks"] for c in kids):
            return "hypothetical"
    for v in chain:
        if any(c.lower_ in HEDGES for c in v.children):
            return "hedged"
    if _purpose(chain[-1]):
        return "intended"
    root = verb.sent.root
    if root.lemma_.lower() in CLAIM_VERBS or any(t.lemma_.lower() in CLAIM_VERBS and t.pos_ == "NOUN" for t in root.children):
        return "hedged"
    return "asserted"


def _nobody(subj: Token) -> bool:
    """'No one claimed responsibility', 'nobody was hurt': a subject that denies the act."""
    if subj.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return subj.lower_ in NEGATIVE_SUBJECTS or any(c.dep_ == "det" and c.lower_ in MARKERS["negative_determiners"] for c in subj.children)


def _purpose(verb: Token) -> bool:
    """'opened fire to disperse …', 'took steps to enhance …': an infinitive of purpose states an aim,
    not an act (an infinitive completing a verb — 'agreed to share' — is that verb's xcomp)."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    if verb.dep_ == "advcl":
        return True
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in PURPOSE_NOUNS  # not "an attempt to assassinate"


def _evidence(verb: Token, actor: Token | None) -> tuple[int, int]:
    sent = verb.sent
    left = min(verb.left_edge.i, actor.left_edge.i if actor is not None and actor.sent == sent else verb.i)
    return clause_offsets(verb.doc, sent, left, verb.right_edge.i)


def _conjuncts(noun: Token | None) -> list[Token | None]:
    if noun is None:
        return [None]
    return [noun] + [c for c in noun.conjuncts if c.i > noun.i and c.pos_ in ("NOUN", "PROPN")]


def _governed_by_event(tok: Token, triggers: dict[int, tuple], nominal: bool = False) -> bool:
    """PLOVER codes the governing act: 'agreed to share', 'threatened to attack', 'refused to
    withdraw', 'demanded an admission that forces murdered …', 'lifted a curfew where 28 were
    killed' are one event each.  Any event trigger above the word counts, except across a
    coordination of events that stand alone ('attacked the port and killed two guards' are two
    events); a word coordinated with an untyped verb inside a governed act is governed with it
    ('promised to democratize the country and establish the rule of law'), and so is a verb of the
    same type coordinated with a governed one ('fired rockets, killing or wounding 50': one act)."""
    v = tok
    while v.head.i != v.i:
        if v.dep_ == "conj":
            first = v
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            if first.i in triggers:
                return v.i in triggers and triggers[first.i][0] == triggers[v.i][0] and _governed_by_event(first, triggers, nominal)
            if first.pos_ != "VERB" and noun_type(first) is not None:
                return False  # coordinated event nouns stand alone
            v = first  # an untyped word heads the coordination: go on above it
            if v.head.i == v.i:
                return False
        if nominal and (v.dep_ in ADJUNCT_DEPS or (v.dep_ == "prep" and v.lower_ in TEMPORAL_PREPS)):
            return False  # "expressed disappointment, following a call": the call is an event of its own
        v = v.head
        if v.i in triggers:
            return True
    return False


def _intention(verb: Token) -> tuple[bool, Token | None]:
    """(whether the verb is a stated intention, the word that states it: the reporting verb
    ('said it would'), else the intention word ('plans to', 'willing to'), else None)."""
    v = verb
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    aux = {c.lower_ for c in v.children if c.dep_ == "aux"}
    if any(c.dep_ == "auxpass" for c in v.children):
        return False, None  # "troops would be deployed": nobody states an intention of their own
    intended, stated_by = bool(aux & FUTURE_AUX), None
    heads, litotes = lexicon()["intention_heads"], lexicon()["litotes_heads"]
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in heads and (
            v.head.lemma_.lower() not in litotes or any(c.dep_ == "neg" for c in v.head.children)):
        intended, v = True, v.head
        stated_by = v
        if v.dep_ in ("acomp", "amod") and v.head.i != v.i:  # "is willing to" → the clause verb "is"
            v = v.head
    report = v.head if v.dep_ == "ccomp" and v.head.lemma_.lower() in REPORTING else None
    if aux & _W["backshift_modals"] and report is not None:  # "said it would allow": reported future
        intended = True
    return intended, (report or stated_by if intended else None)


def _nominal_actor(noun: Token) -> Token | None:
    for c in noun.children:
        if c.ent_type_ in DATE_ENTITIES:
            continue  # "Saturday's strikes", "the Monday talks": a time, never who acts
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN" and not venue_compound(noun, c)):
            return c
    for c in noun.children:
        if c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"):
            return c
    return None


def _nominal_target(noun: Token) -> Token | None:
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS:
            pobj = pobj_of(c)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "PRON"):
                return pobj
    return None


def _obligation(verb: Token) -> Token | None:
    """'X must / should withdraw', 'X needs to resolve', 'it is necessary to disconnect' state a
    demand on X (REQUEST): the word that states it, else None.  'we must' is a commitment, not a demand."""
    if verb.lemma_.lower() in MARKERS["auxiliary_verbs"] or verb.lemma_.lower() in REPORTING:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in _W["first_person"]:
        return None
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX), None)
    if modal is not None:
        return modal
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i and head.lemma_.lower() in OBLIGATION_HEADS:
        return head
    if verb.dep_ in ("xcomp", "advcl", "ccomp") and head.lemma_.lower() == MARKERS["copula"]:  # "it is necessary to disconnect"
        return next((c for c in head.children if c.dep_ == "acomp" and c.lemma_.lower() in OBLIGATION_HEADS), None)
    return None


def _titled_act(verb: Token) -> tuple[str, Token, Token] | None:
    """'signed the Executive Order On the Recognition of X', 'signed Decree № 64 "On the imposition
    of martial law"', 'adopted the Law On Ratifying the Treaty': a verb that enacts a document whose
    title ("On …", on the verb or on the document) names an act is that act → (type, the document,
    the title's event word); None otherwise."""
    doc_noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and _is_document(c)), None)
    if doc_noun is None:
        return None
    for prep in [c for c in verb.children if c.dep_ == "prep"] + [c for c in doc_noun.children if c.dep_ == "prep"]:
        if prep.lower_ != MARKERS["on"]:
            continue
        word = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
        for _ in range(2):  # "On the imposition of martial law": the act is below the nominalisation
            if word is None:
                break
            type_, used = event_type(word) if word.pos_ == "VERB" else (noun_type(word), None)
            if word.pos_ == "VERB" and word.lemma_.lower() not in lexicon()["verbs"]:
                type_ = None  # only the hand table's verbs ("On Ratifying"): a CAMEO reading of "On awarding our heroes" is no act
            if type_ is not None:
                return type_, doc_noun, word
            of = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == MARKERS["of"]), None)
            word = pobj_of(of) if of is not None else None
    return None


def _content_act(verb: Token) -> tuple[str, Token, Token | None] | None:
    """'issued a declaration demanding that X …', 'released a statement condemning the raid': a
    statement issued whose participle names a speech act is that act, done by the issuer → (type,
    the participle, its object) or None.  Not a law or decree: "approved a law recognising X" is
    the approval (what the law does is its content, not the issuer's act)."""
    for doc_noun in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS):
        for acl in (c for c in doc_noun.children if c.dep_ == "acl" and c.tag_ == "VBG"):
            type_, _ = event_type(acl, bare_code_needs_actors=False)
            if type_ is not None:
                return type_, acl, next((c for c in acl.children if c.dep_ == "dobj"), None)
    return None


def _called_for(verb: Token) -> tuple[Token, Token] | None:
    """'called for X to resign': the parse makes "for" the mark of the infinitive clause, where
    'call for' (REQUEST) is only read as a preposition → ("for", the clause's verb) or None."""
    for c in verb.children:
        if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > verb.i:
            mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ == MARKERS["for"]), None)
            if mark is not None and mark.i == verb.i + 1:
                return mark, c
    return None


def _is_document(noun: Token) -> bool:
    return any(t.lemma_.lower() in DOCUMENT_NOUNS for t in (noun, *noun.children) if t.i <= noun.i)


def _title_target(word: Token) -> Token | None:
    """Who a titled act is done to: the named `of` object of its word ("the Recognition of the Donetsk People's Republic")."""
    if word.pos_ == "VERB":
        return next((c for c in word.children if c.dep_ == "dobj"), None)
    of = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == MARKERS["of"]), None)
    pobj = pobj_of(of) if of is not None else None
    return pobj if pobj is not None and pobj.pos_ == "PROPN" else None


def _verb_events(doc: Doc, typed: dict, framed: dict) -> list[FoundEvent]:
    out, triggers, lex = [], typed, lexicon()
    for i, (type_, used) in typed.items():
        tok = doc[i]
        if _governed_by_event(tok, triggers):
            continue
        end = used if used is not None and used.i > tok.i and used.dep_ in ("prt", "dobj") and used.i - tok.i <= 3 else tok
        actor = _subject(tok)
        target = _target(tok, used, actor)
        modality = _modality(tok)
        start, stop = _evidence(tok, actor)
        trigger = tok
        if i in framed:  # "signed the Executive Order On the Recognition of X", "called for X to resign"
            end, target = framed[i]
        elif used is not None and used.dep_ == "nsubjpass" and used.i < tok.i and noun_type(used):
            trigger, end = used, (tok if tok.i - used.i <= 3 else used)  # "the summit, which …, was held"
            start = min(start, used.idx)
        obliged_by = _obligation(tok)
        if obliged_by is not None:  # a demand on the subject: the speaker asks, the subject is asked
            trigger = obliged_by if obliged_by.i < tok.i else tok
            start = min(start, obliged_by.idx)
            out.append(FoundEvent("REQUEST", trigger, end, None, actor, "asserted", start, stop, speaker_acts=True, core=tok))
            continue
        intended, stated_by = _intention(tok)
        if modality == "negated" and (type_ == "AGREE" or (intended and type_ in lex["cooperative"])):
            type_, modality = "REJECT", "asserted"  # "has not agreed", "won't withdraw": a refusal is made
        elif intended and modality != "negated" and (type_ in lex["cooperative"] or type_ in lex["hostile"]):
            type_ = "AGREE" if type_ in lex["cooperative"] else "THREATEN"
            modality = "asserted" if modality == "hypothetical" else modality  # the offer or threat is made
            if stated_by is not None:
                trigger, end = (stated_by, end) if stated_by.i < tok.i else (tok, stated_by)
                start = min(start, doc[stated_by.left_edge.i].idx)
        for a in _conjuncts(actor):
            out.append(FoundEvent(type_, trigger, end, a, target, modality, start, stop, core=tok))
    return out


def _obligation_events(doc: Doc, typed: dict) -> list[FoundEvent]:
    """Demands stated with a modal on a verb that names no event of its own ('Israel should understand
    its responsibility')."""
    out, triggers = [], typed
    for tok in doc:
        if tok.pos_ != "VERB" or tok.i in triggers or _governed_by_event(tok, triggers):
            continue
        obliged_by = _obligation(tok)
        if obliged_by is None:
            continue
        subj = _subject(tok)
        start, stop = _evidence(tok, subj)
        trigger = obliged_by if obliged_by.i < tok.i else tok
        end = tok if trigger is obliged_by else obliged_by
        out.append(FoundEvent("REQUEST", trigger, end, None, subj, "asserted", min(start, obliged_by.idx), stop, speaker_acts=True, core=tok))
    return out


NOUN_ARGUMENT_DEPS = ("compound", "amod", "npadvmod", "nmod")
NAME_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "FAC", "NORP", "WORK_OF_ART"})
# who a call is held with: an entity, or a noun naming people in office ("a call with the ministers")
PARTY_ENTITIES = frozenset({"ORG", "PERSON", "GPE", "NORP"})
PARTY_NOUNS = _W["party_nouns"]


def _background(noun: Token) -> bool:
    """'after bloody clashes', 'following the peace deal', 'after five days of fighting': an event
    noun in a temporal adjunct (through 'of' phrases) sets the scene for the clause's own event;
    one that names what it struck ('following the shelling of its embassy') is told for its own sake
    (`referred.py` keeps the scene as an act of its own)."""
    return scene_preposition(noun) is not None


def _hosted(verb: Token) -> tuple[str, Token] | None:
    """'received the delegation', 'the head of the delegation was received by Putin': a visit hosted
    (CONSULT) when the verb's own object or passive subject is a person or a visitor noun."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.lemma_.lower() in lexicon()["visitor_nouns"]):
            return "CONSULT", c
    return None


def _given_with(verb: Token) -> tuple[str, Token] | None:
    """'provided Ukraine with $8.5 billion in budget aid', 'supplied the army with weapons' (AID):
    what sits below 'with' is money, arms or aid."""
    w = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == MARKERS["with"]), None)
    goods = pobj_of(w) if w is not None else None
    if goods is not None and (goods.ent_type_ == "MONEY" or goods.lemma_.lower() in GOODS or noun_type(goods) == "AID"
                              or any(noun_type(g) == "AID" for g in goods.subtree)):
        return "AID", goods
    return None


def _nominalised_pair(noun: Token) -> tuple[str, Token] | None:
    """'the announcement of a ceasefire' reads as 'announce ceasefire' (CONCEDE), 'the imposition of
    sanctions' as 'impose sanctions': (the pair's type, the object noun) or None."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == MARKERS["of"]), None)
    obj = pobj_of(of) if of is not None else None
    if obj is None:
        return None
    verb, pairs = lexicon()["nominalisations"][noun.lemma_.lower()], lexicon()["verb_object"]
    first = min((c.i for c in obj.children if c.dep_ == "compound" and c.i < obj.i), default=obj.i)
    joined = "".join(t.text for t in obj.doc[first:obj.i + 1]).lower()  # "cease-fire", split by the tokenizer
    for key in (f"{verb} {obj.lemma_.lower()}", f"{verb} {obj.lower_}", f"{verb} {joined}"):
        if key in pairs:
            return pairs[key], obj
    return None


def _genre_noun_type(noun: Token) -> str | None:
    """Event nouns the tables type only in context: a state's 'operation' ("Ukraine's operation in
    Kursk", "the Russian operation": use of force), and the delivery, supply, provision or transfer
    of arms or aid (AID; "the transfer of power" is none)."""
    lemma = noun.lemma_.lower()
    if lemma == "operation" and any((c.dep_ == "poss" and c.ent_type_ in ("GPE", "NORP")) or (c.dep_ == "amod" and c.ent_type_ == "NORP")
                                    for c in noun.children):
        return "ASSAULT"
    return "AID" if goods_transfer(noun) else None


def _contact_occasion(noun: Token) -> bool:
    """'agreed on a call with Trump to halt strikes': a call with a party that an act is done on is
    an event of its own, not part of the act."""
    return noun.dep_ == "pobj" and noun.lemma_.lower() in lexicon()["contact_occasions"] and _with_party(noun)


def _with_party(noun: Token) -> bool:
    """'a call with President Trump', 'a video call with the ministers': the noun's `with` object
    names a party — a person, body or state, or a role or group noun."""
    w = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == MARKERS["with"]), None)
    party = pobj_of(w) if w is not None else None
    return party is not None and (party.ent_type_ in PARTY_ENTITIES or party.pos_ == "PROPN"
                                  or party.lemma_.lower() in PARTY_NOUNS)


def _names_meeting(noun: Token, type_: str) -> bool:
    """'the BRICS Summit', 'the Normandy Format meeting': a meeting noun that ends the name of an
    entity names a meeting (not a body whose name holds an event word: 'the Agency for Cooperation')."""
    doc = noun.doc
    return type_ == "CONSULT" and noun.ent_iob_ in ("B", "I") and (noun.i + 1 == len(doc) or doc[noun.i + 1].ent_iob_ != "I")


def _noun_events(doc: Doc, typed: dict) -> list[FoundEvent]:
    used = {u.i for _, u in typed.values() if u is not None}
    out, triggers = [], typed
    nominalised = {}  # "the announcement of a ceasefire": the nominalisation → (its verb + object pair's type, the object)
    for tok in doc:
        if tok.i not in used and tok.pos_ == "NOUN" and tok.lemma_.lower() in lexicon()["nominalisations"]:
            pair = _nominalised_pair(tok)
            if pair is not None:  # (the object comes after its nominalisation: marked before it is reached)
                nominalised[tok.i] = pair
                used.add(pair[1].i)  # the object is part of the act ("a ceasefire" of "the announcement of a ceasefire")
        type_ = None if tok.i in used else (nominalised[tok.i][0] if tok.i in nominalised else noun_type(tok) or _genre_noun_type(tok))
        if type_ is None or (tok.ent_type_ in NAME_ENTITIES and not _names_meeting(tok, type_)):
            continue  # "the Agency for Development and Cooperation" names a body
        if _governed_by_event(tok, triggers, nominal=True) and not _contact_occasion(tok):
            continue  # "condemned the attack on X" is one ACCUSE event; "agreed on a call with X to …": the call is one too
        if tok.dep_ in NOUN_ARGUMENT_DEPS:
            continue  # "ceasefire deal": the deal is the event
        if _heading(tok.sent):
            continue  # "On negotiations", "Meeting points:": a topic heading names no act
        actor, target = (None if _names_meeting(tok, type_) else _nominal_actor(tok)), _nominal_target(tok)
        trigger = tok
        head = tok.head if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB" else None
        if head is not None and head.lemma_.lower() in UNDERGOING_VERBS:
            target = target if target is not None else _subject(head)  # "captains would face sanctions": the sanctioned
        elif head is not None and actor is None:
            actor = _subject(head)  # "the parties underlined a mutual commitment", "Russia continued shelling"
        end = nominalised[tok.i][1] if tok.i in nominalised else tok  # "the announcement of a ceasefire"
        if head is not None and type_ == "AGREE" and head.i < tok.i:
            trigger = head  # the stated intent: "reaffirmed a mutual readiness"
        start, stop = _evidence(tok, actor)
        if trigger is not tok:
            start = min(start, trigger.idx)
        modality = _modality(head) if head is not None else "asserted"
        if actor is None and target is None and head is None and _background(tok) and any(
                j in triggers for j in range(tok.sent.start, tok.sent.end)):
            continue  # "captured the stronghold after five days of fighting": one event, the capture
        for a in _conjuncts(actor):
            out.append(FoundEvent(type_, trigger, end, a, target, modality, start, stop))
    return out


def _heading(sent) -> bool:
    """Whether a sentence is a topic heading: at most four words, no verb, ending in a colon or
    with no final stop, alone on its line ("On negotiations", "Meeting points:")."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words or len(words) > 4 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is not None and last.text == ":":
        return True
    doc = sent.doc
    after = doc[sent.end] if sent.end < len(doc) else None
    return (last is None or last.text not in (".", "!", "?", "\"", "”")) and (after is None or "\n" in sent[-1].text_with_ws
                                                                        or after.is_space)


def _demand_nouns(doc: Doc, typed: dict) -> list[FoundEvent]:
    """'stressed the importance of starting talks', 'the need to impose sanctions': a demand (REQUEST)
    that the act named after the noun be done; the noun's clause gives the evidence."""
    out = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in DEMAND_NOUNS:
            continue
        what = next((c for c in tok.children if (c.dep_ == "prep" and c.lower_ in MARKERS["demand_preps"]) or c.dep_ == "acl"), None)
        if what is None:
            continue
        head = tok.head if tok.dep_ in ("dobj", "nsubjpass", "attr") and tok.head.pos_ in ("VERB", "AUX") else None
        trigger = head if head is not None and head.i < tok.i else tok
        start, stop = _evidence(tok, None)
        start = min(start, trigger.idx)
        out.append(FoundEvent("REQUEST", trigger, tok, _subject(head) if head is not None else None, None,
                              "asserted", start, stop, speaker_acts=True, core=tok))
    return out


def _stance_events(doc: Doc, typed: dict) -> list[FoundEvent]:
    """'is ready / willing / open to …' (AGREE), 'is unacceptable' (ACCUSE): a predicate adjective
    that states a stance, unless an event verb below it already says what is offered."""
    stances, out, triggers = lexicon()["stance_adjectives"], [], set(typed)
    for tok in doc:
        type_ = stances.get(tok.lower_) if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod", "ROOT", "conj", "oprd", "ccomp", "xcomp") else None
        if type_ is None:
            continue
        if type_ == "AGREE":
            complements = [w for c in tok.children if c.dep_ == "xcomp" for w in (c, *c.conjuncts)]
            if any(w.i in triggers for w in complements) or not any(
                    c.dep_ in ("xcomp", "prep") and (c.dep_ == "xcomp" or c.lower_ in MARKERS["intention_preps"]) for c in tok.children):
                continue  # "ready to withdraw" is the intention rule's; "an open letter" states nothing
            # an act further below ("willing to send equipment to help defend X") is the offer's purpose
        verb = tok.head if tok.dep_ == "acomp" else tok
        actor = _subject(verb)
        if actor is not None and type_ == "ACCUSE":
            actor, target = None, actor  # "sanctions are unacceptable": the sanctions are criticised
        else:
            target = None
        start, stop = _evidence(verb, actor if type_ != "ACCUSE" else None)
        out.append(FoundEvent(type_, tok, tok, actor, target, _modality(verb), start, stop, core=tok))
    return out


def find_events(doc: Doc) -> list[FoundEvent]:
    typed, framed = {}, {}  # framed: verb index → (trigger end, target) its frame gives
    for tok in doc:
        if tok.pos_ == "VERB":
            type_, used = event_type(tok)
            lemma = tok.lemma_.lower()
            if (type_ is None or type_ == "COOPERATE") and lemma in lexicon()["aid_verbs"]:
                type_, used = _given_with(tok) or (type_, used)
            if type_ is not None and lemma in lexicon()["invitation_verbs"] and not any(c.dep_ in CLAUSE_CHILDREN for c in tok.children):
                type_ = "AGREE"  # "invited Reeves to further discussions": an offer to meet
            if type_ is None and lemma in lexicon()["host_verbs"]:
                type_, used = _hosted(tok) or (None, None)
                if used is not None:
                    framed[tok.i] = tok, used  # the visitor is who the visit is hosted for
            if lemma in ENACTING_VERBS:  # the title names the act, whatever the verb alone would say
                title = _titled_act(tok)
                if title is not None:
                    type_, used, word = title
                    framed[tok.i] = word, _title_target(word)
                content = _content_act(tok) if title is None else None
                if content is not None:  # "issued a declaration demanding …": the declaration's act
                    type_, used = content[0], None
                    framed[tok.i] = content[1], content[2]
            if tok.dep_ in ("acl", "relcl"):  # a pair with the noun is more specific than the verb alone
                type_, used = next((p for p in [participle_type(tok)] if p[0] is not None), (type_, used))
            if type_ is None and tok.lemma_.lower() == MARKERS["call"]:
                clause = _called_for(tok)
                if clause is not None:  # "called for Prime Minister Han to face impeachment"
                    type_, used = "REQUEST", None
                    framed[tok.i] = clause[0], own_subject(clause[1])
            if type_ is not None:
                typed[tok.i] = (type_, used)
    heads = lexicon()["intention_heads"]
    for i in [i for i in typed if doc[i].lemma_.lower() in heads]:  # "plans to impose": the plan is the
        if any(c.dep_ == "xcomp" and c.i in typed for c in doc[i].children):  # intention of the act below
            del typed[i]
    found = (_verb_events(doc, typed, framed) + _obligation_events(doc, typed) + _noun_events(doc, typed)
             + _stance_events(doc, typed) + _demand_nouns(doc, typed))
    found = _one_act(found)
    for e in found:
        if e.type in SPEECH_ACT_TYPES:
            _from_report(e)
    return sorted(found, key=lambda e: e.trigger.i)


def _one_act(found: list[FoundEvent]) -> list[FoundEvent]:
    """'donated and delivered $50,000 worth of goods', 'condemned and denounced the raid': verbs of
    one type coordinated under one subject and sharing their object (the first has none of its
    own) are one act (PLOVER codes it once); the later verb joins the first one's trigger.  A verb
    with a subject or object of its own, another type or another modality stays an event of its
    own ('attacked the port and killed two guards')."""
    by_word = {e.word.i: e for e in found if e.word.pos_ == "VERB"}
    out = []
    for e in found:
        w = e.word
        first = by_word.get(w.head.i) if w.dep_ == "conj" and w.pos_ == "VERB" else None
        if (first is not None and first is not e and first.type == e.type and first.modality == e.modality
                and first.trigger_end.i < w.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in w.children)
                and not any(c.dep_ in ("dobj", "nsubjpass") for c in first.word.children)):
            first.trigger_end = w if e.trigger_end.i <= w.i else e.trigger_end
            first.end = max(first.end, e.end)
            first.target = first.target if first.target is not None else e.target  # "… and delivered aid to X"
            by_word[w.i] = first
            continue
        out.append(e)
    return out


def _from_report(e: FoundEvent) -> None:
    """An offer, threat, refusal or demand made in reported speech ("Russia said Sudan must return …",
    "said it would not meet …") is made by the reporting: the trigger runs from the reporting verb —
    never across a quotation mark, out of the speaker's own words to their cue."""
    v = e.word
    while v.dep_ not in ("ccomp", "ROOT") and v.head.i != v.i:
        v = v.head
    report = v.head if v.dep_ == "ccomp" and v.head.lemma_.lower() in REPORTING else None
    if report is None or e.trigger.i <= report.i <= e.trigger_end.i:
        return
    lo, hi = (report.i, e.trigger.i) if report.i < e.trigger.i else (e.trigger_end.i, report.i)
    if any(t.is_quote for t in v.doc[lo:hi]):
        return  # ""We expect support," said X": words in quotation marks are the speaker's own act
    if e.core is None:
        e.core = e.trigger
    e.reported = range(e.trigger.i, e.trigger_end.i + 1)
    if report.i < e.trigger.i:
        e.trigger = report
    else:
        e.trigger_end = report
    e.start = min(e.start, report.idx)
    e.end = max(e.end, report.idx + len(report.text))
