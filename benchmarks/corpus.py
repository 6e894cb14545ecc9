"""The benchmark corpus: a seeded, synthetic input for ``make bench``, never news.

Every sentence in it is real English, from Shakespeare's plays (public domain;
see ``benchmarks/data/README.md`` for the edition and how the
sentence file was built). The articles are assembled from those sentences
with the shape of this workbook's real input, so the framing, readability
and topics benchmarks exercise the same paths a real corpus does:

- ``official.jsonl``: about ``articles / 10`` official documents (kind
  ``official``), each a title line and paragraphs, 250–350 words, like a
  readout.
- ``news.jsonl``: ``articles`` news articles of about 700 words (kind
  ``news``): a short headline line, a blank line, then paragraphs separated
  by blank lines. Each names the official document it reports on in
  ``pairs_with`` (about 10% name two), reproduces 2–4 of its sentences
  verbatim and 1–2 lightly altered (a word dropped or two words swapped), and
  fills the rest with other sentences; some paragraphs carry a direct
  quotation ("“…,” Horatio said.").

Outlets are named ``bench-outlet-N`` and ids ``bench-news-NNNNN`` /
``bench-official-NNNN``, so nothing here can pass for a real source. The same
``seed`` and ``articles`` always give byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
from pathlib import Path

__all__ = ["SENTENCE_FILE", "benchmark_sentences", "write_benchmark_corpus"]

SENTENCE_FILE = Path(__file__).resolve().parent / "data" / "shakespeare_sentences.txt.gz"
OUTLETS = 6
# Speakers of the quotations: characters of the plays the sentences come from.
SPEAKERS = (
    "Horatio",
    "Portia",
    "Brutus",
    "Rosalind",
    "Prospero",
    "Cordelia",
    "Benedick",
    "Beatrice",
    "Menenius",
    "Viola",
    "Kent",
    "Helena",
)
HEADLINE_MAX_WORDS = 12


def benchmark_sentences() -> list[str]:
    """The shipped sentence pool, one sentence per item, in file order."""
    data = SENTENCE_FILE.read_bytes()
    return gzip.decompress(data).decode("utf-8").splitlines()


def write_benchmark_corpus(out_dir: Path, articles: int = 10_000, seed: int = 0) -> Path:
    """Write the benchmark corpus (``official.jsonl`` and ``news.jsonl``) into ``out_dir``.

    Args:
        out_dir: Folder to write; created if missing. Existing files of the same
            names are replaced.
        articles: Number of news articles; official documents are a tenth of it
            (at least one).
        seed: Seed of the random choices; the same seed gives the same files.

    Returns:
        ``out_dir``, ready for :func:`analysis.load_corpus`.

    Raises:
        ValueError: If ``articles`` is less than 1.
    """
    if articles < 1:
        raise ValueError(f"articles must be at least 1, not {articles}")
    rng = random.Random(seed)
    pool = benchmark_sentences()
    headlines = [s for s in pool if len(s.split()) <= HEADLINE_MAX_WORDS]
    officials = [
        _official_document(rng, pool, headlines, number)
        for number in range(1, max(1, articles // 10) + 1)
    ]
    news = [
        _news_article(rng, pool, headlines, officials, number) for number in range(1, articles + 1)
    ]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_jsonl(out_dir / "official.jsonl", [record for record, _ in officials])
    _write_jsonl(out_dir / "news.jsonl", news)
    return out_dir


def _official_document(
    rng: random.Random, pool: list[str], headlines: list[str], number: int
) -> tuple[dict, list[str]]:
    """One readout-like official document and its body sentences."""
    target = rng.randint(250, 350)
    sentences = _draw_sentences(rng, pool, target)
    title = f"Readout {number}: {_headline(rng, headlines)}"
    record = {
        "id": f"bench-official-{number:04d}",
        "kind": "official",
        "outlet": "bench-government",
        "published": _date(rng),
        "text": title + "\n\n" + _paragraphs(rng, sentences),
    }
    return record, sentences


def _news_article(
    rng: random.Random,
    pool: list[str],
    headlines: list[str],
    officials: list[tuple[dict, list[str]]],
    number: int,
) -> dict:
    """One news article reporting on one official document (sometimes two)."""
    reported = [officials[rng.randrange(len(officials))]]
    if len(officials) > 1 and rng.random() < 0.10:
        second = officials[rng.randrange(len(officials))]
        if second is not reported[0]:
            reported.append(second)
    official_sentences = [s for _, sentences in reported for s in sentences]
    verbatim = rng.sample(official_sentences, min(rng.randint(2, 4), len(official_sentences)))
    altered = [
        _alter(rng, s)
        for s in rng.sample(official_sentences, min(rng.randint(1, 2), len(official_sentences)))
    ]
    target = rng.randint(640, 760)
    reused = verbatim + altered
    own = _draw_sentences(rng, pool, target - sum(len(s.split()) for s in reused))
    body = own[:]
    for sentence in reused:
        body.insert(rng.randint(0, len(body)), sentence)
    return {
        "id": f"bench-news-{number:05d}",
        "kind": "news",
        "outlet": f"bench-outlet-{rng.randint(1, OUTLETS)}",
        "published": _date(rng),
        "pairs_with": ";".join(record["id"] for record, _ in reported),
        "text": _headline(rng, headlines) + "\n\n" + _paragraphs(rng, body, keep=set(reused)),
    }


def _draw_sentences(rng: random.Random, pool: list[str], words: int) -> list[str]:
    """Random sentences from the pool until they hold at least ``words`` words."""
    drawn: list[str] = []
    total = 0
    while total < words:
        sentence = pool[rng.randrange(len(pool))]
        drawn.append(sentence)
        total += len(sentence.split())
    return drawn


def _alter(rng: random.Random, sentence: str) -> str:
    """Drop one inner word, or swap two neighbouring ones: a light paraphrase."""
    tokens = sentence.split()
    if len(tokens) < 4:
        return sentence + " Indeed."  # too short to alter inside; still no longer verbatim
    at = rng.randint(1, len(tokens) - 3)
    if rng.random() < 0.5:
        del tokens[at]
    else:
        tokens[at], tokens[at + 1] = tokens[at + 1], tokens[at]
    return " ".join(tokens)


def _paragraphs(rng: random.Random, sentences: list[str], keep: set[str] | None = None) -> str:
    """Group sentences into paragraphs of 2–4.

    With ``keep`` (news), a paragraph's last sentence is sometimes turned into a
    direct quotation, unless it is in ``keep`` (reused official sentences stay
    as they are).
    """
    paragraphs: list[str] = []
    at = 0
    while at < len(sentences):
        size = rng.randint(2, 4)
        group = sentences[at : at + size]
        at += size
        if keep is not None and rng.random() < 0.25 and group[-1] not in keep:
            group[-1] = _quotation(rng, group[-1])
        paragraphs.append(" ".join(group))
    return "\n\n".join(paragraphs)


def _quotation(rng: random.Random, sentence: str) -> str:
    """Turn a sentence into ``“…,” Speaker said.`` (keeping a ? or ! inside the quote)."""
    inner = sentence.rstrip(".").replace("“", "‘").replace("”", "’")
    mark = "" if inner.endswith(("?", "!")) else ","
    return f"“{inner}{mark}” {rng.choice(SPEAKERS)} said."


def _headline(rng: random.Random, headlines: list[str]) -> str:
    """A short sentence, without its final full stop, as a headline."""
    return rng.choice(headlines).rstrip(".")


def _date(rng: random.Random) -> str:
    """A day of 2021."""
    return (dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(365))).isoformat()


def _write_jsonl(path: Path, records: list[dict]) -> None:
    """Write one JSON object per line (UTF-8, non-ASCII kept as is)."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
