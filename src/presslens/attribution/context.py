"""What every attribution pattern needs to know about a Doc, computed once: its quotations, the
tokens inside them, paragraph bounds, each sentence's channel, and the cue verbs with their
speakers (read by three pattern families: parenthetical, relative, cue-verb)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..doccache import doc_text
from .lexicon import BELIEF_VERBS, EVIDENCE_NOUNS, INTENTION_VERBS, MARKERS, OPINION_VERBS, SPEECH_VERBS
from .quotemarks import MarkedQuote, paragraph_bounds
from .syntax import SUBJECT_DEPS, find_channel, find_subject, is_cue_verb, recover_subject, speaker_phrase, states_proposition, stranded_subject

SPEAKER_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")


@dataclass(frozen=True)
class CueVerb:
    """A cue verb outside quotations with the speaker it reports: "Kim said …" → said / Kim."""

    verb: Token
    sent: Span
    subject: Token  # as parsed (a relative "who" stays): what the content is read against
    speaker: Span
    lemma: str
    belief: bool  # a belief or wish presslens does not report by default ("X considers …")
    stance: bool  # a belief, wish or intention (reported or not): read with less confidence than speech
    content_tail: tuple[int, int] | None = None  # words of the content the parser gave the subject (`stranded_subject`)


@dataclass(frozen=True)
class RelayedSaying:
    """"KCNA quoted the party as saying …": the quoting verb, its subject (the channel), the
    quoted speaker and the "saying" verb."""

    verb: Token
    sent: Span
    channel: Token | None
    speaker: Token | None
    saying: Token


def quoted_as_saying(verb: Token) -> tuple[Token | None, Token | None, Token] | None:
    """"KCNA quoted the party as saying X" → (channel subject, speaker object, 'saying' verb)."""
    if verb.lemma_.lower() != MARKERS["quote"]:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    for c in verb.subtree:
        if c.lower_ == MARKERS["saying"] and c.i > verb.i:
            subj = next((s for s in verb.children if s.dep_ == "nsubj"), None)
            return subj, obj, c
    return None


class Context:
    """Per-Doc facts shared by the pattern families; built once, read only."""

    def __init__(self, doc: Doc, quotations: list[MarkedQuote]):
        self.doc = doc
        self.text = doc_text(doc)
        self.quotations = quotations
        self.quote_ranges = [(q.start, q.end) for q in quotations]
        self.quoted_tokens = frozenset(
            t.i for q in self.quote_ranges for t in (doc.char_span(*q, alignment_mode="contract") or ()))
        self.paragraphs = paragraph_bounds(self.text)
        self._channels: dict[int, str | None] = {}
        self._open: dict[int, list[Token]] = {}  # sentence start → its open tokens
        self.relayed: list[RelayedSaying] = []
        self.cue_verbs: list[CueVerb] = []
        self._scan()

    def open_tokens(self, sent: Span) -> list[Token]:
        """The tokens of `sent` that may trigger a pattern: not inside a quotation (a cue inside
        someone's quotation is part of their words) and not a relayed "saying" (found once per
        sentence: every pattern family asks)."""
        if sent.start not in self._open:
            relayed = {r.saying.i for r in self.relayed}
            self._open[sent.start] = [t for t in sent if t.i not in self.quoted_tokens and t.i not in relayed]
        return self._open[sent.start]

    def channel(self, sent: Span) -> str | None:
        if sent.start not in self._channels:
            self._channels[sent.start] = find_channel(sent)
        return self._channels[sent.start]

    def _scan(self) -> None:
        relayed: set[int] = set()
        for sent in self.doc.sents:
            for tok in sent:
                if tok.i in relayed or tok.i in self.quoted_tokens or not is_cue_verb(tok):
                    continue
                saying = quoted_as_saying(tok)
                if saying is not None:
                    relayed.add(saying[2].i)
                    self.relayed.append(RelayedSaying(tok, sent, *saying))
                    continue
                cue = self._cue_verb(tok, sent)
                if cue is not None:
                    self.cue_verbs.append(cue)

    @staticmethod
    def _cue_verb(tok: Token, sent: Span) -> CueVerb | None:
        lemma = tok.lemma_.lower()
        subj = find_subject(tok) or recover_subject(tok, sent)
        left = tok.nbor(-1) if tok.i > sent.start else None
        if left is not None and tok.tag_ == "VBZ" and left.pos_ == "PROPN" and left.ent_type_ and left.dep_ in ("pobj", "compound") \
                and not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
            subj = left  # "amid Kremlin claims that …": a noun phrase the tagger read as a verb; the name is the speaker
        if subj is not None and subj.dep_ == "nsubjpass":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subj is None:
            return None
        if subj.lower_ in MARKERS["non_subjects"] and subj.dep_ != "nsubj":
            return None
        if subj.lower_ in MARKERS["relative_subjects"]:
            # "Norton, which declined to comment", "a report that found …": the antecedent, when it
            # names a body or a document
            antecedent = subj.head.head if subj.head.dep_ == "relcl" else None
            if antecedent is None or not (antecedent.ent_type_ in SPEAKER_ENTITIES or antecedent.lemma_.lower() in EVIDENCE_NOUNS):
                return None
        elif subj.lower_ == MARKERS["who"] and subj.head.dep_ != "relcl":
            return None
        if any(c.dep_ == "det" and c.lower_ in MARKERS["negative_determiners"] for c in subj.children) or subj.lower_ in MARKERS["nobody"]:
            return None  # "words no Ukrainian ever wanted to see": nobody is the speaker
        speaker_tok = subj
        if subj.lower_ == MARKERS["who"] or subj.lower_ in MARKERS["relative_subjects"]:
            # "Kim, who called the soldiers heroes": the relative's antecedent
            speaker_tok = subj.head.head if subj.head.dep_ == "relcl" else subj
        # an opinion with a clause of its own ("X believes the plan will fail") is a claim X makes,
        # and a stated intention ("X wants to …", "X plans to …") a position X takes; other
        # beliefs and wishes ("X considers …", "X seeks …") are reported only on request
        stance = lemma in BELIEF_VERBS and lemma not in SPEECH_VERBS
        reported = lemma in INTENTION_VERBS or (lemma in OPINION_VERBS and states_proposition(tok))
        content_tail = None
        appositive = stranded_subject(speaker_tok, tok)
        if appositive is not None:
            comma = appositive.left_edge.i - 1
            content_tail = (speaker_tok.left_edge.idx, tok.doc[comma - 1].idx + len(tok.doc[comma - 1]))
            speaker_tok = appositive
        speaker = speaker_phrase(speaker_tok)
        if len(speaker) > 1 and speaker[-1].dep_ == "case":  # "Kim's letter urging …": the name without "'s"
            speaker = speaker[:-1]
        return CueVerb(tok, sent, subj, speaker, lemma, stance and not reported, stance, content_tail)
