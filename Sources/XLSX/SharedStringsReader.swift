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

    override func prepare() {
        nameSI = intern("si")
        nameT = intern("t")
        nameRPh = intern("rPh")
    }

    override func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: SAXAttributes) {
        if name == nameT {
            inText = inItem && phoneticDepth == 0
        } else if name == nameSI {
            inItem = true
            text.removeAll(keepingCapacity: true)
        } else if name == nameRPh {
            phoneticDepth += 1
        }
    }

    override func endElement(_ name: UnsafePointer<xmlChar>) {
        if name == nameT {
            inText = false
        } else if name == nameSI {
            inItem = false
            if !strings.append(EscapedText.decode(text)) { stop(.valueTooLong(limit: Int(UInt32.max))) }
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
