"""Events: who did what to whom, where and when, typed with the PLOVER ontology, and who asserts it.

`lexicon` loads the trigger table, `extract` finds events in a parsed Doc, `component` is the
`presslens_events` spaCy component that adds places, dates and the asserting source.
"""
