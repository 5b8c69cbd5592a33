import CLibXML2

/// Reads sharedStrings.xml into a table: each `<si>` is the concatenation of its `<t>` texts
/// (plain or in rich-text runs `<r>`), leaving out phonetic runs `<rPh>`, with `_xHHHH_` escapes decoded.
final class SharedStringsReader: SAXHandler {
    private(set) var strings = SharedStringTable()
    private var text: [UInt8] = []
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private var nameSI: UnsafePointer<xmlChar>?
    private var nameT: UnsafePointer<xmlChar>?
    private var nameRPh: UnsafePointer<xmlChar>?
    private var nameSpace: UnsafePointer<xmlChar>?
    /// Where the open `<t>`'s text starts in `text`, and whether it keeps its edge whitespace.
    private var textStart = 0
    private var preserve = false

    override func prepare() {
        nameSI = intern("si")
        nameT = intern("t")
        nameRPh = intern("rPh")
        nameSpace = intern("space")
    }

    override func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: SAXAttributes) {
        if name == nameT {
            inText = inItem && phoneticDepth == 0
            textStart = text.count
            preserve = TextElement.preservesSpace(attributes, space: nameSpace)
        } else if name == nameSI {
            inItem = true
            text.removeAll(keepingCapacity: true)
        } else if name == nameRPh {
            phoneticDepth += 1
        }
    }

    override func endElement(_ name: UnsafePointer<xmlChar>) {
        if name == nameT {
            if inText && !preserve {
                let end = text.withUnsafeMutableBufferPointer { TextElement.trim($0.baseAddress!, start: textStart, end: $0.count) }
                text.removeSubrange(end...)
            }
            inText = false
        } else if name == nameSI {
            inItem = false
            if !strings.append(utf8: EscapedText.decodedUTF8(text)) { stop(.valueTooLong(limit: Int(UInt32.max))) }
        } else if name == nameRPh {
            phoneticDepth -= 1
        }
    }

    override func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        guard inText else { return }
        if text.count + count > SheetReader.maxValueBytes {
            stop(.valueTooLong(limit: SheetReader.maxValueBytes))
            return
        }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
    }
}
