"""What importing the workbook loads: a notebook that reads a cached corpus needs no rule tables."""

from __future__ import annotations

import subprocess
import sys


def _printed(code: str) -> str:
    """What ``code`` prints, run in a new Python process (nothing imported yet)."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout


def test_importing_the_workbook_does_not_compile_the_segmentation_rules():
    code = (
        "import sys, analysis\n"
        "from analysis import findings, validate, views\n"
        "from analysis.segment import RoleLimits\n"
        "print(sorted(m for m in sys.modules if m.startswith('analysis.segment.')))"
    )
    loaded = set(eval(_printed(code)))  # noqa: S307 - our own subprocess's printed list
    assert "analysis.segment.attributions" not in loaded
    assert "analysis.segment.speaker_rules" not in loaded
    assert "analysis.segment.limits" in loaded


def test_a_name_shared_by_a_function_and_a_module_stays_the_function():
    # cue_model is a submodule of analysis.segment and the function it exports; the
    # submodule, imported first (by loading a corpus), must not take the name.
    code = (
        "import pandas as pd\n"
        "from analysis import load_corpus, segment\n"
        "load_corpus(pd.DataFrame({'article_id': ['a'], 'text': ['Ferries\\n\\nLund said it.']}))\n"
        "from analysis.segment import cue_model\n"
        "print(callable(cue_model), cue_model().threshold > 0)\n"
        "print(all(getattr(segment, n) is not None for n in segment.__all__))\n"
        "print(set(segment.__all__) <= set(dir(segment)))"
    )
    assert _printed(code).split() == ["True", "True", "True", "True"]
