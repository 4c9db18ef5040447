"""How an article is framed: persuasion techniques (learned tagger), hedges, and claims with
their attribution.  Importing this package registers the `presslens_framing` and
`presslens_claims` spaCy factories."""
from . import claims, component  # noqa: F401
