"""Stage 3b: the shared reading of a GiNZA parse.

What a token is (a predicate, passive, a quotation's placeholder), how far a noun
phrase runs, which predicate a quotative hangs from and what its cue is, who a
predicate's subject or topic is, and which medium relayed the words. The rules in
`quotes.rules` are written in these terms; nothing here builds records.
"""
