import CSV
import Foundation
import XLSX

/// Writes a realistic, deterministic set of district exports (INPUTS.md) and `expected.json`
/// with the exact totals a correct run must find.
public struct ExportGenerator {
    public let scale: GeneratorScale
    public let seed: UInt64
    /// Told what is being made and written (the CLI shows it on a terminal).
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(scale: GeneratorScale, seed: UInt64 = 20261122) {
        self.scale = scale
        self.seed = seed
    }

    public func write(to directory: String) throws -> GenerationSummary {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if scale == .sheet1m {
            progress("生成 sheet-1m.xlsx 和 sheet-1m.csv(100 万行)…")
            return try SheetMillion(seed: seed).write(to: root)
        }
        progress("生成 \(scale.rawValue) 的记录 …")
        var plan = ExportPlan(scale: scale, seed: seed)
        plan.build()
        var bytes = 0
        for (i, file) in plan.files.enumerated() {
            progress("写入 \(i + 1)/\(plan.files.count) 个文件 … \(file.path)")
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = file.bytes()
            bytes += data.count
            try Data(data).write(to: url)
        }
        let config = plan.configText()
        try Data(config.utf8).write(to: root.appendingPathComponent("config.toml"))
        try Data(plan.expectedJSON().utf8).write(to: root.appendingPathComponent("expected.json"))
        return GenerationSummary(files: plan.files.count, records: plan.recordCounts, bytes: bytes + config.utf8.count)
    }
}

public struct GenerationSummary: Sendable, CustomStringConvertible {
    public let files: Int
    public let records: [String: Int]
    public let bytes: Int

    public var description: String {
        let kinds = ["事故", "火灾", "隐患", "执法检查", "行政处罚"].map { "\($0) \(records[$0] ?? 0)" }.joined(separator: ",")
        return "\(files) 个文件,\(bytes) 字节;记录:\(kinds)"
    }
}

/// A file to write: an XLSX workbook or a CSV in one encoding.
struct ExportFile {
    enum Format {
        case xlsx(inlineStrings: Bool, noReferences: Bool)
        case csv(TextEncoding)
    }

    let path: String
    let format: Format
    var sheets: [ExportSheet]
    /// Text-only sheets (填表说明), written first.
    var notes: [String] = []

    func bytes() -> [UInt8] {
        switch format {
        case .xlsx(let inline, let noRefs):
            var workbook = WorkbookWriter()
            if !notes.isEmpty {
                var sheet = WorksheetWriter(name: "填表说明")
                for line in notes { sheet.append([.text(line)]) }
                workbook.add(sheet)
            }
            for s in sheets {
                var sheet = WorksheetWriter(name: s.name)
                sheet.inlineStrings = inline
                sheet.omitCellReferences = noRefs
                for row in s.rows { sheet.append(row.map(\.xlsx)) }
                for m in s.merges { sheet.merge(m) }
                workbook.add(sheet)
            }
            return workbook.bytes()
        case .csv(let encoding):
            var writer = CSVWriter(lineEnding: encoding == .gb18030 ? "\r\n" : "\n")
            for row in sheets[0].rows { writer.write(row.map(\.csv)) }
            switch encoding {
            case .gb18030: return GB18030.encode(writer.text)
            case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(writer.text.utf8)
            default: return Array(writer.text.utf8)
            }
        }
    }
}

/// The whole data set: which files hold which records with which quirks, and the expected totals.
struct ExportPlan {
    let scale: GeneratorScale
    let region: RegionPlan
    var random: SeededRandom
    var factory: RecordFactory
    var files: [ExportFile] = []
    var expected = ExpectedTotals()
    var recordCounts: [String: Int] = [:]
    var targets: [(year: Int, district: String?, metric: String, value: Int)] = []

    init(scale: GeneratorScale, seed: UInt64) {
        self.scale = scale
        region = RegionPlan.make(scale)
        random = SeededRandom(seed: seed)
        factory = RecordFactory(seed: seed &+ 1)
    }

    var districtAliases: [String: String] {
        Dictionary(uniqueKeysWithValues: region.districts.map { ($0.name, $0.aliases[0]) })
    }
    static let industryAliases = ["危险化学品": "危化品", "建筑施工": "建筑", "商贸": "商贸流通", "工贸其他": "工贸",
                                  "道路运输": "交通运输", "非煤矿山": "非煤", "燃气": "城镇燃气", "烟花爆竹": "烟花"]

    mutating func columns(_ style: SheetStyle) -> KindColumns {
        KindColumns(style: style, random: SeededRandom(seed: random.next() ^ 0x5EED), districtAliases: districtAliases,
                    industryAliases: ExportPlan.industryAliases)
    }

    // MARK: Plan

    mutating func build() {
        let volumes = scale.perDistrictYear
        for year in region.years {
            for (d, district) in region.districts.enumerated() {
                let name = district.name
                let folder = "\(year)/\(name)/"
                let special = year == region.years.last!
                // Volumes vary by district and year (60%–140% of the scale's norm), as real years do.
                func vary(_ n: Int) -> Int { max(1, n * random.int(60...140) / 100) }
                let accidents = (0..<vary(volumes.accidents)).map { factory.accident(district: name, year: year, serial: $0 + 1) }
                let fires = (0..<vary(volumes.fires)).map { _ in factory.fire(district: name, year: year) }
                var hazards = (0..<vary(volumes.hazards)).map { factory.hazard(district: name, year: year, serial: $0 + 1) }
                let inspections = (0..<vary(volumes.inspections)).map { _ in factory.inspection(district: name, year: year) }
                let penalties = (0..<vary(volumes.penalties)).map { factory.penalty(district: name, year: year, serial: $0 + 1) }
                recordCounts["事故", default: 0] += accidents.count
                recordCounts["火灾", default: 0] += fires.count
                recordCounts["隐患", default: 0] += hazards.count
                recordCounts["执法检查", default: 0] += inspections.count
                recordCounts["行政处罚", default: 0] += penalties.count
                if d == 1 && year == region.years.first! {
                    // A few hazards dated before the two years: in the model, outside every period.
                    for i in 0..<3 { hazards.append(factory.hazard(district: name, year: year - 1, serial: 900_000 + i)) }
                }
                let plantRejects = special && (d == 0 || (scale != .sample && d == 5))

                // 1. The district's statistics workbook: 事故, 执法检查, 行政处罚 (+ 火灾 copies for the duplicate case).
                var stats = ExportFile(path: folder + "\(name)\(year)年安全生产统计.xlsx",
                                       format: .xlsx(inlineStrings: d % 5 == 4, noReferences: d % 7 == 6), sheets: [])
                if d % 2 == 0 {
                    stats.notes = ["填表说明", "1. 发生时间按“年-月-日”填写。", "2. 直接经济损失以万元为单位。", "3. 本表由区县应急管理局汇总报送。"]
                }
                var accidentShape = KindColumns.IncidentShape()
                accidentShape.missing = d % 3 == 1
                accidentShape.serious = d % 3 != 0
                accidentShape.injuries = d % 4 != 2            // some sheets report only 重伤
                accidentShape.level = d % 2 == 1
                accidentShape.id = d % 5 != 3
                var accidentRecords = accidents
                if scale != .sample && special && d == 3 {
                    accidentRecords[0].district = "经济开发区"    // unknown: kept under its own name, with a warning
                }
                if accidentShape.level && special && !accidentRecords.isEmpty && scale != .sample {
                    accidentRecords[accidentRecords.count - 1].statedLevel = "较大"   // stated against derived: a warning
                }
                stats.sheets.append(accidentSheet(accidentRecords, shape: accidentShape, title: "\(year)年度\(name)生产安全事故统计表",
                                                  rejects: plantRejects, wrongTotal: special && d == 1))
                let duplicateFires = special && d == 1 ? Array(fires.prefix(max(3, fires.count / 10))) : []
                if !duplicateFires.isEmpty {
                    stats.sheets.append(fireSheet(duplicateFires, name: "火灾", title: "\(year)年\(name)火灾情况(重点)", duplicates: 0, csv: false))
                }
                stats.sheets.append(inspectionSheet(inspections, withDistrict: d != 2, title: "\(year)年\(name)执法检查记录", rejects: plantRejects))
                stats.sheets.append(penaltySheet(penalties, title: "\(year)年\(name)行政处罚案件", rejects: plantRejects))
                files.append(stats)

                // 2. The hazard register: XLSX or CSV in each encoding.
                let hazardFormat: ExportFile.Format
                switch d % 4 {
                case 0: hazardFormat = .xlsx(inlineStrings: false, noReferences: false)
                case 1: hazardFormat = .csv(.gb18030)
                case 2: hazardFormat = .csv(.utf8BOM)
                default: hazardFormat = .csv(.utf8)
                }
                let isCSV: Bool = { if case .csv = hazardFormat { return true } else { return false } }()
                var corrected: [HazardRecord] = []
                if special && d == 0 {
                    // A corrected resubmission repeats some ids with changed values; the later file wins.
                    corrected = hazards.prefix(max(5, hazards.count / 25)).map { h in
                        var c = h
                        c.statusRectified = true
                        c.rectifiedOn = h.date.adding(days: 3)
                        c.listed = false
                        return c
                    }
                }
                let hazardPath = folder + "\(name)\(year)年隐患排查治理台账." + (isCSV ? "csv" : "xlsx")
                files.append(ExportFile(path: hazardPath, format: hazardFormat,
                                        sheets: [hazardSheet(hazards, title: "\(year)年\(name)隐患排查治理台账", csv: isCSV,
                                                             supersededIDs: Set(corrected.map(\.id)), rejects: plantRejects)]))
                if !corrected.isEmpty {
                    files.append(ExportFile(path: folder + "\(name)\(year)年隐患排查治理台账（更正）.xlsx",
                                            format: .xlsx(inlineStrings: false, noReferences: false),
                                            sheets: [hazardSheet(corrected, title: "\(year)年\(name)隐患排查治理台账(更正)", csv: false,
                                                                 supersededIDs: [], rejects: false)]))
                }

                // 3. Fires as CSV; the copies already sent in the statistics workbook come first and are duplicates.
                files.append(ExportFile(path: folder + "\(name)\(year)年火灾情况.csv", format: .csv(d % 2 == 0 ? .utf8 : .gb18030),
                                        sheets: [fireSheet(fires, name: "火灾", title: "\(year)年\(name)火灾情况统计",
                                                           duplicates: duplicateFires.count, csv: true)]))
            }
        }
        let lastYear = region.years.last!
        targets = [(lastYear, nil, "事前处罚起数", Int(Double(region.districts.count * scale.perDistrictYear.penalties) * 0.55))]
        files.append(targetsFile(year: lastYear))
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    // MARK: Sheets

    mutating func style(csv: Bool) -> SheetStyle { SheetStyle.random(&random, csv: csv) }

    /// Assembles head, data rows (with blank rows), planted rejects and the 合计 row.
    mutating func assemble<R>(_ sheet: inout ExportSheet, _ assembler: SheetAssembler<R>, records: [R],
                              outcome: (Int, R) -> ExportSheet.Outcome, rejectRows: [[GeneratedCell]], wrongTotal: Bool) {
        let head = assembler.head()
        sheet.rows = head.rows
        sheet.merges = head.merges
        var serial = 0
        var counted: [R] = []
        for (i, record) in records.enumerated() {
            if assembler.style.blankRows && random.chance(0.02) { sheet.rows.append([]) }
            serial += 1
            sheet.rows.append(assembler.row(record, serial: serial))
            let o = outcome(i, record)
            sheet.count(o)
            if case .accepted = o { counted.append(record) }
        }
        for row in rejectRows {
            serial += 1
            sheet.rows.append((assembler.style.serialColumn ? [.integer(serial)] : []) + row)
            sheet.count(.rejected)
        }
        if (assembler.style.totalRow && rejectRows.isEmpty) || wrongTotal {
            // The 合计 row sums the data rows, as the exporter's SUM does; sheets with planted
            // rejects get none, so that only the deliberately wrong total warns.
            let summed = records.enumerated().filter { if case .rejected = outcome($0.offset, $0.element) { return false } else { return true } }
            sheet.rows.append(assembler.totalRow(summed.map(\.element), wrong: wrongTotal))
        }
    }

    mutating func accidentSheet(_ records: [IncidentRecord], shape: KindColumns.IncidentShape, title: String,
                                rejects: Bool, wrongTotal: Bool) -> ExportSheet {
        var s = style(csv: false)
        if wrongTotal { s.totalRow = true }
        var cols = columns(s)
        let (columns, unitLine) = cols.accident(shape)
        let assembler = SheetAssembler(style: s, columns: columns, title: title, unitLine: unitLine)
        var sheet = ExportSheet(name: "事故", kind: .accident)
        for r in records {
            let deaths = r.deaths + (shape.missing ? r.missing : 0)
            let serious = shape.serious ? r.seriousInjuries : 0
            let injuries = shape.injuries ? r.injuries : serious
            var derivedFrom = r
            derivedFrom.missing = shape.missing ? r.missing : 0
            derivedFrom.seriousInjuries = serious
            if !shape.loss { derivedFrom.lossFen = 0 }
            let level = shape.level ? (r.statedLevel ?? derivedFrom.derivedLevel) : derivedFrom.derivedLevel
            expected.addIncident(fire: false, district: r.district, date: r.date, deaths: deaths, injuries: injuries,
                                 lossFen: shape.loss ? r.lossFen : 0, level: level)
        }
        var bad: [[GeneratedCell]] = []
        if rejects, var a = records.first, var b = records.last {
            a.id = a.id.map { $0 + "-X" }
            b.id = b.id.map { $0 + "-Y" }
            a.date = CivilDate(year: a.date.year, month: 2, day: 30)          // impossible date, as text
            var row = assembler.row(a, serial: 0).dropFirst(s.serialColumn ? 1 : 0).map { $0 }
            if let i = columns.firstIndex(where: { $0.header.contains("时间") || $0.header.contains("日期") }) {
                row[i] = .text("\(a.date.year)-02-30")
            }
            bad.append(row)
            b.deaths = 1
            var row2 = assembler.row(b, serial: 0).dropFirst(s.serialColumn ? 1 : 0).map { $0 }
            if let i = columns.firstIndex(where: { $0.header.hasPrefix("死亡") }) { row2[i] = .text("-1") }
            bad.append(row2)
        }
        assemble(&sheet, assembler, records: records, outcome: { _, _ in .accepted }, rejectRows: bad, wrongTotal: wrongTotal)
        return sheet
    }

    /// `duplicates`: how many leading rows repeat rows already sent in an earlier file.
    mutating func fireSheet(_ records: [IncidentRecord], name: String, title: String, duplicates: Int, csv: Bool) -> ExportSheet {
        let s = style(csv: csv)
        var cols = columns(s)
        let (columns, unitLine) = cols.fire()
        let assembler = SheetAssembler(style: s, columns: columns, title: title, unitLine: unitLine)
        var sheet = ExportSheet(name: name, kind: .fire)
        for (i, r) in records.enumerated() where i >= duplicates {
            expected.addIncident(fire: true, district: r.district, date: r.date, deaths: r.deaths, injuries: r.injuries,
                                 lossFen: r.lossFen, level: r.derivedLevel)
        }
        assemble(&sheet, assembler, records: records, outcome: { i, _ in i < duplicates ? .duplicate : .accepted },
                 rejectRows: [], wrongTotal: false)
        return sheet
    }

    mutating func hazardSheet(_ records: [HazardRecord], title: String, csv: Bool, supersededIDs: Set<String>, rejects: Bool) -> ExportSheet {
        let s = style(csv: csv)
        var cols = columns(s)
        let columns = cols.hazard()
        let assembler = SheetAssembler(style: s, columns: columns, title: title, unitLine: nil)
        var sheet = ExportSheet(name: "隐患", kind: .hazard)
        for r in records where !supersededIDs.contains(r.id) { expected.add(r) }
        var bad: [[GeneratedCell]] = []
        if rejects, var h = records.last {
            // 整改状态 says not rectified, yet a completion date is given: a contradiction.
            h.id += "-X"
            h.statusRectified = false
            h.rectifiedOn = nil
            var row = assembler.row(h, serial: 0).dropFirst(s.serialColumn ? 1 : 0).map { $0 }
            if let i = columns.firstIndex(where: { ["整改状态", "是否整改", "整改情况"].contains($0.header) }) { row[i] = .text("未整改") }
            if let i = columns.firstIndex(where: { ["整改完成日期", "整改日期", "销号日期"].contains($0.header) }) {
                row[i] = s.dateCell(h.date.adding(days: 5))
            }
            bad.append(row)
        }
        assemble(&sheet, assembler, records: records, outcome: { _, r in supersededIDs.contains(r.id) ? .duplicate : .accepted },
                 rejectRows: bad, wrongTotal: false)
        return sheet
    }

    mutating func inspectionSheet(_ records: [InspectionRecord], withDistrict: Bool, title: String, rejects: Bool) -> ExportSheet {
        let s = style(csv: false)
        var cols = columns(s)
        let columns = cols.inspection(withDistrict: withDistrict)
        let assembler = SheetAssembler(style: s, columns: columns, title: title, unitLine: nil)
        var sheet = ExportSheet(name: "执法检查", kind: .inspection)
        for r in records { expected.add(r) }
        var bad: [[GeneratedCell]] = []
        if rejects, let r = records.first {
            var row = assembler.row(r, serial: 0).dropFirst(s.serialColumn ? 1 : 0).map { $0 }
            row[row.count - 1] = .text("若干")   // a count that is not a number
            bad.append(row)
        }
        assemble(&sheet, assembler, records: records, outcome: { _, _ in .accepted }, rejectRows: bad, wrongTotal: false)
        return sheet
    }

    mutating func penaltySheet(_ records: [PenaltyRecord], title: String, rejects: Bool) -> ExportSheet {
        let s = style(csv: false)
        var cols = columns(s)
        let (columns, unitLine) = cols.penalty()
        let assembler = SheetAssembler(style: s, columns: columns, title: title, unitLine: unitLine)
        var sheet = ExportSheet(name: "行政处罚", kind: .penalty)
        for r in records { expected.add(r) }
        var bad: [[GeneratedCell]] = []
        if rejects, var p = records.first {
            p.id += "-B"
            var row = assembler.row(p, serial: 0).dropFirst(s.serialColumn ? 1 : 0).map { $0 }
            row[1] = .empty   // 立案日期 missing: a required field
            bad.append(row)
        }
        assemble(&sheet, assembler, records: records, outcome: { _, _ in .accepted }, rejectRows: bad, wrongTotal: false)
        return sheet
    }

    /// A 目标 sheet at the root: one target for a district.
    mutating func targetsFile(year: Int) -> ExportFile {
        let district = region.districts[0].name
        let value = scale.perDistrictYear.penalties
        targets.append((year, district, "行政处罚起数", value))
        var sheet = ExportSheet(name: "目标", kind: .penalty)
        sheet.rows = [[.text("\(year)年度安全生产工作目标")], [.text("年度"), .text("区县"), .text("指标"), .text("目标值")],
                      [.integer(year), .text(district), .text("行政处罚起数"), .integer(value)]]
        sheet.merges = ["A1:D1"]
        sheet.count(.accepted)
        return ExportFile(path: "\(year)年度目标.xlsx", format: .xlsx(inlineStrings: false, noReferences: false), sheets: [sheet])
    }

    // MARK: config.toml and expected.json

    func configText() -> String {
        var t = "# \(region.name)安全生产统计配置(由 safetystats generate 生成)\n[region]\nname = \"\(region.name)\"\nlevel = \"市\"\n\n[districts]\n"
        for d in region.districts {
            t += "\"\(d.name)\" = [" + d.aliases.map { "\"\($0)\"" }.joined(separator: ", ") + "]\n"
        }
        t += "\n[industries]\n\"危险化学品\" = [\"危化企业\"]\n\n[headers]\n\"死亡人数\" = [\"亡\"]\n"
        for target in targets where target.district == nil {
            t += "\n[[targets]]\nyear = \(target.year)\nmetric = \"\(target.metric)\"\ntarget = \(target.value)\n"
        }
        return t
    }

    func expectedJSON() -> String {
        var read = 0, accepted = 0, rejected = 0, duplicates = 0
        for f in files where f.path.hasSuffix("目标.xlsx") == false {
            for s in f.sheets { read += s.read; accepted += s.accepted; rejected += s.rejected; duplicates += s.duplicates }
        }
        var out = "{\n"
        out += "  \"scale\": \(quoted(scale.rawValue)),\n  \"region\": \(quoted(region.name)),\n  \"level\": \"市\",\n"
        out += "  \"years\": [" + region.years.map(String.init).joined(separator: ", ") + "],\n"
        out += "  \"districts\": [" + region.districts.map { quoted($0.name) }.joined(separator: ", ") + "],\n"
        out += "  \"rows\": {\"read\": \(read), \"accepted\": \(accepted), \"rejected\": \(rejected), \"duplicates\": \(duplicates)},\n"
        out += "  \"files\": [\n" + files.map { f in
            var sheets = f.notes.isEmpty ? [] : ["{\"name\": \"填表说明\", \"kind\": null, \"read\": 0, \"accepted\": 0, \"rejected\": 0, \"duplicates\": 0}"]
            let isTargets = f.path.hasSuffix("目标.xlsx")
            sheets += f.sheets.map { s in
                let name: String = { if case .csv = f.format { return "null" } else { return quoted(s.name) } }()
                return "{\"name\": \(name), \"kind\": \(quoted(isTargets ? "目标" : s.kind.rawValue)), \"read\": \(s.read), "
                    + "\"accepted\": \(s.accepted), \"rejected\": \(s.rejected), \"duplicates\": \(s.duplicates)}"
            }
            return "    {\"path\": \(quoted(f.path)), \"sheets\": [" + sheets.joined(separator: ", ") + "]}"
        }.joined(separator: ",\n") + "\n  ],\n"
        out += "  \"totals\": " + expected.json(indent: "  ") + ",\n"
        out += "  \"targets\": [" + targets.map { t in
            "{\"year\": \(t.year), \"district\": \(t.district.map(quoted) ?? "null"), \"metric\": \(quoted(t.metric)), \"target\": \(t.value)}"
        }.joined(separator: ", ") + "]\n}\n"
        return out
    }
}
