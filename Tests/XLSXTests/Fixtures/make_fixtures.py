#!/usr/bin/env python3
"""Writes the XLSX reader's fixtures and, for every sheet, the CSV that `inspect` must print for it
(INPUTS.md §"inspect format") as read by independent readers: python-calamine for values and dates,
openpyxl for error values and for whether a number format is time-only.

    pip install openpyxl xlsxwriter python-calamine
    apt-get install -y libreoffice-calc        # for the LibreOffice fixtures (skipped if missing)
    python3 Tests/XLSXTests/Fixtures/make_fixtures.py
    python3 Tests/XLSXTests/Fixtures/make_fixtures.py --inspect FILE.xlsx   # print FILE as they read it

Fixtures come from openpyxl, xlsxwriter, LibreOffice (`soffice --headless --convert-to xlsx`) and
hand-built packages imitating what WPS, Google Sheets and reporting systems write.
Expected files: NAME.SHEETNUMBER.expected.csv (1-based sheet number in workbook order).
"""
import datetime
import io
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
import python_calamine

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"


def out(name):
    return os.path.join(HERE, name)


# ---------------------------------------------------------------- openpyxl
def make_openpyxl():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "类型"
    ws.append(["文本", "整数", "小数", "负数", "布尔", "科学计数"])
    ws.append(["金坛区", 3, 0.1, -2.5, True, 1e-05])
    ws.append(["含,逗号", 1234567890123, 2.675, -0.0, False, 1e16])
    ws.append(['含"引号"', 10 ** 15, 1 / 3, 123456.789, None, 9.5e15])
    ws.append(["多行\n文本", 0, 100.0, 1e-7, None, 12345678901234567890])
    ws.append([])
    ws.append([None, None, "隔行后的值"])
    ws["H9"] = "稀疏"

    dates = wb.create_sheet("日期")
    dates.append(["日期", "日期时间", "时间", "自定义日期", "中文日期"])
    dates.append([datetime.date(2020, 3, 19), datetime.datetime(2020, 3, 19, 8, 30, 15), datetime.time(13, 45, 0),
                  datetime.datetime(2021, 12, 31), datetime.datetime(2019, 1, 1)])
    dates["D2"].number_format = "yyyy/m/d"
    dates["E2"].number_format = 'yyyy"年"m"月"d"日"'
    dates.append([datetime.date(1900, 1, 1), datetime.datetime(1900, 3, 1, 12, 0), datetime.time(0, 0, 1),
                  datetime.datetime(2020, 2, 29, 23, 59, 59), datetime.datetime(2000, 1, 1)])
    dates["D3"].number_format = "[$-804]yyyy-mm-dd hh:mm:ss"
    dates["E3"].number_format = "m月d日"
    dates.append([43909, 43909.75, 0.5])
    dates["A4"].number_format = "mm-dd-yy"
    dates["B4"].number_format = "m/d/yy h:mm"
    dates["C4"].number_format = "h:mm AM/PM"
    dates.append([1234.5, 0.25, 42])
    dates["A5"].number_format = '#,##0.00 "元"'
    dates["B5"].number_format = "0.00%"
    dates["C5"].number_format = '"Day "0'

    merged = wb.create_sheet("合并")
    merged["A1"] = "2020年度金坛区生产安全事故统计表"
    merged.merge_cells("A1:F1")
    merged["A2"] = "单位:万元"
    merged.append(["序号", "区县", "伤亡情况", None, "直接经济损失(万元)"])
    merged.merge_cells("C3:D3")
    merged.append([None, None, "死亡", "受伤"])
    merged.merge_cells("A3:A4")
    merged.append([1, "金坛区", 1, 2, 12.5])
    merged.append(["合计", None, 1, 2, 12.5])

    wb.create_sheet("空表")
    header = wb.create_sheet("仅表头")
    header.append(["隐患编号", "排查日期", "区县"])
    hidden = wb.create_sheet("隐藏")
    hidden.sheet_state = "hidden"
    hidden["B2"] = "hidden value"
    very = wb.create_sheet("深隐藏")
    very.sheet_state = "veryHidden"
    very["A1"] = 7
    wb.save(out("openpyxl_types.xlsx"))


# ---------------------------------------------------------------- xlsxwriter
def make_xlsxwriter():
    import xlsxwriter  # only to make the fixtures; reading them (--inspect) needs openpyxl and calamine

    wb = xlsxwriter.Workbook(out("xlsxwriter_mix.xlsx"))
    ws = wb.add_worksheet("事故")
    bold = wb.add_format({"bold": True})
    red = wb.add_format({"color": "red"})
    ws.write_row(0, 0, ["事故编号", "发生时间", "区县", "死亡人数", "直接经济损失", "说明"], bold)
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    ws.write_string(1, 0, "SG-001")
    ws.write_datetime(1, 1, datetime.datetime(2020, 3, 19), date)
    ws.write_string(1, 2, "金坛区")
    ws.write_number(1, 3, 1)
    ws.write_number(1, 4, 12.5, wb.add_format({"num_format": "#,##0.00"}))
    ws.write_rich_string(1, 5, "部分", red, "红色", "文字")
    ws.write_string(2, 0, "SG-002")
    ws.write_datetime(2, 1, datetime.datetime(2020, 11, 2, 14, 30), stamp)
    ws.write_string(2, 2, "金坛区")
    ws.write_number(2, 3, 0)
    ws.write_number(2, 4, 0.3)
    ws.write_string(2, 5, "  前后空格  ")
    ws.write_string(3, 0, "合计")
    ws.write_formula(3, 3, "=SUM(D2:D3)", None, 1)
    ws.write_formula(3, 4, "=SUM(E2:E3)", None, 12.8)
    ws.write_formula(3, 5, '="共"&COUNTA(A2:A3)&"起"', None, "共2起")
    ws.write_formula(4, 0, "=1/0", None, "#DIV/0!")
    ws.write_formula(4, 1, "=NA()", None, "#N/A")
    ws.write_formula(4, 2, "=1>0", None, True)
    ws.write_boolean(4, 3, False)
    ws.write_string(5, 0, "tab\there")
    ws.write_string(5, 1, "控制_x0041_样式")
    ws.write_number(5, 2, 0.1 + 0.2)
    ws.write_number(5, 3, -1234567.125)
    ws.merge_range("A8:C8", "合并单元格", bold)
    ws.write_number(7, 4, 2.5e-10)
    pct = wb.add_sheet = None
    ws2 = wb.add_worksheet("格式")
    ws2.write_row(0, 0, ["百分比", "千分位", "时长", "时间", "中文日期内置31"])
    ws2.write_number(1, 0, 0.934, wb.add_format({"num_format": "0.0%"}))
    ws2.write_number(1, 1, 1234567, wb.add_format({"num_format": 3}))
    ws2.write_number(1, 2, 0.5, wb.add_format({"num_format": "[h]:mm:ss"}))
    ws2.write_number(1, 3, 0.75, wb.add_format({"num_format": 21}))
    ws2.write_number(1, 4, 43831, wb.add_format({"num_format": 31}))
    ws2.write_number(2, 0, 44197, wb.add_format({"num_format": 14}))
    ws2.write_number(2, 1, 44197.5, wb.add_format({"num_format": 22}))
    ws2.write_number(2, 2, 0.125, wb.add_format({"num_format": 20}))
    ws2.write_number(2, 3, 44197, wb.add_format({"num_format": '[Red]yyyy\\-mm\\-dd;@'}))
    ws2.write_number(2, 4, 5, wb.add_format({"num_format": '0 "days"'}))
    wb.close()

    wb = xlsxwriter.Workbook(out("xlsxwriter_1904.xlsx"), {"date_1904": True})
    ws = wb.add_worksheet("1904")
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    ws.write_row(0, 0, ["排查日期", "整改完成日期", "数量"])
    ws.write_datetime(1, 0, datetime.datetime(2020, 3, 19), date)
    ws.write_datetime(1, 1, datetime.datetime(2020, 4, 1, 9, 15, 30), stamp)
    ws.write_number(1, 2, 3)
    ws.write_datetime(2, 0, datetime.datetime(1904, 1, 2), date)
    ws.write_datetime(2, 1, datetime.datetime(2024, 2, 29, 23, 59, 59), stamp)
    ws.write_number(2, 2, 43909)
    wb.close()


def make_xlsxwriter_elapsed():
    """Elapsed-time formats (hours past 24, negative durations) and locale/DBNum prefixes on dates."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(out("xlsxwriter_elapsed.xlsx"))
    ws = wb.add_worksheet("时长")
    ws.write_row(0, 0, ["格式", "值"])
    cases = [("[h]:mm:ss", 1 + 2.5 / 24 + 1.75 / 1440), ("[h]:mm:ss", 58), ("[h]:mm:ss", -0.0625), ("[h]:mm", 1392 / 24),
             ("[hh]", 1.5), ("[mm]:ss", 0.02), ("[s]", 0.001), (46, 2.5), ("[h]:mm:ss", 0),
             ("[$-F400]h:mm:ss AM/PM", 0.5), ("[$-F800]dddd, mmmm dd, yyyy", 43831),
             ('[DBNum1][$-804]yyyy"年"m"月"d"日"', 43831), ('[$-804]yyyy"年"m"月"d"日" h"时"mm"分"', 43831.5)]
    for row, (fmt, value) in enumerate(cases, start=1):
        ws.write_string(row, 0, str(fmt))
        ws.write_number(row, 1, value, wb.add_format({"num_format": fmt}))
    wb.close()


# ---------------------------------------------------------------- LibreOffice
def make_libreoffice():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: LibreOffice fixtures kept as they are", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = os.path.join(tmp, "libreoffice_csv.csv")
        with open(csv_path, "w", encoding="utf-8") as f:
            f.write("隐患编号,排查日期,区县,数量,金额\n")
            f.write("YH-1,2020-03-19,金坛区,3,12.5\n")
            f.write("YH-2,2020-12-31,溧阳市,0,0.1\n")
            f.write('YH-3,,"含,逗号",-7,1234567.89\n')
        subprocess.run([soffice, "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", tmp, csv_path],
                       check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "libreoffice_csv.xlsx"), out("libreoffice_csv.xlsx"))
        source = os.path.join(tmp, "libreoffice_resave.xlsx")
        shutil.copy(out("openpyxl_types.xlsx"), source)
        resaved = os.path.join(tmp, "resaved")
        os.mkdir(resaved)
        subprocess.run([soffice, "--headless", "--convert-to", "xlsx", "--outdir", resaved, source], check=True, capture_output=True)
        shutil.copy(os.path.join(resaved, "libreoffice_resave.xlsx"), out("libreoffice_resave.xlsx"))


# ---------------------------------------------------------------- hand-built packages
def package(path, parts):
    """Writes a zip with the given {name: text} parts, in order, deflated."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def content_types(overrides):
    items = "".join(f'<Override PartName="{name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.{kind}+xml"/>'
                    for name, kind in overrides)
    return (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + items + "</Types>")


def rels(items, rel_ns=REL):
    body = "".join(f'<Relationship Id="{i}" Type="{rel_ns}/{t}" Target="{target}"/>' for i, t, target in items)
    return DECL + f'<Relationships xmlns="{PKG}">' + body + "</Relationships>"


def make_hand_built_odd_packages():
    """Packages as some exporters write them: zip entry names with backslashes and upper case (.NET and
    PHP exporters), relationship targets with backslashes; and an Excel-for-Mac workbook whose 1904
    flag is on the main <workbookPr> while x14/x15 ones inside <extLst> carry none."""
    sheet = (DECL + f'<worksheet xmlns="{MAIN}"><sheetData>'
             '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>43909</v></c></row>'
             '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>2.5</v></c></row>'
             "</sheetData></worksheet>")
    styles = (DECL + f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
    sst = DECL + f'<sst xmlns="{MAIN}" count="2" uniqueCount="2"><si><t>反斜杠</t></si><si><t>溧阳市</t></si></sst>'
    package(out("hand_backslash_names.xlsx"), {
        "[Content_Types].xml": content_types([("/xl/workbook.xml", "sheet.main"), ("/xl/worksheets/sheet1.xml", "worksheet"),
                                              ("/xl/styles.xml", "styles"), ("/xl/sharedStrings.xml", "sharedStrings")]),
        "_rels\\.rels": rels([("rId1", "officeDocument", "xl/workbook.xml")]),
        "xl\\workbook.xml": DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="反斜杠" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl\\_rels\\workbook.xml.rels": rels([("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml"),
                                               ("rId3", "sharedStrings", "/xl/sharedStrings.xml")]),
        "xl\\styles.xml": styles,
        "xl\\sharedStrings.xml": sst,
        "xl\\worksheets\\sheet1.xml": sheet,
    })
    x14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
    package(out("hand_mac_1904_extlst.xlsx"), {
        "[Content_Types].xml": content_types([("/xl/workbook.xml", "sheet.main"), ("/xl/worksheets/sheet1.xml", "worksheet"),
                                              ("/xl/styles.xml", "styles"), ("/xl/sharedStrings.xml", "sharedStrings")]),
        "_rels/.rels": rels([("rId1", "officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}" xmlns:x14="{x14}"><workbookPr date1904="1" defaultThemeVersion="166925"/>'
                                  '<sheets><sheet name="Mac" sheetId="1" r:id="rId1"/></sheets>'
                                  '<extLst><ext uri="{79F54976-1DA5-4618-B147-4CDE4B953A38}"><x14:workbookPr/></ext>'
                                  '<ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}"><workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>',
        "xl/_rels/workbook.xml.rels": rels([("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml"),
                                            ("rId3", "sharedStrings", "sharedStrings.xml")]),
        "xl/styles.xml": styles,
        "xl/sharedStrings.xml": sst,
        "xl/worksheets/sheet1.xml": sheet,
    })


def make_hand_built():
    # WPS / reporting-system style: inline strings, no r= on rows or cells, str/e/b/d cell types.
    sheet = (DECL + f'<worksheet xmlns="{MAIN}"><sheetData>'
             '<row><c t="inlineStr"><is><t>区县</t></is></c><c t="inlineStr"><is><t>数量</t></is></c><c t="inlineStr"><is><t>备注</t></is></c></row>'
             '<row><c t="inlineStr"><is><t>金坛区</t></is></c><c><v>3</v></c><c t="str"><f>A2&amp;"x"</f><v>金坛区x</v></c></row>'
             '<row/>'
             '<row><c/><c t="b"><v>1</v></c><c t="e"><v>#REF!</v></c></row>'
             '<row><c t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 文本 </t></r></is></c><c><v>1.5E-3</v></c></row>'
             '<row r="9"><c r="C9" t="inlineStr"><is><t>第九行</t></is></c><c><v>4</v></c></row>'
             '<row><c><v>-0.5</v></c></row>'
             "</sheetData></worksheet>")
    dsheet = (DECL + f'<worksheet xmlns="{MAIN}"><sheetData>'
              '<row r="1"><c r="A1" t="d" s="1"><v>2020-03-19T00:00:00</v></c><c r="B1" t="d" s="2"><v>2020-03-19T08:05:00</v></c></row>'
              "</sheetData></worksheet>")
    styles = (DECL + f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
              '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
              '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
              '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>')
    package(out("hand_inline_no_refs.xlsx"), {
        "[Content_Types].xml": content_types([("/xl/workbook.xml", "sheet.main"), ("/xl/worksheets/sheet1.xml", "worksheet"),
                                              ("/xl/worksheets/sheet2.xml", "worksheet"), ("/xl/styles.xml", "styles")]),
        "_rels/.rels": rels([("rId1", "officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="报表" sheetId="1" r:id="rId1"/>'
                                  '<sheet name="ISO日期" sheetId="2" r:id="rId2"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": rels([("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "worksheet", "worksheets/sheet2.xml"),
                                            ("rId3", "styles", "styles.xml")]),
        "xl/styles.xml": styles,
        "xl/worksheets/sheet1.xml": sheet,
        "xl/worksheets/sheet2.xml": dsheet,
    })

    # Strict OOXML (ISO 29500 Strict) namespaces everywhere, dates as serials with a built-in style.
    strict_styles = (DECL + f'<styleSheet xmlns="{STRICT_MAIN}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills>'
                     '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
                     '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')
    package(out("hand_strict.xlsx"), {
        "[Content_Types].xml": content_types([("/xl/workbook.xml", "sheet.main"), ("/xl/worksheets/sheet1.xml", "worksheet"),
                                              ("/xl/styles.xml", "styles"), ("/xl/sharedStrings.xml", "sharedStrings")]),
        "_rels/.rels": rels([("rId1", "officeDocument", "xl/workbook.xml")], rel_ns=STRICT_REL),
        "xl/workbook.xml": DECL + f'<workbook xmlns="{STRICT_MAIN}" xmlns:r="{STRICT_REL}" conformance="strict">'
                                  '<workbookPr/><sheets><sheet name="Strict表" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": rels([("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml"),
                                            ("rId3", "sharedStrings", "sharedStrings.xml")], rel_ns=STRICT_REL),
        "xl/styles.xml": strict_styles,
        "xl/sharedStrings.xml": DECL + f'<sst xmlns="{STRICT_MAIN}" count="3" uniqueCount="3"><si><t>区县</t></si><si><t>日期</t></si><si><t>溧阳市</t></si></sst>',
        "xl/worksheets/sheet1.xml": DECL + f'<worksheet xmlns="{STRICT_MAIN}"><dimension ref="A1:B2"/><sheetData>'
                                           '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
                                           '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>43909</v></c><c r="C2"><v>2.5</v></c></row>'
                                           "</sheetData></worksheet>",
    })

    # Rich text with phonetic runs (Japanese-style <rPh>), xml:space, _xHHHH_ escapes in shared strings.
    sst = (DECL + f'<sst xmlns="{MAIN}" count="5" uniqueCount="5">'
           "<si><r><t>安全</t></r><r><rPr><b/></rPr><t>生产</t></r><rPh sb=\"0\" eb=\"2\"><t>アンゼン</t></rPh><phoneticPr fontId=\"1\"/></si>"
           "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si>"
           '<si><t xml:space="preserve">  两端空格  </t></si>'
           "<si><t>第一行_x000D__x000A_第二行</t></si>"
           "<si><t>下划线_x005F_x0041_保留</t></si>"
           "</sst>")
    package(out("hand_richtext_phonetic.xlsx"), {
        "[Content_Types].xml": content_types([("/xl/workbook.xml", "sheet.main"), ("/xl/worksheets/sheet1.xml", "worksheet"),
                                              ("/xl/sharedStrings.xml", "sharedStrings")]),
        "_rels/.rels": rels([("rId1", "officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="富文本" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": rels([("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "sharedStrings", "sharedStrings.xml")]),
        "xl/sharedStrings.xml": sst,
        "xl/worksheets/sheet1.xml": DECL + f'<worksheet xmlns="{MAIN}"><sheetData>'
                                           + "".join(f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c></row>' for i in range(5))
                                           + "</sheetData></worksheet>",
    })

    # Parts at unusual paths: workbook part named by the package relationships, sheet targets absolute
    # (with %20) and relative with .., a prefixed SpreadsheetML namespace, hidden and veryHidden states,
    # date1904 written as "true".
    prefixed = (DECL + f'<x:worksheet xmlns:x="{MAIN}"><x:sheetData>'
                '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1" s="1"><x:v>0</x:v></x:c></x:row>'
                '<x:row r="2"><x:c r="B2"><x:v>2</x:v></x:c></x:row>'
                "</x:sheetData></x:worksheet>")
    plain = (DECL + f'<worksheet xmlns="{MAIN}"><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>隐藏</t></is></c></row></sheetData>'
             '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>')
    styles1904 = (DECL + f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
    package(out("hand_unusual_paths.xlsx"), {
        "[Content_Types].xml": content_types([("/book/workbook.xml", "sheet.main"), ("/data/Sheet One.xml", "worksheet"),
                                              ("/sheets/two.xml", "worksheet"), ("/book/look.xml", "styles")]),
        "_rels/.rels": rels([("rId7", "officeDocument", "/book/workbook.xml")]),
        "book/workbook.xml": DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr date1904="true"/><sheets>'
                                '<sheet name="第一" sheetId="3" r:id="rIdA"/><sheet name="第二" sheetId="1" state="hidden" r:id="rIdB"/>'
                                '<sheet name="第三" sheetId="2" state="veryHidden" r:id="rIdB"/></sheets></workbook>',
        "book/_rels/workbook.xml.rels": rels([("rIdA", "worksheet", "/data/Sheet%20One.xml"), ("rIdB", "worksheet", "../sheets/two.xml"),
                                          ("rIdS", "styles", "look.xml")]),
        "book/look.xml": styles1904,
        "data/Sheet One.xml": prefixed,
        "sheets/two.xml": plain,
    })


# ---------------------------------------------------------------- expected CSV
TIME_ONLY = re.compile(r"[hs]", re.I)
DATE_LETTERS = re.compile(r"[yd]", re.I)


def time_only(fmt):
    """True when a format shows only a time of day (spec: HH:MM:SS): h or s present, no y or d, and
    m only next to them. First section only; quoted text, escapes, _x, *x and [..] removed,
    though elapsed [h]/[mm]/[ss] count as time."""
    if not fmt:
        return False
    first = fmt.split(";")[0]
    elapsed = re.search(r"\[(h+|m+|s+)\]", first, re.I) is not None
    stripped = re.sub(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]', "", first)
    return (elapsed or TIME_ONLY.search(stripped) is not None) and DATE_LETTERS.search(stripped) is None


def render(value, fmt):
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.timedelta):
        # An elapsed-time format ([h]:mm:ss …): hours unbounded, a sign before a negative duration.
        seconds = round(value.total_seconds())
        sign = "-" if seconds < 0 else ""
        seconds = abs(seconds)
        return f"{sign}{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    if isinstance(value, datetime.datetime):
        value = value + datetime.timedelta(microseconds=500_000)
        value = value.replace(microsecond=0)
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


def openpyxl_cells(path, sheet_name):
    """(row, col) → (data_only value, number format) from openpyxl, or {} when it cannot read the file."""
    try:
        wb = openpyxl.load_workbook(path, data_only=True)
        ws = wb[sheet_name]
    except Exception:
        return {}
    return {(c.row, c.column): (c.value, c.number_format) for row in ws.iter_rows() for c in row}


# Neither python-calamine 0.9 nor openpyxl 3.1 reads this package (calamine does not resolve the absolute
# %20 targets, openpyxl drops the prefixed sheet), so its expectations are written by hand from the XML
# above: B1 is serial 0 with built-in date format 14 in the 1904 system = 1904-01-01.
HAND_EXPECTED = {
    ("hand_unusual_paths.xlsx", "第一"): "前缀,1904-01-01\n,2\n",
    ("hand_unusual_paths.xlsx", "第二"): "\n,隐藏\n",
    ("hand_unusual_paths.xlsx", "第三"): "\n,隐藏\n",
}


def expected_csv(path, sheet_name):
    hand = HAND_EXPECTED.get((os.path.basename(path), sheet_name))
    if hand is not None:
        return hand
    book = python_calamine.CalamineWorkbook.from_path(path)
    rows = book.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
    extra = openpyxl_cells(path, sheet_name)
    lines = []
    for r, row in enumerate(rows, start=1):
        fields = []
        for c, value in enumerate(row, start=1):
            other, fmt = extra.get((r, c), (None, None))
            # calamine drops error values; openpyxl keeps their text.
            if value == "" and isinstance(other, str) and other.startswith("#"):
                value = other
            fields.append(quote(render(value, fmt)))
        while fields and fields[-1] == "":
            fields.pop()
        lines.append(",".join(fields))
    while lines and lines[-1] == "":
        lines.pop()
    return "".join(line + "\n" for line in lines)


def write_expected():
    for name in sorted(os.listdir(HERE)):
        if not name.endswith(".xlsx"):
            continue
        path = out(name)
        book = python_calamine.CalamineWorkbook.from_path(path)
        for number, sheet_name in enumerate(book.sheet_names, start=1):
            text = expected_csv(path, sheet_name)
            with open(out(f"{name[:-5]}.{number}.expected.csv"), "w", encoding="utf-8", newline="") as f:
                f.write(text)


def inspect_with_independent_readers(path):
    """`--inspect FILE`: prints every sheet as python-calamine/openpyxl read it (used by the writer's
    interoperability test). openpyxl must open the file without error."""
    openpyxl.load_workbook(path)
    book = python_calamine.CalamineWorkbook.from_path(path)
    for sheet_name in book.sheet_names:
        sys.stdout.write(f"== {sheet_name}\n")
        sys.stdout.write(expected_csv(path, sheet_name))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--inspect":
        inspect_with_independent_readers(sys.argv[2])
        sys.exit(0)
    makers = {"openpyxl": make_openpyxl, "xlsxwriter": make_xlsxwriter, "elapsed": make_xlsxwriter_elapsed,
              "libreoffice": make_libreoffice, "hand": make_hand_built, "odd-packages": make_hand_built_odd_packages}
    # `make_fixtures.py [MAKER …]` remakes only those fixtures (the others keep their bytes); the expected
    # CSVs are always rewritten for every fixture.
    for name in sys.argv[1:] or list(makers):
        makers[name]()
    write_expected()
