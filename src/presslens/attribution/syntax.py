"""Reading the dependency parse for attribution: a cue verb's subject, the speaker's noun phrase,
a token's subtree as a character range, the channel a statement went out on.  Shared by the
pattern families in `patterns/`."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..doccache import doc_text, ents_in
from .candidates import token_range
from ..names.vocabulary import BODY_NOUNS, COLLECTIVE_NOUNS, GROUP_NOUNS, ROLE_NOUNS, TITLE_WORDS
from .lexicon import BELIEF_VERBS, CHANNEL_VERBS, CHARACTERIZING_VERBS, EVIDENCE_NOUNS, MARKERS, MEDIA_NOUNS, OBJECT_CUES, PREP_CUES, SPEECH_VERBS, STATEMENT_NOUNS

CLAUSE_DEPS = {"ccomp", "xcomp", "csubj"}
SPEAKER_EXCLUDED_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "prep"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
QUOTE_CLOSERS = ("”", '"', "’", "''", "»")
STRANDED_SPEAKERS = ("PERSON", "ORG", "NORP", "GPE")  # entity types a stranded appositive names
CUE_LEMMAS = SPEECH_VERBS | BELIEF_VERBS | OBJECT_CUES | CHARACTERIZING_VERBS  # the last two report an object


def subtree_range(tok: Token, exclude: Token | None = None, sent: Span | None = None) -> tuple[int, int] | None:
    """Char range of `tok`'s subtree, optionally cut at `exclude`'s subtree, kept inside `sent`."""
    toks = [t for t in tok.subtree if sent is None or sent.start <= t.i < sent.end]
    if exclude is not None:
        banned = {t.i for t in exclude.subtree}
        # keep the contiguous side of tok that does not contain the excluded tokens
        before = [t for t in toks if t.i < min(banned) and t.i not in banned]
        after = [t for t in toks if t.i > max(banned) and t.i not in banned]
        toks = max(before, after, key=lambda ts: sum(len(t) for t in ts))
    toks = [t for t in toks if not t.is_space]
    if not toks:
        return None
    return token_range(toks)


def speaker_phrase(tok: Token) -> Span:
    """The noun phrase naming a speaker: the subject's subtree without clauses and trailing punctuation."""
    keep = {tok.i}
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in SPEAKER_EXCLUDED_DEPS and not (c.dep_ == "prep" and c.i < tok.i + 6 and c.text in MARKERS["speaker_preps"] and t.i == tok.i):
                continue
            if c.dep_ == "appos" or c.dep_ in ("compound", "amod", "det", "poss", "case", "nmod", "nummod", "conj", "pobj", "prep", "punct", "cc", "advmod", "npadvmod"):
                keep.add(c.i)
                stack.append(c)
    # keep coordination glue between kept tokens ("DPRK and Russian officials")
    lo, hi = min(keep), max(keep)
    doc = tok.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
        hi -= 1
    return doc[lo : hi + 1]




def is_cue_verb(tok: Token) -> bool:
    """A speech or belief verb, or a verb that reports the object of its preposition ("pushed for …")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    return lemma in CUE_LEMMAS or (lemma in PREP_CUES and any(
        c.dep_ == "prep" and c.i > tok.i and c.lower_ in PREP_CUES[lemma] for c in tok.children))


def find_subject(verb: Token) -> Token | None:
    """Subject of `verb`, inherited through coordination and participles ("…, saying that")."""
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:  # two subjects are a misparse ("The plan, he said, …"): the nearest is the verb's
            return min(subjects, key=lambda c: abs(verb.i - c.i))
        if (first_cue := second_cue_of(verb)) is not None:
            verb = first_cue
            continue
        if verb.dep_ == "advcl" and trailing_participle(verb) and verb.head.dep_ == "ccomp" and is_cue_verb(verb.head.head) \
                and verb.head.head.i < verb.head.i:
            # "X said the state would recover, urging residents …": the participle hangs on the
            # reported clause, but it is X who urges
            verb = verb.head.head
            continue
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        # "Yellen is likely to stress …", "he was quick to deny …": the subject of the copula
        if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head
            continue
        # "footage of Clinton asking, “…”": a participle's subject is the name it modifies
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and verb.head.pos_ == "PROPN":
            return verb.head
        # "a lawsuit alleging that …", "ledgers showing he was paid": the document says it — or
        # whoever issued it ("Kim's letter urging …", "Kim issued a statement saying …")
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i and verb.head.pos_ == "NOUN" \
                and verb.head.lemma_.lower() in EVIDENCE_NOUNS | STATEMENT_NOUNS:
            return issuer(verb.head)
        # "After saying he was nervous, the man …": the participle's subject is the main clause's
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head
            continue
        return None
    return None


def stranded_subject(subj: Token, verb: Token) -> Token | None:
    """"…, killing at least 11 civilians, regional governor X said": the parser takes the reported
    clause's last noun as the cue's subject and the speaker as its appositive. When that noun runs
    on from a clause of the cue without a comma, is no person, role or body word, and its
    appositive — a named person or body, or a role noun — stands just before the cue, the
    appositive is the speaker (None otherwise)."""
    if subj.dep_ != "nsubj" or subj.pos_ != "NOUN" or subj.ent_type_ in STRANDED_SPEAKERS or subj.i > verb.i:
        return None
    if subj.lemma_.lower() in ROLE_NOUNS | TITLE_WORDS | BODY_NOUNS | GROUP_NOUNS | COLLECTIVE_NOUNS:
        return None
    clause = next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < subj.i), None)
    if clause is None or clause.right_edge.i + 1 != subj.left_edge.i:
        return None
    for appos in subj.children:
        if appos.dep_ == "appos" and appos.i > subj.i and appos.right_edge.i + 1 == verb.i \
                and subj.doc[appos.left_edge.i - 1].text == "," \
                and (appos.ent_type_ in STRANDED_SPEAKERS or appos.lemma_.lower() in ROLE_NOUNS | BODY_NOUNS):
            return appos
    return None


def issuer(document: Token) -> Token:
    """Who a statement or document is by: its possessor, or the subject of the verb that issued
    it ("Kim released a statement"); else the document itself."""
    poss = next((c for c in document.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if poss is not None:
        return poss
    if document.dep_ == "dobj" and document.head.pos_ == "VERB":
        subj = next((c for c in document.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ not in MARKERS["relative_subjects"]:
            return subj
    return document


def second_cue_of(verb: Token) -> Token | None:
    """"X said A and said B" parsed with the second "said" coordinated inside A: the first cue."""
    head = verb.head
    if verb.dep_ == "conj" and verb.lemma_.lower() in SPEECH_VERBS and head.dep_ == "ccomp" and is_cue_verb(head.head) and head.head.i < head.i:
        return head.head
    return None


def reports_clause(verb: Token) -> bool:
    """Whether a verb governs a finite clause of its own ("argues that he …", "adding it was …")."""
    return any(c.dep_ == "ccomp" and any(g.dep_ in SUBJECT_DEPS or g.dep_ == "mark" for g in c.children) for c in verb.children)


def states_proposition(verb: Token) -> bool:
    """Whether a verb governs a finite clause with its own subject — "believes (that) the plan
    will fail" states a claim; "wants to win", "wants him to win" state a wish."""
    return any(c.dep_ == "ccomp" and c.i > verb.i and any(g.dep_ in SUBJECT_DEPS for g in c.children)
               and not any(g.dep_ == "aux" and g.tag_ == "TO" for g in c.children) for c in verb.children)


def trailing_participle(verb: Token) -> bool:
    """", referring to the convention", ", urging voters to …": a cue participle set off by a
    comma after a statement is a statement of its own, whatever follows it."""
    return verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).text == ","


def cut_at_next_cue(rng: tuple[int, int], verb: Token, sent: Span, quoted: set[int]) -> tuple[int, int]:
    """End a content before a further cue verb of the same speaker: "X said A and said B",
    "X said A, adding B", "X says A but argues B", "X said A, referring to B", "X said A and
    criticized Y for B" — B is a statement of its own; and before a cue coordinated with this one
    under a subject of its own ("X said A, and he added that B")."""
    for t in sent:
        if t.i <= verb.i or t.i in quoted or not rng[0] < t.idx < rng[1]:
            continue
        if t.pos_ != "VERB" or t.lemma_.lower() not in SPEECH_VERBS:
            continue
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in t.children)
        states = reports_clause(t) or trailing_participle(t) or (
            t.lemma_.lower() in OBJECT_CUES and any(c.dep_ == "dobj" and c.i > t.i for c in t.children))
        chained = t.dep_ in ("conj", "advcl") and not own_subject and states \
            and (t.head.i == verb.i or second_cue_of(t) is not None or t.head.dep_ in CLAUSE_DEPS and t.head.head.i == verb.i)
        sibling = t.dep_ == "conj" and t.head.i == verb.i and own_subject
        if chained or sibling:
            end = verb.doc[min(t.i, t.left_edge.i)].nbor(-1)
            while end.idx > rng[0] and (end.is_punct or end.is_space or end.dep_ == "cc"):
                end = end.nbor(-1)
            return rng[0], end.idx + len(end)
    return rng


def close_quotation(rng: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Extend a content that stops just short of the end of a quotation it opened."""
    for q_start, q_end in quotes:
        if rng[0] <= q_start < rng[1] < q_end <= rng[1] + 3:
            return rng[0], q_end
    return rng




def medium_told(verb: Token) -> str | None:
    """The news medium a statement was told to: an organisation or a media noun as object of "tell"."""
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj") and (c.ent_type_ == "ORG" or c.lemma_.lower() in MEDIA_NOUNS):
            phrase = speaker_phrase(c)
            return phrase.text
    return None


def recover_subject(verb: Token, sent: Span) -> Token | None:
    """When the parse lost the subject ("On Saturday, General X, presenting a report, said …"),
    take the nearest named person or body before the verb that is not a prepositional object —
    or the name before "in a statement" that the parser made the verb's head."""
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in STATEMENT_NOUNS and verb.head.dep_ == "pobj" \
            and verb.head.head.dep_ == "prep" and verb.head.head.head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return verb.head.head.head  # "Hamas in a statement called …" parsed as "a statement called …"
    if verb.dep_ not in ("ROOT", "conj") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for c in verb.children:  # inverted: "…,” said Jane Doe, who …
        if c.i > verb.i and c.dep_ in ("dobj", "attr", "npadvmod") and c.pos_ == "PROPN" and verb.lemma_ == MARKERS["say"]:
            return c
    for ent in reversed([e for e in ents_in(sent) if e.end <= verb.i]):
        if ent.label_ in ("PERSON", "ORG", "NORP", "GPE") and ent.root.dep_ not in ("pobj", "dobj", "poss", "compound"):
            return ent.root
    return None


def is_evidence_source(speaker: Span) -> bool:
    """"The poll shows", "a study found": evidence verbs attribute only to documents and bodies."""
    head = speaker.root
    return head.lemma_.lower() in EVIDENCE_NOUNS or head.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")


def find_channel(sent: Span) -> str | None:
    """The medium a statement was relayed by: "in a statement published on the Kremlin's website",
    "in an interview with CNN", "told Reuters"."""
    for tok in sent:
        if tok.lemma_.lower() in STATEMENT_NOUNS and tok.pos_ == "NOUN":
            for acl in tok.children:
                if acl.dep_ == "acl" and acl.lemma_.lower() in CHANNEL_VERBS:
                    for prep in acl.children:
                        if prep.dep_ == "prep" and prep.lower_ in MARKERS["channel_preps"]:
                            objs = [c for c in prep.children if c.dep_ == "pobj"]
                            if objs and not objs[0].ent_type_ == "DATE":
                                s, e = token_range(objs[0].subtree)
                                return doc_text(sent.doc)[s:e]
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in MARKERS["medium_preps"]:
                    # "an interview with CNN", "a statement to Reuters": a medium, never a person
                    objs = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in ("ORG", "WORK_OF_ART")]
                    if objs:
                        s, e = token_range(objs[0].subtree)
                        return doc_text(sent.doc)[s:e]
    return None


# ----------------------------------------------------------------------------- cue verbs


