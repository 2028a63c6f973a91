"""Stages 1 and 2: reading raw text, before any parse (no spaCy here).

`brackets` pairs 「」『』, `sentences` cuts sentences under Sudachi's byte limit,
`masking` builds the parser's view of a sentence (each quotation one placeholder
noun, asides dropped, offsets kept), `plan` runs the three over a text, and
`selection` decides from the tokenizer's output which sentences need the parser.
"""
