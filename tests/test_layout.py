"""The package's shape, counted from its source: imports run one way, nothing is a giant.

The import graph is read with ``ast`` from every module of ``analysis/``,
including imports inside functions and module names written in strings
(``importlib.import_module("analysis.x")``, code run in a subprocess), since
those are the imports that hide a cycle from a reader.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import analysis

PACKAGE = Path(analysis.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str) -> str:
    """The module a dotted name lives in (``analysis.text.words`` -> ``analysis.text``)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _imported_names(module: str, path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module if path.name == "__init__.py" else module.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in MODULES else base)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value.strip()
            found.update(re.findall(r"(?:from|import)\s+(analysis(?:\.\w+)+)", value))
            if re.fullmatch(r"analysis(?:\.\w+)+", value):
                found.add(value)
    return found


def import_graph() -> dict[str, set[str]]:
    """Each module of the package -> the package's modules it imports.

    The package root is left out as a target: every submodule's import runs
    ``analysis/__init__.py`` first, which only re-exports the public names.
    """
    graph = {}
    for module, path in MODULES.items():
        targets = {_resolve(name) for name in _imported_names(module, path)}
        graph[module] = {t for t in targets if t in MODULES and t not in (module, "analysis")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_function_level_imports_and_names_in_strings():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    graph = import_graph()
    # The command line imports each command's module inside the function that runs it.
    assert "analysis.report" in graph["analysis.__main__"]


def test_no_import_cycle():
    assert cycles(import_graph()) == []
