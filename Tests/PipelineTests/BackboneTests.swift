import Foundation
import Testing
import Generator
import Ingest
import Metrics
import Model

/// The backbone: for the generator's `sample` and `city` sets, what the pipeline computes from
/// the generated files equals the generator's own record of what it wrote (expected.json).
@Suite(.serialized) struct BackboneTests {
    /// Each scale is generated and ingested once for all the tests of this suite.
    static let sample = Result { try GeneratedSet(.sample) }
    static let city = Result { try GeneratedSet(.city) }

    static func set(_ scale: GeneratorScale) throws -> GeneratedSet {
        try (scale == .sample ? sample : city).get()
    }

    @Test(arguments: [GeneratorScale.sample, .city])
    func rowCountsPerFileAndSheetMatch(_ scale: GeneratorScale) throws {
        let set = try Self.set(scale)
        let (result, expected) = (set.result, set.expected)
        let rows = expected["rows"] as! [String: Int]
        let dataFiles = result.files.filter { !$0.path.hasSuffix("目标.xlsx") }
        #expect(dataFiles.reduce(0) { $0 + $1.read } == rows["read"])
        #expect(dataFiles.reduce(0) { $0 + $1.accepted } == rows["accepted"])
        #expect(dataFiles.reduce(0) { $0 + $1.rejected } == rows["rejected"])
        #expect(dataFiles.reduce(0) { $0 + $1.duplicates } == rows["duplicates"])
        #expect(result.unreadableFiles == 0)

        var reports: [String: FileReport] = [:]
        for f in result.files { reports[f.path] = f }
        for file in expected["files"] as! [[String: Any]] {
            let path = file["path"] as! String
            guard let report = reports[path] else { Issue.record("\(path) not read"); continue }
            let sheets = file["sheets"] as! [[String: Any]]
            #expect(report.sheets.count == sheets.count, "\(path)")
            for (sheet, want) in zip(report.sheets, sheets) {
                let label = "\(path) \(sheet.name ?? "CSV")"
                #expect(sheet.kind?.rawValue == want["kind"] as? String, "\(label)")
                #expect(sheet.read == want["read"] as? Int, "\(label) read")
                #expect(sheet.accepted == want["accepted"] as? Int, "\(label) accepted")
                #expect(sheet.rejected == want["rejected"] as? Int, "\(label) rejected")
                #expect(sheet.duplicates == want["duplicates"] as? Int, "\(label) duplicates")
                #expect(sheet.read == sheet.accepted + sheet.rejected, "\(label) conservation")
            }
        }
    }

    @Test(arguments: [GeneratorScale.sample, .city])
    func totalsPerDistrictYearAndMonthMatch(_ scale: GeneratorScale) throws {
        let set = try Self.set(scale)
        let (dataset, expected) = (set.result.dataset, set.expected)
        let totals = expected["totals"] as! [String: [[String: Any]]]
        let actual = DatasetTotals(dataset)
        for (kind, rows) in totals {
            let computed = actual.rows[kind] ?? [:]
            var wanted: [String: [String: String]] = [:]
            for row in rows {
                let key = "\(row["district"]!)|\(row["year"]!)|\(row["month"]!)"
                var values: [String: String] = [:]
                for (name, value) in row where !["district", "year", "month"].contains(name) { values[name] = "\(value)" }
                if let levels = row["levels"] as? [String: Int] {
                    values["levels"] = levels.keys.sorted().map { "\($0)=\(levels[$0]!)" }.joined(separator: ",")
                }
                wanted[key] = values
            }
            #expect(Set(computed.keys) == Set(wanted.keys), "\(kind): keys differ")
            for (key, values) in wanted {
                for (name, value) in values {
                    #expect(computed[key]?[name] == value, "\(kind) \(key) \(name)")
                }
            }
        }
    }

    /// Full-year figures for the region and every district equal the sums of expected.json.
    @Test(arguments: [GeneratorScale.sample, .city])
    func fullYearFiguresMatch(_ scale: GeneratorScale) throws {
        let set = try Self.set(scale)
        let (dataset, expected) = (set.result.dataset, set.expected)
        let totals = expected["totals"] as! [String: [[String: Any]]]
        let checks: [(kind: String, field: String, id: String)] = [
            ("accidents", "count", "accidents.count"), ("accidents", "deaths", "accidents.deaths"),
            ("accidents", "injuries", "accidents.injuries"), ("accidents", "loss_yuan", "accidents.loss"),
            ("fires", "count", "fires.count"), ("fires", "deaths", "fires.deaths"),
            ("hazards", "found", "hazards.found"), ("hazards", "rectified", "hazards.rectified"),
            ("hazards", "major", "hazards.major.found"), ("hazards", "listed", "hazards.major.listed"),
            ("hazards", "overdue", "hazards.overdue"),
            ("inspections", "count", "inspections.count"), ("penalties", "count", "penalties.count"),
            ("penalties", "fines_yuan", "penalties.fines"), ("penalties", "pre", "penalties.pre"),
            ("penalties", "shutdowns", "penalties.shutdowns"),
        ]
        for year in expected["years"] as! [Int] {
            let figures = FiguresBuilder.compute(dataset, period: try ReportPeriod(year: year, through: 12))
            for scope in figures.scopes {
                for check in checks {
                    let rows = (totals[check.kind] ?? []).filter {
                        $0["year"] as? Int == year && (scope.kind == .region || $0["district"] as? String == scope.scope)
                    }
                    var sum = ExactDecimal(0)
                    for row in rows {
                        let v = row[check.field]
                        let d = (v as? String).flatMap { ExactDecimal($0) } ?? ExactDecimal((v as? Int) ?? 0)
                        sum = ExactDecimal.difference(sum, ExactDecimal(significand: -d.significand, exponent: d.exponent))
                    }
                    if check.field.hasSuffix("_yuan") { sum = ExactDecimal(significand: sum.significand, exponent: sum.exponent - 4) }
                    let figure = scope.metric(check.id)
                    #expect(figure?.value.text == sum.text, "\(year) \(scope.scope) \(check.id)")
                }
            }
        }
    }
}

/// A generated data set, its expected.json and what ingest made of it.
struct GeneratedSet: Sendable {
    let result: IngestResult
    let expected: [String: any Sendable]

    init(_ scale: GeneratorScale) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backbone-\(scale.rawValue)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try ExportGenerator(scale: scale).write(to: dir)
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/expected.json"))
        expected = try JSONSerialization.jsonObject(with: data) as! [String: any Sendable]
        result = try Ingest.run(inputs: dir)
    }
}

/// Totals computed straight from the columnar tables, keyed like expected.json.
struct DatasetTotals {
    var rows: [String: [String: [String: String]]] = [:]

    init(_ d: Dataset) {
        func key(_ district: Int32, _ day: Day) -> String {
            "\(d.districts[district] ?? "?")|\(day.year)|\(day.month)"
        }
        func incidents(_ t: IncidentTable) -> [String: [String: String]] {
            var acc: [String: (count: Int, deaths: Int, injuries: Int, loss: Money, levels: [String: Int])] = [:]
            for i in 0..<t.count {
                let k = key(t.district[i], t.date[i])
                var v = acc[k] ?? (0, 0, 0, .zero, ["一般": 0, "较大": 0, "重大": 0, "特别重大": 0])
                v.count += 1
                v.deaths += Int(t.deaths[i] + t.missing[i])
                v.injuries += Int(t.injuries[i])
                v.loss = v.loss + t.loss[i]
                v.levels[t.level[i].name, default: 0] += 1
                acc[k] = v
            }
            return acc.mapValues { v in
                ["count": "\(v.count)", "deaths": "\(v.deaths)", "injuries": "\(v.injuries)", "loss_yuan": v.loss.yuanText,
                 "levels": v.levels.keys.sorted().map { "\($0)=\(v.levels[$0]!)" }.joined(separator: ",")]
            }
        }
        rows["accidents"] = incidents(d.accidents)
        rows["fires"] = incidents(d.fires)

        var hazards: [String: [Int]] = [:]
        let h = d.hazards
        for i in 0..<h.count {
            let asOf = Day.endOf(year: h.date[i].year, month: 12)!
            var v = hazards[key(h.district[i], h.date[i])] ?? [0, 0, 0, 0, 0, 0]
            let rectified = h.isRectified(i, asOf: asOf)
            v[0] += 1
            if rectified { v[1] += 1 }
            if h.flags[i].contains(.major) { v[2] += 1; if rectified { v[3] += 1 } }
            if h.flags[i].contains(.listed) { v[4] += 1 }
            if h.isOverdue(i, asOf: asOf) { v[5] += 1 }
            hazards[key(h.district[i], h.date[i])] = v
        }
        rows["hazards"] = hazards.mapValues { v in
            ["found": "\(v[0])", "rectified": "\(v[1])", "major": "\(v[2])", "major_rectified": "\(v[3])",
             "listed": "\(v[4])", "overdue": "\(v[5])"]
        }

        var inspections: [String: [Int]] = [:]
        let n = d.inspections
        for i in 0..<n.count {
            var v = inspections[key(n.district[i], n.date[i])] ?? [0, 0]
            v[0] += 1
            v[1] += Int(n.hazardsFound[i])
            inspections[key(n.district[i], n.date[i])] = v
        }
        rows["inspections"] = inspections.mapValues { ["count": "\($0[0])", "hazards_found": "\($0[1])"] }

        var penalties: [String: (count: Int, fines: Money, pre: Int, shutdowns: Int)] = [:]
        let p = d.penalties
        for i in 0..<p.count {
            var v = penalties[key(p.district[i], p.date[i])] ?? (0, .zero, 0, 0)
            v.count += 1
            v.fines = v.fines + p.fine[i]
            if p.flags[i].contains(.beforeAccident) { v.pre += 1 }
            if p.flags[i].contains(.shutdown) { v.shutdowns += 1 }
            penalties[key(p.district[i], p.date[i])] = v
        }
        rows["penalties"] = penalties.mapValues {
            ["count": "\($0.count)", "fines_yuan": $0.fines.yuanText, "pre": "\($0.pre)", "shutdowns": "\($0.shutdowns)"]
        }
    }
}
