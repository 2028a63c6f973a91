"""The package's layout holds: stages import downwards only, no cycles, small functions.

The folders of `quotes/` are the stages a text goes through (docs/design.md); these
tests keep a later change from tying them back together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quotes"
#: the entry points: each calls the pipeline, none imports another
ENTRY_POINTS = ("quotes.extractor", "quotes.component", "quotes.cluster", "quotes.pipeline.parallel")
MAX_FUNCTION_LINES = 60


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The `quotes` modules a file imports at module level (not inside functions);
    `from quotes import confidence` imports the module `quotes.confidence`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        nodes = node.body if isinstance(node, ast.If) else [node]  # `if TYPE_CHECKING:` blocks too
        for inner in nodes:
            if isinstance(inner, ast.ImportFrom) and inner.module and inner.module.startswith("quotes"):
                subs = {f"{inner.module}.{a.name}" for a in inner.names} & modules
                found.update(subs or {inner.module})
            elif isinstance(inner, ast.Import):
                found.update(a.name for a in inner.names if a.name.startswith("quotes"))
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    names = set(modules)
    return {
        name: {m for m in _imports(path, names) if m in names and m != name} for name, path in modules.items()
    }


def test_no_import_cycle(graph: dict[str, set[str]]) -> None:
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in path:
            pytest.fail("import cycle: " + " -> ".join((*path[path.index(name) :], name)))
        if name in done:
            return
        for dependency in graph[name]:
            visit(dependency, (*path, name))
        done.add(name)

    for name in graph:
        visit(name, ())


def test_entry_points_do_not_import_each_other(graph: dict[str, set[str]]) -> None:
    for name in ENTRY_POINTS:
        assert not graph[name] & (set(ENTRY_POINTS) - {name, "quotes.pipeline.parallel"}), name


@pytest.mark.parametrize("folder", ["text"])
def test_text_stage_reads_no_parse(folder: str) -> None:
    for path in (PACKAGE / folder).rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import spacy" not in source and "from spacy" not in source, path


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("quotes.text", "quotes.grammar"),
        ("quotes.grammar", "quotes.rules"),
        ("quotes.rules", "quotes.pipeline"),
    ],
)
def test_stages_import_downwards(graph: dict[str, set[str]], lower: str, higher: str) -> None:
    for name, deps in graph.items():
        if name.startswith(lower + ".") or name == lower:
            assert not any(d.startswith(higher) for d in deps), (name, deps)


def test_no_function_is_longer_than_sixty_lines() -> None:
    long = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(PACKAGE)}:{node.name} ({length} lines)")
    assert not long, long
