/// One file inside a zip archive, as its central directory describes it.
public struct ZipEntry: Sendable, Equatable {
    public let path: String
    public let compressedSize: Int
    public let uncompressedSize: Int
    /// 0 = STORED, 8 = DEFLATE.
    public let method: UInt16
    public let crc32: UInt32
    public let flags: UInt16
    /// Offset of the local file header.
    let localHeaderOffset: Int

    public var isEncrypted: Bool { flags & 1 != 0 }
    public var isDirectory: Bool { path.hasSuffix("/") }
}
