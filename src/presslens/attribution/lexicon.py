"""The attribution vocabulary (`data/lang/<lang>/attribution.json`), loaded once and checked.

Which words introduce a statement (cue verbs by class, light verbs with cue nouns), which name a
statement or a medium, and which speakers are vague.  The lists are lemmas, so one entry covers
every inflection ("stress" → stressed, stresses).  The engine modules name no English word: they
read these sets, so another language's file can sit beside the English one.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

# every word list the patterns read; each must be present, lower case, one word or phrase a line
LIST_KEYS = (
    "speech_verbs", "topic_verbs", "quotation_only_verbs", "belief_verbs", "clause_only_verbs",
    "light_verbs", "cue_nouns", "statement_nouns", "vague_heads", "first_person", "personal_pronouns",
    "object_cues", "characterizing_verbs", "relative_words", "xcomp_cues", "pro_forms", "say_verbs",
    "evidence_verbs", "evidence_nouns", "reporting_verbs", "channel_verbs", "media_nouns",
    "non_speaker_labels", "statement_objects", "stance_adjectives", "question_verbs", "opinion_verbs", "audience_verbs", "intention_verbs",
)
MAP_KEYS = ("prep_cues", "nominal_cues", "markers")


@lru_cache(maxsize=None)
def vocabulary(language: str = "en") -> dict:
    """The attribution vocabulary of `language`: lists as frozensets, maps as dicts."""
    path = resources.files("presslens.data").joinpath("lang").joinpath(language).joinpath("attribution.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    missing = [k for k in LIST_KEYS + MAP_KEYS if k not in data]
    if missing:
        raise ValueError(f"attribution.json ({language}): missing {missing}")
    out: dict = {}
    for key in LIST_KEYS:
        bad = [w for w in data[key] if not isinstance(w, str) or w != w.lower() or not w.strip()]
        if bad:
            raise ValueError(f"attribution.json ({language}) {key}: entries must be lower case, got {bad[:5]}")
        out[key] = frozenset(data[key])
    for key in MAP_KEYS:
        out[key] = {k: (frozenset(v) if isinstance(v, list) else v) for k, v in data[key].items() if not k.startswith("_")}
    if not out["belief_verbs"] - out["speech_verbs"]:
        raise ValueError(f"attribution.json ({language}): belief_verbs must not all be speech verbs")
    return out


_EN = vocabulary("en")
SPEECH_VERBS = _EN["speech_verbs"]
TOPIC_VERBS = _EN["topic_verbs"]
QUOTATION_ONLY_VERBS = _EN["quotation_only_verbs"]
BELIEF_VERBS = _EN["belief_verbs"]
OPINION_VERBS = _EN["opinion_verbs"]
INTENTION_VERBS = _EN["intention_verbs"]  # stated intentions, reported as positions ("X plans to …")  # beliefs that state a claim when they govern a finite clause
CLAUSE_ONLY_VERBS = _EN["clause_only_verbs"]
LIGHT_VERBS = _EN["light_verbs"]
CUE_NOUNS = _EN["cue_nouns"]
STATEMENT_NOUNS = _EN["statement_nouns"]
VAGUE_HEADS = _EN["vague_heads"]
FIRST_PERSON = _EN["first_person"]
PERSONAL_PRONOUNS = _EN["personal_pronouns"]
OBJECT_CUES = _EN["object_cues"]
CHARACTERIZING_VERBS = _EN["characterizing_verbs"]
RELATIVE_WORDS = _EN["relative_words"]
XCOMP_CUES = _EN["xcomp_cues"]
PRO_FORMS = _EN["pro_forms"]
SAY_VERBS = _EN["say_verbs"]
EVIDENCE_VERBS = _EN["evidence_verbs"]
EVIDENCE_NOUNS = _EN["evidence_nouns"]
REPORTING_VERBS = _EN["reporting_verbs"]
CHANNEL_VERBS = _EN["channel_verbs"]
MEDIA_NOUNS = _EN["media_nouns"]
NON_SPEAKER_LABELS = _EN["non_speaker_labels"]
STATEMENT_OBJECTS = _EN["statement_objects"]
STANCE_ADJECTIVES = _EN["stance_adjectives"]  # "X is confident that …"  # "noted the importance of": objects that are a stance
AUDIENCE_VERBS = _EN["audience_verbs"]  # "told reporters": verbs whose object is the audience, not the content
QUESTION_VERBS = _EN["question_verbs"]  # "asked if …": verbs whose content may be an indirect question
PREP_CUES = _EN["prep_cues"]  # "argued for …": verbs that report their preposition's object
NOMINAL_CUES = _EN["nominal_cues"]  # "her criticism of …": stance nouns with the prepositions of their content
MARKERS = _EN["markers"]  # single function words by job: "according", "saying", prepositions
CONTENT_LEADS = MARKERS["content_leads"]
