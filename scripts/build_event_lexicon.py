#!/usr/bin/env python3
"""Derive presslens's CAMEO verb-pattern lexicon from PETRARCH2's dictionaries and PLOVER's table.

Reads (from ../shared/data/cameo by default):
* `CAMEO.2.0.txt` — PETRARCH2's verb dictionary (MIT, Open Event Data Alliance): synonym sets
  (`&MILITARY`), verb blocks (`--- ATTACK [190] ---` then the verbs of the block, each with an
  optional code of its own) and patterns (`- * &MILITARY (TO BORDER) [154]`);
* `CAMEO.verbpatterns.150430.txt` — the 2015 verb-pattern file (MIT, same source), TABARI-style
  patterns without syntax (`- POLICE * WITH DEMONSTRATOR [175]`), ~11,000 lines; those PETRARCH2
  did not carry into CAMEO.2.0.txt are added to the block of the same name where they read as one
  verb's frame (`parse_flat_pattern`, `fits_parse`: nouns and modifiers after the verb, none
  before it, no second verb, clause word or compound actor), after the block's own patterns; its
  null patterns are left out (TABARI's noun/verb disambiguation, which the parse does);
* `Phoenix.agents.txt` — PETRARCH2's agent nouns (`FARMER [~AGR]`, MIT): the nouns that name an
  actor, kept as `agents` (whole words and PETRARCH's prefix stems);
* `CAMEO2PLOVER-2021.txt` — PLOVER's CAMEO → PLOVER type, mode and context table (CC BY-SA 4.0).

Writes `src/presslens/data/cameo_verbs.json` (CC BY-SA 4.0, being derived from the PLOVER table):
for each verb lemma its default PLOVER type (the verb's or its block's CAMEO code) and its
patterns, each a dict of the words it needs around the verb on the dependency parse:

* `pre`: nouns before the verb (the subject side), `obj`: words after it — a particle or the
  head of the object, its modifiers (`{FINANCIAL AID}` → head `aid`, modifier `financial`);
* `prep`: prepositional phrases `[preposition, head, [modifiers]]` (`(TO BORDER)`);
* a word starting with `&` names a synonym set, kept in `synsets`.

Actor markers (`$`, `+`, `%`, `^`) are dropped: presslens finds actors from the parse.
CAMEO 01 (public statements) and codes the table lacks give no type; `event_overlay.json`'s
`code_types` add what the table leaves out, each with its reason.  A statement pattern (CAMEO 01x)
is kept with `"type": null`: as in PETRARCH, the frame it matches is a statement, no PLOVER event,
so it overrides the verb's default code ("issued a statement" is CAMEO 010, not the ISSUE block's
cooperation); so is a null pattern (`[---]`, code "---": "released the report", "fought racism"),
whose frame PETRARCH codes as no event.  The output is sorted and has no timestamp, so the same
inputs rebuild it byte for byte (`make event-lexicon`).
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "cameo"
OUTPUT = ROOT / "src" / "presslens" / "data" / "cameo_verbs.json"
OVERLAY = ROOT / "src" / "presslens" / "data" / "event_overlay.json"

ABOUT = ("CAMEO verb patterns for presslens.events, derived by scripts/build_event_lexicon.py from "
         "PETRARCH2's CAMEO.2.0.txt, CAMEO.verbpatterns.150430.txt and Phoenix.agents.txt "
         "(github.com/openeventdata/petrarch2 @676801c, MIT licence, "
         "Copyright (c) 2015 Open Event Data Alliance) and mapped to PLOVER 2021 types with "
         "CAMEO2PLOVER-2021.txt (github.com/openeventdata/PLOVER @5e0c24f, CC BY-SA 4.0, "
         "Philip Schrodt / Open Event Data Alliance). This table is therefore distributed under "
         "CC BY-SA 4.0. Do not edit by hand: hand additions go in event_overlay.json.")

STATEMENT_CODE = "01"  # CAMEO 01x: make a public statement, which PLOVER does not code as an event
NULL_CODE = "---"  # PETRARCH's null code: the frame names no event
FLAT_FILE = "CAMEO.verbpatterns.150430.txt"
TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")
CODE = re.compile(r"\[([^\]]*)\]")


def read_plover_table(path: Path) -> dict[str, dict]:
    """CAMEO code → {type, mode, context} from lines like `0311: AGREE,  ,   economic # …`."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.*)$", body)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        table[m.group(1)] = {"type": parts[0], "mode": (parts[1] if len(parts) > 1 else "") or None,
                             "context": (parts[2] if len(parts) > 2 else "") or None}
    return table


def plover_of(code: str | None, table: dict[str, dict], extra: dict[str, str]) -> dict | None:
    """The PLOVER entry for a CAMEO code: its own row, else the nearest shorter prefix's."""
    if not code:
        return None
    code = code.split(":")[0].strip()
    if not code.isdigit():
        return None
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
        if code[:n] in extra:
            return {"type": extra[code[:n]], "mode": None, "context": None}
    return None


def words_of(phrase: str) -> list[str]:
    """`{FINANCIAL AID}` → ['financial', 'aid'] (head last); `CASH_` → ['cash']."""
    phrase = phrase.strip("{}")
    return [w.strip("_").lower().replace("_", " ") for w in phrase.split() if w.strip("_$%^+")]


def parse_pattern(text: str) -> dict | None:
    """One pattern line (after '-') → {'pre', 'obj', 'prep'} or None when it has no verb slot."""
    if "*" not in text:
        return None
    before, after = text.split("*", 1)
    out: dict[str, list] = {"pre": [], "obj": [], "prep": []}
    for side, chunk in (("pre", before), ("obj", after)):
        for tok in TOKEN.findall(chunk):
            if tok in ("$", "+", "%", "^") or not tok.strip("$+%^"):
                continue
            if tok.startswith("("):
                inner = TOKEN.findall(tok[1:-1])
                inner = [t for t in inner if t.strip("$+%^")]
                if not inner:
                    continue
                prep = inner[0].lower().strip("_")
                rest = [w for t in inner[1:] for w in words_of(t)]
                if side == "obj":
                    out["prep"].append([prep, rest[-1] if rest else None, rest[:-1]])
                continue
            out[side].extend(words_of(tok.strip("$+%^")))
    if not (out["pre"] or out["obj"] or out["prep"]):
        return None
    return {k: v for k, v in out.items() if v}


def verb_lemma(entry: str) -> tuple[str, str | None] | None:
    """A verb line's first word → (lemma, particle): `+CORDON_OFF` → ('cordon', 'off'); `RE_ARREST`
    and noun-like block names (`VERBAL_CONFLICT`) give None."""
    word = entry.split()[0]
    if "_" in word.strip("_"):
        parts = word.split("_")
        plus = [p for p in parts if p.startswith("+")]
        if not plus:
            return None
        verb = plus[0][1:].lower()
        rest = [p.lower() for p in parts if not p.startswith("+") and p]
        particle = rest[0] if len(rest) == 1 and parts.index(plus[0]) == 0 else None
        return (verb, particle) if particle else None
    word = word.strip("+_").lower()
    return (word, None) if word.isalpha() else None


PREPOSITIONS = frozenset("about across after against along amid among around at before behind between by during for "
                         "from in inside into near of off on onto out over through to toward towards under upon "
                         "with within without despite since until via beyond throughout".split())
ARTICLES = frozenset("the a an its their his her".split())
# Words that make a flat pattern a clause, not a frame the parse can check: auxiliaries, negation,
# pronouns, conjunctions, speech verbs (PETRARCH2 dropped such patterns when it wrote CAMEO.2.0.txt).
CLAUSE_WORDS = frozenset("will would should must can could may might shall is are am was were be been being has have "
                         "had do does did not no never don't if that whether which who whom what when where why how "
                         "and or but as than it itself he she they we i you him them us said say says told".split())
CLAUSE_SETS = ("&auxverb", "&tobeverb", "&preposit")  # synonym sets of auxiliaries and prepositions


def parse_flat_pattern(text: str) -> dict | None:
    """One TABARI-style pattern of `CAMEO.verbpatterns.150430.txt` (words in order, no syntax:
    `- * ARREST OF + [100]`, `- * WITH DEMONSTRATOR [175]`) → {'obj', 'prep'} as `parse_pattern`
    gives them, or None when it does not fit the parse: the words after the verb are the object
    (head last) up to the first preposition, each preposition then heads a phrase (its last word
    the head); a word joined to the verb (`*_OPTIMISM`) or a clause word (`WILL`, `SAID`,
    `&AUXVERB1`) make it a sentence fragment, not a frame, a compound-actor slot (`%`) a code the
    frame alone does not decide, and a word before the verb ('POSSIBLE CHEMICAL *') is TABARI's
    neighbouring word, which the subject of a parse does not stand for."""
    tokens = text.split()
    if tokens.count("*") != 1 or "%" in tokens:
        return None  # a verb joined to a word, or a code that depends on a compound actor ('% * INSURGENT')
    star = tokens.index("*")
    if any(t.strip("$+%^") for t in tokens[:star]):
        return None  # TABARI's words before the verb are its neighbours, not its subject: no frame
    words = []
    for tok in tokens[star + 1:]:
        tok = tok.strip("$+%^")
        if not tok:
            continue
        if tok.startswith("&"):  # `&WEAPON_ATTACK`: the set, then the word joined to it
            name, *rest = tok.split("_")
            if name.lower().startswith(CLAUSE_SETS):
                return None
            words += [name.lower()] + [w.lower() for w in rest if w]
            continue
        low = tok.lower().replace("_", " ")
        if any(w in CLAUSE_WORDS for w in low.split()) or not re.fullmatch(r"[a-z][a-z' -]*", low):
            return None
        if low not in ARTICLES:
            words.append(low)
    out: dict[str, list] = {"obj": [], "prep": []}
    phrase: list[str] | None = None  # the current prepositional phrase, after its preposition
    for w in words:
        if w in PREPOSITIONS:
            phrase = [w]
            out["prep"].append(phrase)
        elif phrase is None:
            out["obj"].append(w)
        else:
            phrase.append(w)
    # a preposition before an actor slot ('IN +') says only where the actor is: not a frame word
    out["prep"] = [[ph[0], ph[-1], ph[1:-1]] for ph in out["prep"] if len(ph) > 1]
    if len(out["prep"]) > 1 or len(out["obj"]) > 2:
        return None
    return {k: v for k, v in out.items() if v} or None


def verb_forms(path: Path) -> frozenset[str]:
    """Every verb form a verb dictionary lists or generates (`ATTACK` → attack, attacks, attacked,
    attacking; irregular forms from `{...}`), lower case."""
    forms = set()
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line[0] in "-~&[" or line.startswith("+") and "_" not in line:
            continue
        for word in re.findall(r"[A-Z][A-Z'_+-]*", line.replace("{", " ").replace("}", " ")):
            w = next((p for p in word.split("_") if p.startswith("+")), word).strip("+").lower()
            if "_" in word and not any(p.startswith("+") for p in word.split("_")):
                continue
            forms |= {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w[:-1] + "ing", w[:-1] + "ied"}
    return frozenset(forms)


ADVERBS = frozenset("again back down up out off away ahead here there now also still already soon further together "
                    "forward home abroad later today yesterday tomorrow".split())


def fits_parse(p: dict, verbs: frozenset[str], nouns: frozenset[str]) -> bool:
    """Whether a flat pattern reads as a frame of one verb: its words are nouns and modifiers, not a
    second verb ('* LIFT SANCTIONS', '* EXPLAIN'), a past participle or an adverb ('* AGAIN'); a
    head that is also a verb form counts as a noun only where CAMEO 2.0's own parsed patterns use
    it as one (`nouns`: 'attack', 'visit')."""
    heads = {p["obj"][-1]} if p.get("obj") else set()
    heads |= {pr[1] for pr in p.get("prep", []) if pr[1]}
    for phrase in p.get("obj", []) + [w for pr in p.get("prep", []) for w in [pr[1] or ""] + pr[2] if w]:
        if phrase.startswith("&"):
            continue
        parts = phrase.split()
        for k, w in enumerate(parts):
            head = phrase in heads and k == len(parts) - 1
            if w in ADVERBS or w.endswith("ly") or w in PREPOSITIONS or (w in verbs and not (head and w in nouns)):
                return False
    return True


def read_verbs(path: Path, flat: bool = False):
    """(synsets, blocks) of a verb dictionary: blocks are (name, block code, [(lemma, particle, own
    code)], [(pattern, code)]); `flat`: the patterns are TABARI-style (`parse_flat_pattern`)."""
    synsets: dict[str, list[str]] = {}
    blocks = []
    current_set = None
    block = None
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("~~~~"):
            break
        if line.startswith("&"):
            current_set = line.strip().lower()
            synsets[current_set] = []
            continue
        if line.startswith("+") and current_set is not None and block is None:
            synsets[current_set].extend(w for w in [" ".join(words_of(line[1:]))] if w)
            continue
        if line.startswith("---"):
            current_set = None
            m = CODE.search(line)
            name = " ".join(line.split("[", 1)[0].strip("- \n").split()[:1])
            block = (name, m.group(1).strip() if m else "---", [], [])
            blocks.append(block)
            continue
        if block is None:
            continue
        if line.startswith("-"):
            m = CODE.search(line)
            if not m:
                continue
            pattern = (parse_flat_pattern if flat else parse_pattern)(line[1:m.start()])
            if pattern is not None:
                block[3].append((pattern, m.group(1).strip()))
            continue
        if line.startswith("~"):
            continue
        own = CODE.search(line)
        body = re.sub(r"\{[^}]*\}", "", line[:own.start()] if own else line).strip()
        if not body:
            continue
        lemma = verb_lemma(body)
        if lemma is not None:
            block[2].append((lemma[0], lemma[1], own.group(1).strip() if own else None))
    return synsets, blocks


def _clean(pattern: dict) -> dict | None:
    """Drop stray punctuation words; None when nothing is left to match."""
    out = {}
    for key in ("pre", "obj"):
        words = [w for w in pattern.get(key, []) if re.fullmatch(r"&?[a-z][a-z' -]*", w)]
        if words:
            out[key] = words
    preps = [p for p in pattern.get("prep", []) if re.fullmatch(r"[a-z]+", p[0])]
    if preps:
        out["prep"] = preps
    if not out.get("obj") and all(p[1] is None for p in out.get("prep", [])) and not out.get("pre"):
        return None  # a bare preposition ("* (ON)") needs PETRARCH's actor markers to mean anything
    return out or None


def read_agents(path: Path) -> tuple[list[str], list[str]]:
    """PETRARCH's agent nouns (`FARMER [~AGR]`, `MINISTR [~GOV]`) as (words, stems): a word ending
    in `_` is matched whole, one without is a stem PETRARCH matches as a prefix; a multi-word agent
    gives its last word, the head a parse finds (`SHOP_OWNER` → owner)."""
    words, stems = set(), set()
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0]
        m = re.match(r"^([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*\[", line)
        if not m:
            continue
        entry = m.group(1)
        stopped = entry.endswith("_")
        head = entry.strip("_").split("_")[-1].lower()
        if not re.fullmatch(r"[a-z][a-z'-]+", head):
            continue
        (words if stopped or "_" in entry.strip("_") else stems).add(head)
        for form in (m.group(2) or "").strip("{}").split():  # irregular plurals: `MAN_ {MEN_}`
            form = form.strip("_").split("_")[-1].lower()
            if re.fullmatch(r"[a-z][a-z'-]+", form):
                words.add(form)
    return sorted(words), sorted(stems - words)


def _typed(pattern: dict, pcode: str, table: dict, extra: dict) -> dict | None:
    """A cleaned pattern with its CAMEO code and PLOVER type, or None.  A statement (CAMEO 01x) or
    null (`---`) pattern is kept untyped: PETRARCH codes that frame as no event, so it stops the
    verb's own code ("issued a statement"; "killed in an accident")."""
    row, p = plover_of(pcode, table, extra), _clean(pattern)
    code = pcode.split(":")[0].strip()
    if p is None or (row is None and not (code.startswith(STATEMENT_CODE) or code == NULL_CODE)):
        return None
    p.update(code=code, type=row["type"] if row is not None else None)
    if row is not None and row.get("mode"):
        p["mode"] = row["mode"]
    return p


def _attested_nouns(blocks: list, synsets: dict) -> frozenset[str]:
    """Words CAMEO 2.0's parsed patterns use as nouns: a head with a modifier (`{MOCK ATTACK}`), the
    object of a preposition other than 'to' (`(FOR VISIT)`; 'to' also marks an infinitive), or a
    synonym-set member."""
    nouns = {w for members in synsets.values() for m in members for w in m.split()[-1:]}
    for *_rest, patterns in blocks:
        for pattern, _ in patterns:
            obj = pattern.get("obj", [])
            if len(obj) > 1:
                nouns.add(obj[-1])
            nouns |= {pr[1] for pr in pattern.get("prep", []) if pr[1] and (pr[0] != "to" or pr[2])}
    return frozenset(nouns)


def _specific_first(p: dict) -> int:
    return -(len(p.get("obj", [])) + 2 * len(p.get("prep", [])) + len(p.get("pre", [])))


def build(source: Path, overlay: Path) -> dict:
    table = read_plover_table(source / "CAMEO2PLOVER-2021.txt")
    extra = {code: row["type"] for code, row in json.loads(overlay.read_text(encoding="utf-8"))["code_types"].items()}
    synsets, raw_blocks = read_verbs(source / "CAMEO.2.0.txt")
    _, flat_blocks = read_verbs(source / FLAT_FILE, flat=True)
    verbs_known = verb_forms(source / "CAMEO.2.0.txt") | verb_forms(source / FLAT_FILE)
    by_name = {name: i for i, (name, *_rest) in enumerate(raw_blocks)}
    by_verb = {lemma: i for i, (*_rest, members, _p) in enumerate(raw_blocks) for lemma, _, _ in members}
    flat = [[] for _ in raw_blocks]  # the 2015 file's patterns, by the CAMEO 2.0 block of the same name or verb
    for name, _code, members, patterns in flat_blocks:
        index = by_name.get(name, next((by_verb[m[0]] for m in members if m[0] in by_verb), None))
        if index is not None:
            flat[index] += patterns
    nouns = _attested_nouns(raw_blocks, synsets)
    blocks, verbs = [], {}
    for (_name, block_code, members, patterns), extra_patterns in zip(raw_blocks, flat):
        typed = []
        for pattern, pcode in patterns:
            p = _typed(pattern, pcode, table, extra)
            if p is not None and p not in typed:
                typed.append(p)
        own = len(typed)
        for pattern, pcode in extra_patterns:
            if pcode.strip() == NULL_CODE:
                continue  # the 2015 file's null patterns are TABARI's noun/verb disambiguation ('* &AIRCRAFT'
                # under FIGHT: "fighter aircraft"), which a parse does itself; PETRARCH2 kept those that still mean something
            p = _typed(pattern, pcode, table, extra)
            names = [w for w in (p or {}).get("obj", []) if w.startswith("&")]
            names += [w for pr in (p or {}).get("prep", []) for w in [pr[1] or ""] + pr[2] if w.startswith("&")]
            if p is not None and p not in typed and all(n in synsets for n in names) and fits_parse(p, verbs_known, nouns):
                typed.append(p)
        # CAMEO 2.0's patterns (PETRARCH2's own revision) before the 2015 file's, specific ones first
        typed = [p for _, _, _, p in sorted((i >= own, _specific_first(p), json.dumps(p, sort_keys=True), p)
                                            for i, p in enumerate(typed))]
        index = len(blocks)
        blocks.append(typed)
        for lemma, particle, own_code in members:
            code = own_code or block_code
            row = plover_of(code, table, extra)
            form = {"block": index}
            if particle:
                form["particle"] = particle
            if row is not None:
                form.update(code=code.split(":")[0], type=row["type"])
            if row is None and not any(p["type"] for p in typed):
                continue  # a verb that never names an event
            forms = verbs.setdefault(lemma, [])
            if form not in forms:
                forms.append(form)
    used = {w for b in blocks for p in b
            for w in p.get("pre", []) + p.get("obj", []) + [x for pr in p.get("prep", []) for x in [pr[1]] + pr[2] if x]}
    agent_words, agent_stems = read_agents(source / "Phoenix.agents.txt")
    return {"_about": ABOUT,
            "agents": {"words": agent_words, "stems": agent_stems},
            "synsets": {k: sorted(set(v)) for k, v in sorted(synsets.items()) if k in used},
            "blocks": blocks,
            "verbs": dict(sorted(verbs.items()))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder with the PETRARCH2 dictionaries and CAMEO2PLOVER-2021.txt")
    ap.add_argument("--output", type=Path, default=OUTPUT)
    args = ap.parse_args()
    for name in ("CAMEO.2.0.txt", FLAT_FILE, "CAMEO2PLOVER-2021.txt", "Phoenix.agents.txt"):
        if not (args.source / name).exists():
            raise SystemExit(f"missing {args.source / name}: pass --source")
    data = build(args.source, OVERLAY)
    text = json.dumps(data, indent=0, ensure_ascii=False, separators=(",", ":")) + "\n"
    args.output.write_text(text, encoding="utf-8")
    n_pat = sum(len(b) for b in data["blocks"])
    n_agents = len(data["agents"]["words"]) + len(data["agents"]["stems"])
    print(f"wrote {args.output}: {len(data['verbs'])} verbs, {n_pat} patterns, {len(data['synsets'])} synonym sets, {n_agents} agent nouns")


if __name__ == "__main__":
    main()
