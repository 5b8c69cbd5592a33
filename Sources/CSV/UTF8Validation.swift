/// Fast UTF-8 validation of a whole file (well-formed sequences only: no overlongs, surrogates or
/// values past U+10FFFF), on all cores for large inputs.
///
/// ASCII is checked eight bytes at a time and the three-byte sequences of Chinese text with one
/// four-byte load; everything else takes the exact byte-by-byte path.
enum UTF8Validation {
    /// The offset of the first byte that does not start a well-formed sequence, or nil.
    /// `parts`: pieces to check in parallel (by default several per core for large inputs).
    static func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer, parts: Int? = nil) -> Int? {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return nil }
        let p = base.assumingMemoryBound(to: UInt8.self)
        let parts = parts ?? (n >= ParallelWork.minimumParallelBytes ? ParallelWork.cores * 4 : 1)
        guard parts > 1 else { return firstInvalid(p, 0, n, n) }
        // Pieces start at a byte that is not a continuation byte. A sequence starting in one piece
        // never reaches past the next piece's start (its continuation bytes would have been
        // skipped), so each piece's result is what one pass from the start would find.
        var starts = [0]
        for k in 1..<parts {
            var s = max(n / parts * k, starts[starts.count - 1])
            while s < n && p[s] & 0xC0 == 0x80 { s += 1 }
            if s < n && s > starts[starts.count - 1] { starts.append(s) }
        }
        starts.append(n)
        var results = [Int](repeating: -1, count: starts.count - 1)
        results.withUnsafeMutableBufferPointer { results in
            ParallelWork.run(starts.count - 1) { k in
                results[k] = firstInvalid(p, starts[k], starts[k + 1], n) ?? -1
            }
        }
        return results.first { $0 >= 0 }
    }

    /// Validates the sequences that start in `start..<end`; they may read on up to `limit`.
    static func firstInvalid(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ limit: Int) -> Int? {
        let raw = UnsafeRawPointer(p)
        var i = start
        while i < end {
            let c = p[i]
            if c < 0x80 {
                i += 1
                while i + 8 <= end && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                continue
            }
            // E1…EC and EE…EF with two continuation bytes: most CJK.
            if i + 4 <= limit {
                let word = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                if word & 0x00C0_C0F0 == 0x0080_80E0 && c != 0xE0 && c != 0xED {
                    i += 3
                    continue
                }
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= limit else { return i }
            let second = p[i + 1]
            guard second >= lower, second <= upper else { return i }
            for k in 2..<length where p[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
