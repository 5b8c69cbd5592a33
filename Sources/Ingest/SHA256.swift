import CSHA256

/// SHA-256 (FIPS 180-4), for the input checksums in manifest.json. Our own so that ingest needs
/// no crypto package; streaming, no allocation per block. The blocks go through the CPU's SHA
/// extensions when it has them (`CSHA256`, chosen by CPUID at run time: a 161 MB file in about
/// 0.1 s of CPU instead of 0.6 s), else through the portable rounds below — also under valgrind,
/// whose virtual CPU does not offer the extensions.
public struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    private let usesExtensions: Bool

    /// True when this CPU has the x86 SHA extensions.
    static let extensionsAvailable = csha256_has_sha_extensions() != 0

    public init() { self.init(extensions: SHA256.extensionsAvailable) }

    /// `extensions: false` uses the portable rounds (tests compare the two); true only where
    /// `extensionsAvailable`.
    init(extensions: Bool) {
        usesExtensions = extensions && SHA256.extensionsAvailable
        pending.reserveCapacity(64)
    }

    /// FIPS 180-4's round constants, from the table the extensions path loads too.
    private static var k: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(start: csha256_round_constants(), count: 64) }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            if pending.count == 64 {
                let block = pending
                block.withUnsafeBytes { compress($0, count: 1) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let blocks = (bytes.count - offset) / 64
        if blocks > 0 {
            compress(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + blocks * 64)]), count: blocks)
            offset += blocks * 64
        }
        if offset < bytes.count { pending.append(contentsOf: bytes[offset...]) }
    }

    public mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    /// The digest; the hasher should not be used afterwards.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let padding = (56 - (Int(length % 64) + 1) % 64 + 64) % 64
        tail.append(contentsOf: repeatElement(0, count: padding))
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        let saved = length
        tail.withUnsafeBytes { update($0) }
        length = saved
        let s = state
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for word in [s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7] {
            out.append(UInt8(word >> 24)); out.append(UInt8(word >> 16 & 0xff))
            out.append(UInt8(word >> 8 & 0xff)); out.append(UInt8(word & 0xff))
        }
        return out
    }

    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var h = SHA256()
        h.update(bytes)
        return h.finalize()
    }

    public static func hex(_ digest: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for b in digest { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// One round: `d` and `h` take the values the next round calls `e` and `a`.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let t1 = h &+ (e.rotr(6) ^ e.rotr(11) ^ e.rotr(25)) &+ (g ^ (e & (f ^ g))) &+ kw
        let t2 = (a.rotr(2) ^ a.rotr(13) ^ a.rotr(22)) &+ ((a & b) | (c & (a | b)))
        d &+= t1
        h = t1 &+ t2
    }

    /// Runs the compression function over `count` consecutive 64-byte blocks.
    private mutating func compress(_ blocks: UnsafeRawBufferPointer, count: Int) {
        guard let base = blocks.baseAddress else { return }
        if usesExtensions {
            // A homogeneous tuple is laid out as an array: H0…H7 in order.
            withUnsafeMutableBytes(of: &state) { words in
                csha256_compress(words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                 base.assumingMemoryBound(to: UInt8.self), count)
            }
            return
        }
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        let k = SHA256.k
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for n in 0..<count {
                let block = base + n * 64
                for i in 0..<16 {
                    w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                }
                for i in 16..<64 {
                    let w15 = w[i - 15], w2 = w[i - 2]
                    let s0 = w15.rotr(7) ^ w15.rotr(18) ^ (w15 >> 3)
                    let s1 = w2.rotr(17) ^ w2.rotr(19) ^ (w2 >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                // Eight rounds at a time with the variables renamed instead of shifted
                // (h = g, g = f, …: eight moves a round), the usual forms of Ch and Maj.
                var i = 0
                while i < 64 {
                    SHA256.round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                    SHA256.round(h, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                    SHA256.round(g, h, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                    SHA256.round(f, g, h, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                    SHA256.round(e, f, g, &h, a, b, c, &d, k[i + 4] &+ w[i + 4])
                    SHA256.round(d, e, f, &g, h, a, b, &c, k[i + 5] &+ w[i + 5])
                    SHA256.round(c, d, e, &f, g, h, a, &b, k[i + 6] &+ w[i + 6])
                    SHA256.round(b, c, d, &e, f, g, h, &a, k[i + 7] &+ w[i + 7])
                    i += 8
                }
                h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
            }
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }
}

private extension UInt32 {
    @inline(__always) func rotr(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
