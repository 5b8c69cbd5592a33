"""Writes the seed corpus of the .xls fuzz target (Fuzz/corpus/xls): the smaller fixtures of
Tests/XLSTests/Fixtures whole (compound files: 512- and 4096-byte sectors, a mini stream), and their
Workbook streams alone (BIFF records, which the target wraps in a compound file itself), taken out
with olefile, an independent reader.

Run from the repository root: pip install olefile && python3 Fuzz/xls/make_seeds.py
"""
import os

import olefile

OUT = "Fuzz/corpus/xls"
FIXTURES = "Tests/XLSTests/Fixtures"
os.makedirs(OUT, exist_ok=True)
for name in sorted(os.listdir(FIXTURES)):
    if not (name.endswith(".xls") or name.endswith(".et")):
        continue
    path = os.path.join(FIXTURES, name)
    with open(path, "rb") as f:
        whole = f.read()
    stem = name.rsplit(".", 1)[0]
    if len(whole) <= 64 << 10:
        with open(os.path.join(OUT, f"file-{stem}"), "wb") as f:
            f.write(whole)
    with olefile.OleFileIO(path) as ole:
        stream = ole.openstream("Workbook").read()
    # Trailing padding is no use to the fuzzer.
    end = len(stream)
    while end > 4 and stream[end - 1] == 0:
        end -= 1
    stream = stream[:end] + b"\0" * ((4 - end % 4) % 4)
    if len(stream) <= 64 << 10:
        with open(os.path.join(OUT, f"stream-{stem}"), "wb") as f:
            f.write(stream)
