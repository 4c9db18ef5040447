"""Invented articles for the corpus-layer tests: one strike told by five outlets, one statement
carried by three, and people who share a surname.  All names of outlets and places are real
only as names; every sentence is written for these tests."""

STRIKE = [
    {"id": "harbour-wire-1", "outlet": "Harbour Wire", "published": "2025-05-03",
     "text": "Russian missiles struck a power plant in Odesa on Saturday, killing five civilians.\n\n"
             "Firefighters worked through the morning to put out the blaze at the plant, local officials said."},
    {"id": "kyiv-ledger-1", "outlet": "Kyiv Ledger", "published": "2025-05-03",
     "text": "Ukraine's air force said Russian forces struck the power plant in Odesa on Saturday, killing five civilians.\n\n"
             "The air force said two missiles were shot down before they reached the city."},
    {"id": "moscow-herald-1", "outlet": "Moscow Herald", "published": "2025-05-04",
     "text": "The Russian Defence Ministry denied that Russian forces struck a power plant in Odesa on Saturday, "
             "calling the reports fake.\n\nThe ministry said its forces hit only military targets."},
    {"id": "coast-courier-1", "outlet": "Coast Courier", "published": "2025-05-04",
     "text": "Russian missiles struck a power plant in Odesa on Saturday, killing 12 civilians, the regional governor said.\n\n"
             "Repair crews expect the plant to stay closed for weeks."},
    {"id": "daily-digest-1", "outlet": "Daily Digest", "published": "2025-05-05",
     "text": "According to Harbour Wire, Russian missiles struck a power plant in Odesa on Saturday.\n\n"
             "The city has faced repeated attacks this spring."},
]

STATEMENT = [
    {"id": "s-1", "outlet": "Harbour Wire", "published": "2025-06-02",
     "text": "Foreign Minister Anna Kovalenko said on Monday: \u201cWe will never surrender our land for a ceasefire "
             "that only gives the aggressor time to rearm.\u201d\n\nShe spoke in Geneva."},
    {"id": "s-2", "outlet": "Kyiv Ledger", "published": "2025-06-01",
     "text": "\"We will never surrender our land for a ceasefire that only gives the aggressor time to rearm,\" "
             "Foreign Minister Anna Kovalenko said on Sunday.\n\nThe talks resume next week."},
    {"id": "s-3", "outlet": "Coast Courier", "published": "2025-06-03",
     "text": "Kovalenko told the Coast Courier: \"We will never surrender our land for a ceasefire that only "
             "gives the aggressor time to rearm.\"\n\nHer ministry later published the remarks."},
]

TRUMP = [
    {"id": "t-1", "outlet": "Harbour Wire", "published": "2025-07-01",
     "text": "\"Tariffs will come down when the deal is signed,\" Donald J. Trump said on Tuesday."},
    {"id": "t-2", "outlet": "Kyiv Ledger", "published": "2025-07-02",
     "text": "\"We are very close to an agreement with both sides,\" Trump told reporters on Wednesday."},
    {"id": "t-3", "outlet": "Coast Courier", "published": "2025-07-03",
     "text": "\"Nobody has done more for peace than we have,\" President Trump said at the White House."},
    {"id": "t-4", "outlet": "Daily Digest", "published": "2025-07-03",
     "text": "\"I never met the president and I never will,\" Rip Donald Trump, a local plumber, said on Thursday."},
]


def build_store(path) -> str:
    """A SQLite store at `path` holding the strike and statement articles, ingested and linked."""
    from presslens.ingest import Document
    from presslens.store import open_store
    from presslens.store.loader import load

    engine = open_store(str(path))
    documents = [Document(id=a["id"], text=a["text"], outlet=a["outlet"], published=a["published"],
                          title=f"{a['outlet']}: {a['id']}") for a in STRIKE + STATEMENT]
    stats = load(engine, documents, embedder="lexical")
    assert stats.stored == stats.linked == len(documents)
    engine.dispose()
    return str(path)
