import Foundation
import Testing
@testable import Render

/// GB/T 9704's page, measured on the PDF LibreOffice makes of our DOCX (scripts/measure-docx-page):
/// 22 lines of 28 characters of 3号 body text in the 156 mm × 225 mm text block. Skipped where
/// LibreOffice (soffice) or pdftotext (poppler-utils) is missing.
@Suite struct DocxPageTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/measure-docx-page")

    static let available: Bool = {
        ["soffice", "pdftotext"].allSatisfy { tool in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sh", "-c", "command -v \(tool)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do { try process.run(); process.waitUntilExit(); return process.terminationStatus == 0 } catch { return false }
        }
    }()

    struct Line: Decodable { let text: String; let characters: Int; let x0: Double; let x1: Double; let y0: Double }
    struct Page: Decodable { let width: Double; let height: Double; let lines: [Line] }
    struct Layout: Decodable { let pages: [Page] }

    static func measure(_ bytes: [UInt8]) throws -> Layout {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("page-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).docx")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, file.path]
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return try JSONDecoder().decode(Layout.self, from: output)
    }

    /// Three paragraphs of 26 + 7 × 28 characters each: eight lines apiece if, and only if, a line
    /// holds 28 characters (26 after the two-character indent). No punctuation, which Word and
    /// LibreOffice may compress.
    static let paragraph: String = {
        let words = Array("安全生产监管执法隐患排查治理事故起数死亡人数同比下降重点行业领域")
        return String((0..<(26 + 7 * 28)).map { words[$0 % words.count] })
    }()

    @Test(.enabled(if: available)) func twentyTwoLinesOfTwentyEightCharacters() throws {
        let document = ReportDocument(blocks: [.paragraph(Self.paragraph), .paragraph(Self.paragraph), .paragraph(Self.paragraph)])
        let layout = try Self.measure(DocxWriter.bytes(document))
        let page = try #require(layout.pages.first)
        #expect(abs(page.width - 595.3) < 1 && abs(page.height - 841.9) < 1)   // A4 in points
        // The page number `— 1 —` is the footer, below the text block.
        let body = page.lines.filter { !$0.text.contains("—") }
        #expect(body.map(\.characters) == [26, 28, 28, 28, 28, 28, 28, 28, 26, 28, 28, 28, 28, 28, 28, 28, 26, 28, 28, 28, 28, 28])
        // 版心: 28 mm from the left, 156 mm wide (442.2 pt), 37 mm from the top; lines 225 mm ÷ 22 apart.
        let left = 28 / 25.4 * 72, width = 156 / 25.4 * 72, indent = 2 * 15.75
        for line in body {
            #expect(line.x1 <= left + width + 0.5, "\(line.text) runs past the text block")
            let expectedStart = line.characters == 26 ? left + indent : left
            #expect(abs(line.x0 - expectedStart) < 1.5, "\(line.text) starts at \(line.x0)")
        }
        let pitches = zip(body.dropFirst(), body).map { $0.y0 - $1.y0 }
        #expect(pitches.allSatisfy { abs($0 - 28.95) < 0.3 }, "\(pitches)")
        #expect(abs(body[0].y0 - 37 / 25.4 * 72) < 8)
        // The two lines left over open page 2.
        #expect(layout.pages.count == 2)
        #expect(layout.pages[1].lines.filter { !$0.text.contains("—") }.map(\.characters) == [28, 28])
    }
}
