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


class OutputError(QuotesError, OSError):
    """The output cannot be written (a missing or read-only folder, a full disk)."""


class SchedulerError(QuotesError, ConnectionError):
    """The Dask scheduler cannot be reached."""
