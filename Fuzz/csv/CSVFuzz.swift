// libFuzzer target for the CSV reader and the GB18030 codec. Built by Fuzz/run-csv.sh together with
// Sources/CSV/*.swift in one module (so it reaches internal types); not part of the package.
//
// Every input must end in records or a CSVError, never a crash or hang, and:
//   - the chunked, multi-threaded record stream (tiny chunks, so cuts land inside quoted fields)
//     yields exactly what one sequential pass yields, and what a plain reference reading yields;
//   - the DFA UTF-8 validator, the byte-by-byte one and the standard library agree; so do GB18030
//     decoding in one piece and in several, and encode(decode(x)) == x;
//   - fields written by CSVWriter read back unchanged.

/// Stops the run with a message libFuzzer reports as a crash, with the input that caused it.
func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

struct ReadResult: Equatable {
    var records: [[String]] = []
    var lines: [Int] = []
    var numbers: [Int] = []
    var error: CSVError?
}

func stream(_ bytes: UnsafeRawBufferPointer, delimiter: UInt8, workers: Int, chunkSize: Int,
            vectorScan: Bool = CSVParser.hasVectorScan) -> ReadResult {
    var result = ReadResult()
    do {
        try RecordStream(text: bytes, delimiter: delimiter, workers: workers, chunkSize: chunkSize, vectorScan: vectorScan).forEach { r in
            result.records.append((0..<r.count).map { r[$0] })
            result.lines.append(r.line)
            result.numbers.append(r.number)
        }
    } catch let error as CSVError {
        result.error = error
    } catch {
        fuzzCheck(false, "unexpected error \(error)")
    }
    return result
}

/// The same rules read character by character (see Tests/CSVTests/ChunkedParsingTests.swift).
func reference(_ b: UnsafeRawBufferPointer, _ d: UInt8) -> ReadResult {
    let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    var result = ReadResult()
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
                if !closed { result.error = .unterminatedQuote(line: recordLine); return result }
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
        result.records.append(fields)
        result.lines.append(recordLine)
        result.numbers.append(result.records.count)
    }
    return result
}

@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let raw = UnsafeRawBufferPointer(start: data, count: size)
    let bytes = Array(raw)

    // 1. The document: records or an error.
    if let document = try? CSVDocument(bytes: bytes, name: "fuzz.csv") {
        var count = 0
        do {
            try document.forEachRecord { r in
                count += 1
                for i in 0..<r.count {
                    _ = r[i]
                    r.withUnquotedUTF8Field(i) { _ = $0.count }
                }
            }
        } catch {
            fuzzCheck(error is CSVError, "unexpected error \(error)")
        }
    }

    // 2. Parsing: sequential == chunked == reference, for the input taken as UTF-8 text.
    for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";")] {
        let one = stream(raw, delimiter: delimiter, workers: 0, chunkSize: 1 << 20)
        let expected = reference(raw, delimiter)
        fuzzCheck(one == expected, "sequential differs from the reference")
        fuzzCheck(stream(raw, delimiter: delimiter, workers: 0, chunkSize: 1 << 20, vectorScan: false) == one, "the byte search differs from the vector scan")
        for chunk in [7, 64] {
            fuzzCheck(stream(raw, delimiter: delimiter, workers: 1, chunkSize: chunk) == one, "chunked (\(chunk)) differs")
        }
    }

    // 3. UTF-8 validation: DFA, exact and the standard library agree.
    if let p = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) {
        let exact = UTF8Validation.firstInvalid(p, 0, size, size)
        fuzzCheck(UTF8Validation.firstInvalidFast(p, 0, size, size) == exact, "DFA validator differs")
        if UTF8Validation.hasVectorCheck {
            fuzzCheck(UTF8Validation.vectorCheckSaysValid(p, size) == (exact == nil), "AVX2 check differs")
        }
        fuzzCheck(UTF8Validation.firstInvalidOffset(raw, parts: 3) == exact, "validation in pieces differs")
        fuzzCheck((exact == nil) == (String(validating: bytes, as: UTF8.self) != nil), "validator disagrees with the standard library")
    }

    // 4. GB18030: pieces == one pass; a valid input re-encodes to itself.
    let whole = GB18030.decodeOrFail(raw, parts: 1)
    fuzzCheck(GB18030.decodeOrFail(raw, parts: 4) == whole, "GB18030 pieces differ")
    if case .success(let text) = whole {
        fuzzCheck(String(validating: text, as: UTF8.self) != nil, "GB18030 decoded to invalid UTF-8")
        fuzzCheck(GB18030.encode(String(decoding: text, as: UTF8.self)) == bytes, "GB18030 round trip")
    }

    // 5. Writer: the input's text split into records (0x01) and fields (0x02) reads back unchanged.
    let text = String(decoding: bytes, as: UTF8.self)
    let rows = text.split(separator: "\u{1}", omittingEmptySubsequences: false)
        .map { $0.split(separator: "\u{2}", omittingEmptySubsequences: false).map(String.init) }
    var writer = CSVWriter(lineEnding: size % 2 == 0 ? "\n" : "\r\n")
    for row in rows { writer.write(row) }
    let written = Array(writer.text.utf8)
    let back = written.withUnsafeBytes { stream($0, delimiter: UInt8(ascii: ","), workers: 0, chunkSize: 1 << 20) }
    fuzzCheck(back.error == nil && back.records == rows, "writer round trip")
    return 0
}
