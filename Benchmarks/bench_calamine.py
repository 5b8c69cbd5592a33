#!/usr/bin/env python3
"""Peer figure for the XLSX benchmark: python-calamine reading the same sheet (whole process,
wall seconds and peak RSS), to print beside `xlsx-bench`.

    pip install python-calamine
    /usr/bin/time -f "%e s %M KB" python3 Benchmarks/bench_calamine.py /tmp/sheet-1m.xlsx
"""
import sys
import time

import python_calamine

start = time.perf_counter()
book = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
rows = book.get_sheet_by_index(0).to_python()
print(f"python-calamine: {len(rows)} rows in {time.perf_counter() - start:.2f} s")
