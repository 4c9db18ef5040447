"""The attribution patterns as a table: one module per pattern family, each declaring its `NAME`
and `CONFIDENCE` and yielding `Attribution` candidates from `find(doc, context)`.

Order is precedence: where two families read the same trigger token (a cue verb set off by
commas is both a parenthetical and a plain cue verb), the earlier one's reading is kept.
Quotation marks, continuations and block quotes depend on these candidates and run afterwards,
as assembly stages (`attribution/assembly.py`).
"""
from . import (
    according_to,
    cue_verbs,
    nominal_cues,
    parenthetical,
    quoted_as_saying,
    readout_passives,
    relative,
    signatures,
    speaker_labels,
    stance_adjectives,
    stated_by,
    statement_nouns,
)

PATTERNS = (
    according_to,      # "according to X, …"
    statement_nouns,   # "X's remarks that …"
    nominal_cues,      # "his criticism of …", "her plan to …"
    quoted_as_saying,  # "KCNA quoted the party as saying …"
    parenthetical,     # "The plan, she said, will fail"
    relative,          # "a plan which she said will fail"
    stated_by,         # "[…]. This was stated by X"
    cue_verbs,         # "X said / stressed / voiced confidence that …"
    readout_passives,  # "It was emphasised that …" → the readout's principal
    stance_adjectives, # "X is confident that …"
    speaker_labels,    # "WALLACE: …"
    signatures,        # "“…” ― Ana Ruiz"
)
