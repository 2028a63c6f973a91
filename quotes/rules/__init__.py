"""Stage 4: the rules, each reading one masked sentence's parse (or, in `discourse`,
the sentences around it) and returning findings, never records.

- `direct`: a bracketed quotation's cue, speaker and medium (「…」と述べた);
- `pointing`: a quotation standing alone and the sentence that points at it (こう語った);
- `reported`: reported speech without brackets (…と述べた, …ことを発表した);
- `frames`: sources that frame a sentence (Xによると, Xの話として);
- `clauses`: where a reported clause starts;
- `discourse`: speakers carried across sentences, relays named in a sentence of their own.
"""
