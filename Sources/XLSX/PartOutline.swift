import CLibXML2

/// The start tags of a small part (workbook, relationships, content types, styles), each with its
/// parent's name and its attributes by local name. Namespaces are ignored on purpose: transitional
/// and Strict OOXML use the same local names under different namespace URIs.
final class PartOutline: SAXHandler {
    struct Element {
        let name: String
        let parent: String
        let attributes: [String: String]
    }

    private(set) var elements: [Element] = []
    private var stack: [String] = []
    private let wanted: Set<String>

    /// Keeps only elements whose local name is in `wanted`.
    init(wanted: Set<String>) {
        self.wanted = wanted
    }

    override func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: SAXAttributes) {
        let local = String(cString: name)
        if wanted.contains(local) {
            elements.append(Element(name: local, parent: stack.last ?? "", attributes: attributes.dictionary))
        }
        stack.append(local)
    }

    override func endElement(_ name: UnsafePointer<xmlChar>) {
        _ = stack.popLast()
    }
}
