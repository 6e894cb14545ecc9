"""The workbook's command line: ``python -m analysis COMMAND ...``.

Commands:
    report: run every notebook on a corpus and write an offline HTML report.
    check-browser: open every report page in headless Chromium; fail on broken
        images, missing alt text or console errors; save a screenshot of each.
    validate: measure roles, quotations, speakers and usage against hand labels.
    labelling-sheet: write every block and quotation to a CSV sheet to label by hand.
    export: write every table of the workbook on a corpus (CSV, Parquet or Excel).
    train-attribution: train the reporting-cue model on brat-labelled news (PolNeAR).

The same commands run as ``media-framing COMMAND ...`` (the package's console script).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="media-framing" if Path(sys.argv[0]).name == "media-framing" else "python -m analysis",
        description="Media-framing workbook: how did the press rewrite what a government said?",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _report_parser(commands)
    check_browser = commands.add_parser(
        "check-browser",
        help="open every report page in headless Chromium and check it; save screenshots",
        description=(
            "Open REPORT/index.html, REPORT/<notebook>.html and REPORT/reviewer/<notebook>.html "
            "in headless Chromium; fail on a broken image, an image without alt text, a "
            "console error or a request to the network; save a PNG screenshot of each page "
            "into OUT."
        ),
    )
    check_browser.add_argument("--report", type=Path, default=Path("build/report"))
    check_browser.add_argument("--out", type=Path, default=Path("build/check-browser"))
    check_browser.add_argument(
        "--chromium", default=None, help="Chromium executable (default: $CHROMIUM or chromium)"
    )
    validate = commands.add_parser(
        "validate",
        help="measure roles, quotations, speakers and usage against hand labels",
        description=(
            "Load the corpus, place every labelled paragraph, quotation and official "
            "sentence by its first five words, and report agreement: role accuracy, "
            "per-role precision/recall/F1, Cohen's kappa and the confusion matrix; "
            "quotation precision/recall/F1 and speaker accuracy; usage F1, verbatim "
            "precision/recall and placement accuracy. Every disagreement is listed; "
            "the summary is printed last."
        ),
    )
    validate.add_argument("--corpus", required=True, type=Path, help="corpus folder or file")
    validate.add_argument(
        "--attributions",
        type=Path,
        default=None,
        help="a folder of attribution labels in brat standoff (<article id>.ann, or "
        "<article id>_<annotator>.ann: the first in name order), as PolNeAR, brat and "
        "INCEpTION write them",
    )
    validate.add_argument(
        "--labels",
        default=None,
        type=Path,
        help="labels.csv (article_id,para_no,first_words,label,note) or a filled-in sheet",
    )
    validate.add_argument("--quotes", type=Path, default=None, help="quotes.csv, if any")
    validate.add_argument("--usage", type=Path, default=None, help="usage.csv, if any")
    validate.add_argument(
        "--source-kinds",
        type=Path,
        default=None,
        help="hand labels of source kinds: article_id,para_no,nth,source_kind (with "
        "--quotes, or a labelling sheet) or article_id,start,end,source_kind (with "
        "--attributions)",
    )
    validate.add_argument(
        "--bodies-only",
        action="store_true",
        help="load the texts without their metadata (no kinds, pairs, titles)",
    )
    validate.add_argument(
        "--out", type=Path, default=None, help="folder for the tables as CSV files (optional)"
    )
    sheet = commands.add_parser(
        "labelling-sheet",
        help="write every block and quotation with the workbook's role and speaker to a CSV",
        description=(
            "One row per block and per quotation, with the workbook's role, speaker and "
            "evidence and empty gold columns (label, speaker, referent, note). Fill them "
            "in and pass the sheet to `validate --labels`."
        ),
    )
    sheet.add_argument("--corpus", required=True, type=Path, help="corpus folder or file")
    sheet.add_argument("--out", required=True, type=Path, help="the CSV file to write")
    export = commands.add_parser(
        "export",
        help="write every table of the workbook on a corpus, with a README of their columns",
        description=(
            "Load the corpus, run every analysis and write each table (the corpus's "
            "frames, framing, readability and topics) into OUT, one file per table "
            "(csv, parquet) or one workbook with a sheet per table (xlsx), and "
            "OUT/README.md describing their columns."
        ),
    )
    export.add_argument("--corpus", required=True, type=Path, help="corpus folder or file")
    export.add_argument("--out", required=True, type=Path, help="the folder to write")
    export.add_argument("--format", choices=("csv", "parquet", "xlsx"), default="csv")
    train = commands.add_parser(
        "train-attribution",
        help="train the reporting-cue model on brat-labelled news (PolNeAR's layout)",
        description=(
            "Train the logistic regression that tells a reporting cue from other words "
            "(analysis/segment/cue_model.py) on FOLDER/texts/<id>.txt and "
            "FOLDER/attributions/<id>_<annotator>.ann, and write its weights. The package "
            "ships the model trained on ../shared/polnear; the same folder gives the same "
            "weights."
        ),
    )
    train.add_argument("folder", type=Path, help="holds texts/ and attributions/ (PolNeAR)")
    train.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where to write the model (default: the package's analysis/data/cue_model.json)",
    )
    train.add_argument(
        "--through",
        default=None,
        metavar="YYYY-MM",
        help="train only on articles published through this month (FOLDER/metadata.tsv's "
        "publication_date), to measure the model on the later ones",
    )
    return parser


def _report_parser(commands) -> None:
    """The ``report`` command's options."""
    report = commands.add_parser(
        "report",
        help="run every notebook on a corpus and render an offline HTML report",
        description=(
            "Validate the corpus, execute every notebook on it with papermill into "
            "OUT/notebooks/ (the committed notebooks are not touched), and write "
            "OUT/index.html, OUT/<notebook>.html and OUT/reviewer/<notebook>.html."
        ),
    )
    report.add_argument(
        "--corpus", required=True, type=Path, help="corpus directory or manifest, e.g. seeds"
    )
    report.add_argument(
        "--out", required=True, type=Path, help="report directory, e.g. build/report"
    )
    report.add_argument(
        "--notebooks",
        type=Path,
        default=Path("notebooks"),
        help="directory of the notebooks to run (default: notebooks)",
    )
    report.add_argument(
        "--article-id",
        default=None,
        help="article for the notebooks to focus on (default: each notebook's own)",
    )
    report.add_argument(
        "--labels",
        type=Path,
        default=None,
        help="hand labels for the validation notebook: labels.csv or a filled-in labelling "
        "sheet (default: the corpus's labels/labels.csv, if any)",
    )
    report.add_argument("--quotes", type=Path, default=None, help="quotes.csv, with --labels")
    report.add_argument("--usage", type=Path, default=None, help="usage.csv, with --labels")
    report.add_argument(
        "--errors",
        choices=("collect", "raise"),
        default="collect",
        help="collect (default): read every file that can be read and list the others, with "
        "the reason, on the index; raise: stop at the first bad file",
    )
    report.add_argument(
        "--max-file-bytes",
        type=int,
        default=None,
        help="largest file read, in bytes (default: 10 MB for an article, 5 MB for a saved "
        "page, 500 MB for a file of records)",
    )
    report.add_argument(
        "--cache",
        type=Path,
        default=Path("build/cache"),
        help="folder where the corpus is kept loaded and analysed, for every notebook and "
        "for JupyterLab (default: build/cache); an entry is used only for the same files "
        "and the same rules",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: Arguments after the program name; ``sys.argv[1:]`` by default.

    Returns:
        The exit status: 0 on success, 2 for a corpus or input that cannot be
        used (as for a usage error, or no Chromium), 1 when a notebook fails or
        a report page fails the browser check.
    """
    args = _parser().parse_args(argv)
    if args.command == "report":
        return _report(args)
    if args.command == "check-browser":
        return _check_browser(args)
    if args.command == "train-attribution":
        return _train_attribution(args)
    on_a_corpus = {"validate": _validate, "labelling-sheet": _labelling_sheet, "export": _export}
    if args.command in on_a_corpus:
        from analysis.errors import CorpusError

        try:
            return on_a_corpus[args.command](args)
        except CorpusError as error:  # a corpus or label file that cannot be used
            print(f"CorpusError: {error}", file=sys.stderr)
            return 2
    raise AssertionError(f"unhandled command {args.command!r}")  # argparse rejects others


def _report(args: argparse.Namespace) -> int:
    from analysis.errors import CorpusError
    from analysis.report import NotebookError, ReportError, build_report

    try:
        index = build_report(
            corpus_path=args.corpus,
            out_dir=args.out,
            notebooks_dir=args.notebooks,
            article_id=args.article_id,
            labels=args.labels,
            quotes=args.quotes,
            usage=args.usage,
            errors=args.errors,
            max_file_bytes=args.max_file_bytes,
            cache_dir=args.cache,
        )
    except CorpusError as error:
        print(f"CorpusError: {error}", file=sys.stderr)
        return 2
    except NotebookError as error:
        print(f"NotebookError: {error}", file=sys.stderr)
        return 1
    except ReportError as error:
        print(f"ReportError: {error}", file=sys.stderr)
        return 2
    print(f"report written: {index}")
    return 0


def _check_browser(args: argparse.Namespace) -> int:
    from analysis.report import BrowserCheckError, check_report

    try:
        results = check_report(args.report, args.out, chromium=args.chromium)
    except BrowserCheckError as error:
        print(f"BrowserCheckError: {error}", file=sys.stderr)
        return 2
    failed = [result for result in results if result.problems]
    for result in results:
        status = "FAIL" if result.problems else "ok"
        print(f"{status:4} {result.page} ({result.images} images)")
        for problem in result.problems:
            print(f"check-browser: {args.report / result.page}: {problem}", file=sys.stderr)
    if failed:
        print(
            f"check-browser: {len(failed)} of {len(results)} pages have problems "
            f"(screenshots in {args.out})",
            file=sys.stderr,
        )
        return 1
    print(f"check-browser: all {len(results)} pages passed; screenshots in {args.out}")
    return 0


def _validate(args: argparse.Namespace) -> int:
    from analysis.validate import report_lines, summary_lines, validate

    if args.labels is None and args.attributions is None:
        print("validate: give --labels (and --quotes, --usage) or --attributions", file=sys.stderr)
        return 2
    kinds = None
    if args.source_kinds is not None:
        from analysis.validate import read_kind_labels

        kinds = read_kind_labels(args.source_kinds)  # a CorpusError is main's to report
        # Each form is measured against its own labels: say so rather than skip it.
        option, given = {
            "quotation": ("--labels and --quotes", args.labels),
            "span": ("--attributions", args.attributions),
        }[kinds[0]]
        if given is None:
            print(
                f"validate: {args.source_kinds} labels kinds by {kinds[0]}; give {option}",
                file=sys.stderr,
            )
            return 2
    if args.attributions is not None:
        _validate_attributions(args, kinds if kinds and kinds[0] == "span" else None)
        if args.labels is None:
            return 0
    result = validate(
        args.corpus, args.labels, args.quotes, args.usage, bodies_only=args.bodies_only
    )
    for line in report_lines(result):
        print(line)
    if kinds and kinds[0] == "quotation":
        if not result.quotes["status"].isin(("found", "missed")).any():
            print(
                f"validate: no quotation is labelled; give --quotes with {args.source_kinds}",
                file=sys.stderr,
            )
            return 2
        _print_kinds(result.corpus, kinds, result.quotes, args.out)
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        result.roles.to_csv(args.out / "roles.csv", index=False)
        result.quotes.to_csv(args.out / "quotes.csv", index=False)
        result.usage.to_csv(args.out / "usage.csv", index=False)
        result.confusion().to_csv(args.out / "confusion.csv")
        print(f"tables written to {args.out}")
    print("\n".join(summary_lines(result.summary)))
    return 0


def _print_kinds(corpus, kinds, quotes, out: Path | None) -> None:
    """Source kinds against their labels: the disagreements, the confusion, the accuracy."""
    from analysis.framing import source_kinds
    from analysis.validate import kind_agreement, kind_confusion, kind_figures

    form, labels = kinds
    agreement = kind_agreement(corpus, source_kinds(corpus), form, labels, quotes)
    for row in agreement[~agreement["right"]].itertuples():
        print(
            f"KIND {row.article_id} {row.where}: {row.gold_kind}, the workbook "
            f"{row.source_kind or 'finds no attribution'} ({row.source!r}: {row.kind_evidence})"
        )
    print(kind_confusion(agreement).to_string())
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        agreement.to_csv(out / "source_kinds.csv", index=False)
    f = kind_figures(agreement)
    print(
        f"source kinds: {f['kind_accuracy']:.3f} right of {f['kind_labels']} labels; "
        f"{f['kind_accuracy_matched']:.3f} of the {f['kind_matched']} the workbook attributes"
    )


def _validate_attributions(args: argparse.Namespace, kinds=None) -> None:
    from analysis.corpus import load_corpus
    from analysis.validate import attribution_agreement

    corpus = load_corpus(args.corpus)
    agreement = attribution_agreement(corpus, args.attributions)
    for line in agreement.disagreement_lines():
        print(line)
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        agreement.quotes.to_csv(args.out / "attribution_quotes.csv", index=False)
        agreement.reported.to_csv(args.out / "attribution_reported.csv", index=False)
        print(f"tables written to {args.out}")
    print("\n".join(agreement.summary_lines()))
    if kinds is not None:
        _print_kinds(corpus, kinds, None, args.out)


def _train_attribution(args: argparse.Namespace) -> int:
    from analysis.errors import CorpusError
    from analysis.segment import MODEL_PATH
    from analysis.validate import articles_through, train_cue_model

    try:
        articles = articles_through(args.folder, args.through) if args.through else None
        model = train_cue_model(args.folder, articles)
    except CorpusError as exc:
        print(f"train-attribution: {exc}", file=sys.stderr)
        return 2
    out = args.out or MODEL_PATH
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json(), encoding="utf-8")
    print(f"{model.meta['trained_on']}; {len(model.weights):,} weights written to {out}")
    return 0


def _labelling_sheet(args: argparse.Namespace) -> int:
    from analysis.corpus import load_corpus
    from analysis.validate import write_labelling_sheet

    sheet = write_labelling_sheet(load_corpus(args.corpus), args.out)
    blocks = int((sheet["unit"] == "block").sum())
    print(
        f"labelling sheet written: {args.out} ({blocks} blocks, {len(sheet) - blocks} quotations)"
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    from analysis.corpus import load_corpus
    from analysis.export import export

    written = export(load_corpus(args.corpus), args.out, args.format)
    print(f"{len(written) - 1} table file(s) and README.md written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
