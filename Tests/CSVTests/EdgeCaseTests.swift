import Foundation
import Testing
@testable import CSV

@Suite struct EncodingEdgeCaseTests {
    /// A GBK file whose first megabytes are ASCII is still GB18030: the whole file is checked.
    @Test func gbkAfterALongASCIIPrefixIsGB18030() throws {
        let ascii = String(repeating: "id,count\n", count: 600_000)          // ≈ 5.4 MB, parallel checks
        let bytes = Array(ascii.utf8) + GB18030.encode("东城区,3\n")
        let doc = try CSVDocument(bytes: bytes, name: "a.csv")
        #expect(doc.encoding == .gb18030)
        var last: [String] = []
        try doc.forEachRecord { r in last = (0..<r.count).map { r[$0] } }
        #expect(last == ["东城区", "3"])
    }

    @Test func undetectableEncodingNamesTheByteWhereBothFail() {
        // UTF-8 fails at 0xCA (offset 3); GB18030 reads 0xCA 0xC2 as 事, then fails at the lone 0xFF.
        let bytes: [UInt8] = [0x61, 0x2C, 0x0A, 0xCA, 0xC2, 0x2C, 0xFF, 0x0A]
        #expect(throws: CSVError.undetectableEncoding(offset: 6)) { try CSVDocument(bytes: bytes, name: "a") }
    }

    @Test func invalidUTF8AfterABOMIsAnError() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x61, 0x2C, 0xCA, 0xC2]
        #expect(throws: CSVError.invalidUTF8(offset: 5)) { try CSVDocument(bytes: bytes, name: "a") }
    }

    @Test func utf16ErrorsNameTheirOffset() {
        // An odd last byte.
        #expect(throws: CSVError.invalidUTF16(offset: 4)) { try CSVDocument(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x62], name: "a") }
        // A low surrogate alone, and a high surrogate not followed by a low one.
        #expect(throws: CSVError.invalidUTF16(offset: 2)) { try CSVDocument(bytes: [0xFF, 0xFE, 0x00, 0xDC, 0x61, 0x00], name: "a") }
        #expect(throws: CSVError.invalidUTF16(offset: 2)) { try CSVDocument(bytes: [0xFE, 0xFF, 0xD8, 0x00, 0x00, 0x61], name: "a") }
    }

    @Test func utf16SurrogatePairsDecode() throws {
        let text = "𠀀,事\n"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try records(bytes: le) == [["𠀀", "事"]])
    }

    @Test func bomOnlyFileHasNoRecords() throws {
        #expect(try records(bytes: [0xEF, 0xBB, 0xBF]).isEmpty)
    }

    /// UTF-8 validation: each kind of ill-formed sequence is found at its first byte, and checking
    /// in pieces finds the same first offset as one pass.
    @Test(arguments: [
        ([0x61, 0xC0, 0x80], 1),                 // overlong two-byte
        ([0xE0, 0x80, 0x80], 0),                 // overlong three-byte
        ([0x61, 0x62, 0xED, 0xA0, 0x80], 2),     // surrogate
        ([0xF4, 0x90, 0x80, 0x80], 0),           // past U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], 0),
        ([0xE4, 0xBA], 0),                       // cut short
        ([0x61, 0x80], 1),                       // stray continuation byte
        ([0xE4, 0xBA, 0x8B, 0xE4, 0x41, 0x8B], 3),
    ] as [([UInt8], Int)])
    func utf8Validation(_ input: ([UInt8], Int)) {
        #expect(input.0.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0) } == input.1)
    }

    /// The DFA with its ASCII skipping agrees with the byte-by-byte validator on mixed random input,
    /// including errors right after block boundaries and sequences open across them.
    @Test func dfaValidatorAgreesWithTheExactOne() {
        var rng = SplitMix(seed: 1)
        for round in 0..<4_000 {
            var bytes: [UInt8] = []
            let rare = 50 + rng.next() % 3000          // how often a random byte is thrown in
            for _ in 0..<Int(rng.next() % 900) {
                bytes.append(rng.next() % rare == 0 ? UInt8(truncatingIfNeeded: rng.next()) : UInt8(0x41 + rng.next() % 3))
                if rng.next() % 3 == 0 { bytes += Array("事".utf8) }
                if rng.next() % 11 == 0 { bytes += Array("𠀀".utf8) }
            }
            let (exact, fast) = bytes.withUnsafeBytes { raw -> (Int?, Int?) in
                guard let p = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return (nil, nil) }
                return (UTF8Validation.firstInvalid(p, 0, raw.count, raw.count), UTF8Validation.firstInvalidFast(p, 0, raw.count, raw.count))
            }
            #expect(exact == fast, "round \(round): \(bytes)")
            if exact != fast { return }
        }
    }

    /// The AVX2 check (where the CPU has it) agrees with the exact validator: every lead byte
    /// followed by every second byte and representative third and fourth bytes, placed across a
    /// 32-byte block boundary and at the very end; then random mixed text of every length up to
    /// a few blocks, errors thrown in anywhere.
    @Test func vectorCheckAgreesWithTheExactOne() throws {
        guard UTF8Validation.hasVectorCheck else { return }
        func agree(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { b in
                guard let p = b.baseAddress else { return true }
                return UTF8Validation.vectorCheckSaysValid(p, b.count) == (UTF8Validation.firstInvalid(p, 0, b.count, b.count) == nil)
            }
        }
        let others: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF]
        var failures = 0
        for lead in 0xC0...0xFF {
            for second in 0...0xFF {
                for third in others {
                    for fourth in [UInt8(0x41), 0x80, 0x8F, 0x90, 0xBF, 0xE4] {
                        let sequence = [UInt8(lead), UInt8(second), third, fourth]
                        let across = Array(repeating: UInt8(0x41), count: 30) + sequence + [0x41, 0x42]
                        if !agree(across) || !agree(Array(repeating: 0x41, count: 61) + sequence.prefix(3)) { failures += 1 }
                    }
                }
            }
        }
        #expect(failures == 0)
        var rng = SplitMix(seed: 7)
        let words = ["事故", "a", "𠀀", "é", "\n", "1234567", "隐患排查"]
        for round in 0..<3_000 {
            var bytes: [UInt8] = []
            let length = Int(rng.next() % 200)
            while bytes.count < length { bytes += Array(words[Int(rng.next() % UInt64(words.count))].utf8) }
            for _ in 0..<Int(rng.next() % 3) where !bytes.isEmpty {
                bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
            }
            #expect(agree(bytes), "round \(round): \(bytes)")
            if !agree(bytes) { return }
        }
    }

    @Test func utf8ValidationInPiecesFindsTheFirstError() {
        var rng = SplitMix(seed: 99)
        let words = ["事故", "a", "𠀀", "é", "\n", "1234567"]
        for round in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 300) { bytes += Array(words[Int(rng.next() % UInt64(words.count))].utf8) }
            for _ in 0..<Int(rng.next() % 3) where !bytes.isEmpty {
                bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
            }
            let one = bytes.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0, parts: 1) }
            let swiftSays = String(validating: bytes, as: UTF8.self) == nil
            #expect((one != nil) == swiftSays, "round \(round)")
            for parts in [2, 5, 17] {
                #expect(bytes.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0, parts: parts) } == one, "round \(round)")
            }
        }
    }
}

@Suite struct RFC4180EdgeCaseTests {
    @Test func textAfterAClosingQuoteIsKept() throws {
        // As Excel and Python's csv read it: the quoted part, then the rest literally.
        #expect(try records("\"abc\"def,x\n") == [["abcdef", "x"]])
        #expect(try records("\"a\"\"\"b\"c\",x\n") == [["a\"b\"c\"", "x"]])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsLiteral() throws {
        #expect(try records("5\"3,ab\"\"c\n") == [["5\"3", "ab\"\"c"]])
    }

    @Test func lineBreaksInsideQuotesCountAsLines() throws {
        let doc = try CSVDocument(bytes: Array("h\n\"a\r\nb\rc\nd\"\nz\n".utf8), name: "a")
        var lines: [Int] = []
        var fields: [String] = []
        try doc.forEachRecord { lines.append($0.line); fields.append($0[0]) }
        #expect(lines == [1, 2, 6])
        #expect(fields == ["h", "a\r\nb\rc\nd", "z"])
    }

    @Test func trailingDelimiterMakesAnEmptyLastField() throws {
        #expect(try records("a,b,\n,\n") == [["a", "b", ""], ["", ""]])
    }

    @Test func quotedEmptyFieldAtTheEndOfTheFile() throws {
        #expect(try records("a,\"\"") == [["a", ""]])
    }

    @Test func onlyALineBreakIsOneEmptyRecord() throws {
        #expect(try records("\n") == [[""]])
        #expect(try records("\r\n\r\n") == [[""], [""]])
    }

    @Test func spacesAreContent() throws {
        #expect(try records(" a , \"b\" \n") == [[" a ", " \"b\" "]])   // a field is quoted only from its first byte
    }

    @Test func fieldAccessors() throws {
        let doc = try CSVDocument(bytes: Array("a,\"x\"\"y\",\n".utf8), name: "a")
        try doc.forEachRecord { r in
            #expect(r.count == 3)
            #expect(r.field(1) == "x\"y")
            #expect(r.field(3) == nil)
            #expect(r.isQuoted(1) && !r.isQuoted(0))
            #expect(r.isEmpty(2) && !r.isEmpty(0))
            #expect(r.withUTF8Field(1) { Array($0) } == Array("x\"\"y".utf8))
            #expect(r.withUnquotedUTF8Field(1) { Array($0) } == Array("x\"y".utf8))
            #expect(r.withUnquotedUTF8Field(0) { Array($0) } == Array("a".utf8))
        }
    }

    @Test func semicolonFilesWithDecimalCommas() throws {
        // European exports: ; separates, , is the decimal mark.
        let text = "区县;损失\n东城区;1,5\n西城区;2,25\n"
        let doc = try CSVDocument(bytes: Array(text.utf8), name: "a")
        #expect(doc.delimiter == UInt8(ascii: ";"))
        #expect(try records(text) == [["区县", "损失"], ["东城区", "1,5"], ["西城区", "2,25"]])
    }

    @Test func headerWithoutDelimitersIsComma() throws {
        #expect(try CSVDocument(bytes: Array("单列\n1\n".utf8), name: "a").delimiter == UInt8(ascii: ","))
    }

    @Test func readsFromAPath() throws {
        let path = NSTemporaryDirectory() + "csv-tests-\(getpid()).csv"
        try Data(GB18030.encode("区县,死亡人数\r\n东城区,3\r\n")).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let doc = try CSVDocument(path: path)
        #expect(doc.name == (path as NSString).lastPathComponent)
        #expect(doc.encoding == .gb18030)
        var rows: [[String]] = []
        try doc.forEachRecord { r in rows.append((0..<r.count).map { r[$0] }) }
        #expect(rows == [["区县", "死亡人数"], ["东城区", "3"]])
    }

    @Test func missingFileIsAnIOError() {
        #expect(throws: CSVError.self) { try CSVDocument(path: "/nonexistent/x.csv") }
        do { _ = try CSVDocument(path: "/nonexistent/x.csv") } catch {
            #expect(error.description.contains("/nonexistent/x.csv"))
        }
    }
}

/// Files that are huge or change while they are read: a field over 1 MiB (one 500 MB line) is
/// refused with its line and column before any string is made of it; a mapped file that shrinks or
/// is written meanwhile says so (never SIGBUS); what is not a regular file is never read.
@Suite struct HostileFileTests {
    @Test func aFieldOverTheLimitNamesItsLineAndColumn() {
        let big = Array("区县,说明\n东城区,ok\n西城区,".utf8) + [UInt8](repeating: 0x61, count: (1 << 20) + 1) + Array("\n".utf8)
        let doc = try? CSVDocument(bytes: big, name: "a.csv")
        var seen = 0
        #expect(throws: CSVError.fieldTooLong(line: 3, field: 2, limit: 1 << 20)) {
            try doc?.forEachRecord { _ in seen += 1 }
        }
        #expect(seen == 2)
        #expect(CSVError.fieldTooLong(line: 3, field: 2, limit: 1 << 20).description.contains("第 3 行第 2 列"))
        // At the limit it is read.
        let fits = Array("a,".utf8) + [UInt8](repeating: 0x62, count: 1 << 20) + Array("\n".utf8)
        #expect(throws: Never.self) { try CSVDocument(bytes: fits, name: "b.csv").forEachRecord { _ in } }
    }

    @Test func aLongFieldAcrossParallelChunksIsRefusedToo() throws {
        // Over 4 MB so that the text is cut into chunks parsed on other threads.
        var text = Array(String(repeating: "东城区,1\n", count: 200_000).utf8)
        text += Array("西城区,".utf8) + [UInt8](repeating: 0x7A, count: 3 << 20) + Array("\n北城区,2\n".utf8)
        let doc = try CSVDocument(bytes: text, name: "c.csv")
        #expect(throws: CSVError.fieldTooLong(line: 200_001, field: 2, limit: 1 << 20)) { try doc.forEachRecord { _ in } }
    }

    @Test func onlyRegularFilesAreRead() {
        #expect(throws: CSVError.self) { _ = try CSVDocument(path: "/dev/zero") }
        #expect(throws: CSVError.self) { _ = try CSVDocument(path: "/tmp") }
    }

    /// A mapped file truncated while it is read (a district re-copying its export) reads as
    /// zeros past its new end instead of raising SIGBUS, and says it changed.
    @Test func aFileTruncatedWhileReadSaysSo() throws {
        let path = NSTemporaryDirectory() + "csv-shrink-\(getpid()).csv"
        defer { unlink(path) }
        let line = "东城区,1\n"
        FileManager.default.createFile(atPath: path, contents: Data(String(repeating: line, count: 100_000).utf8))
        let doc = try CSVDocument(path: path)
        #expect(!doc.fileChangedWhileRead)
        // Cut to its first 40 000 lines: they still arrive; what follows is zeros (one field too
        // long for a record), and the document knows the file changed.
        #expect(truncate(path, off_t(40_000 * line.utf8.count)) == 0)
        var intact = 0
        do {
            try doc.forEachRecord { r in if r.count == 2 && r[0] == "东城区" && r[1] == "1" { intact += 1 } }
        } catch {}
        #expect(intact == 40_000)
        #expect(doc.fileChangedWhileRead)
        var now = 0
        try CSVDocument(path: path).forEachRecord { _ in now += 1 }
        #expect(now == 40_000)
    }

    /// Cut to nothing: every page is gone (one signal puts zeros over all of them).
    @Test func aFileTruncatedToNothingReadsAsZeros() throws {
        let path = NSTemporaryDirectory() + "csv-empty-\(getpid()).csv"
        defer { unlink(path) }
        let bytes = [UInt8](repeating: 0x41, count: 3 << 20)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let file = try #require(FileBytes(mapping: path, limit: 1 << 30))
        #expect(file.isMapped && file.count == bytes.count)
        #expect(file.withUnsafeBytes { Array($0) } == bytes)
        #expect(!file.changedWhileRead)
        #expect(truncate(path, 0) == 0)
        let sum = file.withUnsafeBytes { $0.reduce(0) { $0 + Int($1) } }
        #expect(sum == 0)
        #expect(file.changedWhileRead)
    }

    /// Written in place, the same size: the bytes are what the other program wrote, neither file,
    /// and the modification time tells.
    @Test func aFileWrittenWhileReadSaysSo() throws {
        let path = NSTemporaryDirectory() + "csv-written-\(getpid()).csv"
        defer { unlink(path) }
        FileManager.default.createFile(atPath: path, contents: Data("区县,死亡人数\n东城区,3\n".utf8))
        // Dated in the past, so that the write below changes the time even within one clock tick.
        var past = [timespec(tv_sec: 1_600_000_000, tv_nsec: 0), timespec(tv_sec: 1_600_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &past, 0) == 0)
        let doc = try CSVDocument(path: path)
        #expect(!doc.fileChangedWhileRead)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seek(toFileOffset: 23)
        handle.write(Data("9".utf8))
        handle.closeFile()
        #expect(doc.fileChangedWhileRead)
    }

    /// Many files mapped at once (more than the handler's table holds): every one is readable,
    /// those past the table read instead of mapped.
    @Test func moreFilesThanMappingSlotsAreRead() throws {
        let base = NSTemporaryDirectory() + "csv-many-\(getpid())-"
        var docs: [CSVDocument] = []
        defer { for i in 0..<100 { unlink(base + "\(i).csv") } }
        for i in 0..<100 {
            FileManager.default.createFile(atPath: base + "\(i).csv", contents: Data("区县,编号\n东城区,\(i)\n".utf8))
            docs.append(try CSVDocument(path: base + "\(i).csv"))
        }
        for (i, doc) in docs.enumerated() {
            var rows: [[String]] = []
            try doc.forEachRecord { r in rows.append((0..<r.count).map { r[$0] }) }
            #expect(rows == [["区县", "编号"], ["东城区", "\(i)"]])
        }
    }
}
