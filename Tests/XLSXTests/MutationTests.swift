import Testing
@testable import XLSX

/// A bounded, deterministic mutation run over sheet XML (a smoke test, not a fuzzer): whatever the
/// bytes, reading either succeeds or throws an XLSXError — no crash, no hang — on both the sequential
/// and the chunked path.
@Suite struct MutationTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    static let seedSheet: [UInt8] = Array((sheetOpen
        + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>区县</t></is></c><c r=\"B1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"b\"><v>1</v></c></row>"
        + "<row r=\"2\"><c r=\"A2\"><v>3.5</v></c><c r=\"B2\" t=\"e\"><v>#N/A</v></c><c r=\"C2\" t=\"d\"><v>2020-03-19</v></c></row>"
        + "<row><c><f>A2*2</f><v>7</v></c><c t=\"str\"><v>x_x000D_y</v></c></row>"
        + sheetClose + "").utf8)

    static let strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>金坛区</t></si></sst>"

    @Test func mutatedSheetsFailCleanly() {
        var random = Generator(state: 20_200_319)
        let tokens = Array("<>/\"=&;:!?[]-x r t s v c row is 0 9 A Z".utf8)
        var succeeded = 0
        var failed = 0
        for round in 0..<400 {
            var bytes = MutationTests.seedSheet
            for _ in 0..<(1 + random.next(4)) {
                let position = random.next(bytes.count)
                switch random.next(4) {
                case 0: bytes[position] = tokens[random.next(tokens.count)]
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(tokens[random.next(tokens.count)], at: position)
                default: bytes.removeSubrange(position..<min(bytes.count, position + random.next(20)))
                }
            }
            let sheet = String(decoding: bytes, as: UTF8.self)
            for chunk in [1 << 20, 32] {
                do {
                    let workbook = try Workbook(bytes: package(sheet: sheet, sharedStrings: MutationTests.strings), name: "变异\(round).xlsx")
                    workbook.parallelChunkBytes = chunk
                    var text = ""
                    try SheetInspector.write(workbook, workbook.sheets[0]) { text += $0 }
                    _ = try workbook.mergedRanges(workbook.sheets[0])
                    succeeded += 1
                } catch let error as XLSXError {
                    #expect(error.description.contains("变异\(round).xlsx"))
                    failed += 1
                } catch {
                    Issue.record("round \(round): not an XLSXError: \(error)")
                }
            }
        }
        // Both outcomes must actually occur, or the mutations are not exercising anything.
        #expect(succeeded > 20)
        #expect(failed > 20)
    }
}
