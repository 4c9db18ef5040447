"""Who asserts an event: the statement (quote) an event's words lie in, read from the Doc's quotes.

Built once per Doc (`Statements(doc, quotes)`), then asked once per event (`of(found)`):

* the **innermost** quote whose content holds the event word gives the asserter ("The Head of State
  said this" around "Zelenskyy announced that he had received a request": the request is
  Zelenskyy's);
* in indirect speech, an aside on a name (a non-restrictive relative clause: "said the talks go on
  with HTS, which has taken control of the capital") is the writer's background, not the speaker's;
* an event word that is the quote's own cue, a verb coordinated with it, or the object of a cue
  that names the act ("The leaders reaffirmed their striving to …"; not of a neutral reporting
  verb: "said it won't withdraw" stays the speaker's refusal) is the author's report of a speech
  act, not part of the content;
* **unquoted continuations** of reported speech: in a readout ("Putin noted that the Ukrainian
  authorities are placing their bets on force. Thus, they are using heavy weapons …") a sentence
  with no statement of its own that follows, in the same paragraph, a sentence of reported speech
  continues it when it opens with an additive connective ("In addition, …", `ADDITIVE_OPENERS`),
  is in the backshifted "would", or shifts to the present (or present perfect) tense after a
  statement reported in the past ("noted that …"; not after "says"). Never when its main verb is a
  speech verb ("Russia's readiness … has been reaffirmed" is narrated) or its subject names the
  speaker again ("In particular, Putin shared …"). The statement continued is the sentence's widest
  reported one by an entity or a vague source; the chain runs on while each next sentence
  qualifies and stops at the first narrative sentence ("The leaders reaffirmed …", simple past), at
  a new statement or at the paragraph's end.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..attribution.lexicon import vocabulary
from .lexicon import words
from .referred import ReferredEvent

_W = words("en")  # the English words of the rules: data/lang/en/events.json
# sentence openers that add to what the previous sentence reported
ADDITIVE_OPENERS = _W["additive_openers"]
# finite verb forms that are not the simple past of a narrative: present (VBZ, VBP), and the modal
# "would" of backshifted reported future ("The goal of the talks would be to draft …")
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
BACKSHIFT_MODALS = _W["backshift_modals"]
REPORTED_KINDS = frozenset({"indirect", "mixed"})
RELATIVE_WORDS = _W["relative_openers"]
_CUES = vocabulary("en")
SPEECH_LEMMAS = _CUES["speech_verbs"] | _CUES["topic_verbs"]  # "… has been reaffirmed": a narrated speech act
NEUTRAL_REPORTING = _CUES["reporting_verbs"]  # "said it won't withdraw": the refusal is the speaker's


def _opens_with_addition(sent) -> bool:
    words = [t.lower_ for t in sent[:5] if not t.is_punct and not t.is_space]
    return any(tuple(words[:len(o)]) == o for o in ADDITIVE_OPENERS)


def _finite_verbs(verb: Token) -> list[Token]:
    """The verb and its auxiliaries: the words that carry a clause's tense."""
    return [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _tense(root: Token) -> str | None:
    """"would" (backshifted future), "modal" (will, can …), "present", "past", or None (no verb)."""
    if root.pos_ not in ("VERB", "AUX"):
        return None
    forms = _finite_verbs(root)
    if any(t.lower_ in BACKSHIFT_MODALS for t in forms):
        return "would"
    if any(t.tag_ == "MD" for t in forms):
        return "modal"
    if any(t.tag_ in PRESENT_TAGS for t in forms):
        return "present"
    return "past" if any(t.tag_ == "VBD" for t in forms) else None


def _continues(sent, shifted: bool) -> bool:
    """Whether a sentence with no statement of its own goes on with the reported speech before it:
    an additive opener; a backshifted "would"; or, when the statement was reported in the past
    ("Putin noted that …"), the present tense — a shift out of the narrative's tense into the
    speaker's. After a statement reported in the present ("Amazon says …") the present is the
    narrative's own ("The move comes as …") and the author's."""
    if _opens_with_addition(sent):
        return True
    root = sent.root
    if root.lemma_.lower() in SPEECH_LEMMAS:
        return False
    tense = _tense(root)
    return tense == "would" or (tense == "present" and shifted)


def _named(speaker) -> bool:
    """A speaker a continuation may be given to: one of the article's entities or a vague source
    ("officials"), not a phrase a pattern mistook for one ("according to plan", "Tuesday results")."""
    return bool(speaker.name) and (speaker.entity_id is not None or speaker.vague)


def _about_the_speaker(sent, speaker) -> bool:
    """Whether the sentence's subject names the speaker again ("In particular, Vladimir Putin shared
    his opinion …"): narration about the speaker, not the speaker's words."""
    last = (speaker.name or "").split()[-1:]
    return bool(last) and any(c.dep_ in ("nsubj", "nsubjpass") and last[0] in {t.text for t in c.subtree}
                              for c in sent.root.children)


def _aside(word: Token) -> bool:
    """Whether an event word lies in a non-restrictive relative clause on a name (", which has taken
    control of the capital", ", which Trump designated …"): in indirect speech such an aside is the
    writer's background to the name, not part of what the speaker is reported to have said."""
    v = word
    for _ in range(4):
        if v.dep_ == "relcl":
            head, first = v.head, v.doc[v.left_edge.i]
            return (head.pos_ == "PROPN" and first.lower_ in RELATIVE_WORDS and first.i > 0
                    and v.doc[first.i - 1].text == ",")
        if v.dep_ not in ("conj", "xcomp", "dobj", "pobj", "prep") or v.head.i == v.i:
            return False
        v = v.head
    return False


class Statements:
    """The statements of one Doc, indexed for asking which one an event belongs to."""

    def __init__(self, doc: Doc, quotes: list):
        self.quotes = sorted(quotes, key=lambda q: q.content.end - q.content.start)
        self.doc = doc
        self.continued: dict[int, object] = self._continuations(doc, quotes)

    def of(self, found):
        """The quote asserting `found` (a FoundEvent), or None for the author."""
        word = found.word.idx
        for q in self.quotes:  # innermost first
            if any(p.start <= word < p.end for p in (q.pieces or [q.content])):
                if q.kind == "indirect" and _aside(found.word):
                    continue  # "X said the strikes hit the Houthis, which Trump designated …": the writer's background
                if isinstance(found, ReferredEvent) or not self._reports(q, found):
                    return q  # an act the speech act names ("condemned the attack") is the speaker's
        return self.continued.get(found.trigger.sent.start)  # (a statement's own sentence never is one)

    @staticmethod
    def _reports(quote, found) -> bool:
        """Whether the event is the author's report of the speech act itself: its word is the quote's
        cue or a verb coordinated with it, or the cue is a verb that names the act with the event
        word as its object ("reaffirmed their striving to …", not the neutral "said it won't …")."""
        cue = quote.cue
        if cue is None:
            return False
        inside = lambda t: cue.start <= t.idx < cue.end
        word = found.word
        if inside(word) or (word.dep_ == "conj" and inside(word.head)):
            return True
        return word.dep_ == "dobj" and inside(word.head) and word.head.lemma_.lower() not in NEUTRAL_REPORTING

    @staticmethod
    def _continuations(doc: Doc, quotes: list) -> dict[int, object]:
        """Sentence start (token index) → the reported-speech quote it continues."""
        by_sentence: dict[int, list] = {}
        for q in quotes:
            anchor = q.cue or q.content
            span = doc.char_span(anchor.start, anchor.end, alignment_mode="expand")
            if span is not None and len(span):
                by_sentence.setdefault(span[0].sent.start, []).append(q)
        covered = set()
        for q in quotes:
            span = doc.char_span(q.content.start, q.content.end, alignment_mode="expand")
            if span is not None and len(span):
                covered.update(range(span[0].sent.start, span[-1].sent.start + 1))
        out: dict[int, object] = {}
        current, shifted = None, False
        for sent in doc.sents:
            text = sent.text_with_ws
            own = by_sentence.get(sent.start)
            if own:
                reported = [q for q in own if q.kind in REPORTED_KINDS and _named(q.speaker)]
                current = max(reported, key=lambda q: q.content.end - q.content.start) if reported else None
                cue = doc.char_span(current.cue.start, current.cue.end, alignment_mode="expand") if current and current.cue else None
                shifted = cue is not None and len(cue) > 0 and _tense(cue.root) == "past"
            elif sent.start in covered or sent[0].is_space:
                current = None
            elif current is not None and _continues(sent, shifted) and not _about_the_speaker(sent, current.speaker):
                out[sent.start] = current
            else:
                current = None
            if "\n" in text:  # a paragraph ends: so does the statement it reported
                current = None
        return out
