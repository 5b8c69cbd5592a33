import CLibXML2

/// Receives the events of one libxml2 push SAX2 parse. Subclasses override what they need; names
/// arrive as pointers interned in the parser's dictionary, so a handler compares them by address
/// with names it interned through `intern` (see `prepare`).
class SAXHandler {
    /// Set by a handler to stop the parse with this error.
    // Unchecked exclusivity: these are touched on every SAX event, and each handler belongs to one
    // parser on one thread; the dynamic checks cost about a tenth of the parse.
    @exclusivity(unchecked) var failure: XLSXError.Kind?
    @exclusivity(unchecked) var context: xmlParserCtxtPtr?
    @exclusivity(unchecked) var depth = 0

    /// Called once the parser context exists, before any event: intern element names here.
    func prepare() {}
    func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: SAXAttributes) {}
    func endElement(_ name: UnsafePointer<xmlChar>) {}
    func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {}

    /// The parser's interned pointer for a name.
    final func intern(_ name: StaticString) -> UnsafePointer<xmlChar>? {
        guard let dictionary = context?.pointee.dict else { return nil }
        return name.withUTF8Buffer { xmlDictLookup(dictionary, $0.baseAddress, Int32($0.count)) }
    }

    /// Stops the parse: the error is reported by `SAXParser.feed`/`finish`.
    final func stop(_ kind: XLSXError.Kind) {
        if failure == nil { failure = kind }
        if let context { xmlStopParser(context) }
    }

    /// Current line of the parse, for error messages.
    final var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }
}
