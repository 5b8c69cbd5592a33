import CZlib

/// Raw DEFLATE decompression (zip stores deflate streams without zlib headers) through zlib, fed
/// the compressed bytes piece by piece as they are read from the file.
final class Inflater {
    static let chunkSize = 256 * 1024

    private var stream = z_stream()
    private let output: UnsafeMutableRawBufferPointer
    private let part: String
    private(set) var finished = false

    init(part: String) throws(ZipError) {
        self.part = part
        output = .allocate(byteCount: Inflater.chunkSize, alignment: 16)
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            output.deallocate()
            throw ZipError.corrupt(part, "无法初始化解压 (inflateInit failed)")
        }
    }

    deinit {
        inflateEnd(&stream)
        output.deallocate()
    }

    /// Inflates the next piece of input, passing the output to `body` in chunks (the chunk buffer is
    /// reused) with the count of compressed bytes consumed so far in the whole part, for the ratio
    /// check; `consumedBefore` is how much came before this piece. Input after the end of the
    /// deflate stream is ignored.
    func feed(_ input: UnsafeRawBufferPointer, consumedBefore: Int,
              into body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        guard !finished, let inBase = input.baseAddress, let outBase = output.baseAddress?.assumingMemoryBound(to: Bytef.self) else {
            return
        }
        var offset = 0
        while !finished {
            if stream.avail_in == 0 {
                guard offset < input.count else { return }
                // zlib counts input in 32-bit units; hand it over in slices.
                let n = min(input.count - offset, 1 << 30)
                stream.next_in = UnsafeMutablePointer(mutating: inBase.advanced(by: offset).assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(n)
                offset += n
            }
            stream.next_out = outBase
            stream.avail_out = uInt(Inflater.chunkSize)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            let produced = Inflater.chunkSize - Int(stream.avail_out)
            if produced > 0 {
                try body(UnsafeRawBufferPointer(rebasing: output[0..<produced]), consumedBefore + offset - Int(stream.avail_in))
            }
            switch status {
            case Z_STREAM_END:
                finished = true
            case Z_OK:
                continue
            case Z_BUF_ERROR:
                // No progress without more input: the caller feeds the next piece (or reports a
                // truncated part when there is none).
                if stream.avail_in == 0 { return }
            default:
                throw ZipError.corrupt(part, "压缩数据有误 (invalid deflate data)")
            }
        }
    }
}
