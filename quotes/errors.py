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
