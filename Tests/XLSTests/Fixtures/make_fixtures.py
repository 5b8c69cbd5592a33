#!/usr/bin/env python3
"""Writes the legacy .xls/.et reader's fixtures and, for every sheet, the CSV that `inspect` must print
(INPUTS.md §"inspect format") as two independent readers read it: python-calamine and xlrd. Every cell
is rendered from both; the expected file is calamine's (with error values from xlrd, which calamine
drops), and any cell where the two disagree is printed, so a disagreement is seen and judged.

    pip install xlwt xlrd python-calamine openpyxl
    apt-get install -y libreoffice-calc        # for the LibreOffice fixtures (skipped if missing)
    python3 Tests/XLSTests/Fixtures/make_fixtures.py [MAKER …]     # default: every maker
    python3 Tests/XLSTests/Fixtures/make_fixtures.py --inspect FILE.xls   # print FILE as they read it

Fixtures:
- xlwt_*.xls: written by xlwt (BIFF8): every value type, date/time/elapsed formats, merged cells,
  hidden sheets, a shared-string table crossing CONTINUE records (long Chinese text and thousands of
  strings), formulas, a 1904 workbook, and a district workbook of the sample Inputs/ rewritten by xlwt.
- libreoffice_*.xls: `soffice --headless --convert-to xls` of the sample's district workbooks and of
  the XLSX reader's openpyxl/xlsxwriter fixtures (formulas with cached values, errors, merged cells).
- wps_layout.et: no tool on this machine writes .et (WPS is not packaged for Debian; LibreOffice
  reads .et but writes none). A .et is a compound file with a BIFF8 Workbook stream, as WPS saves it;
  this one is the Workbook stream that LibreOffice wrote for a sample workbook, put by this script
  (`write_cfb`) into a version-4 compound file with 4096-byte sectors (what WPS 2019+ writes) beside
  WPS's own extra stream names, so the container code paths a .et takes are met by a file we did
  not lay out by hand byte by byte. calamine and xlrd read it as any .xls.
- xlwt_small_ministream.xls: the same repackaging with a Workbook stream under 4096 bytes, which
  therefore lives in the mini stream.
Expected files: NAME.SHEETNUMBER.expected.csv (1-based sheet number in workbook order).
"""
import datetime
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

import python_calamine
import xlrd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
XLSX_FIXTURES = os.path.join(ROOT, "Tests", "XLSXTests", "Fixtures")


def out(name):
    return os.path.join(HERE, name)


# ---------------------------------------------------------------- xlwt
def make_xlwt():
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("类型")
    ws.write(0, 0, "文本"); ws.write(0, 1, "整数"); ws.write(0, 2, "小数"); ws.write(0, 3, "负数"); ws.write(0, 4, "布尔")
    ws.write(1, 0, "金坛区"); ws.write(1, 1, 3); ws.write(1, 2, 0.1); ws.write(1, 3, -2.5); ws.write(1, 4, True)
    ws.write(2, 0, "含,逗号"); ws.write(2, 1, 1234567890123); ws.write(2, 2, 2.675); ws.write(2, 3, -0.0); ws.write(2, 4, False)
    ws.write(3, 0, '含"引号"'); ws.write(3, 1, 10 ** 15); ws.write(3, 2, 1 / 3); ws.write(3, 3, 123456.789)
    ws.write(4, 0, "多行\n文本"); ws.write(4, 1, 0); ws.write(4, 2, 100.0); ws.write(4, 3, 1e-7); ws.write(4, 4, 1e16)
    ws.write(5, 0, "Ünïcödé ½ €"); ws.write(5, 1, 536870911); ws.write(5, 2, -536870912); ws.write(5, 3, 12.34)
    ws.write(7, 2, "隔行后的值")
    ws.write(8, 7, "稀疏")
    for col, code in enumerate([0x07, 0x2A, 0x17, 0x0F, 0x1D, 0x24, 0x00]):
        ws.row(9).set_cell_error(col, code)
    ws.write(10, 0, xlwt.Formula('"共"&"2起"'))
    ws.write(10, 1, xlwt.Formula("1+2"))
    ws.write(11, 0, "")

    dates = wb.add_sheet("日期")
    formats = ["yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss", "hh:mm:ss", "yyyy/m/d", 'yyyy"年"m"月"d"日"', "m月d日",
               "[$-804]yyyy-mm-dd hh:mm:ss", "mm-dd-yy", "h:mm AM/PM", '#,##0.00 "元"', "0.00%", "[h]:mm:ss", "[mm]:ss",
               'yyyy"年"m"月"', '[DBNum1][$-804]yyyy"年"m"月"d"日"', "[$-F800]dddd, mmmm dd, yyyy", "[$-F400]h:mm:ss AM/PM"]
    values = [43909, 43909.354340277, 0.5729166666666666, 44561, 43466, 43831, 43891.75, 43909, 0.5, 1234.5, 0.25,
              1.1053819444444444, 0.02, 44197, 43831, 43831, 0.75]
    for row, (code, value) in enumerate(zip(formats, values)):
        dates.write(row, 0, code)
        dates.write(row, 1, value, xlwt.easyxf(num_format_str=code))
    dates.write(len(formats), 1, 1.0, xlwt.easyxf(num_format_str="yyyy-mm-dd"))          # 1900-01-01
    dates.write(len(formats) + 1, 1, 60.5, xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm"))  # Excel's 1900-02-29
    dates.write(len(formats) + 2, 1, -0.0625, xlwt.easyxf(num_format_str="[h]:mm:ss"))

    merged = wb.add_sheet("合并")
    merged.write_merge(0, 0, 0, 5, "2020年度金坛区生产安全事故统计表")
    merged.write(1, 0, "单位:万元")
    merged.write_merge(2, 3, 0, 0, "序号")
    merged.write(2, 1, "区县")
    merged.write_merge(2, 2, 2, 3, "伤亡情况")
    merged.write(3, 2, "死亡"); merged.write(3, 3, "受伤")
    merged.write(4, 0, 1); merged.write(4, 1, "金坛区"); merged.write(4, 2, 1); merged.write(4, 3, 2); merged.write(4, 4, 12.5)

    wb.add_sheet("空表")
    hidden = wb.add_sheet("隐藏")
    hidden.write(1, 1, "hidden value")
    hidden.visibility = 1
    # Text long enough to cross CONTINUE records (8224 bytes each): 6000 two-byte characters, and a
    # few thousand distinct strings so the table itself spans many records.
    long = wb.add_sheet("长文本")
    long.write(0, 0, "安全生产" * 1500)
    long.write(1, 0, "a" * 9000 + "结束")
    for i in range(3000):
        long.write(2 + i, 0, f"第{i}号隐患：{'整改' * (i % 7)}")
        long.write(2 + i, 1, i)
    wb.save(out("xlwt_types.xls"))

    wb = xlwt.Workbook(encoding="utf-8")
    wb.dates_1904 = True
    ws = wb.add_sheet("1904")
    date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    stamp = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss")
    ws.write(0, 0, "排查日期"); ws.write(0, 1, "整改完成日期"); ws.write(0, 2, "数量")
    ws.write(1, 0, datetime.date(2020, 3, 19), date); ws.write(1, 1, datetime.datetime(2020, 4, 1, 9, 15, 30), stamp)
    ws.write(1, 2, 3)
    ws.write(2, 0, datetime.date(1904, 1, 2), date); ws.write(2, 1, datetime.datetime(2024, 2, 29, 23, 59, 59), stamp)
    ws.write(2, 2, 43909)
    wb.save(out("xlwt_1904.xls"))

    make_xlwt_from_sample()


def make_xlwt_from_sample():
    """A district workbook of the sample Inputs/, every sheet rewritten cell by cell with xlwt."""
    import openpyxl
    import xlwt

    source = os.path.join(ROOT, "Inputs", "2025", "西湖区", "西湖区2025年安全生产统计.xlsx")
    book = openpyxl.load_workbook(source)
    wb = xlwt.Workbook(encoding="utf-8")
    styles = {}
    for sheet in book.worksheets:
        ws = wb.add_sheet(sheet.title)
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                fmt = cell.number_format if cell.is_date else None
                if fmt and fmt not in styles:
                    styles[fmt] = xlwt.easyxf(num_format_str=fmt)
                value = cell.value
                if isinstance(value, str) and value.startswith("="):
                    value = xlwt.Formula(value[1:])
                ws.write(cell.row - 1, cell.column - 1, value, styles[fmt]) if fmt else ws.write(cell.row - 1, cell.column - 1, value)
        for merged in sheet.merged_cells.ranges:
            ws.merge(merged.min_row - 1, merged.max_row - 1, merged.min_col - 1, merged.max_col - 1)
    wb.save(out("xlwt_sample_district.xls"))


# ---------------------------------------------------------------- LibreOffice
def soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source, target):
    with tempfile.TemporaryDirectory() as tmp:
        name = os.path.splitext(os.path.basename(target))[0]
        copy = os.path.join(tmp, name + os.path.splitext(source)[1])
        shutil.copy(source, copy)
        outdir = os.path.join(tmp, "out")
        os.mkdir(outdir)
        subprocess.run([soffice(), "--headless", "--convert-to", "xls:MS Excel 97", "--outdir", outdir, copy],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(outdir, name + ".xls"), target)


def make_libreoffice():
    if not soffice():
        print("soffice not found: LibreOffice fixtures kept as they are", file=sys.stderr)
        return
    convert(os.path.join(ROOT, "Inputs", "2025", "东城区", "东城区2025年安全生产统计.xlsx"), out("libreoffice_sample_stats.xls"))
    convert(os.path.join(ROOT, "Inputs", "2025", "东城区", "东城区2025年隐患排查治理台账.xlsx"), out("libreoffice_sample_hazards.xls"))
    convert(os.path.join(XLSX_FIXTURES, "openpyxl_types.xlsx"), out("libreoffice_types.xls"))
    convert(os.path.join(XLSX_FIXTURES, "xlsxwriter_mix.xlsx"), out("libreoffice_formulas.xls"))
    convert(os.path.join(XLSX_FIXTURES, "xlsxwriter_elapsed.xlsx"), out("libreoffice_elapsed.xls"))


# ---------------------------------------------------------------- compound files
def read_cfb_stream(path, name):
    """One stream of a compound file, read with xlrd's own CFB reader (independent of ours)."""
    from xlrd import compdoc
    with open(path, "rb") as f:
        doc = compdoc.CompDoc(f.read())
    return doc.get_named_stream(name)


def write_cfb(path, streams, sector_shift=12):
    """A compound file (MS-CFB) holding `streams` ({name: bytes}, in order) in the root storage:
    version 4 with 4096-byte sectors (or version 3 with 512), streams under 4096 bytes in the mini
    stream. Enough of MS-CFB for a fixture: one level of directory, FAT and mini FAT in the header's DIFAT."""
    sector = 1 << sector_shift
    ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    sectors = []        # payload sectors, in file order
    fat = []

    def add_chain(data):
        if not data:
            return ENDOFCHAIN
        first = len(sectors)
        count = (len(data) + sector - 1) // sector
        for i in range(count):
            sectors.append(data[i * sector:(i + 1) * sector].ljust(sector, b"\0"))
            fat.append(first + i + 1 if i + 1 < count else ENDOFCHAIN)
        return first

    mini, minifat, entries = b"", [], []
    for name, data in streams.items():
        if len(data) < 4096:
            first = len(mini) // 64
            count = (len(data) + 63) // 64
            for i in range(count):
                minifat.append(first + i + 1 if i + 1 < count else ENDOFCHAIN)
            mini += data.ljust(count * 64, b"\0")
            entries.append((name, first if data else ENDOFCHAIN, len(data), True))
        else:
            entries.append((name, None, len(data), False))
    starts = {}
    for name, data in streams.items():
        if len(data) >= 4096:
            starts[name] = add_chain(data)
    mini_start = add_chain(mini)
    minifat_bytes = b"".join(struct.pack("<I", x) for x in minifat)
    minifat_start = add_chain(minifat_bytes) if minifat else ENDOFCHAIN

    def entry(name, kind, start, size, child=FREESECT, right=FREESECT):
        raw = (name + "\0").encode("utf-16-le")
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1) + struct.pack("<III", FREESECT, right, child)
                + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start, size))

    # Siblings as a right-leaning chain (a valid, if unbalanced, red-black tree painted black).
    directory = entry("Root Entry", 5, mini_start, len(mini), child=1 if entries else FREESECT)
    for i, (name, first, size, in_mini) in enumerate(entries):
        start = first if in_mini else starts[name]
        directory += entry(name, 2, start, size, right=i + 2 if i + 1 < len(entries) else FREESECT)
    directory = directory.ljust((len(directory) + sector - 1) // sector * sector, b"\0")
    directory_start = add_chain(directory)
    # FAT sectors: enough to cover themselves too.
    per = sector // 4
    fat_count = 1
    while len(fat) + fat_count > fat_count * per:
        fat_count += 1
    assert fat_count <= 109
    fat_first = len(sectors)
    fat += [FATSECT] * fat_count
    fat += [FREESECT] * (fat_count * per - len(fat))
    fat_bytes = b"".join(struct.pack("<I", x) for x in fat)
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 4 if sector_shift == 12 else 3, 0xFFFE, sector_shift, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", len(directory) // sector if sector_shift == 12 else 0, fat_count, directory_start, 0,
                            4096, minifat_start, (len(minifat_bytes) + sector - 1) // sector if minifat else 0, ENDOFCHAIN, 0))
    difat = [fat_first + i for i in range(fat_count)] + [FREESECT] * (109 - fat_count)
    header += b"".join(struct.pack("<I", x) for x in difat)
    header = header.ljust(sector, b"\0")
    with open(path, "wb") as f:
        f.write(header + b"".join(sectors) + fat_bytes)


def make_et():
    source = out("libreoffice_sample_hazards.xls")
    if not os.path.exists(source):
        make_libreoffice()
    workbook = read_cfb_stream(source, "Workbook")
    write_cfb(out("wps_layout.et"), {"Workbook": workbook, "ETExtData": b"WPS" + b"\0" * 200})
    small = xlrd_small_workbook()
    write_cfb(out("xlwt_small_ministream.xls"), {"Workbook": small}, sector_shift=9)


def xlrd_small_workbook():
    """A Workbook stream under 4096 bytes: xlwt's, trimmed of its padding."""
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("小")
    ws.write(0, 0, "区县"); ws.write(0, 1, "数量")
    ws.write(1, 0, "青峰县"); ws.write(1, 1, 7)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "small.xls")
        wb.save(path)
        stream = read_cfb_stream(path, "Workbook")
    # xlwt pads the stream to 4096 bytes with zeros after the last EOF; drop the padding.
    end = len(stream)
    while end > 0 and stream[end - 1] == 0:
        end -= 1
    stream = stream[:end]
    # The final EOF record (0A 00 00 00) lost its zero length bytes to the trim: put them back.
    while not stream.endswith(b"\x0a\x00\x00\x00"):
        stream += b"\0"
    assert len(stream) < 4096, len(stream)
    return stream


# ---------------------------------------------------------------- expected CSV
DATE_LETTERS = re.compile(r"[yd]", re.I)
TIME_LETTERS = re.compile(r"[hs]", re.I)


def strip_format(fmt):
    first = fmt.split(";")[0]
    return re.sub(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]', "", first), first


def time_only(fmt):
    if not fmt:
        return False
    stripped, first = strip_format(fmt)
    elapsed = re.search(r"\[(h+|m+|s+)\]", first, re.I) is not None
    return (elapsed or TIME_LETTERS.search(stripped) is not None) and DATE_LETTERS.search(stripped) is None


def elapsed(fmt):
    if not fmt:
        return False
    stripped, first = strip_format(fmt)
    return re.search(r"\[(h+|m+|s+)\]", first, re.I) is not None and DATE_LETTERS.search(stripped) is None


def render_duration(seconds):
    seconds = round(seconds)
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def render(value, fmt):
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.timedelta):
        return render_duration(value.total_seconds())
    if isinstance(value, datetime.datetime):
        value = (value + datetime.timedelta(microseconds=500_000)).replace(microsecond=0)
        if time_only(fmt):
            return value.strftime("%H:%M:%S")
        if value.time() == datetime.time(0, 0, 0):
            return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.strftime('%H:%M:%S')}"
    if isinstance(value, datetime.date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, (int, float)):
        number = float(value)
        if number.is_integer() and abs(number) < 1e15:
            return str(int(number))
        return repr(number)
    return str(value)


def quote(field):
    if any(ch in field for ch in ',"\r\n'):
        return '"' + field.replace('"', '""') + '"'
    return field


def xlrd_cells(path, sheet_index):
    """(row, col) → (rendered text, number format) as xlrd reads the cell. xlrd reads only 512-byte
    sectors (it places sector n at 512 + n × size), so a version-4 file is first repackaged with
    512-byte sectors — its Workbook stream taken out by olefile, a third reader."""
    try:
        book = xlrd.open_workbook(path, formatting_info=True, logfile=open(os.devnull, "w"))
    except xlrd.compdoc.CompDocError:
        import olefile
        with olefile.OleFileIO(path) as ole:
            stream = ole.openstream("Workbook").read()
        with tempfile.TemporaryDirectory() as tmp:
            copy = os.path.join(tmp, "v3.xls")
            write_cfb(copy, {"Workbook": stream}, sector_shift=9)
            book = xlrd.open_workbook(copy, formatting_info=True)
    sheet = book.sheet_by_index(sheet_index)
    cells = {}
    for r in range(sheet.nrows):
        for c in range(sheet.ncols):
            cell = sheet.cell(r, c)
            fmt = book.format_map[book.xf_list[cell.xf_index].format_key].format_str if cell.xf_index is not None else None
            if cell.ctype == xlrd.XL_CELL_TEXT:
                text = cell.value
            elif cell.ctype == xlrd.XL_CELL_NUMBER:
                text = render(cell.value, None)
            elif cell.ctype == xlrd.XL_CELL_DATE:
                if elapsed(fmt):
                    text = render_duration(cell.value * 86400)
                else:
                    try:
                        moment = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                    except Exception:
                        moment = None
                    text = render(moment, fmt) if moment is not None else render(cell.value, None)
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                text = "TRUE" if cell.value else "FALSE"
            elif cell.ctype == xlrd.XL_CELL_ERROR:
                text = xlrd.error_text_from_code.get(cell.value, "#N/A")
            else:
                text = ""
            cells[(r, c)] = (text, fmt)
    return cells


# Where calamine and xlrd read a cell differently, and which one the expected file follows (judged
# against what Excel shows). Filled in from the disagreements this script prints.
KNOWN_DISAGREEMENTS = {
    # xlrd's date-format test does not know the elapsed brackets [hh] and [s]; Excel shows durations.
    ("libreoffice_elapsed.xls", 1, 6, 2): "36:00:00",
    ("libreoffice_elapsed.xls", 1, 8, 2): "00:01:26",
}


def expected_csv(path, sheet_index, report=True):
    book = python_calamine.CalamineWorkbook.from_path(path)
    rows = book.get_sheet_by_index(sheet_index).to_python(skip_empty_area=False)
    other = xlrd_cells(path, sheet_index)
    lines = []
    height = max(len(rows), 1 + max((r for r, _ in other), default=-1))
    for r in range(height):
        row = rows[r] if r < len(rows) else []
        width = max(len(row), 1 + max((c for rr, c in other if rr == r), default=-1))
        fields = []
        for c in range(width):
            value = row[c] if c < len(row) else ""
            xlrd_text, fmt = other.get((r, c), ("", None))
            text = render(value, fmt)
            # calamine drops error values; xlrd keeps their code.
            if text == "" and xlrd_text.startswith("#"):
                text = xlrd_text
            if text != xlrd_text:
                key = (os.path.basename(path), sheet_index + 1, r + 1, c + 1)
                if key in KNOWN_DISAGREEMENTS:
                    text = KNOWN_DISAGREEMENTS[key]
                elif report:
                    print(f"disagree {key}: calamine {text!r} xlrd {xlrd_text!r} (format {fmt!r})", file=sys.stderr)
            fields.append(quote(text))
        while fields and fields[-1] == "":
            fields.pop()
        lines.append(",".join(fields))
    while lines and lines[-1] == "":
        lines.pop()
    return "".join(line + "\n" for line in lines)


def write_expected():
    for name in sorted(os.listdir(HERE)):
        if not (name.endswith(".xls") or name.endswith(".et")):
            continue
        path = out(name)
        book = python_calamine.CalamineWorkbook.from_path(path)
        stem = name.rsplit(".", 1)[0]
        for number, _ in enumerate(book.sheet_names, start=1):
            with open(out(f"{stem}.{number}.expected.csv"), "w", encoding="utf-8", newline="") as f:
                f.write(expected_csv(path, number - 1))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--inspect":
        book = python_calamine.CalamineWorkbook.from_path(sys.argv[2])
        for number, sheet_name in enumerate(book.sheet_names):
            sys.stdout.write(f"== {sheet_name}\n")
            sys.stdout.write(expected_csv(sys.argv[2], number))
        sys.exit(0)
    makers = {"xlwt": make_xlwt, "libreoffice": make_libreoffice, "et": make_et}
    for name in sys.argv[1:] or list(makers):
        makers[name]()
    write_expected()
