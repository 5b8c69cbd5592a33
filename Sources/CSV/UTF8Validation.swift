import CTextScan

/// Fast UTF-8 validation of a whole file (well-formed sequences only: no overlongs, surrogates or
/// values past U+10FFFF), on all cores for large inputs.
///
/// The hot loop is a shift-based DFA: each byte's table row holds the next state for every state,
/// as 6-bit shift amounts, so a byte costs one table load and one shift, with no branches — mixed
/// Chinese and ASCII text otherwise mispredicts at every change of script. Blocks of pure ASCII are
/// skipped 32 bytes at a time. Only when a block ends in the error state is it re-checked byte by
/// byte, to name the exact offset. Where the CPU has AVX2, a piece is first checked 32 bytes at a
/// time (`CTextScan`, about ten times the state machine's speed); only a piece found invalid goes to
/// the byte-by-byte validator.
enum UTF8Validation {
    /// The offset of the first byte that does not start a well-formed sequence, or nil.
    /// `parts`: pieces to check in parallel (by default several per core for large inputs).
    static func firstInvalidOffset(_ bytes: UnsafeRawBufferPointer, parts: Int? = nil) -> Int? {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return nil }
        let p = base.assumingMemoryBound(to: UInt8.self)
        let parts = parts ?? (n >= ParallelWork.minimumParallelBytes ? ParallelWork.cores * 4 : 1)
        guard parts > 1 else { return firstInvalidInPiece(p, 0, n, n) }
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
                results[k] = firstInvalidInPiece(p, starts[k], starts[k + 1], n) ?? -1
            }
        }
        return results.first { $0 >= 0 }
    }

    static let hasVectorCheck = ctextscan_has_avx2() == 1

    /// As `firstInvalidFast`, for a piece followed by a byte that is not a continuation byte (or by
    /// the end): a sequence valid up to `limit` then ends within the piece, so the vector check of
    /// the piece alone (as if the end followed it) says the same.
    static func firstInvalidInPiece(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ limit: Int) -> Int? {
        guard hasVectorCheck else { return firstInvalidFast(p, start, end, limit) }
        if vectorCheckSaysValid(p + start, end - start) { return nil }
        return firstInvalid(p, start, end, limit)
    }

    /// Whether the AVX2 check finds `count` bytes at `p` well-formed (only when `hasVectorCheck`).
    static func vectorCheckSaysValid(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        ctextscan_is_valid_utf8_avx2(p, count) == 1
    }

    // DFA states, as shift amounts into a table row.
    static let accept: UInt64 = 0, error: UInt64 = 6, need1: UInt64 = 12, need2: UInt64 = 18, need3: UInt64 = 24
    static let afterE0: UInt64 = 30, afterED: UInt64 = 36, afterF0: UInt64 = 42, afterF4: UInt64 = 48

    /// Row per byte: for each state s, the next state at bit offset s.
    static let transitions: [UInt64] = (0..<256).map { byte -> UInt64 in
        func next(_ state: UInt64) -> UInt64 {
            let continuation = (0x80...0xBF).contains(byte)
            switch state {
            case accept:
                switch byte {
                case 0x00...0x7F: return accept
                case 0xC2...0xDF: return need1
                case 0xE0: return afterE0
                case 0xE1...0xEC, 0xEE...0xEF: return need2
                case 0xED: return afterED
                case 0xF0: return afterF0
                case 0xF1...0xF3: return need3
                case 0xF4: return afterF4
                default: return error
                }
            case need1: return continuation ? accept : error
            case need2: return continuation ? need1 : error
            case need3: return continuation ? need2 : error
            case afterE0: return (0xA0...0xBF).contains(byte) ? need1 : error
            case afterED: return (0x80...0x9F).contains(byte) ? need1 : error
            case afterF0: return (0x90...0xBF).contains(byte) ? need2 : error
            case afterF4: return (0x80...0x8F).contains(byte) ? need2 : error
            default: return error
            }
        }
        var row: UInt64 = 0
        for state in [accept, error, need1, need2, need3, afterE0, afterED, afterF0, afterF4] { row |= next(state) << state }
        return row
    }

    /// As `firstInvalid`, with the DFA run over four lanes at once (each lane starts at a byte that
    /// is not a continuation byte, so no sequence crosses into the next lane): one lane alone waits
    /// on its own shift at every byte, four keep the core busy. Any error sends the range to
    /// `firstInvalid` to be placed exactly.
    static func firstInvalidFast(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ limit: Int) -> Int? {
        let length = end - start
        guard length >= 256 else { return firstInvalid(p, start, end, limit) }
        func laneStart(_ nominal: Int) -> Int {
            var s = nominal
            while s < end && p[s] & 0xC0 == 0x80 { s += 1 }
            return s
        }
        let b1 = laneStart(start + length / 4), b2 = max(b1, laneStart(start + length / 2)), b3 = max(b2, laneStart(start + length / 4 * 3))
        return transitions.withUnsafeBufferPointer { table -> Int? in
            let t = table.baseAddress!
            var s0 = accept, s1 = accept, s2 = accept, s3 = accept
            let common = min(b1 - start, b2 - b1, b3 - b2, end - b3)
            var k = 0
            while k < common {
                let stop = min(common, k + 1024)
                while k < stop {
                    s0 = t[Int(p[start + k])] &>> s0
                    s1 = t[Int(p[b1 + k])] &>> s1
                    s2 = t[Int(p[b2 + k])] &>> s2
                    s3 = t[Int(p[b3 + k])] &>> s3
                    k += 1
                }
                if s0 & 63 == error || s1 & 63 == error || s2 & 63 == error || s3 & 63 == error {
                    return firstInvalid(p, start, end, limit)
                }
            }
            // Each lane's rest; the first three must end between sequences.
            func finish(_ state: UInt64, _ from: Int, _ to: Int) -> UInt64 {
                var state = state
                for i in from..<to { state = t[Int(p[i])] &>> state }
                return state
            }
            s0 = finish(s0, start + common, b1)
            s1 = finish(s1, b1 + common, b2)
            s2 = finish(s2, b2 + common, b3)
            guard s0 & 63 == accept, s1 & 63 == accept, s2 & 63 == accept else { return firstInvalid(p, start, end, limit) }
            s3 = finish(s3, b3 + common, end)
            if s3 & 63 == error { return firstInvalid(p, start, end, limit) }
            // A sequence still open at `end` may finish before `limit`: check it exactly.
            return firstInvalid(p, sequenceStart(p, end, s3, b3), end, limit)
        }
    }

    /// Where the sequence open at `i` (in DFA state `state`) began: `i` itself when none is open,
    /// else its lead byte, at most three bytes back.
    @inline(__always)
    private static func sequenceStart(_ p: UnsafePointer<UInt8>, _ i: Int, _ state: UInt64, _ start: Int) -> Int {
        guard state & 63 != accept else { return i }
        var s = i - 1
        while s > start && p[s] & 0xC0 == 0x80 { s -= 1 }
        return s
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
