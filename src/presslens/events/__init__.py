"""Events: who did what to whom, where and when, typed with the PLOVER ontology, and who asserts it.

`lexicon` loads the trigger tables (hand, CAMEO-derived, overlay), `extract` finds events in a
parsed Doc, `dates` dates them from the text, `component` is the `presslens_events` spaCy
component that adds canonical actors, places, dates and the asserting source.
"""
