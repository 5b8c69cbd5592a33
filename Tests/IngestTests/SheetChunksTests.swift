import Foundation
@testable import Ingest
import Model
import Testing
import XLSX

/// A sheet read in chunks on several cores (`SheetChunks`) gives what one ingestor reading its rows
/// in order gives — records, dictionaries and their order, ids, provenance, rejects, warnings, 合计/
/// 小计 checks, counts — whatever the chunk size, from one row to the whole sheet.
@Suite struct SheetChunksTests {
    let config = """
    [region]
    name = "示例市"
    level = "市"

    [districts]
    "东城区" = ["东城"]
    "西城区" = ["西城"]
    """

    /// Accident rows with everything a sheet can hold between its data rows, drawn from `seed`.
    func accidentRows(_ seed: UInt64, count: Int) -> [[String]] {
        var random = SeededGenerator(seed: seed)
        var rows: [[String]] = [["2024年东城区生产安全事故统计表"], ["填报单位：东城区应急管理局"],
                                ["发生时间", "区县", "行业领域", "死亡人数", "受伤人数", "直接经济损失", "事故等级"]]
        var section = 0, all = 0
        for _ in 0..<count {
            let deaths = Int.random(in: 0...3, using: &random)
            let pick = Int.random(in: 0..<100, using: &random)
            let district = ["东城区", "西城区", "北城区", "南城区", "", "东城"][Int.random(in: 0..<6, using: &random)]
            let industry = ["商贸", "建筑施工", "奇怪行业", "工贸,\"其他\"", ""][Int.random(in: 0..<5, using: &random)]
            let date = "2024-\(Int.random(in: 1...12, using: &random))-\(Int.random(in: 1...28, using: &random))"
            let loss = "\(Int.random(in: 0...400, using: &random)).\(Int.random(in: 0...9, using: &random))"
            let level = ["", "", "一般", "较大"][Int.random(in: 0..<4, using: &random)]
            switch pick {
            case 0..<6: rows.append(["2024-13-45", district, industry, String(deaths), "0", loss, level])
            case 6..<10: rows.append([date, district, industry, "三人", "0", loss, level])
            case 10..<16:
                rows.append(["小计", "", "", String(Bool.random(using: &random) ? section : section + 1), "", "", ""])
                section = 0
            case 16..<19:
                rows.append(["合 计", "", "", String(Bool.random(using: &random) ? all : all - 1), "", "", ""])
                section = 0
            case 19..<22: rows.append([])
            case 22..<24: rows.append(["发生时间", "区县", "行业领域", "死亡人数", "受伤人数", "直接经济损失", "事故等级"])
            case 24..<26: rows.append(["填报人：张三", "", "审核人：李四"])
            default:
                rows.append([date, district, industry, String(deaths), String(Int.random(in: 0...2, using: &random)), loss, level])
                section += deaths
                all += deaths
            }
        }
        return rows
    }

    /// Hazard rows with ids, some repeated (the later one wins), some missing.
    func hazardRows(_ seed: UInt64, count: Int) -> [[CellInput]] {
        var random = SeededGenerator(seed: seed)
        var rows: [[CellInput]] = [[.text("排查日期"), .text("区县"), .text("单位名称"), .text("整改状态"), .text("隐患编号"), .text("隐患描述")]]
        for r in 0..<count {
            let id = Int.random(in: 0..<4, using: &random) == 0 ? "" : "H-\(Int.random(in: 0..<(count * 2 / 3), using: &random))"
            let status = ["未整改", "已整改", "整改中", "不知道"][Int.random(in: 0..<4, using: &random)]
            let district = ["东城区", "西城区", "北城区"][Int.random(in: 0..<3, using: &random)]
            if Int.random(in: 0..<30, using: &random) == 0 {
                rows.append([.text("小计"), .empty, .empty, .empty, .empty, .empty])
                continue
            }
            rows.append([.date(year: 2024, month: r % 12 + 1, day: r % 28 + 1), .text(district),
                         .text("企业\(Int.random(in: 0..<40, using: &random))"), .text(status), .text(id),
                         .text("描述\(Int.random(in: 0..<25, using: &random))")])
        }
        return rows
    }

    func csv(_ rows: [[String]]) -> String {
        rows.map { cells in
            cells.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",")
        }.joined(separator: "\r\n") + "\r\n"
    }

    func inputs(seed: UInt64, rows: Int) throws -> InputsFolder {
        let inputs = try InputsFolder()
        try inputs.write("config.toml", text: config)
        try inputs.write("东城区/东城区事故.csv", text: csv(accidentRows(seed, count: rows)))
        try inputs.write("西城区/西城区事故.csv", text: csv(accidentRows(seed + 1, count: rows / 3)))
        let accidents = accidentRows(seed + 2, count: rows).map { $0.map { CellInput.text($0) } }
        try inputs.write("西城区/西城区统计.xlsx", workbook([sheet("事故", accidents), sheet("隐患", hazardRows(seed + 3, count: rows))]))
        return inputs
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func everyChunkSizeGivesTheSequentialResult(seed: UInt64) throws {
        let rows = 120
        let inputs = try self.inputs(seed: seed, rows: rows)
        let sequential = try Ingest.run(inputs: inputs.path, options: IngestOptions(parallel: false))
        // The data is what the property needs: rejects, warnings once per value and per total row, duplicates.
        #expect(sequential.rejects.count > 10)
        #expect(sequential.warnings.contains { $0.message.contains("小计行") })
        #expect(sequential.warnings.contains { $0.message.contains("合计行") })
        #expect(sequential.warnings.contains { $0.message.contains("北城区") })
        #expect(sequential.duplicates > 0)
        expectConservation(sequential)
        for size in [1, 2, 3, 7, 16, 50, rows + 20] {
            var options = IngestOptions(parallel: false)
            options.rowsPerChunk = size
            expectSameIngestResult(sequential, try Ingest.run(inputs: inputs.path, options: options), "\(size) rows per chunk")
            options.parallel = true
            expectSameIngestResult(sequential, try Ingest.run(inputs: inputs.path, options: options), "\(size) rows per chunk, files in parallel")
        }
    }
}
