#!/usr/bin/env python3
"""Writes the peer data files for `Benchmarks/run-peers.sh --peer-files DIR`: the 1 000 000 hazard
rows of make_sheet_1m.py as an XLSX written by xlsxwriter, and the same rows as CSV written by
pandas (`DataFrame.to_csv`, UTF-8 and GB18030) — files none of our code wrote. Deterministic.

    pip install xlsxwriter pandas
    python3 Benchmarks/make_peer_files.py DIR [rows]

Writes DIR/peer-1m.xlsx, DIR/peer-1m.csv, DIR/peer-1m-gb18030.csv (benchmark data: keep out of git).
"""
import os
import sys

import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_sheet_1m  # noqa: E402

folder = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
os.makedirs(folder, exist_ok=True)
make_sheet_1m.write_xlsx(os.path.join(folder, "peer-1m.xlsx"), rows)
frame = pd.DataFrame(make_sheet_1m.hazard_rows(rows), columns=make_sheet_1m.HEADER)
frame.to_csv(os.path.join(folder, "peer-1m.csv"), index=False, encoding="utf-8")
frame.to_csv(os.path.join(folder, "peer-1m-gb18030.csv"), index=False, encoding="gb18030")
