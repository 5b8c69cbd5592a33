#!/usr/bin/env python3
"""Makes the .xls benchmark file: the first 200 000 data rows of sheet-1m.xlsx (`safetystats generate
--scale sheet-1m`) written by LibreOffice as Excel 97–2003. A BIFF8 sheet holds at most 65 536 rows,
so the rows are spread over four sheets of 50 000 (each with the header row), as a district system
exporting that many rows to .xls does.

    python3 Benchmarks/make_xls_200k.py /tmp/s1m/sheet-1m.xlsx /tmp/xls-200k/sheet-200k.xls

Reads the source with python-calamine, writes an intermediate .xlsx with openpyxl (dates keep their
date format), converts it with `soffice --headless --convert-to xls`.
"""
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
import python_calamine
from openpyxl.cell import WriteOnlyCell

ROWS, PER_SHEET = 200_000, 50_000


def main(source, target):
    rows = python_calamine.CalamineWorkbook.from_path(source).get_sheet_by_index(0).to_python(nrows=ROWS + 1)
    header, data = rows[0], rows[1:ROWS + 1]
    book = openpyxl.Workbook(write_only=True)
    for start in range(0, len(data), PER_SHEET):
        sheet = book.create_sheet(f"隐患{start // PER_SHEET + 1}")
        sheet.append(header)
        for row in data[start:start + PER_SHEET]:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=None if value == "" else value)
                if hasattr(value, "year"):
                    cell.number_format = "yyyy-mm-dd"
                cells.append(cell)
            sheet.append(cells)
    with tempfile.TemporaryDirectory() as tmp:
        stem = os.path.splitext(os.path.basename(target))[0]
        middle = os.path.join(tmp, stem + ".xlsx")
        book.save(middle)
        subprocess.run(["soffice", "--headless", "--convert-to", "xls:MS Excel 97", "--outdir", tmp, middle],
                       check=True, capture_output=True)
        os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        shutil.move(os.path.join(tmp, stem + ".xls"), target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
