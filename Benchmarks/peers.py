#!/usr/bin/env python3
"""Peer readers for BENCHMARKS.md: read one file fully into a DataFrame (or, for python-calamine,
into Python lists) the way a statistician would, and print rows and seconds.

The work is the same as ours: the first sheet of an XLSX (or the whole CSV), every column, the first
row as the header, every data row materialised. Time the whole process from outside
(`/usr/bin/time -f "%e %M"`) for the table; the seconds printed here are the reading alone,
after the imports.

    python3 Benchmarks/peers.py READER FILE [--encoding gb18030]

Readers (the peer packages are installed by Benchmarks/run-peers.sh into its own venv, never by
the tool):
    pandas-openpyxl   pandas.read_excel(engine="openpyxl")
    pandas-calamine   pandas.read_excel(engine="calamine")      (python-calamine)
    polars-fastexcel  polars.read_excel(engine="calamine")      (that engine is fastexcel)
    python-calamine   CalamineWorkbook → first sheet .to_python()
    python-calamine-all, pandas-calamine-all, pandas-xlrd-all
                      every sheet of the workbook (an .xls holds at most 65 536 rows a sheet, so a
                      large one is several sheets): .to_python() of each, or read_excel(sheet_name=None)
    pandas-csv        pandas.read_csv (C parser)
    polars-csv        polars.read_csv (multithreaded; for GB18030 polars decodes the whole file to
                      UTF-8 in Python first, as its `encoding=` option does for non-UTF-8 input)
Prints one line: `READER ROWS SECONDS` (ROWS excludes the header row).
"""
import argparse
import sys
import time


def read(reader: str, path: str, encoding: str) -> int:
    if reader == "pandas-openpyxl":
        import pandas as pd
        return len(pd.read_excel(path, sheet_name=0, header=0, engine="openpyxl"))
    if reader == "pandas-calamine":
        import pandas as pd
        return len(pd.read_excel(path, sheet_name=0, header=0, engine="calamine"))
    if reader == "polars-fastexcel":
        import polars as pl
        return pl.read_excel(path, sheet_id=1, engine="calamine", has_header=True).height
    if reader == "python-calamine":
        import python_calamine
        book = python_calamine.CalamineWorkbook.from_path(path)
        rows = book.get_sheet_by_index(0).to_python()
        return len(rows) - 1  # first row is the header
    if reader == "python-calamine-all":
        import python_calamine
        book = python_calamine.CalamineWorkbook.from_path(path)
        return sum(len(book.get_sheet_by_index(i).to_python()) - 1 for i in range(len(book.sheet_names)))
    if reader in ("pandas-calamine-all", "pandas-xlrd-all"):
        import pandas as pd
        frames = pd.read_excel(path, sheet_name=None, header=0, engine=reader.split("-")[1])
        return sum(len(frame) for frame in frames.values())
    if reader == "pandas-csv":
        import pandas as pd
        return len(pd.read_csv(path, header=0, encoding=encoding))
    if reader == "polars-csv":
        import polars as pl
        # polars reads utf8 natively; any other encoding is decoded to UTF-8 first (polars does
        # the same inside read_csv(encoding=...) for encodings it does not handle natively).
        return pl.read_csv(path, has_header=True, encoding="utf8" if encoding in ("utf-8", "utf8") else encoding,
                           infer_schema_length=10_000).height
    raise SystemExit(f"unknown reader {reader!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reader")
    parser.add_argument("path")
    parser.add_argument("--encoding", default="utf-8", help="CSV encoding (utf-8 or gb18030)")
    args = parser.parse_args()
    start = time.perf_counter()
    rows = read(args.reader, args.path, args.encoding)
    print(f"{args.reader} {rows} {time.perf_counter() - start:.2f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
