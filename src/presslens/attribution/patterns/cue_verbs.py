"""Cue verbs: a speech or stance verb with its subject as speaker and its clause or object as
content — "X said (that) …", "…, X said", "X told reporters …", "X praised Y", "X voiced
confidence that …", "X spoke about …", "X pointed to …", "X called for …"; a second cue of the
same speaker ends the first content ("X said A, adding B")."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..candidates import Attribution, inside, overlap, token_range, trim
from ..context import Context
from ..lexicon import (
    CHARACTERIZING_VERBS,
    CLAUSE_ONLY_VERBS,
    CUE_NOUNS,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    LIGHT_VERBS,
    MARKERS,
    OBJECT_CUES,
    PREP_CUES,
    PRO_FORMS,
    QUESTION_VERBS,
    SAY_VERBS,
    SPEECH_VERBS,
    STATEMENT_OBJECTS,
    TOPIC_VERBS,
    XCOMP_CUES,
)
from ..syntax import (
    CLAUSE_DEPS,
    QUOTE_CLOSERS,
    close_quotation,
    cut_at_next_cue,
    is_cue_verb,
    is_evidence_source,
    medium_told,
    speaker_phrase,
    subtree_range,
)

NAME = "cue-verb"
QUOTE_OPENERS = "“\"'‘«„"
CONFIDENCE = 0.85
BELIEF_CONFIDENCE = 0.6


def content_of(verb: Token, sent: Span, speaker_tok: Token | None) -> tuple[tuple[int, int] | None, tuple[int, int]]:
    """Content range and cue range for a cue verb."""
    lemma = verb.lemma_.lower()
    cue = token_range(sorted([verb] + [c for c in verb.children if c.dep_ == "prt" and c.i > verb.i], key=lambda t: t.i))
    if lemma in TOPIC_VERBS:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in MARKERS["topic_preps"]), None)
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
                # "expressed hope the talks would resume": a clause of the verb needs no "that"
                if c.dep_ == "ccomp" and c.head.i == verb.i and c.i > obj.i:
                    return subtree_range(c, sent=sent), cue
                # "expressed readiness to help": the infinitive is the content, with its noun
                if c.dep_ == "acl" and c.head.i == obj.i and c.i > obj.i and any(m.dep_ == "aux" for m in c.children):
                    return (obj.idx, subtree_range(c, sent=sent)[1]), cue
            for c in list(obj.children) + list(verb.children):
                if c.dep_ in ("prep",) and c.i > obj.i and c.lower_ in MARKERS["cue_noun_preps"]:
                    s, e = subtree_range(c, sent=sent)
                    return (obj.idx, e), cue
            if lemma not in OBJECT_CUES:
                return None, cue
            # "denounced Trump's remarks", "defended his views": a cue noun as the plain object
            # of a verb that reports its object
            cue = token_range(sorted([verb] + [c for c in verb.children if c.dep_ == "prt" and c.i > verb.i], key=lambda t: t.i))
            break
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS and (speaker_tok is None or c.i != speaker_tok.i)]
    if lemma not in XCOMP_CUES:
        clauses = [c for c in clauses if c.dep_ != "xcomp"]
    # "X said that it rejects …" misparsed with "said" under "rejects": the earlier cue clause is
    # the attribution and this verb sits inside its content (a "that" stands between them)
    clauses = [c for c in clauses if not (c.i < verb.i and is_cue_verb(c) and any(
        m.dep_ == "mark" and m.lower_ in MARKERS["complementizers"] and c.i < m.i < verb.i for m in verb.children))]
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
    stray = stray_complement(verb)
    if stray is not None:
        return subtree_range(stray, sent=sent), cue
    # "[Since …, the military has lost 62,400 troops], the General Staff reported": a clause with
    # its own subject before a main-clause cue, attached to it as an adverbial clause
    # ("Though X is gaining ground, Clinton maintains a lead": a clause opened by a subordinator
    # before a cue with an object of its own is the main clause's adverbial, not what was said;
    # "If the war drags on, he cautioned, …" is what he cautioned)
    has_object = any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)
    before = [c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i and verb.dep_ == "ROOT"
              and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and c.right_edge.i + 1 < verb.i
              and not (has_object and any(g.dep_ == "mark" for g in c.children))
              and verb.doc[c.right_edge.i + 1].text == ","]
    if before and (speaker_tok is None or speaker_tok.i > before[0].right_edge.i):
        return subtree_range(before[0], sent=sent), cue
    # "…, officials said" attached as parataxis of the reported clause
    # (a participle with an object of its own — "…, calling it “reckless”" — reports that object)
    # (and so does an infinitive of purpose: "went on television to defend his record")
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" and c.i < verb.i for c in verb.children)
    own_object = (verb.tag_ == "VBG" or infinitive) and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)
    parenthetical = not any(m.dep_ == "mark" for m in verb.children) and not is_cue_verb(verb.head) and not own_object
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i != verb.i and verb.head.i < verb.i and parenthetical:
        rng = subtree_range(verb.head, exclude=verb, sent=sent)
        return rng, cue
    if lemma in QUESTION_VERBS:
        # "asked the farmers if they planned to come": the indirect question, parsed as an adverbial clause
        question = next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and any(
            m.dep_ == "mark" and m.lower_ in MARKERS["question_marks"] for m in c.children)), None)
        if question is not None:
            return subtree_range(question, sent=sent), cue
    if lemma in EVIDENCE_VERBS and speaker_tok is not None and speaker_tok.lemma_.lower() in EVIDENCE_NOUNS:
        # "a new poll shows the mayor leading", "records show a gap": what a document shows (a
        # person who "found the keys" reports nothing)
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is not None:
            return (subtree_range(obj, sent=sent)[0], clause_end(sent, verb)), cue
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
        # "noted the importance of …", "stated the need to …": an object that is itself a stance
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.lemma_.lower() in STATEMENT_OBJECTS), None)
        return (subtree_range(obj, sent=sent) if obj is not None else None), cue
    if lemma in CHARACTERIZING_VERBS:
        # "described Trump as “a sociopath”", "referred to Rubio as “a leader”": object + as-phrase
        as_phrase = next((c for c in verb.subtree if c.lower_ == MARKERS["as"] and c.dep_ == "prep" and c.i > verb.i), None)
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
                if o.i > c.i and (o.dep_ in ("oprd", "xcomp", "advcl") or (o.dep_ == "prep" and o.lower_ in MARKERS["object_preps"])):
                    end_tok = o
            if lemma == MARKERS["call"] and end_tok.i == c.i:
                continue  # "called the police" reports nothing; "called the plan a disaster" does
            s, _ = subtree_range(c, sent=sent)
            _, e = subtree_range(end_tok, sent=sent)
            return (s, e), cue
        if c.dep_ == "prep" and c.i > verb.i and c.lower_ in MARKERS["call_preps"] and lemma in MARKERS["call_verbs"]:
            cue = (verb.idx, c.idx + len(c))
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                start, end = subtree_range(objs[0], sent=sent)
                # "called for the US to step up its efforts": the infinitive may hang off the verb
                for o in verb.children:
                    if o.i > objs[0].i and o.dep_ in ("xcomp", "advcl", "ccomp"):
                        end = max(end, subtree_range(o, sent=sent)[1])
                return (start, end), cue
        if c.dep_ == "advcl" and c.i > verb.i and lemma in MARKERS["call_verbs"] and any(
                m.dep_ == "mark" and m.lower_ in MARKERS["call_preps"] and m.i == verb.i + 1 for m in c.children):
            # "called for Han to face impeachment" parsed with "for" as the mark of a clause
            mark = verb.doc[verb.i + 1]
            return (verb.doc[mark.i + 1].idx, subtree_range(c, sent=sent)[1]), (verb.idx, mark.idx + len(mark))
        if c.dep_ == "prep" and c.i > verb.i and c.lower_ in PREP_CUES.get(lemma, ()):
            # "pointed to the jobs report", "argued for a new name": the object is the content
            obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return subtree_range(obj, sent=sent), (verb.idx, c.idx + len(c))
    return None, cue


def sentence_end(sent: Span, verb: Token) -> int:
    """Where a main-clause cue's content ends: the sentence's last word (or closing quotation
    mark) — reported speech runs on through objects and clauses the parser attached elsewhere."""
    end = sent[-1]
    while end.i > verb.i and ((end.is_punct and end.text not in QUOTE_CLOSERS) or end.is_space):
        end = end.nbor(-1)
    return end.idx + len(end)


def before_semicolon(text: str, rng: tuple[int, int], sent: Span, quoted: frozenset[int]) -> tuple[int, int]:
    """"X says the city has more parks; Y counts 585": a semicolon outside quotation marks ends
    what was said — the clause after it is the author's, or another statement."""
    for t in sent:
        if t.text == ";" and rng[0] < t.idx < rng[1] and t.i not in quoted:
            return trim(text, rng[0], t.idx)
    return rng


def stray_complement(verb: Token) -> Token | None:
    """"said during a news conference that he may wait": the that-clause of the cue, parsed as a
    clause of the noun just before it — a clause opened by the complementizer, with a subject."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for t in prep.subtree:
            if t.dep_ in ("relcl", "acl") and any(g.dep_ in ("nsubj", "nsubjpass") for g in t.children) and any(
                    m.dep_ == "mark" and m.lower_ in MARKERS["content_leads"] and m.i == t.left_edge.i for m in t.children):
                return t
    return None


def clause_end(sent: Span, verb: Token) -> int:
    """Where a subordinate cue's content ends: the last word the cue verb governs — "promising to
    meet and in some cases exceed his goals", "threatened to act, should he fail to …" run on
    through the coordinated and conditional parts the parser hung on the verb."""
    end = verb.doc[min(verb.right_edge.i, sent.end - 1)]
    while end.i > verb.i and ((end.is_punct and end.text not in QUOTE_CLOSERS) or end.is_space):
        end = end.nbor(-1)
    return end.idx + len(end)


def through_colon(text: str, rng: tuple[int, int], paragraphs: list[tuple[int, int]]) -> tuple[int, int]:
    """"X noted that three things are happening at once: A, B and C": a content that stops at a
    colon announcing what follows runs on to the end of the paragraph (a quotation after the
    colon is the quotation rules' business)."""
    after = text[rng[1]:rng[1] + 3].lstrip(" ")
    if not after.startswith(":"):
        return rng
    end = next((e for s, e in paragraphs if s <= rng[1] < e), rng[1])
    rest = text[rng[1]:end].lstrip(" :")
    if not rest or rest[0] in QUOTE_OPENERS:
        return rng
    return trim(text, rng[0], end)


def find(doc: Doc, ctx: Context):
    text = ctx.text
    told: dict[int, str | None] = {}  # a medium told in a sentence is the channel of what follows in it
    for cv in ctx.cue_verbs:
        tok, sent, speaker, lemma = cv.verb, cv.sent, cv.speaker, cv.lemma
        rng, cue = content_of(tok, sent, cv.subject)
        if rng is None:
            continue
        if cv.content_tail is not None and rng[1] <= cv.content_tail[0]:
            rng = (rng[0], cv.content_tail[1])  # "…, killing at least 11 civilians, governor X said"
        if tok.dep_ == "ROOT" and rng[0] > tok.idx:
            rng = (rng[0], max(rng[1], sentence_end(sent, tok)))
        elif rng[0] > tok.idx and text[rng[0]:rng[1]].lower() not in PRO_FORMS:  # ("said so on Friday": "so")
            rng = (rng[0], max(rng[1], clause_end(sent, tok)))
        rng = close_quotation(cut_at_next_cue(trim(text, *rng), tok, sent, ctx.quoted_tokens), ctx.quote_ranges)
        rng = before_semicolon(text, rng, sent, ctx.quoted_tokens)
        rng = through_colon(text, rng, ctx.paragraphs)
        if rng[1] - rng[0] < 2:  # "said so" / "said no" are the shortest contents
            continue
        if " " not in text[rng[0]:rng[1]] and text[rng[0]:rng[1]].lower() not in PRO_FORMS \
                and doc.vocab[text[rng[0]:rng[1]].lower()].is_stop:
            continue  # "They want to block them all" cut to "to": a lone function word reports nothing
        if any(inside(token_range(speaker), q) for q in ctx.quote_ranges):
            # the parser took words of the quotation as subject: "“…,” Smith notes."
            after = next((c for c in tok.children if c.i > tok.i and c.pos_ == "PROPN" and c.dep_ in ("dobj", "attr", "npadvmod", "nsubj")
                          and c.i not in ctx.quoted_tokens), None)
            if after is None:
                continue
            speaker = speaker_phrase(after)
        if overlap(rng, token_range(speaker)) or rng[0] <= tok.idx < rng[1]:
            continue
        if lemma in EVIDENCE_VERBS and not is_evidence_source(speaker):
            continue
        channel = ctx.channel(sent) or told.get(sent.start)
        if lemma == MARKERS["tell"] and channel is None:  # "told the state news agency NTA": a medium
            channel = told[sent.start] = medium_told(tok)
        yield Attribution([rng], cue, speaker, channel, NAME, BELIEF_CONFIDENCE if cv.stance else CONFIDENCE,
                          belief=cv.belief, trigger=tok.i)
