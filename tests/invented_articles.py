"""Small invented news articles for the scaling tests: made-up people, places and bodies."""
from __future__ import annotations

import json
import random
from pathlib import Path

PEOPLE = [("Mara Velkin", "Harbour Minister", "the Coastal Authority"),
          ("Tobias Rendt", "spokesman", "the Valdor Rail Union"),
          ("Ilse Marrow", "mayor", "Port Quessa"),
          ("Dario Fenwick", "chief engineer", "Northline Energy"),
          ("Aniela Storm", "spokeswoman", "the Ministry of Fisheries")]
PLACES = ["Port Quessa", "Lindmark", "the Orvel valley", "Cape Senna", "Brannock"]
TOPICS = ["the new ferry terminal", "the rail strike", "the fishing quota", "the dam repairs", "the power outage"]


def article(i: int) -> dict:
    rnd = random.Random(i)
    name, role, body = rnd.choice(PEOPLE)
    other, other_role, other_body = rnd.choice([p for p in PEOPLE if p[0] != name])
    place, topic = rnd.choice(PLACES), rnd.choice(TOPICS)
    surname = name.split()[-1]
    text = (
        f"{body[0].upper()}{body[1:]} {role} {name} said on Monday that {topic} in {place} would be finished by June.\n\n"
        f"\u201cWe have done everything we promised, and the work is on schedule,\u201d {surname} told reporters "
        f"in {place}.\n\n"
        f"{other_role.capitalize()} {other} of {other_body} disagreed. \u201cNobody believes these dates,\u201d "
        f"{other.split()[-1]} said, adding that costs had doubled since the spring.\n\n"
        f"According to officials, about {100 + 7 * i} workers are now on site, and residents have complained "
        f"about noise at night.\n\n"
        f"Local experts warned that {topic} could be delayed again if the weather turns."
    )
    return {"id": f"inv-{i:03d}", "text": text, "published": f"2025-03-{1 + i % 28:02d}",
            "title": f"Dispute over {topic} ({i})", "outlet": "Quessa Herald"}


def write_jsonl(path: Path, count: int, *, bad_lines: bool = False) -> Path:
    """`count` invented articles as JSONL; with `bad_lines`, an invalid line and an empty text too."""
    lines = [json.dumps(article(i), ensure_ascii=False) for i in range(count)]
    if bad_lines:
        lines.insert(3, "{not json")
        lines.insert(7, json.dumps({"id": "empty", "text": "   "}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def long_article(characters: int, start: int = 0) -> str:
    """One invented article of at least `characters` characters: invented reports one after another."""
    parts, size, i = [], 0, start
    while size < characters:
        parts.append(article(i)["text"])
        size += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)
