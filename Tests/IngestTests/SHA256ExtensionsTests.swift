import Foundation
import Testing
@testable import Ingest

/// The SHA extensions path (CSHA256) against FIPS 180-4's vectors and against the portable rounds.
/// On a CPU without the extensions both hashers take the portable path, and the vectors still run.
@Suite struct SHA256ExtensionsTests {
    func digest(_ bytes: [UInt8], extensions: Bool) -> String {
        var hasher = SHA256(extensions: extensions)
        hasher.update(bytes)
        return SHA256.hex(hasher.finalize())
    }

    // FIPS 180-4 examples (NIST CSRC "SHA256.pdf", SHA-256 of "abc" and the 448-bit message) and
    // the one-million-'a' vector of FIPS 180-2 appendix B.3.
    static let vectors: [(message: [UInt8], digest: String)] = [
        ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (Array(repeating: UInt8(ascii: "a"), count: 1_000_000),
         "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ]

    @Test(arguments: [false, true]) func fipsVectors(extensions: Bool) {
        for (message, expected) in Self.vectors {
            #expect(digest(message, extensions: extensions) == expected, "\(message.count) bytes")
        }
    }

    @Test func sameDigestOnRandomLengths() {
        var rng = SeededGenerator(seed: 180_4)
        for length in 0...300 {
            for _ in 0..<3 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
                #expect(digest(bytes, extensions: true) == digest(bytes, extensions: false), "length \(length)")
            }
        }
    }

    @Test func streamedThroughTheExtensionsInAnyPieces() {
        var rng = SeededGenerator(seed: 77)
        let bytes = (0..<5_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let whole = digest(bytes, extensions: false)
        for _ in 0..<50 {
            var hasher = SHA256(extensions: true)
            var i = 0
            while i < bytes.count {
                let end = min(bytes.count, i + Int.random(in: 0...200, using: &rng))
                hasher.update(Array(bytes[i..<end]))
                i = end
            }
            #expect(SHA256.hex(hasher.finalize()) == whole)
        }
    }

    /// This machine's CPU (the benchmarks' VM) has them; say so rather than pass vacuously there.
    @Test func extensionsUsedWhereTheCPUHasThem() {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let hasSHA = flags.split(separator: " ").contains("sha_ni")
        if !cpuinfo.isEmpty { #expect(SHA256.extensionsAvailable == hasSHA) }
    }
}
