"""The error and warning catalogue, one coded message each (after spaCy's errors.py)."""

from __future__ import annotations


class Errors:
    """Messages for exceptions; format them with `.format(**fields)`."""

    E001 = (
        "quotes expects text as str, got {value!r} (a {type}). Decode bytes first, "
        "e.g. data.decode('utf-8'), and skip None values."
    )
    E002 = (
        "The GiNZA model '{model}' is not installed. Install it with "
        "`pip install ja-ginza` (or pass an already loaded spaCy Language as nlp=...)."
    )
    E003 = "Lexicon file {path} is missing. Expected a file of the shape of quotes/data/{name}."
    E004 = (
        "Lexicon file {path}, line {line}: expected {expected} tab-separated columns, got {got}: {content!r}"
    )
    E005 = "Lexicon file {path}, line {line}: unknown class {value!r}; use one of {allowed}."
    E006 = "batch_size must be a positive integer, got {value!r}."
    E007 = "n_process must be a positive integer, got {value!r}."
    E008 = "{path}: not valid UTF-8 ({reason}). Convert the file to UTF-8 first."
    E009 = "{path}: no such file or folder."
    E010 = "{path}: the folder holds no *.txt files."
    E011 = "{count} problem(s) found and --strict is set; first: {first}"
    E012 = "doc_id must be a str or None, got {value!r} (a {type})."
    E013 = 'parse must be "selective" or "all", got {value!r}.'
    E014 = 'ops must be "numpy" or "blis", got {value!r}.'
    E015 = "threads must be a positive integer or None, got {value!r}."
    E016 = "Dask is not installed. Install the extra: pip install 'quotes[dask]'."
    E017 = "Unknown extractor options for the cluster: {names}."
    E018 = "max_unit_bytes must be an integer from 16 to {limit} (Sudachi's limit), got {value!r}."
    E019 = "cannot write {path}: {reason}. Nothing was processed."
    E020 = "writing to {path} failed: {reason}. The output is incomplete."
    E021 = (
        "{path}: larger than {limit:,} bytes (the --max-bytes limit); "
        "split it, or raise the limit with --max-bytes."
    )
    E022 = (
        "{path}: a {kind}, not a regular file; a folder's *.txt files are read only when they are "
        "regular files (pass it as a PATH of its own, or pipe it to standard input with -)."
    )
    E023 = (
        "cannot reach the Dask scheduler at {address} within {timeout:g} s ({reason}). "
        "Is it running (dask scheduler)? --scheduler-timeout sets the wait."
    )
    E024 = "{address!r} is not a Dask scheduler address ({reason}); write it as tcp://host:8786."
    E025 = "interrupted: the documents written so far are whole; the others were not processed."
    E026 = "{name} must be a positive integer, got {value!r}."
    E027 = "{name} must be a positive number of seconds, got {value!r}."
    E028 = (
        "cannot tell the report format from {path!r}: name it .html or .md, or pass --format html|markdown."
    )
    # -- the organisation table (quotes/data/organizations.tsv and users' files) --
    E101 = (
        "Organisation file {path}, line {line}: expected the header {expected!r}, got {content!r}. "
        "Start the file (after any # comment lines) with that header."
    )
    E102 = "Organisation file {path} holds no header line; start it with {expected!r}."
    E103 = (
        "Organisation file {path}, line {line}: the canonical name (column 1) is empty; "
        "write the organisation's official English name."
    )
    E104 = "Organisation file {path}, line {line}: unknown category {value!r}; use one of {allowed}."
    E105 = (
        "Organisation file {path}, line {line}: country {value!r} is not an ISO 3166-1 alpha-2 code; "
        "write two capital letters (JP, KR, US) or leave the column empty for an international body."
    )
    E106 = (
        "Organisation file {path}, line {line}: no Japanese name (column 4); give at least one, "
        "several separated by '|'."
    )
    E107 = (
        "Organisation file {path}, line {line}: the name {form!r} is empty once spaces and middle "
        "dots are removed; remove it."
    )
    E108 = (
        "Organisation file {path}, line {line}: {form!r} already names {other!r} (line {other_line}); "
        "give each name to one organisation, or merge the two rows."
    )
    E109 = (
        "Organisation file {path}, line {line}: the canonical name {name!r} is already used on line "
        "{other_line}; merge the two rows."
    )

    # -- the archive index (quotes.archive): E040-E059 ---------------------------
    E040 = (
        "This Python's SQLite ({version}) cannot build the archive index: it needs FTS5 with the "
        "trigram tokenizer (SQLite >= 3.34). Use a Python built against a newer SQLite."
    )
    E041 = (
        "{path} is not an SQLite database (it starts with {head!r}). Give --db a new file name or "
        "an index made by `quotes index`; the file was left as it is."
    )
    E042 = (
        "{path} is an SQLite database but not a quotes index (application_id {found:#x}, expected "
        "{expected:#x}). Give --db a new file name; the database was left as it is."
    )
    E043 = (
        "{path} is a quotes index of schema version {found}; this quotes reads version {expected}. "
        "{advice} The index was left as it is."
    )
    E044 = (
        "Cannot write the index {path}: the location is read-only ({reason}). Choose a writable "
        "place for --db; nothing was written."
    )
    E045 = "{path}: no such index. Build one first: quotes index PATH... --db {path}"
    E046 = "{path}: the index is locked by another process writing to it ({reason}); try again when it ends."
    E047 = "{path}: is a folder; --db takes the index's file name."
    E048 = "The index {path} is open for reading only; open it with Index.open(path, write=True) to add."
    E049 = (
        "{path} is not a Parquet dataset written by quotes.archive.parquet: expected {expected} ({reason})."
    )
    E050 = "pyarrow is not installed. Install the extra: pip install 'quotes[dask]'."
    E051 = "A threshold must be a number from 0 to 100, got {name}={value!r}."
    E052 = (
        "Cannot tell the output format from {path!r}: name it .html, .jsonl, .csv or .txt, or pass --format."
    )
    E053 = "kind must be one of {allowed}, got {value!r}."

    # -- the confidence model (quotes.confidence): E060-E079 ---------------------
    E060 = (
        "Confidence model {path}: no such file. Pass a model written by `quotes train GOLD_DIR... "
        "-o MODEL`, or leave the option out for the shipped one."
    )
    E061 = "Confidence model {path} cannot be read as JSON ({reason}); it was left as it is."
    E062 = (
        "Confidence model {path}: {problem}. Expected a JSON file written by `quotes train` "
        "(format {format!r}, see docs/confidence.md)."
    )
    E063 = (
        "Confidence model {path} reads the feature {name!r}, which this version of quotes does not "
        "compute (it computes {known}). Retrain the model with `quotes train`."
    )
    E064 = "Training a confidence model needs scikit-learn. Install the extra: pip install 'quotes[train]'."
    E065 = (
        "The gold folders give {count} judged records, {right} right and {wrong} wrong; a model needs "
        "at least {least} of each. Annotate more texts (tests/data/GUIDELINES.md)."
    )
    E066 = "{name} must be a number from 0 to 1, got {value!r}."
    E067 = 'The calibration method must be "isotonic" or "sigmoid", got {value!r}.'
    E068 = (
        "Grouped cross-validation needs at least {folds} annotated documents (one fold each), got "
        "{count}. Pass fewer folds (--folds) or annotate more texts."
    )
    E069 = (
        'confidence_model must be a path to a model file, a ConfidenceModel or "rules", got {value!r} '
        "(a {type})."
    )
    E070 = (
        "Fold {fold} of the grouped cross-validation trains on {right} right and {wrong} wrong records: "
        "the records of one kind sit in too few articles. Pass fewer folds (--folds) or annotate more texts."
    )
    E071 = (
        "Unseen-records manifest {path} (line {line}): {problem}. Each line is "
        "GOLD_DIR<TAB>PREDICTIONS.jsonl, paths relative to the manifest (docs/confidence.md)."
    )
    E072 = (
        "Saved predictions {path}: {problem}. Save them with `quotes extract GOLD_DIR "
        "--confidence-model rules -o PREDICTIONS.jsonl`."
    )
    E073 = "quotes train needs gold folders (GOLD_DIR...) or an --unseen manifest, or both."


class Warnings:
    """Codes and messages of the problems reported in `Analysis.problems` and logged."""

    W001 = "Unclosed {opener} at offset {offset}: no matching {closer}; read as plain text."
    W002 = "Stray {closer} at offset {offset}: no opening bracket before it; ignored."
    W003 = (
        "Mismatched brackets: {opener} at offset {offset} is closed by {closer} at "
        "{close_offset}; the pair was read as a quotation."
    )
    W004 = (
        "A sentence of {length} characters exceeds the parser's limit and was parsed "
        "in pieces at offset {offset}; attributions across the cut may be missed."
    )
    W006 = (
        "The quotation at offset {offset} has a reporting cue but its speaker could not "
        "be found: its sentence was too long to parse whole (see W004)."
    )
    W007 = "Empty brackets at offset {offset}: nothing is quoted; no record."

    # -- the archive index (quotes.archive): W010-W019 ---------------------------
    W010 = (
        "{path}: the date {value!r} is not an ISO 8601 date (YYYY-MM-DD); the document is "
        "indexed without a date."
    )
    W011 = "{path}: the sidecar is not a JSON object ({reason}); it was ignored."


class QuotesError(Exception):
    """Base class of every error the library raises."""


class InputTypeError(QuotesError, TypeError):
    """The input is not of a type the library reads (str)."""


class InputValueError(QuotesError, ValueError):
    """An argument has a value the library cannot use."""


class ModelNotInstalledError(QuotesError, OSError):
    """The GiNZA model cannot be loaded."""


class LexiconError(QuotesError, ValueError):
    """A lexicon data file is missing or malformed."""


class OutputError(QuotesError, OSError):
    """The output cannot be written (a missing or read-only folder, a full disk)."""


class SchedulerError(QuotesError, ConnectionError):
    """The Dask scheduler cannot be reached."""


class ArchiveError(QuotesError):
    """The archive index cannot be opened, read or written as asked (codes E040-E059).

    `code` is the catalogue code; the message starts with it.
    """

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        super().__init__(f"{code} " + str(getattr(Errors, code)).format(**fields))


class ArchiveFormatError(ArchiveError, ValueError):
    """The file is not an index this version reads (not SQLite, another application, another schema)."""


class ArchiveAccessError(ArchiveError, OSError):
    """The index cannot be reached as asked (missing, read-only, locked, a folder)."""


class ConfidenceError(QuotesError, ValueError):
    """A confidence model cannot be loaded or trained as asked (codes E060-E079).

    `code` is the catalogue code; the message starts with it.
    """

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        super().__init__(f"{code} " + str(getattr(Errors, code)).format(**fields))
