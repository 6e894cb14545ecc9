"""Every result out: analysis.export and ``python -m analysis export``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.export import TABLES, export, result_tables

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed(seed_corpus):
    return seed_corpus


def test_every_table_is_there_with_its_rows(seed):
    tables = result_tables(seed)
    assert list(tables) == [t.name for t in TABLES]
    assert len(tables["blocks"]) == len(seed.blocks)
    assert len(tables["framing_usage"]) > 0 and len(tables["topic_mentions"]) > 0
    assert tables["readability"]["article_id"].tolist() == [seed.articles["article_id"].iloc[0]]
    voices = tables["readability_voices"]
    assert list(voices.columns[:2]) == ["method", "voice"]
    assert voices["method"].tolist() == ["workbook sentences"] * 3 + ["textstat"] * 3
    assert {"sentences", "textstat_sentences"} <= set(voices.columns)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx"])
def test_export_writes_every_table_and_a_readme(seed, tmp_path, fmt):
    written = export(seed, tmp_path, fmt)
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    for table in TABLES:
        assert f"`{table.name}" in readme
    if fmt == "xlsx":
        sheets = pd.read_excel(tmp_path / "results.xlsx", sheet_name=None)
        assert set(sheets) == {t.name[:31] for t in TABLES}
        blocks = sheets["blocks"]
    else:
        assert len(written) == len(TABLES) + 1
        read = pd.read_csv if fmt == "csv" else pd.read_parquet
        blocks = read(tmp_path / f"blocks.{fmt}")
    # Offsets still point at the words: the text of every block is its slice.
    text = seed.articles["text"].iloc[0]
    for row in blocks[blocks["article_id"] == seed.articles["article_id"].iloc[0]].itertuples():
        assert text[row.start : row.end] == row.text


def test_the_command_line_exports(tmp_path, capsys):
    assert main(["export", "--corpus", str(SEEDS), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "framing_usage.csv").is_file()
    assert "README.md written" in capsys.readouterr().out
    assert main(["export", "--corpus", str(tmp_path / "none"), "--out", str(tmp_path)]) == 2
