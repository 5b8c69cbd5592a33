import Foundation
import Testing
@testable import Generator

@Suite struct GeneratorValueTests {
    @Test func moneyTextIsExact() {
        #expect(moneyText(48_435_300, wan: true) == "48.4353")
        #expect(moneyText(484_353_000, wan: false) == "4843530")
        #expect(moneyText(1, wan: false) == "0.01")
        #expect(moneyText(1_000_000, wan: true) == "1")
        #expect(withSeparators("4843530") == "4,843,530")
        #expect(withSeparators("1234.5") == "1,234.5")
        #expect(withSeparators("999") == "999")
    }

    @Test func dateStylesOfInputsMd() {
        var s = SheetStyle()
        let d = CivilDate(year: 2020, month: 3, day: 9)
        let expected: [SheetStyle.DateStyle: String] = [
            .iso: "2020-03-09", .slash: "2020/3/9", .dot: "2020.3.9", .chinese: "2020年3月9日", .compact: "20200309",
            .isoWithTime: "2020-03-09 14:05", .slashWithTime: "2020/3/9 14:05:00",
        ]
        for (style, text) in expected {
            s.dateStyle = style
            #expect(s.dateCell(d, hour: 14, minute: 5).csv == text)
        }
    }

    @Test func countStyles() {
        var s = SheetStyle()
        s.countStyle = .fullWidth
        #expect(s.countCell(12, unit: "人").csv == "１２")
        s.countStyle = .withUnit
        #expect(s.countCell(3, unit: "人").csv == "3人")
        s.emptyZeros = true
        #expect(s.countCell(0, unit: "人").csv == "")
    }

    @Test func derivedLevelsFollowTheRegulation() {
        var r = IncidentRecord(id: nil, date: CivilDate(year: 2020, month: 1, day: 1), hour: 0, minute: 0, district: "东城区",
                               industry: nil, category: "", place: "", deaths: 2, missing: 1, seriousInjuries: 0, injuries: 0,
                               lossFen: 0, statedLevel: nil)
        #expect(r.derivedLevel == "较大")   // 2 dead + 1 missing = 3
        r.missing = 0
        #expect(r.derivedLevel == "一般")
        r.lossFen = 1_000 * 1_000_000
        #expect(r.derivedLevel == "较大")   // 1000万元
    }

    @Test func hazardYearEndRules() {
        let found = CivilDate(year: 2024, month: 12, day: 10)
        var h = HazardRecord(id: "x", date: found, district: "东城区", unit: "", industry: "", major: false, description: "",
                             statusRectified: true, rectifiedOn: CivilDate(year: 2025, month: 1, day: 2),
                             deadline: CivilDate(year: 2024, month: 12, day: 20), listed: false, source: "")
        #expect(!h.rectifiedByYearEnd)
        #expect(h.overdueAtYearEnd)
        h.rectifiedOn = nil
        #expect(h.rectifiedByYearEnd)
    }
}

@Suite struct GeneratorPlanTests {
    /// The city set carries every quirk the ingest issue lists.
    @Test func cityCarriesEveryQuirk() {
        var plan = ExportPlan(scale: .city, seed: 20261122)
        plan.build()
        let sheets = plan.files.flatMap(\.sheets)
        let cells = sheets.flatMap(\.rows).flatMap { $0 }
        let texts = cells.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
        #expect(plan.files.contains { if case .csv(.gb18030) = $0.format { return true } else { return false } })
        #expect(plan.files.contains { if case .csv(.utf8BOM) = $0.format { return true } else { return false } })
        #expect(plan.files.contains { if case .xlsx(true, _) = $0.format { return true } else { return false } })
        #expect(plan.files.contains { !$0.notes.isEmpty })                      // 填表说明 sheets
        #expect(plan.files.contains { $0.path.contains("（更正）") })           // corrected resubmission
        #expect(texts.contains("合计"))
        #expect(texts.contains("单位:万元"))
        #expect(texts.contains { $0.hasPrefix("填报单位") })
        #expect(texts.contains("伤亡情况"))                                      // two-row header
        #expect(texts.contains { $0.hasSuffix("万元") && $0.first?.isNumber == true })   // unit in a cell
        #expect(texts.contains { $0.contains(",") && $0.first?.isNumber == true })       // thousands separators
        #expect(texts.contains { $0.unicodeScalars.first.map { (0xFF10...0xFF19).contains($0.value) } == true })
        #expect(texts.contains { $0.hasSuffix("人") && $0.first?.isNumber == true })
        #expect(texts.contains { $0.contains("年") && $0.hasSuffix("日") && $0.first?.isNumber == true })
        #expect(texts.contains("√") && texts.contains("危化品"))
        #expect(texts.contains("经济开发区"))                                    // an unknown district
        #expect(sheets.reduce(0) { $0 + $1.duplicates } > 0)
        #expect(sheets.reduce(0) { $0 + $1.rejected } > sheets.reduce(0) { $0 + $1.duplicates })
        #expect((40...80).contains(plan.files.count))
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() {
        var a = ExportPlan(scale: .sample, seed: 1), b = ExportPlan(scale: .sample, seed: 1), c = ExportPlan(scale: .sample, seed: 2)
        a.build(); b.build(); c.build()
        #expect(a.files.map { $0.bytes() } == b.files.map { $0.bytes() })
        #expect(a.expectedJSON() == b.expectedJSON())
        #expect(a.files.map { $0.bytes() } != c.files.map { $0.bytes() })
    }
}
