import Zip

/// Finds a large sheet's merged ranges without parsing its rows: `<mergeCells>` follows `<sheetData>`,
/// so the part is inflated, everything from the `<mergeCells` tag on is kept, and the sheet's prologue,
/// a closing `</sheetData>` and that tail are parsed as one small document.
enum MergeScan {
    /// nil when the shortcut does not apply (then the caller parses the whole part).
    static func ranges(archive: ZipArchive, entry: ZipEntry, error: (XLSXError.Kind, String?) -> XLSXError) throws -> [CellRange]? {
        var head: [UInt8] = []
        var prologue: [UInt8]?
        var prefix = ""
        var tag: [UInt8] = []
        var carry: [UInt8] = []
        var tail: [UInt8]?
        var unsafe = false
        do {
            try archive.stream(entry) { buffer in
                let bytes = buffer.bindMemory(to: UInt8.self)
                if unsafe { return }
                if tail != nil {
                    tail?.append(contentsOf: bytes)
                    return
                }
                if prologue == nil {
                    head.append(contentsOf: bytes)
                    switch head.withUnsafeBufferPointer({ PrologueScanner.scan($0) }) {
                    case .needMore:
                        if head.count > 1 << 20 { unsafe = true }
                        return
                    case .unsafe:
                        unsafe = true
                        return
                    case .found(let end, _, let found):
                        prologue = Array(head[..<end])
                        prefix = found
                        tag = Array(("<" + prefix + "mergeCells").utf8)
                        carry = Array(head[end...])
                        head = []
                    }
                } else {
                    carry.append(contentsOf: bytes)
                }
                // Look for the tag in what is new, keeping a few bytes so a tag split across blocks is found.
                // Anchored on the "g" of mergeCells: rare in row data, unlike "<".
                let anchor = tag.count - 7
                if let found = carry.withUnsafeBufferPointer({ ByteSearch.tag(tag, in: $0, from: 0, anchor: anchor) }) {
                    tail = Array(carry[found...])
                    carry = []
                } else if carry.count > tag.count {
                    carry.removeFirst(carry.count - tag.count)
                }
            }
        } catch let zip as ZipError {
            throw error(.zip(zip), nil)
        }
        guard !unsafe, let prologue else { return nil }
        guard let tail else { return [] }
        var document = prologue
        document.append(contentsOf: ("</" + prefix + "sheetData>").utf8)
        document.append(contentsOf: tail)
        let reader = MergeReader()
        guard let parser = SAXParser(handler: reader, name: entry.path) else { return nil }
        do {
            try document.withUnsafeBytes { try parser.feed($0) }
            try parser.finish()
        } catch {
            // A "<mergeCells" inside a comment or CDATA among the rows: let the full parse decide.
            return nil
        }
        return reader.ranges
    }
}
