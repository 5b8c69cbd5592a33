"""Writes the seed corpus of the XLSX fuzz target (Fuzz/corpus/xlsx).

Most seeds are worksheet XML as the target takes it: the sheet, then optionally NUL and the shared
strings, NUL and the styles, NUL and the workbook XML (defaults stand in for missing parts). A few
are whole packages from Tests/XLSXTests/Fixtures, as made by openpyxl, xlsxwriter and by hand, also
re-packed STORED so that mutations reach their XML.

Run from the repository root: python3 Fuzz/xlsx/make_seeds.py
"""
import glob
import io
import os
import zipfile

OUT = "Fuzz/corpus/xlsx"
os.makedirs(OUT, exist_ok=True)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"


def sheet(rows, prefix="", namespace=MAIN, after=""):
    p = prefix + ":" if prefix else ""
    declaration = f'xmlns:{prefix}="{namespace}"' if prefix else f'xmlns="{namespace}"'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p}worksheet {declaration}>'
            f'<{p}sheetData>{rows}</{p}sheetData>{after}</{p}worksheet>')


many_rows = "".join(
    f'<row r="{r}"><c r="A{r}" t="s"><v>{r % 3}</v></c><c r="B{r}"><v>{r * 1.5}</v></c>'
    f'<c r="C{r}" s="1"><v>{45000 + r}</v></c><c r="D{r}" t="inlineStr"><is><t>第{r}行</t></is></c></row>'
    for r in range(1, 41))

seeds = {
    "shared-numbers-dates": sheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
        '<row r="2"><c r="A2"><v>12.5</v></c><c r="B2" s="1"><v>45292</v></c><c r="C2" s="2"><v>45292.5</v></c>'
        '<c r="D2" s="3"><v>0.75</v></c></row>'),
    "types": sheet(
        '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#DIV/0!</v></c>'
        '<c r="C1" t="str"><f>A1&amp;B1</f><v>x&lt;y</v></c><c r="D1" t="d"><v>2024-03-01T10:20:30</v></c>'
        '<c r="E1" t="inlineStr"><is><r><t>富</t></r><r><t xml:space="preserve"> 文本 </t></r><rPh><t>ふ</t></rPh></is></c>'
        '<c r="F1"><v>1E+16</v></c><c r="G1"><v>-0.1</v></c><c r="H1" t="s"><v></v></c></row>'),
    "no-references": sheet('<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row><row/><row><c><v>3</v></c></row>'),
    "sparse-and-out-of-order": sheet(
        '<row r="3"><c r="C3"><v>1</v></c><c r="A3"><v>2</v></c><c r="C3"><v>3</v></c></row>'
        '<row r="2"><c r="XFD2"><v>4</v></c></row><c r="B9"><v>5</v></c><row r="1048576"><c r="A1048576"><v>6</v></c></row>'),
    "prefixed": sheet('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>', prefix="x"),
    "strict": sheet('<row r="1"><c r="A1"><v>1</v></c></row>', namespace=STRICT),
    "merges": sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
                    after='<mergeCells count="2"><mergeCell ref="A1:H1"/><mergeCell ref="$B$2:C3"/><mergeCell ref="bad"/></mergeCells>'),
    "comment-inside-rows": sheet('<row r="1"><c r="A1"><v>1</v></c></row><!-- <row r="9"> --><row r="2"><c r="A2"><v>2</v></c></row>'),
    "cdata": sheet('<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<row r="5">]]></t></is></c></row>'),
    "empty-sheetdata": sheet("").replace("<sheetData></sheetData>", "<sheetData/>"),
    "many-rows": sheet(many_rows),
    "many-rows-prefixed": sheet(many_rows.replace("<", "<x:").replace("<x:/", "</x:"), prefix="x"),
    "bad-cell": sheet('<row r="1"><c r="A1"><v>12abc</v></c></row>'),
    "bad-shared-index": sheet('<row r="1"><c r="A1" t="s"><v>99</v></c></row>'),
    "doctype": '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaa">]>' + sheet('<row r="1"><c r="A1" t="str"><v>&a;</v></c></row>'),
    "utf16-declared": sheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace("UTF-8", "UTF-16"),
    "date1904": sheet('<row r="1"><c r="A1" s="1"><v>0</v></c></row>') + "\0\0\0"
        '<workbook xmlns="' + MAIN + '" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<workbookPr date1904="1"/><sheets><sheet name="a" sheetId="1" r:id="rId1"/>'
        '<sheet name="b" sheetId="2" r:id="rId2" state="hidden"/><sheet name="c" r:id="rId9"/></sheets></workbook>',
    "own-strings-and-styles": sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1.5</v></c></row>') + "\0"
        '<sst xmlns="' + MAIN + '"><si><t>_x000D_东&amp;西</t></si></sst>\0'
        '<styleSheet xmlns="' + MAIN + '"><numFmts><numFmt numFmtId="1" formatCode="[h]:mm"/></numFmts>'
        '<cellXfs><xf numFmtId="0"/><xf numFmtId="1"/></cellXfs></styleSheet>',
}
for name, text in seeds.items():
    with open(os.path.join(OUT, "seed-" + name), "wb") as f:
        f.write(text.encode("utf-8"))

# Whole packages: as written by other tools, and re-packed STORED.
for path in sorted(glob.glob("Tests/XLSXTests/Fixtures/*.xlsx")):
    data = open(path, "rb").read()
    if len(data) > 16384:
        continue
    name = os.path.basename(path)[:-5]
    open(os.path.join(OUT, "package-" + name), "wb").write(data)
    stored = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
    if len(stored.getvalue()) <= 16384:
        open(os.path.join(OUT, "package-stored-" + name), "wb").write(stored.getvalue())
