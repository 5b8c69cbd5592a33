import Foundation
import Testing
@testable import CSV

func hex(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    var i = s.startIndex
    while i < s.endIndex {
        let j = s.index(i, offsetBy: 2)
        out.append(UInt8(s[i..<j], radix: 16)!)
        i = j
    }
    return out
}

func records(_ text: String) throws -> [[String]] {
    try records(bytes: Array(text.utf8))
}

func records(bytes: [UInt8]) throws -> [[String]] {
    let doc = try CSVDocument(bytes: bytes, name: "t.csv")
    var out: [[String]] = []
    try doc.forEachRecord { r in out.append((0..<r.count).map { r[$0] }) }
    return out
}

@Suite struct GB18030Tests {
    /// Expected bytes from Python's gb18030 codec (an independent implementation).
    static let vectors: [(String, String)] = [
        ("事故", "cac2b9ca"), ("东城区", "b6abb3c7c7f8"), ("€", "a2e3"), ("𠀀", "95328236"), ("㐀", "8139ee39"),
        ("·", "a1a4"), ("—", "a1aa"), ("“双下降”", "a1b0cbabcfc2bdb5a1b1"), ("ǹ", "a8bf"),
    ]

    @Test func encodesLikePython() {
        for (text, bytes) in Self.vectors { #expect(GB18030.encode(text) == hex(bytes), "\(text)") }
    }

    @Test func decodesLikePython() throws {
        for (text, bytes) in Self.vectors {
            let decoded = try hex(bytes).withUnsafeBytes { try GB18030.decode($0) }
            #expect(String(decoding: decoded, as: UTF8.self) == text)
        }
    }

    @Test func roundTripsEveryBMPCharacterOfTheCJKBlock() throws {
        var text = ""
        for v in 0x4E00...0x9FA5 { text.unicodeScalars.append(Unicode.Scalar(v)!) }
        let bytes = GB18030.encode(text)
        #expect(bytes.count == 2 * (0x9FA5 - 0x4E00 + 1))   // all two-byte codes
        let back = try bytes.withUnsafeBytes { try GB18030.decode($0) }
        #expect(String(decoding: back, as: UTF8.self) == text)
    }

    @Test func invalidSequenceNamesItsOffset() {
        #expect(throws: CSVError.invalidGB18030(offset: 2)) { try ([0x41, 0x42, 0x81, 0x20] as [UInt8]).withUnsafeBytes { try GB18030.decode($0) } }
    }
}

@Suite struct EncodingDetectionTests {
    let line = "区县,死亡人数\n东城区,3\n"

    @Test func utf8() throws {
        #expect(try CSVDocument(bytes: Array(line.utf8), name: "a").encoding == .utf8)
    }

    @Test func utf8WithBOMIsStripped() throws {
        let doc = try CSVDocument(bytes: [0xEF, 0xBB, 0xBF] + Array(line.utf8), name: "a")
        #expect(doc.encoding == .utf8BOM)
        #expect(try records(bytes: [0xEF, 0xBB, 0xBF] + Array(line.utf8)).first == ["区县", "死亡人数"])
    }

    @Test func gb18030AsChineseExcelSavesIt() throws {
        let bytes = GB18030.encode(line)
        let doc = try CSVDocument(bytes: bytes, name: "a")
        #expect(doc.encoding == .gb18030)
        #expect(try records(bytes: bytes) == [["区县", "死亡人数"], ["东城区", "3"]])
    }

    @Test func utf16WithBOM() throws {
        let le: [UInt8] = [0xFF, 0xFE] + line.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + line.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try CSVDocument(bytes: le, name: "a").encoding == .utf16LE)
        #expect(try CSVDocument(bytes: be, name: "a").encoding == .utf16BE)
        #expect(try records(bytes: le) == [["区县", "死亡人数"], ["东城区", "3"]])
        #expect(try records(bytes: be) == [["区县", "死亡人数"], ["东城区", "3"]])
    }

    @Test func undetectableEncodingIsAnError() {
        // 0xFF is neither UTF-8 nor a GB18030 lead byte.
        #expect(throws: CSVError.self) { try CSVDocument(bytes: [0x41, 0x2C, 0xFF, 0xFF, 0x0A], name: "a") }
        #expect(CSVError.undetectableEncoding(offset: 2).description.contains("undetectable encoding"))
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: CSVError.empty) { try CSVDocument(bytes: [], name: "a") }
    }
}

@Suite struct RFC4180Tests {
    @Test func quotedDelimitersQuotesAndLineBreaks() throws {
        let text = "a,\"b,c\",\"say \"\"hi\"\"\",\"line1\nline2\"\r\nx,,\"\",z\n"
        #expect(try records(text) == [["a", "b,c", "say \"hi\"", "line1\nline2"], ["x", "", "", "z"]])
    }

    @Test func lineEndingsCRLFLFAndCR() throws {
        #expect(try records("a,b\r\nc,d\ne,f\rg,h") == [["a", "b"], ["c", "d"], ["e", "f"], ["g", "h"]])
    }

    @Test func finalRecordWithoutNewlineAndNoEmptyRecordAfterTheLastNewline() throws {
        #expect(try records("a\nb") == [["a"], ["b"]])
        #expect(try records("a\nb\n") == [["a"], ["b"]])
    }

    @Test func blankLinesAreRecordsWithOneEmptyField() throws {
        #expect(try records("a\n\nb\n") == [["a"], [""], ["b"]])
    }

    @Test func raggedRowsKeepTheirFieldCounts() throws {
        #expect(try records("a,b,c\n1\n1,2,3,4\n").map(\.count) == [3, 1, 4])
    }

    @Test func lineAndRecordNumbers() throws {
        let doc = try CSVDocument(bytes: Array("h1,h2\n\"x\ny\",1\nz,2\n".utf8), name: "a")
        var seen: [(Int, Int)] = []
        try doc.forEachRecord { seen.append(($0.line, $0.number)) }
        #expect(seen.map(\.0) == [1, 2, 4])
        #expect(seen.map(\.1) == [1, 2, 3])
    }

    @Test func unterminatedQuoteNamesTheLine() {
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try records("a,b\n\"open,c\nd\n") }
    }

    @Test(arguments: [(",", UInt8(ascii: ",")), ("\t", UInt8(ascii: "\t")), (";", UInt8(ascii: ";"))])
    func delimiterIsSniffed(_ pair: (String, UInt8)) throws {
        let d = pair.0
        let text = ["区县\(d)死亡人数\(d)备注", "东城区\(d)3\(d)\"含,逗号\"", "西湖区\(d)0\(d)"].joined(separator: "\n")
        let doc = try CSVDocument(bytes: Array(text.utf8), name: "a")
        #expect(doc.delimiter == pair.1)
        #expect(try records(text)[1].count == 3)
    }
}

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhatNeedsIt() {
        var w = CSVWriter()
        w.write(["a", "b,c", "say \"hi\"", "x\ny", ""])
        #expect(w.text == "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",\n")
    }

    @Test func aQuoteOrCommaCarryingACombiningMarkIsStillQuoted() throws {
        var w = CSVWriter()
        w.write(["say \"\u{65A}hi\"", ",\u{301}x", "\n\u{301}"])
        #expect(w.text == "\"say \"\"\u{65A}hi\"\"\",\",\u{301}x\",\"\n\u{301}\"\n")
        #expect(try records(w.text) == [["say \"\u{65A}hi\"", ",\u{301}x", "\n\u{301}"]])
    }

    @Test func formulaGuardSparesPlainNumbers() {
        var w = CSVWriter(guardFormulas: true)
        w.write(["=1+1", "+SUM(A1)", "@cmd", "-5", "+1.5", "-0.25", "-x", "-"])
        #expect(w.text == "'=1+1,'+SUM(A1),'@cmd,-5,+1.5,-0.25,'-x,'-\n")
    }

    /// Property: any list of fields survives write → read (seeded, so failures reproduce).
    @Test func writeThenReadRoundTrips() throws {
        var rng = SplitMix(seed: 42)
        // Combining marks glue onto a quote, comma or line break as one Character (found by fuzzing).
        let alphabet: [String] = ["a", "事", ",", "\"", "\n", "\r\n", " ", "1", ";", "\t", "故", "\u{301}", "\u{65A}"]
        for _ in 0..<300 {
            let fieldCount = Int(rng.next() % 5) + 2
            let fields = (0..<fieldCount).map { _ in
                (0..<Int(rng.next() % 6)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            }
            var w = CSVWriter()
            let header = (0..<fieldCount).map { "列\($0)" }
            w.write(header)
            w.write(fields)
            let back = try records(w.text)
            #expect(back == [header, fields], "\(fields)")
        }
    }
}

/// A small deterministic generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
