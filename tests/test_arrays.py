"""Code points and character tables agree with Python's own strings and ``re``."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from analysis._arrays import code_points, python_table, tokens


def test_tables_agree_with_re_on_every_code_point() -> None:
    for pattern in (r"\w", r"\s", r"\d"):
        table = python_table(pattern)
        compiled = re.compile(pattern)
        for point in [*range(0, 0xD800, 7), *range(0xE000, 0x110000, 13), 0x10FFFF, 0x1C, 0xA0]:
            assert table[point] == bool(compiled.match(chr(point))), (pattern, hex(point))
        assert not table[0xD800:0xE000].any()  # surrogates are never in a valid text


@given(st.lists(st.text(max_size=20), max_size=8))
def test_code_points_keep_each_text(texts: list[str]) -> None:
    points, starts = code_points(texts)
    assert len(starts) == len(texts) + 1
    for k, text in enumerate(texts):
        piece = points[starts[k] : starts[k + 1]]
        assert "".join(map(chr, piece.tolist())) == text
    assert points.dtype == np.dtype("<u4")


@given(st.lists(st.text(st.characters(codec="utf-8"), max_size=20), max_size=6))
def test_tokens_are_res_runs_with_offsets(texts: list[str]) -> None:
    row, start, end, forms = tokens(texts, r"\w")
    expected = [
        (k, m.start(), m.end(), m.group())
        for k, t in enumerate(texts)
        for m in re.finditer(r"\w+", t)
    ]
    got = zip(row.tolist(), start.tolist(), end.tolist(), forms.to_pylist(), strict=True)
    assert list(got) == expected
