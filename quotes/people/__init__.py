"""Stage 5: people and organisations as the text names them.

`mentions` takes a speaker's noun phrase apart (name, reading, title, honorific,
affiliation); `titles` finds where a title starts; `sources` says whether a phrase
can speak and which organisation an unnamed speaker speaks for; `reader` reads each
mention once per sentence; `coref` resolves later mentions (同氏, 車氏) to the
fullest earlier one.
"""
