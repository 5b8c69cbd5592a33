#if canImport(Glibc)
import Glibc
#endif

/// GB18030 (and its subsets GBK/GB2312) ↔ UTF-8.
///
/// The 23 940 two-byte codes — nearly all Chinese text — go through a lookup table, so decoding
/// is a table walk rather than a call per character. The table is built once, at first use, from
/// glibc's iconv GB18030 converter (part of every glibc installation); building it ourselves
/// instead of shipping a generated table keeps the mapping authoritative and the sources small.
/// Four-byte codes (rare characters, astral planes) are converted by iconv one at a time.
public enum GB18030 {
    /// Two-byte table: index (lead − 0x81) × 191 + (trail − 0x40) → Unicode scalar, 0 = unmapped.
    static let table: [UInt32] = buildTable()

    static func buildTable() -> [UInt32] {
        var table = [UInt32](repeating: 0, count: 126 * 191)
        guard let cd = Optional(iconv_open("UTF-32LE", "GB18030")), cd != iconv_t(bitPattern: -1) else { return table }
        defer { iconv_close(cd) }
        for lead in 0x81...0xFE {
            for trail in 0x40...0xFE where trail != 0x7F {
                var input: [CChar] = [CChar(bitPattern: UInt8(lead)), CChar(bitPattern: UInt8(trail))]
                var output = [UInt8](repeating: 0, count: 8)
                let ok = input.withUnsafeMutableBufferPointer { inBuf in
                    output.withUnsafeMutableBufferPointer { outBuf -> Bool in
                        var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                        var inLeft = 2
                        var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                        var outLeft = 8
                        return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 && outLeft == 4
                    }
                }
                if ok {
                    table[(lead - 0x81) * 191 + (trail - 0x40)] =
                        UInt32(output[0]) | UInt32(output[1]) << 8 | UInt32(output[2]) << 16 | UInt32(output[3]) << 24
                }
            }
        }
        return table
    }

    /// Decodes GB18030 bytes to UTF-8 bytes; invalid sequences are an error with their offset.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(CSVError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        let table = GB18030.table
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { out.append(b); i += 1; continue }
            guard b >= 0x81, b <= 0xFE, i + 1 < n else { throw .invalidGB18030(offset: i) }
            let t = bytes[i + 1]
            if t >= 0x30 && t <= 0x39 {
                guard i + 3 < n, let scalar = fourByte(bytes[i], t, bytes[i + 2], bytes[i + 3]) else { throw .invalidGB18030(offset: i) }
                appendUTF8(scalar, to: &out)
                i += 4
                continue
            }
            guard t >= 0x40, t <= 0xFE, t != 0x7F else { throw .invalidGB18030(offset: i) }
            let scalar = table[Int(b - 0x81) * 191 + Int(t - 0x40)]
            guard scalar != 0 else { throw .invalidGB18030(offset: i) }
            appendUTF8(scalar, to: &out)
            i += 2
        }
        return out
    }

    /// The first offset that is not valid GB18030, or nil.
    static func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer) -> Int? {
        do { _ = try decode(bytes); return nil } catch {
            if case .invalidGB18030(let offset) = error { return offset }
            return 0
        }
    }

    /// Encodes a string as GB18030 (for generated test exports; every Unicode scalar has a code).
    public static func encode(_ string: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count)
        let reverse = GB18030.reverse
        for scalar in string.unicodeScalars {
            if scalar.value < 0x80 { out.append(UInt8(scalar.value)); continue }
            if let code = reverse[scalar.value] {
                out.append(UInt8(code >> 8)); out.append(UInt8(code & 0xFF))
            } else {
                out += iconvEncode(scalar)
            }
        }
        return out
    }

    static let reverse: [UInt32: UInt16] = {
        var map: [UInt32: UInt16] = [:]
        for (index, scalar) in table.enumerated() where scalar != 0 && map[scalar] == nil {
            map[scalar] = UInt16(0x81 + index / 191) << 8 | UInt16(0x40 + index % 191)
        }
        return map
    }()

    static func fourByte(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> UInt32? {
        guard (0x81...0xFE).contains(a), (0x30...0x39).contains(b), (0x81...0xFE).contains(c), (0x30...0x39).contains(d) else { return nil }
        return convert([a, b, c, d], from: "GB18030", to: "UTF-32LE").flatMap { $0.count == 4 ?
            UInt32($0[0]) | UInt32($0[1]) << 8 | UInt32($0[2]) << 16 | UInt32($0[3]) << 24 : nil }
    }

    static func iconvEncode(_ scalar: Unicode.Scalar) -> [UInt8] {
        let v = scalar.value
        let utf32: [UInt8] = [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
        return convert(utf32, from: "UTF-32LE", to: "GB18030") ?? [0x3F]
    }

    static func convert(_ bytes: [UInt8], from: String, to: String) -> [UInt8]? {
        let cd = iconv_open(to, from)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [UInt8](repeating: 0, count: 16)
        let produced = input.withUnsafeMutableBufferPointer { inBuf -> Int? in
            output.withUnsafeMutableBufferPointer { outBuf -> Int? in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = 16
                guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 else { return nil }
                return 16 - outLeft
            }
        }
        return produced.map { Array(output.prefix($0)) }
    }

    @inline(__always)
    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
