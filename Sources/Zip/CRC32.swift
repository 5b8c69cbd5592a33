import CZlib

/// CRC-32 (IEEE 802.3), as zip stores it; zlib's table-driven implementation.
public enum CRC32 {
    public static func checksum(_ bytes: UnsafeRawBufferPointer, initial: UInt32 = 0) -> UInt32 {
        guard var base = bytes.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return initial }
        var remaining = bytes.count
        var crc = UInt(initial)
        // zlib takes a 32-bit length; feed larger buffers in slices.
        while remaining > 0 {
            let n = min(remaining, 1 << 30)
            crc = crc32(crc, base, uInt(n))
            base += n
            remaining -= n
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    public static func checksum(_ bytes: [UInt8], initial: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0, initial: initial) }
    }
}
