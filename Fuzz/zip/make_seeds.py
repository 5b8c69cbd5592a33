"""Writes the seed corpus of the zip fuzz target (Fuzz/corpus/zip), with Python's zipfile as an
independent writer: each seed is one shape the reader must handle or refuse.

Run from the repository root: python3 Fuzz/zip/make_seeds.py
"""
import io
import os
import struct
import warnings
import zipfile

warnings.simplefilter("ignore")  # the duplicate-name seed is meant to have duplicates

OUT = "Fuzz/corpus/zip"
os.makedirs(OUT, exist_ok=True)
PARTS = {
    "xl/workbook.xml": b"<workbook><sheets><sheet name='a'/></sheets></workbook>",
    "中文/数据.txt": "东城区,事故,3\n".encode("utf-8") * 4,
    "empty.txt": b"",
}


def archive(compression=zipfile.ZIP_DEFLATED, parts=PARTS, comment=b"", force_zip64=False):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as z:
        for path, data in (parts.items() if isinstance(parts, dict) else parts):
            with z.open(path, "w", force_zip64=force_zip64) as f:
                f.write(data)
        z.comment = comment
    return buffer.getvalue()


class Unseekable(io.RawIOBase):
    """zipfile writes data descriptors (flag bit 3) when it cannot seek back."""
    def __init__(self):
        self.buffer = bytearray()
    def writable(self):
        return True
    def write(self, b):
        self.buffer += b
        return len(b)
    def seekable(self):
        return False


def with_descriptors():
    sink = Unseekable()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for path, data in PARTS.items():
            with z.open(path, "w") as f:
                f.write(data)
    return bytes(sink.buffer)


def set_flag_bit0(data):
    """Marks every entry encrypted (general-purpose flag bit 0), local and central."""
    b = bytearray(data)
    for sig, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = b.find(sig)
        while i >= 0:
            b[i + at] |= 1
            i = b.find(sig, i + 4)
    return bytes(b)


def set_method(data, method):
    b = bytearray(data)
    for sig, at in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        i = b.find(sig)
        while i >= 0:
            b[i + at:i + at + 2] = struct.pack("<H", method)
            i = b.find(sig, i + 4)
    return bytes(b)


def compound_file(stream_names):
    """An OLE/CFB header and one directory sector naming the streams (UTF-16LE), as Office writes
    around an encrypted workbook or an old .xls."""
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    header[0x18:0x1A] = struct.pack("<H", 0x3E)
    header[0x1A:0x1C] = struct.pack("<H", 3)
    header[0x1C:0x1E] = struct.pack("<H", 0xFFFE)
    header[0x1E:0x20] = struct.pack("<H", 9)
    directory = bytearray()
    for name in ["Root Entry"] + stream_names:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry[0:len(encoded)] = encoded
        entry[64:66] = struct.pack("<H", len(encoded))
        entry[66] = 5 if name == "Root Entry" else 2
        directory += entry
    return bytes(header) + bytes(directory)


seeds = {
    "deflated": archive(),
    "stored": archive(zipfile.ZIP_STORED),
    "descriptors": with_descriptors(),
    "zip64": archive(force_zip64=True),
    "comment": archive(comment="导出系统 v2.1".encode("utf-8") * 3),
    "encrypted-entry": set_flag_bit0(archive()),
    "bzip2-method": set_method(archive(), 12),
    "leading-slash": archive(parts={"/xl/workbook.xml": b"<workbook/>", "/docProps/app.xml": b"<a/>"}),
    "duplicate-names": archive(parts=[("a.xml", b"<a/>"), ("A.XML", b"<b/>"), ("a.xml", b"<c/>")]),
    "bomb-2mb-zeros": archive(parts={"zeros.bin": bytes(2 << 20)}),
    "cfb-encrypted": compound_file(["EncryptionInfo", "EncryptedPackage"]),
    "cfb-xls": compound_file(["Workbook", "SummaryInformation"]),
    "empty-archive": archive(parts={}),
}
seeds["truncated-directory"] = seeds["deflated"][: len(seeds["deflated"]) - 40]
seeds["truncated-data"] = seeds["stored"][:60] + seeds["stored"][-100:]
bad = bytearray(seeds["stored"])
bad[bad.find(b"<workbook>")] ^= 0x20
seeds["bad-crc"] = bytes(bad)


def shared_kernel(data, copies, backslash=False):
    """The "better zip bomb": the central-directory entry of the archive's one part repeated under
    other names, every copy pointing at the same local header and compressed kernel."""
    end = data.rfind(b"PK\x05\x06")
    size, offset = struct.unpack("<II", data[end + 12:end + 20])
    entry = data[offset:offset + size]
    name_length = struct.unpack("<H", entry[28:30])[0]
    directory = b""
    for i in range(copies):
        name = (f"xl\\s{i}.xml" if backslash else f"xl/s{i}.xml").encode()
        directory += entry[:28] + struct.pack("<H", len(name)) + entry[30:46] + name + entry[46 + name_length:]
    record = bytearray(data[end:])
    record[8:12] = struct.pack("<HH", copies, copies)
    record[12:16] = struct.pack("<I", len(directory))
    return data[:offset] + directory + bytes(record)


seeds["overlap-shared-kernel"] = shared_kernel(archive(parts={"k.xml": b"A" * 100000}), 40)
seeds["overlap-two"] = shared_kernel(archive(parts={"k.xml": b"<sheetData/>"}), 2, backslash=True)

for name, data in seeds.items():
    with open(os.path.join(OUT, "seed-" + name), "wb") as f:
        f.write(data)
