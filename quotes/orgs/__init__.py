"""Stage 7: organisations — the table of known ones (`table`), the country a text is
written from (`home`), and joining affiliations and media to canonical names (`canonical`)."""
