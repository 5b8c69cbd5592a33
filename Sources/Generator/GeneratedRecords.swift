/// The canonical values of generated records — what a correct ingest must reconstruct, whatever
/// quirks the cells are written with.
struct CivilDate: Hashable, Comparable {
    let year: Int
    let month: Int
    let day: Int

    static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `days` later (small steps, for deadlines and completion dates).
    func adding(days: Int) -> CivilDate {
        var (y, m, d) = (year, month, day + days)
        while d > CivilDate.daysIn(m, y) {
            d -= CivilDate.daysIn(m, y)
            m += 1
            if m > 12 { m = 1; y += 1 }
        }
        return CivilDate(year: y, month: m, day: d)
    }

    var iso: String { "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)" }
}

struct IncidentRecord {
    var id: String?
    var date: CivilDate
    var hour: Int
    var minute: Int
    var district: String
    var industry: String?       // canonical name
    var category: String        // 事故类型 or 起火原因
    var place: String           // 单位名称 or 起火场所
    var deaths: Int
    var missing: Int
    var seriousInjuries: Int
    var injuries: Int
    var lossFen: Int64          // direct loss in 分
    var statedLevel: String?    // 事故等级 as a sheet states it

    /// The level METRICS.md derives when none is stated (条例 第三条).
    var derivedLevel: String {
        let d = deaths + missing
        let wan = lossFen / 1_000_000
        if d >= 30 || seriousInjuries >= 100 || wan >= 10_000 { return "特别重大" }
        if d >= 10 || seriousInjuries >= 50 || wan >= 5_000 { return "重大" }
        if d >= 3 || seriousInjuries >= 10 || wan >= 1_000 { return "较大" }
        return "一般"
    }
}

struct HazardRecord {
    var id: String
    var date: CivilDate
    var district: String
    var unit: String
    var industry: String
    var major: Bool
    var description: String
    var statusRectified: Bool
    var rectifiedOn: CivilDate?
    var deadline: CivilDate
    var listed: Bool
    var source: String

    /// Rectified as of 31 December of its own year (what a full-year run counts).
    var rectifiedByYearEnd: Bool {
        if let done = rectifiedOn { return done.year <= date.year }
        return statusRectified
    }

    var overdueAtYearEnd: Bool {
        !rectifiedByYearEnd && deadline < CivilDate(year: date.year, month: 12, day: 31)
    }
}

struct InspectionRecord {
    var date: CivilDate
    var district: String
    var unit: String
    var industry: String
    var type: String
    var hazardsFound: Int
}

struct PenaltyRecord {
    var id: String
    var date: CivilDate
    var district: String
    var unit: String
    var industry: String
    var kinds: String
    var fineFen: Int64
    var pre: Bool

    var shutdown: Bool { kinds.contains("停产") || kinds.contains("停业") }
}
