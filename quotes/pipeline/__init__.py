"""Stages 3 and 6 and the whole path: `parse` (loading GiNZA, parsing masked sentences),
`build` (records from findings), `run` (the `Pipeline` every entry point calls),
`config` (what a pipeline is built from) and `parallel` (worker processes)."""
