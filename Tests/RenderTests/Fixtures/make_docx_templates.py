#!/usr/bin/env python3
"""Makes the Word-template fixtures of DocxTemplateTests and reads filled documents back.

    python3 make_docx_templates.py            # writes libreoffice-template.docx here (needs soffice)
    python3 make_docx_templates.py --read X   # prints X's paragraphs, tables, header and footer text
                                              # as python-docx sees them (pip install python-docx)

The template is written as flat ODF and saved as .docx by LibreOffice, so it is a document as a
real word processor writes it: its own styles, rsid-free runs, page header and footer, a table.
Placeholders are deliberately typed with a change of formatting inside them, which makes the
word processor split them across runs.
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="仿宋" svg:font-family="仿宋" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
  <style:font-face style:name="黑体" svg:font-family="黑体" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 </office:font-face-decls>
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph">
   <style:text-properties style:font-name="仿宋" fo:font-size="16pt" style:font-name-asian="仿宋" style:font-size-asian="16pt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="22pt" fo:font-weight="bold" style:font-size-asian="22pt" style:font-weight-asian="bold"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties style:font-name="黑体" style:font-name-asian="黑体"/>
  </style:style>
  <style:style style:name="Red" style:family="text">
   <style:text-properties fo:color="#c00000" fo:font-style="italic" style:font-style-asian="italic"/>
  </style:style>
  <style:style style:name="Bold" style:family="text">
   <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
  </style:style>
  <style:style style:name="Tbl" style:family="table">
   <style:table-properties style:width="15.6cm" table:align="center"/>
  </style:style>
  <style:page-layout style:name="A4">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="3.7cm"
    fo:margin-bottom="3.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="A4">
   <style:header><text:p text:style-name="Standard">{{地区}}应急管理局　<text:span text:style-name="Bold">内部资料</text:span></text:p></style:header>
   <style:footer><text:p text:style-name="Standard">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
   <text:p text:style-name="Title">{{地区}}{{<text:span text:style-name="Red">期间</text:span>}}安全生产工作总结</text:p>
   <text:p text:style-name="Heading">一、总体情况</text:p>
   <text:p text:style-name="Standard">{{期间}}，全区共发生生产安全事故<text:span text:style-name="Bold">{{事故</text:span>.起数}}起、死亡{{ 事故.死亡人数 }}人，{{<text:bookmark-start text:name="事故同比"/>事故.起数.同比<text:bookmark-end text:name="事故同比"/>}}。</text:p>
   <table:table table:name="各区县" table:style-name="Tbl">
    <table:table-column table:number-columns-repeated="3"/>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p text:style-name="Heading">区县</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p text:style-name="Heading">事故起数</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p text:style-name="Heading">死亡人数</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p text:style-name="Standard">{{#下辖}}{{<text:span text:style-name="Bold">地区</text:span>}}</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p text:style-name="Standard">{{事故.起数}}</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p text:style-name="Standard">{{事故.死亡人数}}</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p text:style-name="Standard">合计</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p text:style-name="Standard">{{事故.起数}}</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p text:style-name="Standard">{{事故.死亡人数}}</text:p></table:table-cell>
    </table:table-row>
   </table:table>
   <text:p text:style-name="Heading">三、存在问题</text:p>
   <text:p text:style-name="Standard">（此处由撰稿人填写，工具保持原样。）</text:p>
  </office:text>
 </office:body>
</office:document>
"""


def make():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install -y libreoffice-writer")
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "libreoffice-template.fodt")
        with open(source, "w", encoding="utf-8") as f:
            f.write(FODT)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, "libreoffice-template.docx"), os.path.join(HERE, "libreoffice-template.docx"))
    print("wrote libreoffice-template.docx")


def read(path):
    import docx  # python-docx
    document = docx.Document(path)
    for paragraph in document.paragraphs:
        print("P|" + paragraph.text)
    for table in document.tables:
        for row in table.rows:
            print("T|" + "|".join(cell.text for cell in row.cells))
    for section in document.sections:
        print("H|" + "|".join(p.text for p in section.header.paragraphs))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--read":
        read(sys.argv[2])
    else:
        make()
