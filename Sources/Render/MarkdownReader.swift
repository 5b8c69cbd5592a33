/// Reads the Markdown subset our templates produce into a `ReportDocument`.
///
/// Only what official documents need: headings 1–3, paragraphs (consecutive lines join without a
/// space, as Chinese text does), `>` writer notes, pipe tables and chart markers. Inline Markdown
/// (`**`, links) is not interpreted: report text is kept literally.
public enum MarkdownReader {
    public static func read(_ markdown: String) -> ReportDocument {
        var blocks: [ReportDocument.Block] = []
        var paragraph: [String] = []
        var note: [String] = []
        var table: [[String]] = []

        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(MarkdownText.unescaped(paragraph.joined()))); paragraph = [] }
            if !note.isEmpty { blocks.append(.writerNote(MarkdownText.unescaped(note.joined(separator: "\n")))); note = [] }
            if !table.isEmpty { blocks.append(.table(table)); table = [] }
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("<!--"), line.hasSuffix("-->") {
                flush()
                let inner = line.dropFirst(4).dropLast(3).trimmingWhitespace()
                if inner.hasPrefix("图表:") || inner.hasPrefix("图表:") {
                    blocks.append(.chart(String(inner.dropFirst(3)).trimmingWhitespace()))
                }
                continue   // other comments are template remarks, not content
            }
            if line.hasPrefix("|") {
                if !paragraph.isEmpty || !note.isEmpty { flush() }
                let cells = tableCells(line)
                if cells.allSatisfy({ $0.allSatisfy { "-:".contains($0) } && !$0.isEmpty }) { continue }
                table.append(cells)
                continue
            }
            if !table.isEmpty { flush() }
            // Text is read back from its Markdown escapes (MarkdownText): data in it is shown as written.
            func text(_ dropped: Int) -> String { MarkdownText.unescaped(String(line.dropFirst(dropped)).trimmingWhitespace()) }
            if line.hasPrefix("### ") { flush(); blocks.append(.heading2(text(4))); continue }
            if line.hasPrefix("## ") { flush(); blocks.append(.heading1(text(3))); continue }
            if line.hasPrefix("# ") { flush(); blocks.append(.title(text(2))); continue }
            if line.hasPrefix(">") {
                if !paragraph.isEmpty { flush() }
                note.append(String(line.dropFirst()).trimmingWhitespace())
                continue
            }
            if !note.isEmpty { flush() }
            paragraph.append(line)
        }
        flush()
        return ReportDocument(blocks: blocks)
    }

    /// The cells of a table row, split at each `|` that is not escaped (`\|` is a `|` in a cell).
    private static func tableCells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in line {
            if escaped {
                cell.append(character)
                escaped = false
            } else if character == "\\" {
                cell.append(character)
                escaped = true
            } else if character == "|" {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(character)
            }
        }
        cells.append(cell)
        if line.hasPrefix("|") { cells.removeFirst() }
        if cells.count > 1, cells.last?.trimmingWhitespace().isEmpty == true { cells.removeLast() }
        return cells.map { MarkdownText.unescaped($0.trimmingWhitespace()) }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
