// libFuzzer target for the XLSX sheet reader. Built by Fuzz/run-xlsx.sh together with Sources/XLSX
// (one module, so the target can set the internal chunk size) and Sources/Zip; not part of the package.
//
// An input starting with "PK" is a whole package. Any other input is cut at NUL bytes (which XML
// cannot hold) into sheet XML, shared strings, styles and workbook XML, and those parts (or defaults
// for the missing ones) are packed into a workbook, stored, so the fuzzer mutates the XML directly.
//
// Each sheet is read twice: in one piece (the sequential parser) and cut into tiny chunks parsed in
// parallel. Both must give the same rows and merged ranges, or both refuse the sheet.

import Zip

/// Stops the run with a message libFuzzer reports as a crash, with the input that caused it.
func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

let fuzzLimits = ZipLimits(maxEntrySize: 4 << 20, maxTotalSize: 16 << 20, maxCompressionRatio: 100,
                           ratioCheckThreshold: 64 << 10)

@_cdecl("LLVMFuzzerTestOneInput")
public func xlsxFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let package = input.starts(with: [0x50, 0x4B]) ? input : FuzzPackage.build(input)
    // Chunk sizes down to the reader's minimum (16 bytes), chosen by the input so every size gets its
    // turn, but at most about 32 chunks a sheet: each chunk costs a parser and a thread hop.
    let tiny = max(16 + Int(input.reduce(0) { $0 &+ Int($1) } & 63), input.count / 32)
    let whole = read(package, chunkBytes: 1 << 30)
    let chunked = read(package, chunkBytes: tiny)
    fuzzCheck(whole.count == chunked.count, "sheets: \(whole.count) whole, \(chunked.count) chunked")
    for (a, b) in zip(whole, chunked) {
        switch (a, b) {
        case (.success(let x), .success(let y)):
            fuzzCheck(x.rows == y.rows, "rows differ between whole and chunked reading (chunk \(tiny)):\n\(x.rows)\n\(y.rows)")
            fuzzCheck(x.merges == y.merges, "merged ranges differ: \(x.merges) vs \(y.merges)")
        case (.failure, .failure):
            break
        case (.success(let x), .failure(let error)), (.failure(let error), .success(let x)):
            let side = a.isSuccess ? "chunked" : "whole"
            fuzzCheck(false, "only the \(side) reading failed (chunk \(tiny)): \(error)\nrows of the other: \(x.rows)")
        }
    }
    return 0
}

struct SheetContent: Equatable {
    var rows: [String] = []
    var merges: [CellRange] = []
}

extension Result {
    var isSuccess: Bool { if case .success = self { true } else { false } }
}

/// Every sheet of the package, as rows printed one per string, or the error that stopped it.
func read(_ package: [UInt8], chunkBytes: Int) -> [Result<SheetContent, XLSXError>] {
    let workbook: Workbook
    do {
        workbook = try Workbook(bytes: package, name: "fuzz.xlsx", limits: fuzzLimits)
    } catch {
        fuzzCheck(error is XLSXError, "Workbook threw \(error)")
        return []
    }
    workbook.parallelChunkBytes = chunkBytes
    return workbook.sheets.prefix(4).map { sheet in
        do {
            var content = SheetContent()
            try workbook.readRows(sheet) { row in
                fuzzCheck(row.number >= 1, "row number \(row.number)")
                fuzzCheck(zip(row.cells, row.cells.dropFirst()).allSatisfy { $0.column < $1.column }, "cells out of order")
                fuzzCheck(row.cells.allSatisfy { $0.column >= 0 }, "negative column")
                // What inspect prints: renders every value (numbers, dates, text).
                let line = SheetInspector.line(row) ?? ""
                content.rows.append("\(row.number): \(line)")
            }
            content.merges = try workbook.mergedRanges(sheet)
            return .success(content)
        } catch let error as XLSXError {
            fuzzCheck(!error.description.isEmpty, "empty description")
            return .failure(error)
        } catch {
            fuzzCheck(false, "readRows threw \(error)")
            return .failure(XLSXError(.notAWorkbook, file: ""))
        }
    }
}

/// A workbook holding the fuzzed parts.
enum FuzzPackage {
    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        </Types>
        """
    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """
    static let workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="隐患" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
        <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """
    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">\
        <si><t>东城区</t></si><si><r><t>重大</t></r><r><t>隐患</t></r></si><si><t xml:space="preserve"> a </t><rPh><t>x</t></rPh></si></sst>
        """
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>\
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="21"/></cellXfs></styleSheet>
        """

    static func build(_ input: [UInt8]) -> [UInt8] {
        let parts = input.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map(Array.init)
        func part(_ i: Int, _ fallback: String) -> [UInt8] { i < parts.count ? parts[i] : Array(fallback.utf8) }
        var writer = ZipWriter()
        writer.add(path: "[Content_Types].xml", bytes: Array(contentTypes.utf8), store: true)
        writer.add(path: "_rels/.rels", bytes: Array(packageRelationships.utf8), store: true)
        writer.add(path: "xl/workbook.xml", bytes: part(3, workbook), store: true)
        writer.add(path: "xl/_rels/workbook.xml.rels", bytes: Array(workbookRelationships.utf8), store: true)
        writer.add(path: "xl/worksheets/sheet1.xml", bytes: parts.first ?? [], store: true)
        writer.add(path: "xl/sharedStrings.xml", bytes: part(1, sharedStrings), store: true)
        writer.add(path: "xl/styles.xml", bytes: part(2, styles), store: true)
        return writer.finish()
    }
}
