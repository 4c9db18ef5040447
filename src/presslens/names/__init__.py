"""Knowledge about names, shared by attribution, entities and events: titles and honorifics,
demonyms, role nouns and role equivalences (`vocabulary`), turning a phrase into a clean name or a
role and affiliation (`phrases`), and the registry of the people an article names (`registry`)."""
