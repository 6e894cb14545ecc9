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


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:  # noqa: C901 - Tarjan's algorithm, whole
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


# The layers, bottom first: a module imports only from layers below its own (or
# from inside its own subpackage). README's "Layout" draws the same picture.
LAYERS = [
    ["analysis.schema", "analysis.errors", "analysis.resources", "analysis.parallel"],
    ["analysis._arrays"],
    ["analysis.text"],
    ["analysis.load", "analysis.segment"],
    ["analysis.corpus"],
    ["analysis.framing", "analysis.readability", "analysis.topics"],
    ["analysis.validate"],
    ["analysis.findings", "analysis.views", "analysis.run"],
    ["analysis.export", "analysis.cache"],
    ["analysis.report"],
    ["analysis.__main__", "analysis"],
]
LAYER = {unit: n for n, units in enumerate(LAYERS) for unit in units}


def _unit(module: str) -> str:
    """The top-level module or subpackage a module belongs to (``analysis.framing``)."""
    return ".".join(module.split(".")[:2])


def test_every_module_has_a_layer():
    assert {_unit(module) for module in MODULES} == set(LAYER)


def test_imports_run_down_the_layers_only():
    upward = [
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        for target in targets
        if _unit(module) != _unit(target) and LAYER[_unit(target)] >= LAYER[_unit(module)]
    ]
    assert upward == []


def _functions(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def test_no_module_over_800_lines_and_no_function_over_120():
    long_modules, long_functions = [], []
    for module, path in MODULES.items():
        source = path.read_text("utf-8")
        if len(source.splitlines()) > 800:
            long_modules.append(module)
        for node in _functions(ast.parse(source)):
            if node.end_lineno - node.lineno + 1 > 120:
                long_functions.append(f"{module}.{node.name}")
    assert long_modules == [] and long_functions == []


# --- the public names -----------------------------------------------------------------------

ROOT = PACKAGE.parent


def _public_modules() -> dict[str, object]:
    """Every module whose name has no leading underscore, imported."""
    import importlib

    return {
        name: importlib.import_module(name)
        for name in MODULES
        if not any(part.startswith("_") for part in name.split(".")[1:])
    }


def _used_names() -> set[tuple[str, str]]:
    """``(module, name)`` for every ``module.name`` the notebooks and the README use."""
    import json

    texts = [(ROOT / "README.md").read_text("utf-8")]
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(notebook.read_text("utf-8"))["cells"]
        texts += ["".join(cell["source"]) for cell in cells]
    units = "|".join(sorted({module.split(".")[1] for module in MODULES if module != "analysis"}))
    used = set()
    for text in texts:
        for full, unit, name in re.findall(rf"\b(analysis\.)?({units})\.([A-Za-z]\w*)\b", text):
            if name in ("py", "toml", "csv", "md", "ipynb"):
                continue  # a file name in prose (`schema.py`)
            if unit == "corpus" and not full:
                continue  # ``corpus.blocks``: a loaded Corpus, by the workbook's convention
            used.add((f"analysis.{unit}", name))
    return used


def test_every_name_the_notebooks_and_readme_use_is_in_its_modules_all():
    modules = _public_modules()
    missing = [
        f"{module}.{name}"
        for module, name in sorted(_used_names())
        if module in modules
        and not hasattr(getattr(modules[module], name, None), "__path__")  # a subpackage
        and f"{module}.{name}" not in MODULES  # a submodule named in prose
        and name not in getattr(modules[module], "__all__", ())
    ]
    assert missing == []


def test_every_public_module_says_what_it_exports_and_has_it():
    for name, module in _public_modules().items():
        exported = getattr(module, "__all__", None)
        assert exported is not None, f"{name} has no __all__"
        assert len(set(exported)) == len(exported), name
        assert [n for n in exported if not hasattr(module, n)] == [], name


def test_code_outside_a_subpackage_imports_through_its_package():
    # ``from analysis.framing import align``, never ``from analysis.framing.alignment
    # import align``: a subpackage's modules can then be rearranged freely.
    packages = {name for name, path in MODULES.items() if path.name == "__init__.py"}
    reaching_in = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.module or node.level:
                continue
            package = _unit(node.module)
            if package in packages and node.module != package and _unit(module) != package:
                reaching_in.append(f"{module}: from {node.module} import ...")
    assert reaching_in == []
