import CLibXML2

/// One libxml2 push parser (xmlCreatePushParserCtxt + xmlParseChunk) configured for untrusted input:
/// no network, no DTD loading, no entity substitution, no XML_PARSE_HUGE; a document type declaration
/// is refused outright (no workbook part has one, and it is where entity bombs and external entities
/// live), and nesting deeper than `maxDepth` stops the parse.
final class SAXParser {
    let handler: SAXHandler
    private let context: xmlParserCtxtPtr
    private let retained: Unmanaged<SAXHandler>

    /// Worksheets nest about six deep; libxml2's own limit without XML_PARSE_HUGE is 256.
    static let maxDepth = 256

    init?(handler: SAXHandler, name: String) {
        self.handler = handler
        let retainedHandler = Unmanaged.passRetained(handler)
        retained = retainedHandler
        var sax = xmlSAXHandler()
        sax.initialized = 0xDEED_BEAF  // XML_SAX2_MAGIC: use the namespace-aware SAX2 callbacks
        if handler is SheetReader {
            // The hot path: direct calls into the final class instead of dynamic dispatch.
            sax.startElementNs = sheetStartElement
            sax.endElementNs = sheetEndElement
            sax.characters = sheetCharacters
            sax.cdataBlock = sheetCharacters
            sax.ignorableWhitespace = sheetCharacters
        } else {
            sax.startElementNs = saxStartElement
            sax.endElementNs = saxEndElement
            sax.characters = saxCharacters
            sax.cdataBlock = saxCharacters
            sax.ignorableWhitespace = saxCharacters
        }
        sax.internalSubset = saxInternalSubset
        sax.serror = saxStructuredError
        let created = name.withCString { fileName in
            xmlCreatePushParserCtxt(&sax, retainedHandler.toOpaque(), nil, 0, fileName)
        }
        guard let created else {
            retainedHandler.release()
            return nil
        }
        context = created
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        xmlCtxtUseOptions(context, options)
        handler.context = context
        handler.prepare()
    }

    deinit {
        handler.context = nil
        xmlFreeParserCtxt(context)
        retained.release()
    }

    /// Parses the next bytes of the document.
    func feed(_ bytes: UnsafeRawBufferPointer) throws(XLSXError.Kind) {
        var offset = 0
        // xmlParseChunk takes an Int32 size.
        while offset < bytes.count {
            let size = min(bytes.count - offset, 1 << 30)
            let pointer = bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self)
            let status = xmlParseChunk(context, pointer, Int32(size), 0)
            try check(status)
            offset += size
        }
    }

    /// Parses the next bytes of the document a piece of `size` bytes at a time: libxml2 parses a
    /// large buffer fastest fed in pieces of a few megabytes.
    func feed(_ bytes: UnsafeRawBufferPointer, inPiecesOf size: Int) throws(XLSXError.Kind) {
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + size)
            try feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
            offset = end
        }
    }

    /// Ends the document: reports a truncated or unbalanced document.
    func finish() throws(XLSXError.Kind) {
        let status = xmlParseChunk(context, nil, 0, 1)
        try check(status)
    }

    private func check(_ status: Int32) throws(XLSXError.Kind) {
        if let failure = handler.failure { throw failure }
        if status != 0 || context.pointee.wellFormed == 0 {
            var line = 0
            var detail = "error \(status)"
            if let error = xmlCtxtGetLastError(UnsafeMutableRawPointer(context)) {
                line = Int(error.pointee.line)
                if let message = error.pointee.message {
                    detail = String(cString: message).trimmingTrailingNewlines()
                }
            }
            throw .malformedXML(line: line, detail: detail)
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }
}

// C callbacks: recover the handler from the user data without retain traffic.

/// Runs `body` with the handler behind the user-data pointer, without retain/release traffic
/// (the SAXParser keeps the handler alive for the whole parse).
@inline(__always)
private func withHandler(_ context: UnsafeMutableRawPointer?, _ body: (SAXHandler) -> Void) {
    guard let context else { return }
    Unmanaged<SAXHandler>.fromOpaque(context)._withUnsafeGuaranteedRef(body)
}

private let saxStartElement: startElementNsSAX2Func = { context, localname, _, _, _, _, attributeCount, _, attributes in
    withHandler(context) { handler in
        handler.depth += 1
        if handler.depth > SAXParser.maxDepth {
            handler.stop(.nestingTooDeep(limit: SAXParser.maxDepth))
            return
        }
        guard handler.failure == nil, let localname else { return }
        handler.startElement(localname, SAXAttributes(count: Int(attributeCount), base: attributes))
    }
}

private let saxEndElement: endElementNsSAX2Func = { context, localname, _, _ in
    withHandler(context) { handler in
        handler.depth -= 1
        guard handler.failure == nil, let localname else { return }
        handler.endElement(localname)
    }
}

private let saxCharacters: charactersSAXFunc = { context, bytes, count in
    withHandler(context) { handler in
        guard handler.failure == nil, let bytes else { return }
        handler.characters(bytes, Int(count))
    }
}

private let saxInternalSubset: internalSubsetSAXFunc = { context, _, _, _ in
    withHandler(context) { $0.stop(.documentTypeRefused) }
}

/// Errors are read from the context after the parse; this only keeps libxml2 from printing them.
private let saxStructuredError: xmlStructuredErrorFunc = { _, _ in }

@inline(__always)
private func withSheetReader(_ context: UnsafeMutableRawPointer?, _ body: (SheetReader) -> Void) {
    guard let context else { return }
    Unmanaged<SheetReader>.fromOpaque(context)._withUnsafeGuaranteedRef(body)
}

private let sheetStartElement: startElementNsSAX2Func = { context, localname, _, _, _, _, attributeCount, _, attributes in
    withSheetReader(context) { reader in
        reader.depth += 1
        if reader.depth > SAXParser.maxDepth {
            reader.stop(.nestingTooDeep(limit: SAXParser.maxDepth))
            return
        }
        guard reader.failure == nil, let localname else { return }
        reader.startElement(localname, SAXAttributes(count: Int(attributeCount), base: attributes))
    }
}

private let sheetEndElement: endElementNsSAX2Func = { context, localname, _, _ in
    withSheetReader(context) { reader in
        reader.depth -= 1
        guard reader.failure == nil, let localname else { return }
        reader.endElement(localname)
    }
}

private let sheetCharacters: charactersSAXFunc = { context, bytes, count in
    withSheetReader(context) { reader in
        guard reader.failure == nil, let bytes else { return }
        reader.characters(bytes, Int(count))
    }
}
