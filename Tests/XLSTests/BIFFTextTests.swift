import Testing
@testable import XLS

/// Our UTF-16 → UTF-8 transcoding gives exactly what the standard library's decoding gives, lone
/// surrogates included (both make U+FFFD), on random unit sequences biased towards the edges.
@Suite struct BIFFTextTests {
    @Test func utf16MatchesTheStandardLibrary() {
        var seed: UInt64 = 42
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 33
        }
        let edges: [UInt16] = [0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0x4E2D, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFD, 0xFFFF]
        var scratch: [UInt8] = []
        for _ in 0..<2000 {
            let units = (0..<Int(next() % 12)).map { _ in next() % 3 == 0 ? UInt16(truncatingIfNeeded: next()) : edges[Int(next()) % edges.count] }
            #expect(BIFFText.decode(units: units, scratch: &scratch) == String(decoding: units, as: UTF16.self), "\(units)")
            let bytes = units.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] }
            let wide = bytes.withUnsafeBytes { BIFFText.decode($0, wide: true, scratch: &scratch) }
            #expect(wide == String(decoding: units, as: UTF16.self))
            let latin = bytes.withUnsafeBytes { BIFFText.decode($0, wide: false, scratch: &scratch) }
            #expect(latin == String(decoding: bytes.map(UInt16.init), as: UTF16.self))
        }
    }
}
