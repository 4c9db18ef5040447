"""Entities: one record per real-world person, organisation, place or agreement in an article.

`actors` reads the shipped alias table (actor codes), `geocode` resolves places offline,
`component` is the `presslens_entities` spaCy component that puts them together.
"""
