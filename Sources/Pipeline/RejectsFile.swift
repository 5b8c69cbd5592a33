import CSV
import Ingest
import Render

/// rejects.csv: every input row that was not counted — rejected rows and dropped duplicates —
/// with file, sheet, row, column, value and reason (INPUTS.md clarifications). It starts with a
/// byte-order mark: Chinese Excel reads a CSV without one as GBK and garbles the reasons.
enum RejectsFile {
    static func text(_ rejects: [RejectedRow]) -> String {
        var writer = CSVWriter(guardFormulas: true)
        writer.write(["file", "sheet", "row", "column", "value", "reason"])
        for r in rejects {
            writer.write([r.file, r.sheet ?? "", String(r.row), r.column, r.value, r.reason])
        }
        return FiguresCSV.byteOrderMark + writer.text
    }
}
