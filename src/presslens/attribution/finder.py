"""Find attributions in a parsed Doc: who is reported as saying what, and with which cue.

Three linguistic patterns feed one list of `Attribution` records:

* **Cue verbs** (`find_cue_attributions`): a speech or stance verb from the lexicon with its
  subject as source and its clausal complement or object as content — "X said (that) …",
  "…, X said", "X told reporters …", "X praised Y", "X voiced confidence that …",
  "KCNA quoted the party as saying …" (speaker: the party, channel: KCNA), "X was quoted as
  saying …", "according to X, …", "X's remarks that …", "X spoke about …", "X pointed to …";
  a cue set off by commas splits its content ("The plan, she said, will fail"), a cue in a
  relative clause keeps the relative word ("a plan which she said will fail"), and a second cue
  of the same speaker ends the first content ("X said A, adding B").
* **Quotation marks** (`attach_marked_quotes`): quotations with their cue in the same or the
  next clause ("“…,” he said"), after a colon ("He said: “…”"), interrupted quotes kept as one
  quote with pieces (also when the quotation resumes after the cue's sentence), and
  paragraph-initial quotations that continue the previous speaker; programme titles
  ("on CNN’s “New Day,”") are not statements.
* **Block quotes** (`find_block_quotes`): a paragraph of unmarked first-person speech right
  after a paragraph whose last sentence introduces a speaker.

Speakers are left as token spans here; `speakers.py` resolves them to canonical names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import (
    BELIEF_VERBS,
    CHANNEL_VERBS,
    CHARACTERIZING_VERBS,
    CLAUSE_ONLY_VERBS,
    CUE_NOUNS,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    FIRST_PERSON,
    LIGHT_VERBS,
    MEDIA_NOUNS,
    NON_SPEAKER_LABELS,
    OBJECT_CUES,
    PREP_CUES,
    PRO_FORMS,
    QUOTATION_ONLY_VERBS,
    RELATIVE_WORDS,
    REPORTING_VERBS,
    SAY_VERBS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    TOPIC_VERBS,
    VAGUE_HEADS,
    XCOMP_CUES,
)
from .quotemarks import MarkedQuote, paragraph_bounds

CLAUSE_DEPS = {"ccomp", "xcomp", "csubj"}
SPEAKER_EXCLUDED_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "prep"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
QUOTE_CLOSERS = ("”", '"', "’", "''", "»")


@dataclass
class Attribution:
    """One statement: content pieces (char offsets), cue span, and the speaker's tokens."""

    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: Span | None
    channel: str | None = None
    pattern: str = "cue-verb"
    confidence: float = 0.8
    belief: bool = False
    paragraph: int = -1
    extra: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


# ----------------------------------------------------------------------------- helpers

_TRIM = " \t\n\r,;:—–-"
_TRIM_END = _TRIM + "."


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) past whitespace and clause punctuation, and a leading 'that'."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    for lead in ("that ", "That "):
        if text.startswith(lead, start):
            start += len(lead)
    return start, end


def token_range(tokens) -> tuple[int, int]:
    tokens = list(tokens)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


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
            if c.dep_ in SPEAKER_EXCLUDED_DEPS and not (c.dep_ == "prep" and c.i < tok.i + 6 and c.text in ("of", "for") and t.i == tok.i):
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


def inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def is_cue_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS | BELIEF_VERBS


def find_subject(verb: Token) -> Token | None:
    """Subject of `verb`, inherited through coordination and participles ("…, saying that")."""
    seen = 0
    while verb is not None and seen < 4:
        seen += 1
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:  # two subjects are a misparse ("The plan, he said, …"): the nearest is the verb's
            return min(subjects, key=lambda c: abs(verb.i - c.i))
        if (first_cue := _second_cue_of(verb)) is not None:
            verb = first_cue
            continue
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        # "After saying he was nervous, the man …": the participle's subject is the main clause's
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head
            continue
        return None
    return None


def _second_cue_of(verb: Token) -> Token | None:
    """"X said A and said B" parsed with the second "said" coordinated inside A: the first cue."""
    head = verb.head
    if verb.dep_ == "conj" and verb.lemma_.lower() in SPEECH_VERBS and head.dep_ == "ccomp" and is_cue_verb(head.head) and head.head.i < head.i:
        return head.head
    return None


def _reports_clause(verb: Token) -> bool:
    """Whether a verb governs a finite clause of its own ("argues that he …", "adding it was …")."""
    return any(c.dep_ == "ccomp" and any(g.dep_ in SUBJECT_DEPS or g.dep_ == "mark" for g in c.children) for c in verb.children)


def _cut_at_next_cue(rng: tuple[int, int], verb: Token, sent: Span, quoted: set[int]) -> tuple[int, int]:
    """End a content before a further cue verb of the same speaker: "X said A and said B",
    "X said A, adding B", "X says A but argues B" — B is a statement of its own."""
    for t in sent:
        if t.i <= verb.i or t.i in quoted or not rng[0] < t.idx < rng[1]:
            continue
        if t.dep_ in ("conj", "advcl") and t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS \
                and not any(c.dep_ in SUBJECT_DEPS for c in t.children) and _reports_clause(t):
            end = t.nbor(-1)
            while end.idx > rng[0] and (end.is_punct or end.is_space or end.dep_ == "cc"):
                end = end.nbor(-1)
            return rng[0], end.idx + len(end)
    return rng


def _close_quotation(rng: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """Extend a content that stops just short of the end of a quotation it opened."""
    for q_start, q_end in quotes:
        if rng[0] <= q_start < rng[1] < q_end <= rng[1] + 3:
            return rng[0], q_end
    return rng




def _medium_told(verb: Token) -> str | None:
    """The news medium a statement was told to: an organisation or a media noun as object of "tell"."""
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj") and (c.ent_type_ == "ORG" or c.lemma_.lower() in MEDIA_NOUNS):
            phrase = speaker_phrase(c)
            return phrase.text
    return None


def _recover_subject(verb: Token, sent: Span) -> Token | None:
    """When the parse lost the subject ("On Saturday, General X, presenting a report, said …"),
    take the nearest named person or body before the verb that is not a prepositional object."""
    if verb.dep_ not in ("ROOT", "conj") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for c in verb.children:  # inverted: "…,” said Jane Doe, who …
        if c.i > verb.i and c.dep_ in ("dobj", "attr", "npadvmod") and c.pos_ == "PROPN" and verb.lemma_ == "say":
            return c
    for ent in reversed([e for e in sent.ents if e.end <= verb.i]):
        if ent.label_ in ("PERSON", "ORG", "NORP", "GPE") and ent.root.dep_ not in ("pobj", "dobj", "poss", "compound"):
            return ent.root
    return None


def _is_evidence_source(speaker: Span) -> bool:
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
                        if prep.dep_ == "prep" and prep.lower_ in ("on", "by", "in", "via"):
                            objs = [c for c in prep.children if c.dep_ == "pobj"]
                            if objs and not objs[0].ent_type_ == "DATE":
                                s, e = token_range(objs[0].subtree)
                                return sent.doc.text[s:e]
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "to", "on"):
                    # "an interview with CNN", "a statement to Reuters": a medium, never a person
                    objs = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in ("ORG", "WORK_OF_ART")]
                    if objs:
                        s, e = token_range(objs[0].subtree)
                        return sent.doc.text[s:e]
    return None


# ----------------------------------------------------------------------------- cue verbs


def _content_of(verb: Token, sent: Span, speaker_tok: Token | None) -> tuple[tuple[int, int] | None, tuple[int, int]]:
    """Content range and cue range for a cue verb."""
    lemma = verb.lemma_.lower()
    cue = token_range(sorted([verb] + [c for c in verb.children if c.dep_ == "prt" and c.i > verb.i], key=lambda t: t.i))
    if lemma in TOPIC_VERBS:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in ("about", "of")), None)
        topic = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if topic is None:
            return None, cue
        return subtree_range(topic, sent=sent), (verb.idx, prep.idx + len(prep))
    # light verb + cue noun: "voiced confidence that …", "expressed gratitude to …"
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.i > verb.i and obj.lemma_.lower() in CUE_NOUNS and (lemma in LIGHT_VERBS or lemma in SPEECH_VERBS):
            cue = (verb.idx, obj.idx + len(obj))
            for c in list(obj.children) + list(verb.children):
                if c.dep_ in ("acl", "ccomp", "relcl") and c.i > obj.i and any(m.dep_ == "mark" for m in c.children):
                    return subtree_range(c, sent=sent), cue
            for c in list(obj.children) + list(verb.children):
                if c.dep_ in ("prep",) and c.i > obj.i and c.lower_ in ("to", "for", "over", "about", "with", "in", "at"):
                    s, e = subtree_range(c, sent=sent)
                    return (obj.idx, e), cue
            return None, cue
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and (speaker_tok is None or c.i != speaker_tok.i)]
    if lemma not in XCOMP_CUES:
        clauses = [c for c in clauses if c.dep_ != "xcomp"]
    # "X said that it rejects …" misparsed with "said" under "rejects": the earlier cue clause is
    # the attribution and this verb sits inside its content (a "that" stands between them)
    clauses = [c for c in clauses if not (c.i < verb.i and is_cue_verb(c) and any(
        m.dep_ == "mark" and m.lower_ in ("that", "whether") and c.i < m.i < verb.i for m in verb.children))]
    if clauses:
        clause = clauses[0]
        rng = subtree_range(clause, sent=sent)
        if rng and rng[0] > verb.idx and verb.dep_ == "ROOT":
            # reported speech after a main-clause cue runs to the end of the sentence, taking in
            # quoted fragments and coordinated clauses the parser attached elsewhere
            end = sent[-1]
            while end.i > clause.i and (end.is_punct and end.text not in QUOTE_CLOSERS or end.is_space):
                end = end.nbor(-1)
            rng = (rng[0], max(rng[1], end.idx + len(end)))
        return rng, cue
    # "…, officials said" attached as parataxis of the reported clause
    parenthetical = not any(m.dep_ == "mark" for m in verb.children) and not is_cue_verb(verb.head)
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i != verb.i and verb.head.i < verb.i and parenthetical:
        rng = subtree_range(verb.head, exclude=verb, sent=sent)
        return rng, cue
    for c in verb.children:  # "said so", "said yes", "said that": a pro-form stands for the content
        if c.i > verb.i and c.lower_ in PRO_FORMS and c.dep_ in ("advmod", "dobj", "intj", "ccomp", "attr"):
            return token_range([c]), cue
    if lemma in SAY_VERBS and (verb.dep_ == "ROOT" or (verb.dep_ == "parataxis" and verb.head.i > verb.i)):
        # "X says, win or lose in Tuesday's primary, he's staying": the parse lost the clause;
        # what follows the verb up to the sentence end is what was said
        rest = [t for t in sent if t.i > verb.i and not t.is_space]
        while rest and (rest[-1].is_punct and rest[-1].text not in QUOTE_CLOSERS):
            rest.pop()
        if len(rest) >= 4 and rest[0].is_punct and rest[0].text == "," and any(t.pos_ in ("VERB", "AUX") for t in rest):
            return token_range(rest[1:]), cue
    if lemma in CLAUSE_ONLY_VERBS:
        return None, cue
    if lemma in CHARACTERIZING_VERBS:
        # "described Trump as “a sociopath”", "referred to Rubio as “a leader”": object + as-phrase
        as_phrase = next((c for c in verb.subtree if c.lower_ == "as" and c.dep_ == "prep" and c.i > verb.i), None)
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "prep") and c.i > verb.i), None)
        if as_phrase is not None and obj is not None and obj.i < as_phrase.i:
            s, _ = subtree_range(obj if obj.dep_ == "dobj" else next(iter(obj.children), obj), sent=sent)
            _, e = subtree_range(as_phrase, sent=sent)
            return (s, e), cue
    for c in verb.children:
        opens_quote = c.dep_ == "dobj" and c.left_edge.text in ("“", '"', "``") and c.i > verb.i
        # a pronoun object reports something only with a predicate after it: "called it “predatory”"
        predicated = any(o.dep_ == "oprd" and o.i > c.i for o in verb.children)
        if c.dep_ == "dobj" and (lemma in OBJECT_CUES or opens_quote) and (c.pos_ != "PRON" or predicated):
            end_tok = c
            for o in verb.children:
                # "called the plan a disaster", "thanked Norland for its aid", "accused X of shelling"
                if o.i > c.i and (o.dep_ in ("oprd", "xcomp", "advcl") or (o.dep_ == "prep" and o.lower_ in ("for", "of", "over"))):
                    end_tok = o
            if lemma == "call" and end_tok.i == c.i:
                continue  # "called the police" reports nothing; "called the plan a disaster" does
            s, _ = subtree_range(c, sent=sent)
            _, e = subtree_range(end_tok, sent=sent)
            return (s, e), cue
        if c.dep_ == "prep" and c.i > verb.i and c.lower_ in ("for", "on") and lemma in ("call", "urge"):
            cue = (verb.idx, c.idx + len(c))
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                start, end = subtree_range(objs[0], sent=sent)
                # "called for the US to step up its efforts": the infinitive may hang off the verb
                for o in verb.children:
                    if o.i > objs[0].i and o.dep_ in ("xcomp", "advcl", "ccomp"):
                        end = max(end, subtree_range(o, sent=sent)[1])
                return (start, end), cue
        if c.dep_ == "prep" and c.i > verb.i and c.lower_ == PREP_CUES.get(lemma):
            # "pointed to the jobs report", "referring to the senator": the object is the content
            obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return subtree_range(obj, sent=sent), (verb.idx, c.idx + len(c))
    return None, cue


def _around_parenthetical(verb: Token, speaker: Span, sent: Span) -> list[tuple[int, int]] | None:
    """"The plan, she said, would fail": a cue set off by commas inside the sentence it reports
    splits the content in two pieces, the words before and after it."""
    doc = verb.doc
    start = min(speaker.start, verb.i)
    if start < sent.start + 2 or doc[start - 1].text != "," or speaker.end > verb.i + 1 + 4:
        return None
    between = doc[speaker.end : verb.i] if speaker.end <= verb.i else doc[verb.i + 1 : speaker.start]
    if any(t.dep_ not in ("aux", "advmod", "neg") for t in between):
        return None
    close = next((t for t in doc[max(verb.i, speaker.end - 1) + 1 : min(sent.end, verb.i + 8)] if t.text == ","), None)
    if close is None or any(t.is_quote or (t.head.i == verb.i and t.dep_ in CLAUSE_DEPS | {"dobj"}) for t in doc[verb.i + 1 : close.i]):
        return None
    before = [t for t in doc[sent.start : start - 1] if not t.is_space]
    if any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children) or any(
            t.head.i == verb.i and t.dep_ not in ("ccomp", "nsubj", "punct") for t in before):
        return None  # "The company wrote a letter, …", "On Tuesday, she wrote to …": not an aside
    after = [t for t in doc[close.i + 1 : sent.end] if not t.is_space]
    while after and after[-1].is_punct and after[-1].text not in QUOTE_CLOSERS:
        after.pop()
    if sum(not t.is_punct for t in before) < 2 or sum(not t.is_punct for t in after) < 2 or after[0].is_quote:
        return None  # (", he said, “…”" introduces a quotation: the quotation rules take it)
    text = doc.text
    return [trim(text, *token_range(before)), trim(text, *token_range(after))]


def _relative_content(verb: Token, speaker: Span, sent: Span) -> list[tuple[int, int]] | None:
    """"a plan which she said would fail", "what he calls corruption": the relative word that
    opens the cue's clause, and the words after the cue, are the content (two pieces)."""
    doc = verb.doc
    if speaker.start <= sent.start or speaker.end > verb.i:
        return None
    rel = doc[speaker.start - 1]
    if rel.lower_ not in RELATIVE_WORDS or rel.dep_ == "mark" or not verb.is_ancestor(rel):
        return None
    if any(t.dep_ not in ("aux", "auxpass", "advmod", "neg") for t in doc[speaker.end : verb.i]):
        return None
    last = max(t.i for t in verb.subtree if t.i < sent.end)
    rest = [t for t in doc[verb.i + 1 : last + 1] if not t.is_space and t.dep_ != "prt"]
    while rest and rest[-1].is_punct and rest[-1].text not in QUOTE_CLOSERS:
        rest.pop()
    if not any(not t.is_punct for t in rest):
        return None
    return [token_range([rel]), trim(doc.text, *token_range(rest))]


def _quoted_as_saying(verb: Token) -> tuple[Token, Token, Token] | None:
    """"KCNA quoted the party as saying X" → (channel subject, speaker object, 'saying' verb)."""
    if verb.lemma_.lower() != "quote":
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    for c in verb.subtree:
        if c.lower_ == "saying" and c.i > verb.i:
            subj = next((s for s in verb.children if s.dep_ == "nsubj"), None)
            return subj, obj, c
    return None


def find_cue_attributions(doc: Doc, marked: list[MarkedQuote]) -> list[Attribution]:
    found: list[Attribution] = []
    text = doc.text
    quote_ranges = [(q.start, q.end) for q in marked]
    quoted_tokens = {t.i for q in quote_ranges for t in (doc.char_span(*q, alignment_mode="contract") or ())}
    relayed_sayings: set[int] = set()
    for sent in doc.sents:
        channel = None
        channel_done = False
        for tok in sent:
            if tok.i in relayed_sayings or tok.i in quoted_tokens:
                continue  # a cue inside someone's quotation is part of their words
            lemma = tok.lemma_.lower()
            if not channel_done:
                channel, channel_done = find_channel(sent), True
            # according to X, …
            if lemma == "accord" and tok.lower_ == "according":
                to = next((c for c in tok.children if c.lower_ == "to"), None)
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if pobj is None:
                    continue
                head = tok.head if tok.head.i != tok.i else None
                rng = None
                if head is not None:
                    rng = subtree_range(head, exclude=tok, sent=sent)
                if rng is None:
                    continue
                cue = (tok.idx, to.idx + len(to))
                found.append(Attribution([trim(text, *rng)], cue, speaker_phrase(pobj), channel, "according-to", 0.8))
                continue
            # X's remarks that …
            if tok.pos_ == "NOUN" and lemma in STATEMENT_NOUNS:
                poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
                clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)), None)
                if poss is not None and clause is not None:
                    rng = subtree_range(clause, sent=sent)
                    if rng:
                        found.append(Attribution([trim(text, *rng)], token_range([tok]), speaker_phrase(poss), channel, "statement-noun", 0.75))
                continue
            if not is_cue_verb(tok):
                continue
            relayed = _quoted_as_saying(tok)
            if relayed is not None:
                chan_tok, spk_tok, saying = relayed
                relayed_sayings.add(saying.i)
                clause = next((c for c in saying.children if c.dep_ in CLAUSE_DEPS), None)
                if clause is not None:
                    rng = subtree_range(clause, sent=sent)
                else:  # parser split the reported clause: take the rest of the sentence
                    rng = (saying.idx + len(saying), sent.end_char)
                if rng is None or spk_tok is None:
                    continue
                chan = None
                if chan_tok is not None and tok.dep_ != "pcomp":
                    phrase = speaker_phrase(chan_tok)
                    last = phrase[-1]
                    while last.i + 1 < tok.i and doc[last.i + 1].pos_ == "PROPN":  # "the agency Nortel"
                        last = doc[last.i + 1]
                    chan = text[phrase.start_char:last.idx + len(last)]
                cue = (tok.idx, saying.idx + len(saying))
                found.append(Attribution([trim(text, *rng)], cue, speaker_phrase(spk_tok), chan or channel, "quoted-as-saying", 0.85))
                continue
            subj = find_subject(tok) or _recover_subject(tok, sent)
            if subj is not None and subj.dep_ == "nsubjpass":
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                subj = pobj
            rng, cue = _content_of(tok, sent, subj)
            if subj is None:
                continue
            if subj.lower_ in ("it", "this", "that", "which", "who") and subj.dep_ != "nsubj":
                continue
            if subj.lower_ in ("which", "that") or (subj.lower_ == "who" and subj.head.dep_ != "relcl"):
                continue
            if subj.lower_ == "who":  # "Kim, who called the soldiers heroes": the relative's antecedent
                subj = tok.head.head if tok.dep_ == "relcl" else subj
            speaker = speaker_phrase(subj)
            belief = lemma in BELIEF_VERBS and lemma not in SPEECH_VERBS
            pieces = _around_parenthetical(tok, speaker, sent)
            if pieces is not None and lemma in REPORTING_VERBS:
                found.append(Attribution(pieces, token_range([tok]), speaker, channel, "parenthetical", 0.8))
                continue
            pieces = _relative_content(tok, speaker, sent) if lemma not in TOPIC_VERBS else None
            if pieces is not None:
                pieces[-1] = _close_quotation(pieces[-1], quote_ranges)
                found.append(Attribution(pieces, cue, speaker, channel, "relative", 0.6 if belief else 0.75, belief=belief))
                continue
            if rng is None:
                continue
            rng = _close_quotation(_cut_at_next_cue(trim(text, *rng), tok, sent, quoted_tokens), quote_ranges)
            if rng[1] - rng[0] < 2:  # "said so" / "said no" are the shortest contents
                continue
            if any(inside(token_range(speaker), q) for q in quote_ranges):
                # the parser took words of the quotation as subject: "“…,” Smith notes."
                after = next((c for c in tok.children if c.i > tok.i and c.pos_ == "PROPN" and c.dep_ in ("dobj", "attr", "npadvmod", "nsubj")), None)
                if after is None:
                    continue
                speaker = speaker_phrase(after)
            if overlap(rng, token_range(speaker)) or rng[0] <= tok.idx < rng[1]:
                continue
            if lemma in EVIDENCE_VERBS and not _is_evidence_source(speaker):
                continue
            if lemma == "tell" and channel is None:  # "told the state news agency NTA": a medium
                channel = _medium_told(tok)
            conf = 0.6 if belief else 0.85
            found.append(Attribution([rng], cue, speaker, channel, "cue-verb", conf, belief=belief))
    return found


# ----------------------------------------------------------------------------- quotation marks


def _sentence_of(doc: Doc, char: int) -> Span | None:
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    return tok.sent if tok is not None and len(tok) else None


def _paragraph_index(bounds: list[tuple[int, int]], char: int) -> int:
    for i, (s, e) in enumerate(bounds):
        if s <= char < e:
            return i
    return -1


_PROGRAMME = re.compile(r"\b(?:on|in)\s+(?:\w+(?:’s|'s)\s+)?$", re.IGNORECASE)


def _is_statement(text: str, q: MarkedQuote) -> bool:
    """A quotation worth reporting on its own (not a scare quote or a title)."""
    inner = text[q.start + 1 : q.end - 1].strip()
    words = inner.split()
    if len(words) <= 5 and inner[:1].isupper() and _PROGRAMME.search(text[max(0, q.start - 40) : q.start]):
        return False  # a programme or column title: "on CNN’s “New Day,”", "on “Meet the Press.”"
    return len(words) >= 4 or (len(words) >= 2 and inner[-1:] in ".!?,")


def _cue_between(doc: Doc, start: int, end: int, nearest_last: bool = False) -> tuple[Token, Token] | None:
    """A cue verb with a subject in text[start:end] — the "he said" between or after quotations.
    The first one, or with `nearest_last` the last one (the cue nearest a quotation that follows)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    for tok in (reversed(span) if nearest_last else span):
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in (SPEECH_VERBS | QUOTATION_ONLY_VERBS) - TOPIC_VERBS:
            subj = find_subject(tok)
            if subj is None or not start <= subj.idx < end:
                subj = _subject_in_window(doc, start, tok)
            if subj is None:  # "said Caddell": inverted subject parsed as object
                subj = next((c for c in tok.children if c.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
            if subj is not None and start <= subj.idx < end:
                return tok, subj
    return None


def _subject_in_window(doc: Doc, start: int, verb: Token) -> Token | None:
    """The first noun-phrase head between a quotation and its cue verb, for parses that lost the
    subject: "“…,” Ramos, 58, told AFP", "“…,” delegate Bill Eastland, wearing a hat, said"."""
    for tok in doc[doc.char_span(start, verb.idx, alignment_mode="expand").start if verb.idx > start else verb.i : verb.i]:
        if tok.idx < start or tok.is_punct:
            continue
        if tok.pos_ in ("PROPN", "PRON", "NOUN") and tok.dep_ not in ("compound", "amod", "poss", "det", "nmod", "case"):
            return tok
    return None


def attach_marked_quotes(doc: Doc, marked: list[MarkedQuote], found: list[Attribution]) -> list[Attribution]:
    """Widen cue-verb contents to whole quotations, and attribute quotations no cue verb covered."""
    text = doc.text
    bounds = paragraph_bounds(text)
    for a in found:
        a.paragraph = _paragraph_index(bounds, a.start)
    result = list(found)
    # a cue-verb content inside a quotation becomes the whole quotation; one that starts a
    # quotation running on past the parsed clause (several sentences) is extended to its end
    for a in result:
        for q in marked:
            rng = (a.start, a.end)
            if not overlap(rng, (q.start, q.end)) or (a.cue and inside(a.cue, (q.start, q.end))):
                continue
            if inside(rng, (q.start - 1, q.end + 1)):
                a.content = list(q.pieces)
                a.extra["marked"] = q
            elif abs(rng[0] - q.start) <= 2 and q.end > rng[1]:
                a.content = [(rng[0], q.end)]
                a.extra["marked"] = q
    _merge_interrupted(text, bounds, marked, result)
    claimed = {id(a.extra.get(key)) for a in result for key in ("marked", "marked_next") if a.extra.get(key) is not None}
    by_end = sorted(result, key=lambda a: a.end)
    i = 0
    while i < len(marked):
        q = marked[i]
        if id(q) in claimed or any(overlap((q.start, q.end), (a.start, a.end)) > 0.5 * (q.end - q.start) for a in result):
            i += 1
            continue
        if not _is_statement(text, q):
            i += 1
            continue
        para = _paragraph_index(bounds, q.start)
        p_start, p_end = bounds[para] if para >= 0 else (0, len(text))
        nxt = marked[i + 1] if i + 1 < len(marked) else None
        # interrupted: “A,” he said, “B.”
        gap_end = nxt.start if nxt is not None and nxt.start < p_end else None
        cue_hit = None
        pieces = list(q.pieces)
        if gap_end is not None and gap_end - q.end < 80:
            cue_hit = _cue_between(doc, q.end, gap_end)
            if cue_hit is not None and id(nxt) not in claimed:
                pieces += list(nxt.pieces)
                claimed.add(id(nxt))
                i += 1
        if cue_hit is None:
            sent = _sentence_of(doc, max(q.end - 2, q.start))
            after_end = min(p_end, (sent.end_char if sent is not None else q.end) + 1)
            nxt_sent = _sentence_of(doc, min(q.end + 1, len(text) - 1))
            if nxt_sent is not None and nxt_sent.start_char >= q.end - 1 and nxt_sent.end_char <= p_end + 1:
                after_end = max(after_end, nxt_sent.end_char if nxt_sent.start_char - q.end < 3 else after_end)
            cue_hit = _cue_between(doc, q.end, after_end) if after_end > q.end else None
            if cue_hit is not None and gap_end is not None and id(nxt) not in claimed and _resumes_after_cue(text, q, nxt, cue_hit[0]):
                pieces += list(nxt.pieces)
                claimed.add(id(nxt))
                i += 1
        if cue_hit is None and para > 0 and not text[p_start:q.start].strip():
            prev_start, prev_end = bounds[para - 1]
            if text[prev_start:prev_end].rstrip().endswith(":"):  # "Reporter X says:" ¶ "…"
                cue_hit = _cue_between(doc, prev_start, prev_end, nearest_last=True)
        if cue_hit is None:
            lead = text[p_start:q.start]
            if lead.rstrip().endswith((":", ",")) or (lead.strip() and len(lead.split()) <= 25):
                cue_hit = _cue_between(doc, p_start, q.start, nearest_last=True)
                if cue_hit is None and para > 0 and not lead.strip():
                    pass
        if cue_hit is not None:
            verb, subj = cue_hit
            cue = token_range([verb])
            result.append(Attribution(pieces, cue, speaker_phrase(subj), None, "quotation", 0.85, paragraph=para, extra={"marked": q}))
        else:
            # paragraph-initial quotation with no cue: continues the last speaker's statement
            prev = [a for a in by_end if a.end <= q.start and a.speaker is not None and 0 <= para - a.paragraph <= 1]
            if prev and not text[p_start:q.start].strip():
                last = prev[-1]
                result.append(Attribution(pieces, None, last.speaker, last.channel, "continuation", 0.6, paragraph=para, extra={"marked": q}))
        i += 1
    return result


def _resumes_after_cue(text: str, q: MarkedQuote, nxt: MarkedQuote, verb: Token) -> bool:
    """“A,” he said, as the crowd cheered. “B.” — the next quotation opens the sentence right after
    the cue's sentence, and the first one broke off at a comma: one quote in two pieces."""
    sent = verb.sent
    broke_off = text[q.start:q.end].rstrip("”\"'’»").endswith(",")
    return broke_off and sent.start_char <= q.end and not text[sent.end_char:nxt.start].strip()


def _merge_interrupted(text: str, bounds, marked: list[MarkedQuote], found: list[Attribution]) -> None:
    """“A,” he said, “B.” — the quotation resumed after its cue is the same quote: add B as a piece."""
    for a in found:
        q1 = a.extra.get("marked")
        if q1 is None or a.cue is None:
            continue
        for q2 in marked:
            if q2.start <= q1.end or q2.start - q1.end > 160 or '\n' in text[q1.end:q2.start]:
                continue
            between = (q1.end, q2.start)
            if inside(a.cue, between) and _paragraph_index(bounds, q1.start) == _paragraph_index(bounds, q2.start) \
                    and text[q1.end - 2 : q1.end - 1] not in (".", "?", "!") or (inside(a.cue, between) and text[q2.start - 2:q2.start].strip() in (",", ":")):
                a.content = a.content + list(q2.pieces)
                a.extra["marked_next"] = q2
            break


# ----------------------------------------------------------------------------- block quotes


def _first_person(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.lower_ in FIRST_PERSON and t.pos_ == "PRON" for t in span)


def _sentences_in(doc: Doc, start: int, end: int) -> list[Span]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span.sents) if span is not None else []


def find_block_quotes(doc: Doc, attributions: list[Attribution], marked: list[MarkedQuote]) -> list[Attribution]:
    """Unmarked paragraphs of speech following a paragraph that introduces their speaker.

    A paragraph qualifies when it holds no attribution or quotation of its own, its predecessor
    ends with an attribution (or is itself such a block), and it reads as the speaker's own words:
    first-person pronouns, or — after a one-sentence lead-in paragraph — a speaker-side pronoun
    ("they", "their") with no named actor of its own.
    """
    text = doc.text
    bounds = paragraph_bounds(text)
    blocks: list[Attribution] = []
    by_para: dict[int, list[Attribution]] = {}
    for a in attributions:
        by_para.setdefault(a.paragraph, []).append(a)
    previous: Attribution | None = None
    for idx, (p_start, p_end) in enumerate(bounds):
        own = [a for a in by_para.get(idx, []) if not a.belief and a.speaker is not None]
        reporting = [a for a in own if a.cue is None or _is_reporting(doc, a)]
        has_marks = any(overlap((q.start, q.end), (p_start, p_end)) for q in marked)
        stripped = text[p_start:p_end].strip()
        candidate = previous is not None and not reporting and not has_marks and stripped[-1:] in ".!?…"
        if candidate:
            first_person = _first_person(doc, p_start, p_end)
            lead_in_only = previous.extra.get("lead_in_sentences") == 1 and previous.pattern != "block"
            if first_person or (lead_in_only and _speaker_side_voice(doc, p_start, p_end)):
                s = p_start + len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
                e = p_start + len(text[p_start:p_end].rstrip())
                block = Attribution([(s, e)], None, previous.speaker, previous.channel, "block", 0.65 if first_person else 0.5, paragraph=idx)
                blocks.append(block)
                previous = block
                continue
        previous = _lead_in(doc, bounds[idx], own)
    return blocks


def _lead_in(doc: Doc, bounds: tuple[int, int], own: list[Attribution]) -> Attribution | None:
    """The attribution in a paragraph's last sentence, which may introduce a following block quote."""
    sentences = _sentences_in(doc, *bounds)
    if not sentences or not own:
        return None
    last_start = sentences[-1].start_char
    closing = [a for a in own if (a.cue is not None and a.cue[0] >= last_start) or a.end >= last_start]
    if not closing:
        return None
    closing[-1].extra["lead_in_sentences"] = len(sentences)
    return closing[-1]


def _is_reporting(doc: Doc, a: Attribution) -> bool:
    """Whether an attribution's cue is a plain reporting verb ("said", "according to"), as opposed
    to a commitment or evaluation verb that also occurs inside someone's own words ("pledged")."""
    span = doc.char_span(a.cue[0], a.cue[1], alignment_mode="expand")
    return span is not None and (span[0].lemma_.lower() in REPORTING_VERBS or a.pattern != "cue-verb")


def _speaker_side_voice(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(list(span.sents)) > 2:
        return False
    has_they = any(t.lower_ in ("they", "their", "them") for t in span)
    named_subject = any(t.dep_ in SUBJECT_DEPS and t.ent_type_ in ("PERSON", "ORG", "GPE") for t in span)
    digits = any(ch.isdigit() for ch in span.text)
    return has_they and not named_subject and not digits




def find_speaker_labels(doc: Doc) -> list[Attribution]:
    """Transcript and headline style: "WALLACE: …", "Jane Smith: '…'" — a short name, a colon,
    then the words.  The label must be a named person, an all-capitals name, or a capitalised word
    that names a person or body elsewhere in the article."""
    text = doc.text
    found = []
    named = {t.text for e in doc.ents if e.label_ in ("PERSON", "ORG") for t in e}
    for p_start, p_end in paragraph_bounds(text):
        colon = text.find(":", p_start, min(p_end, p_start + 45))
        if colon < 0 or p_end - colon < 12:
            continue
        label = text[p_start:colon].strip()
        words = label.split()
        if not words or len(words) > 5 or any(ch.isdigit() for ch in label):
            continue
        if " ".join(words).lower().strip(" '’") in NON_SPEAKER_LABELS or words[0].lower() in NON_SPEAKER_LABELS:
            continue
        span = doc.char_span(p_start, p_start + len(text[p_start:colon].rstrip()), alignment_mode="contract")
        if span is None or not len(span):
            continue
        is_person = any(e.label_ in ("PERSON", "ORG") and e.end_char >= span.end_char - 1 for e in span.ents)
        is_caps = all(w.isupper() and w.isalpha() and len(w) > 1 for w in words)
        # headline style: "Trump: …", "Clinton camp: …", "Poll: …"
        is_headline_source = all(w[:1].isupper() for w in words) and (
            any(t.pos_ == "PROPN" for t in span) or span.root.lemma_.lower() in EVIDENCE_NOUNS | VAGUE_HEADS)
        # a capitalised label the tagger took for a common noun ("Sanders: …"), named elsewhere
        is_named_elsewhere = all(w[:1].isupper() for w in words) and words[-1] in named
        if not (is_person or is_caps or is_headline_source or is_named_elsewhere) or any(t.pos_ in ("VERB", "AUX", "PRON", "ADP") for t in span):
            continue
        start, end = trim(text, colon + 1, p_end)
        found.append(Attribution([(start, end)], (colon, colon + 1), span, None, "speaker-label", 0.7))
    return found


def find_attributions(doc: Doc, marked: list[MarkedQuote]) -> list[Attribution]:
    """All attributions in `doc`, in text order; `marked` are its quotations (`find_marked_quotes`)."""
    found = find_cue_attributions(doc, marked) + find_speaker_labels(doc)
    found = attach_marked_quotes(doc, marked, found)
    blocks = find_block_quotes(doc, found, marked)
    block_ranges = [(b.start, b.end) for b in blocks]
    found = [a for a in found if not any(a.cue and inside(a.cue, r) for r in block_ranges)] + blocks
    found = _drop_duplicates(found)
    return sorted(found, key=lambda a: a.start)


def _drop_duplicates(found: list[Attribution]) -> list[Attribution]:
    """Two attributions with the same cue, or with (nearly) the same content, are one: keep the
    longer content, then the more confident.  Nested statements by different speakers stay."""
    def cue_distance(a: Attribution) -> int:
        if a.cue is None:
            return 10_000
        return max(0, min(abs(a.cue[0] - a.end), abs(a.start - a.cue[1])))

    # the longest content first; among equal contents, the one whose cue is nearest to it
    found = sorted(found, key=lambda a: (-(a.end - a.start), cue_distance(a), -a.confidence))
    kept: list[Attribution] = []
    for a in found:
        rng = (a.start, a.end)
        duplicate = False
        for k in kept:
            ov = overlap(rng, (k.start, k.end))
            same_cue = a.cue is not None and a.cue == k.cue
            if (same_cue and ov) or (ov >= 0.8 * (rng[1] - rng[0]) and ov >= 0.8 * (k.end - k.start)):
                duplicate = True
                break
        if not duplicate:
            kept.append(a)
    return kept
