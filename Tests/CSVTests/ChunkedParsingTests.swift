import Foundation
import Testing
@testable import CSV

/// A plain character-by-character reading of the same rules (RFC 4180; text after a closing quote
/// kept literally; a lone quote inside an unquoted field is literal; CR, LF and CRLF end records),
/// written without the parser's byte ranges and SWAR scanning, to compare against.
struct ReferenceCSV {
    struct Record: Equatable, CustomStringConvertible {
        let line: Int
        let fields: [String]
        var description: String { "\(line): \(fields)" }
    }

    static func parse(_ b: [UInt8], delimiter d: UInt8) -> (records: [Record], unterminatedAt: Int?) {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var i = 0, line = 1
        let n = b.count
        while i < n {
            let recordLine = line
            var fields: [String] = []
            while true {
                var field: [UInt8] = []
                if i < n && b[i] == quote {
                    i += 1
                    var closed = false
                    while i < n {
                        if b[i] == quote {
                            if i + 1 < n && b[i + 1] == quote { field.append(quote); i += 2; continue }
                            i += 1
                            closed = true
                            break
                        }
                        if b[i] == lf || (b[i] == cr && !(i + 1 < n && b[i + 1] == lf)) { line += 1 }
                        field.append(b[i])
                        i += 1
                    }
                    if !closed { return (records, recordLine) }
                }
                while i < n && b[i] != d && b[i] != lf && b[i] != cr { field.append(b[i]); i += 1 }
                fields.append(String(decoding: field, as: UTF8.self))
                if i < n && b[i] == d { i += 1; continue }
                if i < n {
                    i += b[i] == cr && i + 1 < n && b[i + 1] == lf ? 2 : 1
                    line += 1
                }
                break
            }
            records.append(Record(line: recordLine, fields: fields))
        }
        return (records, nil)
    }
}

/// Runs the chunked stream with the given chunk size and workers; returns records and the error.
func streamed(_ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ","), workers: Int, chunkSize: Int,
              vectorScan: Bool = CSVParser.hasVectorScan)
    -> (records: [ReferenceCSV.Record], numbers: [Int], error: CSVError?) {
    var records: [ReferenceCSV.Record] = []
    var numbers: [Int] = []
    var failure: CSVError?
    bytes.withUnsafeBytes { raw in
        let stream = RecordStream(text: raw, delimiter: delimiter, workers: workers, chunkSize: chunkSize, vectorScan: vectorScan)
        do {
            try stream.forEach { r in
                records.append(ReferenceCSV.Record(line: r.line, fields: (0..<r.count).map { r[$0] }))
                numbers.append(r.number)
            }
        } catch let error as CSVError {
            failure = error
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
    return (records, numbers, failure)
}

@Suite struct ChunkedParsingTests {
    static let pieces = ["a", "事故", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "1", ";", "\t", "“"]

    /// Property: for random texts full of quotes and line breaks, cut into tiny chunks (so that many
    /// cuts fall inside quoted fields), the records, line numbers, record numbers and the
    /// unterminated-quote error equal the reference reading.
    @Test func randomTextsReadAsTheReferenceDoes() {
        var rng = SplitMix(seed: 2024)
        for round in 0..<300 {
            var text = ""
            let length = Int(rng.next() % 600)
            for _ in 0..<length { text += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            let bytes = Array(text.utf8)
            let expected = ReferenceCSV.parse(bytes, delimiter: UInt8(ascii: ","))
            // Both ways of finding a field's end (the vector scan only where the CPU has AVX2).
            for (workers, chunk, vector) in [(0, 1 << 20, false), (0, 1 << 20, true), (1, 8, true), (1, 33, false), (2, 64, true)]
                where !vector || CSVParser.hasVectorScan {
                let got = streamed(bytes, workers: workers, chunkSize: chunk, vectorScan: vector)
                #expect(got.records == expected.records, "round \(round), workers \(workers), chunk \(chunk): \(text.debugDescription)")
                #expect(got.numbers == Array(1...max(1, got.records.count)).prefix(got.records.count).map { $0 })
                #expect(got.error == expected.unterminatedAt.map { CSVError.unterminatedQuote(line: $0) },
                        "round \(round): \(text.debugDescription)")
            }
        }
    }

    /// Multi-line quoted cells (Alt+Enter in Excel) in a text large enough for the default chunking.
    @Test func largeTextWithLineBreaksInsideQuotes() throws {
        var lines = ["编号,描述,区县"]
        for i in 0..<120_000 {
            let description = i % 7 == 0 ? "\"消防通道堵塞\n责令整改,\"\"立即\"\"\"" : "灭火器过期未检"
            lines.append("YH-\(i),\(description),金坛区")
        }
        let bytes = Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
        #expect(bytes.count > 2 * RecordStream.defaultChunkSize)
        let expected = ReferenceCSV.parse(bytes, delimiter: UInt8(ascii: ","))
        let got = streamed(bytes, workers: 1, chunkSize: RecordStream.defaultChunkSize)
        #expect(got.error == nil)
        #expect(got.records.count == 120_001)
        #expect(got.records == expected.records)
        #expect(got.records.last?.line == 120_001 + 120_000 / 7 + 1)
    }

    /// A quoted field that spans many chunks (a cut deep inside it) is read whole.
    @Test func quotedFieldSpanningManyChunks() {
        let long = String(repeating: "第一行\n", count: 5000)
        let text = "a,b\n1,\"\(long)\"\n2,x\n"
        let got = streamed(Array(text.utf8), workers: 1, chunkSize: 100)
        #expect(got.records.map(\.fields) == [["a", "b"], ["1", long], ["2", "x"]])
        #expect(got.records.map(\.line) == [1, 2, 5003])
    }

    @Test func unterminatedQuoteInALaterChunkNamesItsLine() {
        var text = ""
        for i in 0..<1000 { text += "\(i),ok\n" }
        text += "1001,\"open\nstill open\n"
        let got = streamed(Array(text.utf8), workers: 1, chunkSize: 256)
        #expect(got.records.count == 1000)
        #expect(got.error == .unterminatedQuote(line: 1001))
    }

    /// An error thrown by the consumer stops the reading (and the workers) at once.
    @Test func consumerErrorStopsReading() {
        struct Stop: Error {}
        var text = ""
        for i in 0..<50_000 { text += "\(i),值\n" }
        let bytes = Array(text.utf8)
        var seen = 0
        #expect(throws: Stop.self) {
            try bytes.withUnsafeBytes { raw in
                try RecordStream(text: raw, delimiter: UInt8(ascii: ","), workers: 1, chunkSize: 1024).forEach { _ in
                    seen += 1
                    if seen == 10_000 { throw Stop() }
                }
            }
        }
        #expect(seen == 10_000)
    }
}
