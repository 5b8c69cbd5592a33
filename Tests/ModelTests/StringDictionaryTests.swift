import Testing
@testable import Model

@Suite struct StringDictionaryTests {
    /// Codes are dense, in first-seen order, stable on repeat, and survive many table growths.
    @Test func codesInFirstSeenOrderThroughGrowth() {
        var dictionary = StringDictionary()
        let values = (0..<5000).map { "隐患\($0)号" } + ["", "a", "东城区"]
        for (i, v) in values.enumerated() { #expect(dictionary.code(for: v) == Int32(i)) }
        for (i, v) in values.enumerated().reversed() { #expect(dictionary.code(for: v) == Int32(i)) }
        #expect(dictionary.count == values.count)
        #expect(dictionary.strings == values)
        #expect(dictionary.existingCode(for: "隐患4999号") == 4999)
        #expect(dictionary.existingCode(for: "隐患5000号") == nil)
        #expect(dictionary[2] == "隐患2号" && dictionary[StringDictionary.absent] == nil && dictionary[Int32(values.count)] == nil)
    }

    /// Strings are compared by their bytes: a decomposed é is another value than a composed one
    /// (Swift's == would call them equal). Ingest takes text as typed; this pins that decision.
    @Test func bytesNotCanonicalEquivalence() {
        var dictionary = StringDictionary()
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(dictionary.code(for: composed) != dictionary.code(for: decomposed))
    }

    /// Keys longer than one hash word and sharing long prefixes still find their own entry.
    @Test func longKeysWithSharedPrefixes() {
        var map = ByteMap<Int>()
        let prefix = String(repeating: "重大事故隐患挂牌督办", count: 4)
        for i in 0..<300 { map.set(prefix + "\(i)", i) }
        for i in 0..<300 { #expect(map[prefix + "\(i)"] == i && map.find(prefix + "\(i)") == i) }
        #expect(map[prefix] == nil)
    }

    /// End offsets are kept in 32 bits and counted in blocks past that (here 16-byte blocks, so
    /// that strings end in, across and exactly at block boundaries).
    @Test func arenaOffsetsAcrossBlocks() {
        var arena = StringArena(blockShift: 4)
        let strings = (0..<200).map { i in String(repeating: "隐", count: i % 7) + "\(i)" } + ["", "0123456789abcdef", ""]
        for s in strings { arena.append(s) }
        #expect(arena.strings == strings)
        for (i, s) in strings.enumerated() {
            var bytes = Array(s.utf8)
            #expect(bytes.withUnsafeBufferPointer { arena.equals(i, $0) })
            bytes.append(0x41)
            #expect(!bytes.withUnsafeBufferPointer { arena.equals(i, $0) })
        }
    }

    /// Interning a whole arena at once gives the dictionary and codes that adding its strings one
    /// by one gives: first-seen order, repeats on their first copy, lookups afterwards — with and
    /// without repeats, and through the table growing after it.
    @Test func interningAnArenaIsSequentialInterning() {
        var random = SystemRandomNumberGenerator()
        // The last two are interned on every core (ByteMap.parallelKeys), zone by zone of the table.
        for (count, distinct) in [(0, 1), (1, 1), (7, 3), (5000, 5000), (20000, 1500), (3000, 2), (200_000, 200_000), (150_000, 40_000)] {
            var arena = StringArena()
            var sequential = StringDictionary()
            var expected: [Int32] = []
            for i in 0..<count {
                let v = distinct == count ? "YH2025-\(i)" : "单位\(Int.random(in: 0..<distinct, using: &random))"
                arena.append(v)
                expected.append(sequential.code(for: v))
            }
            var (dictionary, codes) = StringDictionary.interning(arena)
            // Counts of differences, not the arrays: a failure should not print 200 000 codes.
            #expect(codes.count == count && zip(codes, expected).filter { $0 != $1 }.count == 0)
            #expect(dictionary.strings.count == sequential.strings.count && zip(dictionary.strings, sequential.strings).allSatisfy { $0 == $1 })
            for v in sequential.strings.prefix(300) { #expect(dictionary.existingCode(for: v) == sequential.existingCode(for: v)) }
            #expect(dictionary.existingCode(for: "没有这个") == nil)
            let more = (0..<3000).map { "新增\($0)" }
            for v in more { #expect(dictionary.code(for: v) == sequential.code(for: v)) }
            #expect(dictionary.strings == sequential.strings)
        }
    }

    /// Interned on every core, keys whose home slots are just before a zone's end probe past it and
    /// are placed last, on one thread: a crowd of them (each twice) still gets the codes, strings and
    /// lookups of interning one by one.
    @Test func keysProbingPastTheirZoneAreInternedToo() {
        let n = 200_000
        var size = 16
        while (n + 1) * 4 > size * 3 { size *= 2 }
        let shift = UInt64(64 - size.trailingZeroBitCount)
        // Keys at home in the last few slots before the table's middle (the first zone's end).
        var crowd: [String] = []
        var i = 0
        while crowd.count < 40 {
            let key = "边界\(i)"
            var bytes = Array(key.utf8)
            let home = bytes.withUnsafeBufferPointer { Int(ByteMap<Int32>.hash($0) >> shift) }
            if (size / 2 - 8..<size / 2).contains(home) { crowd.append(key) }
            i += 1
        }
        var arena = StringArena()
        var sequential = StringDictionary()
        var expected: [Int32] = []
        for k in 0..<n {
            let v = k % 5000 < 80 ? crowd[(k / 5000 + k) % crowd.count] : "YH2025-\(k)"
            arena.append(v)
            expected.append(sequential.code(for: v))
        }
        var (dictionary, codes) = StringDictionary.interning(arena)
        // Counts of differences, not the arrays: a failure should not print 200 000 codes.
        #expect(codes.count == n && zip(codes, expected).filter { $0 != $1 }.count == 0)
        #expect(dictionary.strings.count == sequential.strings.count && zip(dictionary.strings, sequential.strings).allSatisfy { $0 == $1 })
        for v in crowd { #expect(dictionary.existingCode(for: v) == sequential.existingCode(for: v)) }
        #expect(dictionary.code(for: "新增") == sequential.code(for: "新增"))
    }

    /// The hash reads a key's last bytes in one word: the same value as folding them in one by
    /// one, for every length around the word size.
    @Test func hashTailIsTheByteByByteTail() {
        func reference(_ bytes: [UInt8]) -> UInt64 {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            var i = 0
            while i + 8 <= bytes.count {
                var w: UInt64 = 0
                for k in 0..<8 { w |= UInt64(bytes[i + k]) << UInt64(8 * k) }
                h = (h ^ w) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 29
                i += 8
            }
            var tail: UInt64 = 0, shift: UInt64 = 0
            while i < bytes.count { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 31
            h = h &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 27
            return h
        }
        for length in 0...40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(bytes.withUnsafeBufferPointer { ByteMap<Int>.hash($0) } == reference(bytes), "length \(length)")
        }
    }
}
