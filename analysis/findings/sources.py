"""Who gets to speak, in prose: source kinds and whose words each article's prose is."""

from __future__ import annotations

import pandas as pd

__all__ = ["source_kind_finding", "voice_finding"]

_KIND_NAMES = {
    "official_text": "sources on the official text's side",
    "other_official": "other officials",
    "named_other": "named people and organisations outside government",
    "unnamed": "unnamed sources",
    "document": "documents",
    "unresolved": "pronouns not resolved to anyone",  # all plural: "… are given"
}

_VOICE_NAMES = {
    "own_voice": "the journalist's own voice",
    "attributed_to_official": "attributed to the official side",
    "attributed_to_others": "attributed to other sources",
    "quoted": "quoted",
}


def source_kind_finding(table: pd.DataFrame) -> str:
    """Which kind of source is given the most words, from :func:`~analysis.framing.sources_table`.

    Narrated speech acts aside: the words counted are those quoted or reported as
    a source's account.
    """
    said = table[table["speech"] != "narrated"]
    if said.empty or said["words"].sum() == 0:
        return "No source's words are quoted or reported in these articles"
    words = said.groupby("source_kind")["words"].sum().sort_values(ascending=False)
    total = int(words.sum())
    top = words.index[0]
    rest = ", ".join(f"{_KIND_NAMES[kind]} {words[kind] / total:.0%}" for kind in words.index[1:4])
    direct = int(said.loc[said["speech"] == "direct", "words"].sum())
    return (
        f"{_KIND_NAMES[top].capitalize()} are given the most words: {words[top] / total:.0%} of "
        f"the {total:,} words quoted or reported"
        + (f" ({rest})" if rest else "")
        + f"; {direct / total:.0%} of them in quotation marks"
    )


def voice_finding(shares: pd.DataFrame) -> str:
    """Whose words the prose is, over every article, from :func:`~analysis.framing.voice_shares`."""
    words = int(shares["words"].sum())
    if words == 0:
        return "These articles have no prose to divide between voices"
    parts = [
        f"{int(shares[voice].sum()) / words:.0%} {name}" for voice, name in _VOICE_NAMES.items()
    ]
    articles = len(shares)
    scope = f"Across the {articles:,} news articles" if articles > 1 else "In this article"
    return f"{scope}, of {words:,} words of prose: " + ", ".join(parts)
