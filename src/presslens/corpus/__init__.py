"""The corpus layer: across articles, one identity per person or body, one statement per thing
said, one story per real event — with who asserts it, who denies it and who only relays it.

    from presslens.corpus import LinkInput, link
    links = link(LinkInput(doc_id, outlet, published, analysis) for ... )
    links.stories[0].asserted_by, links.stories[0].conflicts, links.statements[0].first_seen

It reads `presslens.model.Analysis` records only (never a spaCy Doc), so it sits above `model`
and below `store`, `web` and `cli`.  `Linker` is the incremental form the store uses: `add()` a
batch, get back what changed.
"""
from __future__ import annotations

from .embedding import CHOICES as EMBEDDERS, DEFAULT as DEFAULT_EMBEDDER, EmbedderUnavailable
from .linker import Change, LinkInput, Linker, link
from .records import Appearance, Conflict, Identity, Links, Report, Statement, Story

__all__ = ["Appearance", "Change", "Conflict", "DEFAULT_EMBEDDER", "EMBEDDERS", "EmbedderUnavailable", "Identity",
           "LinkInput", "Linker", "Links", "Report", "Statement", "Story", "link"]
