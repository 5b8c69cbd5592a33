/// The text encodings a district CSV arrives in.
public enum TextEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 (BOM)"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"

    /// Detects the encoding of a whole file: a BOM decides; otherwise valid UTF-8 is UTF-8, and
    /// valid GB18030 is GB18030 (what Chinese Excel writes when saving as CSV); anything else is an
    /// error naming the first byte that fits neither. The whole file is checked, not a prefix: a
    /// GBK file whose first rows happen to be ASCII must not be read as UTF-8.
    public static func detect(_ bytes: UnsafeRawBufferPointer) throws(CSVError) -> TextEncoding {
        if let bom = byteOrderMark(bytes) { return bom }
        guard let badUTF8 = UTF8Validation.firstInvalidOffset(bytes) else { return .utf8 }
        if let badGB = GB18030.firstInvalidOffset(bytes) {
            throw .undetectableEncoding(offset: max(badUTF8, badGB))
        }
        return .gb18030
    }

    static func byteOrderMark(_ bytes: UnsafeRawBufferPointer) -> TextEncoding? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return .utf8BOM }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return .utf16LE }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return .utf16BE }
        return nil
    }

    /// Detects the encoding and decodes in one go (GB18030 is validated by decoding it, not twice).
    /// UTF-8 needs no decoding: then the result says where the text starts in `raw` (after a BOM).
    static func decode(_ raw: UnsafeRawBufferPointer, decoded: ((Range<Int>) -> Void)? = nil) throws(CSVError) -> (encoding: TextEncoding, text: DecodedText) {
        let result: Result<(TextEncoding, DecodedText), CSVError> = {
            switch byteOrderMark(raw) {
            case .utf8BOM:
                let body = UnsafeRawBufferPointer(rebasing: raw[3...])
                if let bad = UTF8Validation.firstInvalidOffset(body) { return .failure(.invalidUTF8(offset: bad + 3)) }
                return .success((.utf8BOM, .original(start: 3)))
            case .utf16LE, .utf16BE:
                let bigEndian = raw[0] == 0xFE
                return UTF16Transcoding.decode(raw, bigEndian: bigEndian).map { (bigEndian ? .utf16BE : .utf16LE, .decoded($0)) }
            case .utf8, .gb18030, nil:
                guard let badUTF8 = UTF8Validation.firstInvalidOffset(raw) else { return .success((.utf8, .original(start: 0))) }
                switch GB18030.decodeOrFail(raw, decoded: decoded) {
                case .success(let text): return .success((.gb18030, .decoded(text)))
                case .failure(.invalidGB18030(let badGB)): return .failure(.undetectableEncoding(offset: max(badUTF8, badGB)))
                case .failure(let error): return .failure(error)
                }
            }
        }()
        switch result {
        case .success(let (encoding, text)): return (encoding, text)
        case .failure(let error): throw error
        }
    }
}

/// The UTF-8 text of a file: the file's own bytes from an offset (UTF-8, maybe after a BOM), or a
/// decoded copy.
enum DecodedText {
    case original(start: Int)
    case decoded([UInt8])
}
