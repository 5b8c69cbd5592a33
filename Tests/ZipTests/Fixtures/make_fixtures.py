"""Writes the zip fixtures the Zip tests read, with Python's zipfile as the independent writer.

Run from this folder: python3 make_fixtures.py
"""
import io
import zipfile

CONTENT = {
    "xl/workbook.xml": b"<workbook>" + b"<sheet/>" * 200 + b"</workbook>",
    "中文/数据.txt": "东城区,事故,3\n".encode("utf-8") * 50,
    "empty.txt": b"",
}


def write(name, **kwargs):
    with zipfile.ZipFile(name, "w", **kwargs) as z:
        for path, data in CONTENT.items():
            z.writestr(path, data)


write("deflated.zip", compression=zipfile.ZIP_DEFLATED)
write("stored.zip", compression=zipfile.ZIP_STORED)

# Data descriptors: zipfile writes them when the target is not seekable.
class Unseekable(io.RawIOBase):
    def __init__(self):
        self.buffer = bytearray()
    def writable(self):
        return True
    def write(self, b):
        self.buffer += b
        return len(b)
    def seekable(self):
        return False

sink = Unseekable()
with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as z:
    for path, data in CONTENT.items():
        with z.open(path, "w") as f:
            f.write(data)
open("descriptors.zip", "wb").write(bytes(sink.buffer))

# zip64 records forced on small entries.
with zipfile.ZipFile("zip64.zip", "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as z:
    for path, data in CONTENT.items():
        with z.open(path, "w", force_zip64=True) as f:
            f.write(data)

# An archive comment after the end record.
with zipfile.ZipFile("comment.zip", "w", compression=zipfile.ZIP_DEFLATED) as z:
    for path, data in CONTENT.items():
        z.writestr(path, data)
    z.comment = "导出系统 v2.1 ".encode("utf-8") * 100
