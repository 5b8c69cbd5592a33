import Foundation

/// GB18030 (and its subsets GBK/GB2312) ↔ UTF-8, with the GB 18030-2005 mapping.
///
/// The mapping data (GB18030Tables.swift) is generated from Python's `gb18030` codec by
/// GB18030Tables.py, not read from iconv at run time: glibc's converter follows GB 18030-2022 for
/// some codes (0xFE59 → U+9FB4, where 2005 has U+E81E) and macOS's libiconv differs again, so a
/// generated table is the only way to decode the same everywhere; it also costs no start-up calls.
///
/// Decoding is table-driven and writes straight into one output buffer: a two-byte code is one
/// lookup that yields its UTF-8 bytes and their length; ASCII runs are copied eight bytes at a time;
/// four-byte codes are computed (a binary search over 208 runs for the BMP, arithmetic for the
/// astral planes). Large inputs are decoded on all cores in pieces cut after a line feed — 0x0A is
/// never part of a multi-byte GB18030 sequence, so every cut is a character boundary.
public enum GB18030 {
    /// Decodes GB18030 bytes to UTF-8 bytes. An invalid or truncated sequence is an error naming its
    /// byte offset (never a silent U+FFFD).
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(CSVError) -> [UInt8] {
        switch decodeOrFail(bytes) {
        case .success(let text): return text
        case .failure(let error): throw error
        }
    }

    /// The decoded text, or the first invalid offset.
    /// `parts`: pieces to decode in parallel (by default several per core for large inputs).
    /// `decoded` is told each piece of `bytes` once it is decoded (from the decoding threads).
    static func decodeOrFail(_ bytes: UnsafeRawBufferPointer, parts: Int? = nil,
                             decoded: ((Range<Int>) -> Void)? = nil) -> Result<[UInt8], CSVError> {
        let n = bytes.count
        guard n > 0, let src = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .success([]) }
        let bounds = ParallelWork.boundsAfterLineFeeds(bytes, parts: parts ?? (n >= ParallelWork.minimumParallelBytes ? ParallelWork.cores * 4 : 1))
        let parts = bounds.count - 1
        // Each piece gets its worst-case room (a two-byte code becomes at most three UTF-8 bytes), plus
        // slack for the four-byte stores that write one byte past a character.
        func outputStart(_ k: Int) -> Int { bounds[k] + bounds[k] / 2 + 8 * k }
        let capacity = outputStart(parts) + 8
        var written = [Int](repeating: 0, count: parts)
        var invalidAt = [Int](repeating: -1, count: parts)
        var firstInvalid: Int?
        let text = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            guard let dst = buffer.baseAddress else { initialized = 0; return }
            decodeTable.withUnsafeBufferPointer { table in
                written.withUnsafeMutableBufferPointer { written in
                    invalidAt.withUnsafeMutableBufferPointer { invalidAt in
                        ParallelWork.run(parts) { k in
                            let r = decodeRange(src, bounds[k], bounds[k + 1], dst + outputStart(k), table.baseAddress!)
                            written[k] = r.written
                            invalidAt[k] = r.invalidAt ?? -1
                            if r.invalidAt == nil { decoded?(bounds[k]..<bounds[k + 1]) }
                        }
                    }
                }
            }
            // Close the gaps between pieces, in order (every move is towards the front).
            var total = 0
            for k in 0..<parts {
                if invalidAt[k] >= 0 { firstInvalid = invalidAt[k]; break }
                if total != outputStart(k) { memmove(dst + total, dst + outputStart(k), written[k]) }
                total += written[k]
            }
            initialized = firstInvalid == nil ? total : 0
            // The pieces were written with room to spare and moved to the front: the pages past
            // the text, written before the move, are given back.
            MemoryPages.release(UnsafeRawPointer(dst), total..<capacity)
        }
        if let offset = firstInvalid { return .failure(.invalidGB18030(offset: offset)) }
        return .success(text)
    }

    /// The first offset that is not valid GB18030, or nil.
    static func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        if case .failure(.invalidGB18030(let offset)) = decodeOrFail(bytes) { return offset }
        return nil
    }

    struct RangeResult { var written: Int; var invalidAt: Int? }

    /// Decodes `src[start..<end]`, which must end at a character boundary, into `dst`.
    static func decodeRange(_ src: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ dst: UnsafeMutablePointer<UInt8>,
                            _ table: UnsafePointer<UInt32>) -> RangeResult {
        var i = start, o = 0
        let raw = UnsafeRawPointer(src)
        let out = UnsafeMutableRawPointer(dst)
        while i < end {
            let b = src[i]
            if b < 0x80 {
                dst[o] = b
                i += 1; o += 1
                while i + 8 <= end {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    out.storeBytes(of: word, toByteOffset: o, as: UInt64.self)
                    i += 8; o += 8
                }
                continue
            }
            guard i + 1 < end else { return RangeResult(written: o, invalidAt: i) }
            let packed = table[Int(b & 0x7F) << 8 | Int(src[i + 1])]
            if packed > fourByteMarker {
                out.storeBytes(of: packed.littleEndian, toByteOffset: o, as: UInt32.self)
                o += Int(packed >> 24)
                i += 2
                continue
            }
            guard packed == fourByteMarker, i + 3 < end,
                  let scalar = scalarOfFourByteCode(b, src[i + 1], src[i + 2], src[i + 3]) else {
                return RangeResult(written: o, invalidAt: i)
            }
            o += storeUTF8(scalar, dst + o)
            i += 4
        }
        return RangeResult(written: o, invalidAt: nil)
    }

    /// Table entry of a lead byte followed by 0x30…0x39: the first half of a four-byte code.
    static let fourByteMarker: UInt32 = 1

    /// (lead & 0x7F) << 8 | trail → the UTF-8 bytes of the character (little-endian, up to three) with
    /// their count in the top byte; `fourByteMarker` for a four-byte code's first half; 0 = invalid
    /// (including the lead bytes 0x80 and 0xFF, whose rows stay empty).
    static let decodeTable: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 128 * 256)
        let scalars = twoByteScalars
        var index = 0
        for lead in 0x81...0xFE {
            for trail in 0x30...0x39 { table[(lead & 0x7F) << 8 | trail] = fourByteMarker }
            for trail in 0x40...0xFE where trail != 0x7F {
                guard index < scalars.count else { return table }
                table[(lead & 0x7F) << 8 | trail] = packedUTF8(UInt32(scalars[index]))
                index += 1
            }
        }
        return table
    }()

    /// The 23 940 two-byte codes' scalars in code order (see GB18030Tables.swift).
    static let twoByteScalars: [UInt16] = {
        guard let data = Data(base64Encoded: twoByteBase64, options: .ignoreUnknownCharacters) else { return [] }
        let bytes = [UInt8](data)
        return (0..<bytes.count / 2).map { UInt16(bytes[2 * $0]) | UInt16(bytes[2 * $0 + 1]) << 8 }
    }()

    static func packedUTF8(_ v: UInt32) -> UInt32 {
        if v < 0x800 { return (0xC0 | v >> 6) | (0x80 | v & 0x3F) << 8 | 2 << 24 }
        return (0xE0 | v >> 12) | (0x80 | (v >> 6) & 0x3F) << 8 | (0x80 | v & 0x3F) << 16 | 3 << 24
    }

    /// Writes the UTF-8 of a scalar (≥ 0x80); returns its length.
    @inline(__always)
    static func storeUTF8(_ v: UInt32, _ dst: UnsafeMutablePointer<UInt8>) -> Int {
        if v < 0x800 {
            dst[0] = UInt8(0xC0 | v >> 6); dst[1] = UInt8(0x80 | v & 0x3F)
            return 2
        }
        if v < 0x10000 {
            dst[0] = UInt8(0xE0 | v >> 12); dst[1] = UInt8(0x80 | (v >> 6) & 0x3F); dst[2] = UInt8(0x80 | v & 0x3F)
            return 3
        }
        dst[0] = UInt8(0xF0 | v >> 18); dst[1] = UInt8(0x80 | (v >> 12) & 0x3F)
        dst[2] = UInt8(0x80 | (v >> 6) & 0x3F); dst[3] = UInt8(0x80 | v & 0x3F)
        return 4
    }

    /// Linear index of the first astral code, 0x90 30 81 30 (U+10000).
    static let astralBase = 189_000
    /// Number of linear indices of the BMP's four-byte codes (0x81 30 81 30 … 0x84 31 A4 39).
    static let bmpFourByteCount = 39_420

    /// The scalar of a four-byte code, or nil if the bytes are not one.
    static func scalarOfFourByteCode(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> UInt32? {
        guard (0x81...0xFE).contains(a), (0x30...0x39).contains(b), (0x81...0xFE).contains(c), (0x30...0x39).contains(d) else { return nil }
        let linear = (Int(a) - 0x81) * 12600 + (Int(b) - 0x30) * 1260 + (Int(c) - 0x81) * 10 + (Int(d) - 0x30)
        if linear < bmpFourByteCount {
            // The last run starting at or before `linear` (the runs cover 0 ..< 39 420 without gaps).
            var low = 0, high = fourByteLinear.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if Int(fourByteLinear[mid]) <= linear { low = mid } else { high = mid - 1 }
            }
            return fourByteScalar[low] + UInt32(linear - Int(fourByteLinear[low]))
        }
        if linear >= astralBase && linear - astralBase <= 0x10FFFF - 0x10000 { return UInt32(0x10000 + linear - astralBase) }
        return nil
    }

    // MARK: Encoding

    /// Encodes a string as GB18030 (2005 mapping; every Unicode scalar has a code).
    public static func encode(_ string: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count)
        let table = encodeTable
        for scalar in string.unicodeScalars {
            let v = scalar.value
            if v < 0x80 { out.append(UInt8(v)); continue }
            let code = v < 0x10000 ? table[Int(v)] : 0
            if code != 0 {
                out.append(UInt8(code >> 8)); out.append(UInt8(code & 0xFF))
                continue
            }
            let linear = v >= 0x10000 ? astralBase + Int(v - 0x10000) : fourByteLinear(ofBMP: v)
            out.append(UInt8(0x81 + linear / 12600))
            out.append(UInt8(0x30 + linear / 1260 % 10))
            out.append(UInt8(0x81 + linear / 10 % 126))
            out.append(UInt8(0x30 + linear % 10))
        }
        return out
    }

    /// BMP scalar → two-byte code; 0 where the scalar has a four-byte code (or is ASCII).
    static let encodeTable: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x10000)
        var index = 0
        for lead in 0x81...0xFE {
            for trail in 0x40...0xFE where trail != 0x7F {
                guard index < twoByteScalars.count else { return table }
                table[Int(twoByteScalars[index])] = UInt16(lead << 8 | trail)
                index += 1
            }
        }
        return table
    }()

    /// The four-byte runs sorted by scalar: (first scalar, first linear index, length).
    static let fourByteRunsByScalar: [(scalar: UInt32, linear: UInt32, length: UInt32)] =
        (0..<fourByteLinear.count).map { (fourByteScalar[$0], fourByteLinear[$0], fourByteLength[$0]) }.sorted { $0.scalar < $1.scalar }

    /// Linear index of a BMP scalar without a one- or two-byte code.
    static func fourByteLinear(ofBMP v: UInt32) -> Int {
        let runs = fourByteRunsByScalar
        var low = 0, high = runs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if runs[mid].scalar <= v { low = mid } else { high = mid - 1 }
        }
        let run = runs[low]
        // Every BMP scalar outside ASCII, the two-byte table and the surrogates lies in a run.
        return Int(run.linear) + Int(min(v - run.scalar, run.length - 1))
    }
}
