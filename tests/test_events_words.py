"""The events engine's English words (`data/lang/en/events.json`), loaded and checked by
`events.lexicon.words`: every list the engine reads is there, and a missing, misspelt or
malformed key fails when the file is read."""
import copy
import json
from importlib import resources

import pytest

from presslens.events.lexicon import MARKER_KEYS, TYPED_KEYS, WORD_KEYS, checked_words, words


def _data():
    return json.loads(resources.files("presslens.data").joinpath("lang/en/events.json").read_text(encoding="utf-8"))


def test_the_english_file_has_every_list_with_a_comment():
    data = _data()
    assert all(data[k]["_comment"] and data[k]["words"] for k in WORD_KEYS)
    assert all(data[k]["_comment"] for k in (*TYPED_KEYS, "markers"))
    loaded = words("en")
    assert ("in", "addition") in loaded["additive_openers"] and "would" in loaded["future_or_backshifted_aux"]
    assert loaded["referred_nouns"]["aggression"] == "ASSAULT" and loaded["markers"]["of"] == "of"
    assert set(loaded["markers"]) == set(MARKER_KEYS)


@pytest.mark.parametrize("change,message", [
    (lambda d: d.pop("hedges"), "missing keys \\['hedges'\\]"),
    (lambda d: d.__setitem__("hedgse", d.pop("hedges")), "unknown keys \\['hedgse'\\]"),
    (lambda d: d["modals"].__setitem__("words", ["Could"]), "modals: needs \"words\""),
    (lambda d: d["modals"].pop("words"), "modals: needs \"words\""),
    (lambda d: d["referred_nouns"].__setitem__("siege", "BESIEGE"), "referred_nouns: lower-case words with a PLOVER"),
    (lambda d: d["markers"].pop("of"), "markers: missing \\['of'\\]"),
    (lambda d: d["markers"].__setitem__("off", "of"), "markers: missing \\[\\], unknown \\['off'\\]"),
])
def test_a_missing_misspelt_or_malformed_key_fails(change, message):
    data = copy.deepcopy(_data())
    change(data)
    with pytest.raises(ValueError, match=message):
        checked_words(data, "events.json (test)")
