"""Every committed notebook is executed, in order, clean, accessible and parameterised.

nbval (``make test``) checks that the outputs are still what the code gives;
this module checks what nbval cannot: that the notebook was run top to bottom
in one fresh kernel (``make notebooks``), that no error is committed, that
every chart has alt text, that the header and ``parameters`` cells exist (so
``make report CORPUS=...`` can run it), and that nothing patches ``sys.path``
(the package is installed editable).
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "notebooks"
# tests/notebooks/ holds notebooks executed on fixture corpora (by `make notebooks`).
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb")) + sorted(
    (NOTEBOOKS_DIR.parent / "tests" / "notebooks").glob("*.ipynb")
)

SYS_PATH_EDIT = re.compile(
    r"\bsys\.path\s*(\.\s*(append|insert|extend|remove|pop|clear)\b|\[|\+=|=(?!=))"
    r"|\bsite\.addsitedir\b"
)
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S", re.MULTILINE)


def source_text(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def notebook_problems(notebook: dict[str, Any]) -> list[str]:  # noqa: C901 - one flat list of checks
    """Everything wrong with a notebook's structure, one line each; empty when fine."""
    problems = []
    cells = notebook.get("cells", [])

    if (
        not cells
        or cells[0].get("cell_type") != "markdown"
        or not HEADING.search(source_text(cells[0]))
    ):
        problems.append(
            "the first cell must be a markdown header cell with a # title "
            "(question, inputs, how to read it)"
        )

    parameter_cells = [
        number
        for number, cell in enumerate(cells, start=1)
        if "parameters" in cell.get("metadata", {}).get("tags", [])
    ]
    if not parameter_cells:
        problems.append(
            "no cell tagged `parameters` (defining corpus_path and article_id) for papermill"
        )
    elif cells[parameter_cells[0] - 1].get("cell_type") != "code":
        problems.append(f"cell {parameter_cells[0]}: the `parameters` cell must be a code cell")

    counts = []
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        source = source_text(cell)
        count = cell.get("execution_count")
        if count is None:
            if source.strip():
                problems.append(f"cell {number}: code cell was never executed")
        else:
            counts.append(count)
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                problems.append(
                    f"cell {number}: committed error output "
                    f"{output.get('ename', '?')}: {output.get('evalue', '')}"
                )
            if "image/png" in output.get("data", {}):
                alt = output.get("metadata", {}).get("image/png", {}).get("alt")
                if not (isinstance(alt, str) and alt.strip()):
                    problems.append(
                        f'cell {number}: image/png output without output.metadata["image/png"]'
                        '["alt"] text'
                    )
        if SYS_PATH_EDIT.search(source):
            problems.append(
                f"cell {number}: changes sys.path; the package is installed editable, "
                "import it directly"
            )

    if counts != list(range(1, len(counts) + 1)):
        problems.append(
            f"execution counts are {counts}, not 1..{len(counts)} in order; "
            "re-run top to bottom in a fresh kernel (`make notebooks`)"
        )
    return problems


def test_there_are_notebooks():
    assert NOTEBOOKS, f"no notebooks in {NOTEBOOKS_DIR}; the workbook is its notebooks"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.name for path in NOTEBOOKS])
def test_notebook_structure(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    problems = notebook_problems(notebook)
    assert not problems, f"{path.name}:\n  " + "\n  ".join(problems)


# Self-tests: the checker accepts a good notebook and catches each kind of problem.


def code(source: str, count: int | None, outputs: list | None = None, tags=()) -> dict:
    return {
        "cell_type": "code",
        "source": source,
        "execution_count": count,
        "metadata": {"tags": list(tags)},
        "outputs": outputs or [],
    }


def markdown(source: str) -> dict:
    return {"cell_type": "markdown", "source": source, "metadata": {}}


def chart(alt: str | None) -> dict:
    metadata = {} if alt is None else {"image/png": {"alt": alt}}
    return {
        "output_type": "display_data",
        "data": {"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"},
        "metadata": metadata,
    }


GOOD = {
    "nbformat": 4,
    "nbformat_minor": 5,
    "metadata": {},
    "cells": [
        markdown(["# Readability\n", "\n", "Which voice is harder to read?"]),
        code("import analysis", 1),
        code('corpus_path = "../seeds"\narticle_id = None', 2, tags=["parameters"]),
        markdown("The readout reads harder than the reporter."),
        code("", None),
        code("plot(sentences)", 3, [chart("Bars: the readout scores 12 grades, the news 9")]),
        code("if sys.path == []:\n    pass", 4),
    ],
}


def test_checker_accepts_a_good_notebook():
    assert notebook_problems(GOOD) == []


def with_cells(*cells: dict) -> dict:
    notebook = copy.deepcopy(GOOD)
    notebook["cells"] = list(cells)
    return notebook


HEADER = markdown("# Title")
PARAMETERS = code("corpus_path = 'x'", 1, tags=["parameters"])


@pytest.mark.parametrize(
    ("notebook", "expected"),
    [
        (with_cells(code("corpus_path = 'x'", 1, tags=["parameters"])), "markdown header"),
        (with_cells(markdown("No heading here"), PARAMETERS), "markdown header"),
        (with_cells(HEADER, code("x = 1", 1)), "tagged `parameters`"),
        (
            with_cells(HEADER, markdown("`parameters`") | {"metadata": {"tags": ["parameters"]}}),
            "must be a code cell",
        ),
        (with_cells(HEADER, PARAMETERS, code("x = 1", None)), "cell 3: code cell was never"),
        (with_cells(HEADER, PARAMETERS, code("x = 1", 3)), "execution counts are [1, 3]"),
        (with_cells(HEADER, code("a", 2, tags=["parameters"]), code("b", 1)), "[2, 1]"),
        (with_cells(HEADER, PARAMETERS, code("b", 1)), "[1, 1]"),
        (
            with_cells(
                HEADER,
                PARAMETERS,
                code(
                    "1/0",
                    2,
                    [
                        {
                            "output_type": "error",
                            "ename": "ZeroDivisionError",
                            "evalue": "division by zero",
                            "traceback": [],
                        }
                    ],
                ),
            ),
            "committed error output ZeroDivisionError",
        ),
        (with_cells(HEADER, PARAMETERS, code("plot()", 2, [chart(None)])), "without output"),
        (with_cells(HEADER, PARAMETERS, code("plot()", 2, [chart("  ")])), "without output"),
        (with_cells(HEADER, PARAMETERS, code("import sys\nsys.path.append('..')", 2)), "sys.path"),
        (with_cells(HEADER, PARAMETERS, code("sys.path.insert(0, '../')", 2)), "sys.path"),
        (with_cells(HEADER, PARAMETERS, code("sys.path = ['..'] + sys.path", 2)), "sys.path"),
        (with_cells(HEADER, PARAMETERS, code("sys.path[:0] = ['..']", 2)), "sys.path"),
        (with_cells(HEADER, PARAMETERS, code("site.addsitedir('..')", 2)), "sys.path"),
    ],
)
def test_checker_catches(notebook, expected):
    problems = notebook_problems(notebook)
    assert any(expected in problem for problem in problems), problems
