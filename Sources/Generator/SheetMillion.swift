import CSV
import Foundation
import XLSX

/// The `sheet-1m` set: one hazard register of 1 000 000 rows as an XLSX sheet (shared strings)
/// and as a UTF-8 CSV — the reader benchmarks' input (QUALITY.md).
struct SheetMillion {
    let seed: UInt64
    var rows = 1_000_000

    func write(to root: URL) throws -> GenerationSummary {
        var factory = RecordFactory(seed: seed)
        let districts = RegionPlan.make(.city).districts.map(\.name)
        let header = ["隐患编号", "排查日期", "区县", "单位名称", "行业领域", "隐患等级", "隐患描述", "整改状态", "整改期限",
                      "整改完成日期", "挂牌督办", "来源"]
        var sheet = WorksheetWriter(name: "隐患")
        sheet.append(header.map { .text($0) })
        var csv = CSVWriter()
        csv.write(header)
        var expected = ExpectedTotals()
        for i in 0..<rows {
            let district = districts[i % districts.count]
            let h = factory.hazard(district: district, year: 2024 + i % 2, serial: i + 1)
            expected.add(h)
            let status = h.statusRectified ? "已整改" : "未整改"
            sheet.append([.text(h.id), .date(year: h.date.year, month: h.date.month, day: h.date.day), .text(district), .text(h.unit),
                          .text(h.industry), .text(h.major ? "重大" : "一般"), .text(h.description), .text(status),
                          .date(year: h.deadline.year, month: h.deadline.month, day: h.deadline.day),
                          h.rectifiedOn.map { .date(year: $0.year, month: $0.month, day: $0.day) } ?? .empty,
                          .text(h.listed ? "是" : "否"), .text(h.source)])
            csv.write([h.id, h.date.iso, district, h.unit, h.industry, h.major ? "重大" : "一般", h.description, status,
                       h.deadline.iso, h.rectifiedOn?.iso ?? "", h.listed ? "是" : "否", h.source])
        }
        var workbook = WorkbookWriter()
        workbook.add(sheet)
        let xlsx = workbook.bytes()
        try Data(xlsx).write(to: root.appendingPathComponent("sheet-1m.xlsx"))
        let text = Array(csv.text.utf8)
        try Data(text).write(to: root.appendingPathComponent("sheet-1m.csv"))
        let json = "{\n  \"scale\": \"sheet-1m\",\n  \"rows\": \(rows),\n  \"totals\": " + expected.json(indent: "  ") + "\n}\n"
        try Data(json.utf8).write(to: root.appendingPathComponent("expected.json"))
        return GenerationSummary(files: 2, records: ["隐患": rows], bytes: xlsx.count + text.count)
    }
}
