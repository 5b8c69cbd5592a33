/// Reads a large shared-string part on all cores: the inflated part is cut at `<si` boundaries
/// into pieces, each parsed by its own push parser after the part's own prologue (XML
/// declaration, `<sst …>` with its namespaces) and before `</sst>`, into a table of its own; the
/// tables are joined in order. A million-row register has a million shared strings (31 MB of XML),
/// and every sheet chunk waits for the table: read on one thread, it kept one core idle for the
/// first tenth of a run.
///
/// As for a sheet, anything that would make a cut unsafe (a non-UTF-8 encoding, a DOCTYPE,
/// comments, CDATA or processing instructions after the prologue) leaves the part to one parser,
/// and so does a piece that fails, so that the error is the one the whole part gives.
enum ChunkedSharedStringsReader {
    /// The table, or nil when the part should be parsed whole.
    static func read(_ xml: [UInt8], partName: String, pieces: Int) -> SharedStringTable? {
        xml.withUnsafeBufferPointer { bytes -> SharedStringTable? in
            guard case .found(let prologueEnd, let rootName, let prefix) = PrologueScanner.scan(bytes, element: nil),
                  !ByteSearch.hasMarkupDeclaration(bytes, from: prologueEnd, to: bytes.count) else { return nil }
            let itemTag = Array(("<" + prefix + "si").utf8)
            let closing = Array(("</" + rootName + ">").utf8)
            // The cuts: about equal stretches, each moved on to the next item's start.
            var cuts = [prologueEnd]
            let stretch = max(1, (bytes.count - prologueEnd) / max(1, pieces))
            while let last = cuts.last, last + stretch < bytes.count,
                  let next = ByteSearch.tag(itemTag, in: bytes, from: last + stretch) {
                cuts.append(next)
            }
            guard cuts.count > 1 else { return nil }
            // The last piece runs to the end of the part, the root's end tag included.
            cuts.append(bytes.count)
            let prologue = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[0..<prologueEnd]))
            let base = UnsafeRawBufferPointer(bytes)
            let tasks = (0..<(cuts.count - 1)).map { k in
                let piece = UnsafeRawBufferPointer(rebasing: base[cuts[k]..<cuts[k + 1]])
                let isLast = k == cuts.count - 2
                return ClaimableTask<SharedStringTable?> {
                    parse(prologue: prologue, piece: piece, closing: isLast ? [] : closing, partName: partName)
                }
            }
            // Each task reads the caller's buffer: all are waited for before it goes.
            tasks.dropFirst().forEach { $0.start() }
            // Every piece no pool thread has taken yet is parsed here, before waiting for any:
            // waiting in order for a piece being parsed elsewhere would leave this core idle.
            tasks.forEach { $0.runIfUnclaimed() }
            let tables = tasks.map { $0.wait() }
            guard tables.allSatisfy({ $0 != nil }) else { return nil }
            var joined = SharedStringTable()
            joined.reserveCapacity(strings: tables.reduce(0) { $0 + $1!.count }, bytes: tables.reduce(0) { $0 + $1!.byteCount })
            for table in tables {
                guard joined.append(contentsOf: table!) else { return nil }
            }
            return joined
        }
    }

    private static func parse(prologue: UnsafeRawBufferPointer, piece: UnsafeRawBufferPointer, closing: [UInt8],
                              partName: String) -> SharedStringTable? {
        let reader = SharedStringsReader()
        guard let parser = SAXParser(handler: reader, name: partName) else { return nil }
        do {
            try parser.feed(prologue)
            try parser.feed(piece, inPiecesOf: 4 << 20)
            try closing.withUnsafeBytes { try parser.feed($0) }
            try parser.finish()
        } catch {
            return nil
        }
        return reader.strings
    }
}
