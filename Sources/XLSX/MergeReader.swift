/// Collects `<mergeCell ref>` of a sheet.
final class MergeReader: SAXHandler {
    private(set) var ranges: [CellRange] = []
    private var nameMergeCell: UnsafePointer<UInt8>?
    private var nameRef: UnsafePointer<UInt8>?

    override func prepare() {
        nameMergeCell = intern("mergeCell")
        nameRef = intern("ref")
    }

    override func startElement(_ name: UnsafePointer<UInt8>, _ attributes: SAXAttributes) {
        guard name == nameMergeCell else { return }
        for index in 0..<attributes.count where attributes.name(index) == nameRef {
            if let range = CellRange(attributes.string(index)) { ranges.append(range) }
        }
    }
}
