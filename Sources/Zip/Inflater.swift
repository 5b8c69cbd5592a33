import CZlib

/// Raw DEFLATE decompression (zip stores deflate streams without zlib headers) through zlib.
enum Inflater {
    static let chunkSize = 256 * 1024

    /// Inflates `input` and passes the output to `body` in chunks, with the count of compressed
    /// bytes consumed so far (for the ratio check); the chunk buffer is reused.
    static func inflate(_ input: UnsafeRawBufferPointer, part: String,
                        into body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipError.corrupt(part, "无法初始化解压 (inflateInit failed)")
        }
        defer { inflateEnd(&stream) }
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { output.deallocate() }
        guard let outBase = output.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return }

        var consumed = 0
        var finished = false
        while !finished {
            if stream.avail_in == 0 && consumed < input.count {
                // zlib counts input in 32-bit units; hand it over in slices.
                let n = min(input.count - consumed, 1 << 30)
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.advanced(by: consumed)
                    .assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(n)
                consumed += n
            }
            stream.next_out = outBase
            stream.avail_out = uInt(chunkSize)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let produced = chunkSize - Int(stream.avail_out)
            if produced > 0 {
                try body(UnsafeRawBufferPointer(rebasing: output[0..<produced]), consumed - Int(stream.avail_in))
            }
            switch status {
            case Z_STREAM_END:
                finished = true
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress possible: the input ran out before the stream ended.
                if stream.avail_in == 0 && consumed >= input.count { throw ZipError.truncated(part) }
            default:
                throw ZipError.corrupt(part, "压缩数据有误 (invalid deflate data)")
            }
        }
    }
}
