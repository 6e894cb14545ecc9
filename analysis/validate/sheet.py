"""The labelling sheet: every block and quotation of a corpus, ready to label by hand.

:func:`analysis.validate.validate` reads a filled-in sheet back;
:func:`labelling_commands` gives the command lines that make, check and use it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.corpus import Corpus
from analysis.validate.labels import FIRST_WORDS, SHEET_COLUMNS

__all__ = ["labelling_commands", "labelling_sheet", "write_labelling_sheet"]


def labelling_sheet(corpus: Corpus) -> pd.DataFrame:
    """Every block and quotation of the corpus's loaded documents, ready to label by hand.

    Fill in ``label`` (a role for a block; ``quote`` or ``no`` for a quotation),
    and for quotations ``speaker`` and ``referent``; leave ``label`` empty for
    rows you do not label. :func:`validate` reads the filled-in sheet back.
    """
    own = set(corpus.articles.loc[corpus.articles["derived_from"].fillna("") == "", "article_id"])
    blocks = corpus.blocks[corpus.blocks["article_id"].isin(own)]
    rows = []
    # Each block's quotations, found once: filtering the quotes frame per block
    # took twenty seconds on 840 news stories.
    by_block: dict[tuple[str, int], list] = {}
    for q in corpus.quotes.itertuples():
        by_block.setdefault((q.article_id, q.block_no), []).append(q)
    for article_id, group in blocks.groupby("article_id", sort=False):
        for block in group.itertuples():
            rows.append(
                {
                    "unit": "block",
                    "article_id": article_id,
                    "para_no": block.block_no,
                    "first_words": " ".join(block.text.split()[:FIRST_WORDS]),
                    "text": block.text,
                    "workbook_role": block.role,
                    "workbook_speaker": "",
                    "evidence": block.evidence,
                }
            )
            for q in by_block.get((article_id, block.block_no), []):
                rows.append(
                    {
                        "unit": "quote",
                        "article_id": article_id,
                        "para_no": block.block_no,
                        "first_words": " ".join(q.text.split()[:FIRST_WORDS]),
                        "text": q.text,
                        "workbook_role": "",
                        "workbook_speaker": q.speaker,
                        "evidence": q.speaker_evidence,
                    }
                )
    sheet = pd.DataFrame(rows, columns=list(SHEET_COLUMNS))
    for column in ("label", "speaker", "referent", "note"):
        sheet[column] = ""
    return sheet


def write_labelling_sheet(corpus: Corpus, path: str | Path) -> pd.DataFrame:
    """Write :func:`labelling_sheet` to a CSV file, its folder made if missing, and return it."""
    sheet = labelling_sheet(corpus)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.to_csv(path, index=False)
    return sheet


def labelling_commands(corpus_path: str | Path | None = None) -> str:
    """The command lines that make, check and use hand labels for a corpus, as Markdown.

    Args:
        corpus_path: The corpus, shown as an absolute path; ``None`` shows ``CORPUS``.
    """
    corpus = "CORPUS" if corpus_path is None else str(Path(corpus_path).resolve())
    labels = f"{corpus}/labels/labels.csv"
    return (
        "From the repository's folder:\n\n"
        "```sh\n"
        f"# 1. every block and quotation with the workbook's role and speaker\n"
        f".venv/bin/python -m analysis labelling-sheet --corpus {corpus} --out {labels}\n"
        "# 2. fill in `label` (a role for a block; quote or no for a quotation),\n"
        "#    and `speaker` and `referent` for each quotation; leave rows unlabelled if you wish\n"
        f".venv/bin/python -m analysis validate --corpus {corpus} --labels {labels}\n"
        "# 3. the report, with this notebook measuring against the labels\n"
        f"make report CORPUS={corpus}  # finds labels/labels.csv by itself\n"
        f"make report CORPUS={corpus} LABELS=elsewhere/labels.csv QUOTES=... USAGE=...\n"
        "```"
    )
