/// The exact totals of what was written, as a correct ingest and metric computation must find
/// them: keyed by kind, canonical district, year and month of the record's period date.
struct ExpectedTotals {
    struct Key: Hashable, Comparable {
        let district: String
        let year: Int
        let month: Int

        static func < (a: Key, b: Key) -> Bool {
            if a.district != b.district { return a.district.unicodeScalars.lexicographicallyPrecedes(b.district.unicodeScalars) }
            return (a.year, a.month) < (b.year, b.month)
        }
    }

    struct Incident {
        var count = 0, deaths = 0, injuries = 0
        var lossFen: Int64 = 0
        var levels: [String: Int] = ["一般": 0, "较大": 0, "重大": 0, "特别重大": 0]
    }

    struct Hazard { var found = 0, rectified = 0, major = 0, majorRectified = 0, listed = 0, overdue = 0 }
    struct Inspection { var count = 0, hazardsFound = 0 }
    struct Penalty { var count = 0, finesFen: Int64 = 0, pre = 0, shutdowns = 0 }

    var accidents: [Key: Incident] = [:]
    var fires: [Key: Incident] = [:]
    var hazards: [Key: Hazard] = [:]
    var inspections: [Key: Inspection] = [:]
    var penalties: [Key: Penalty] = [:]

    static func key(_ district: String, _ date: CivilDate) -> Key { Key(district: district, year: date.year, month: date.month) }

    /// An accepted 事故/火灾 row, with the values the sheet actually carries.
    mutating func addIncident(fire: Bool, district: String, date: CivilDate, deaths: Int, injuries: Int, lossFen: Int64, level: String) {
        let k = ExpectedTotals.key(district, date)
        var t = (fire ? fires[k] : accidents[k]) ?? Incident()
        t.count += 1
        t.deaths += deaths
        t.injuries += injuries
        t.lossFen += lossFen
        t.levels[level, default: 0] += 1
        if fire { fires[k] = t } else { accidents[k] = t }
    }

    mutating func add(_ h: HazardRecord) {
        let k = ExpectedTotals.key(h.district, h.date)
        var t = hazards[k] ?? Hazard()
        t.found += 1
        if h.rectifiedByYearEnd { t.rectified += 1 }
        if h.major {
            t.major += 1
            if h.rectifiedByYearEnd { t.majorRectified += 1 }
        }
        if h.listed { t.listed += 1 }
        if h.overdueAtYearEnd { t.overdue += 1 }
        hazards[k] = t
    }

    mutating func add(_ r: InspectionRecord) {
        let k = ExpectedTotals.key(r.district, r.date)
        var t = inspections[k] ?? Inspection()
        t.count += 1
        t.hazardsFound += r.hazardsFound
        inspections[k] = t
    }

    mutating func add(_ p: PenaltyRecord) {
        let k = ExpectedTotals.key(p.district, p.date)
        var t = penalties[k] ?? Penalty()
        t.count += 1
        t.finesFen += p.fineFen
        if p.pre { t.pre += 1 }
        if p.shutdown { t.shutdowns += 1 }
        penalties[k] = t
    }

    /// The `totals` object of expected.json (all-zero rows never occur: every key has a record).
    func json(indent: String) -> String {
        func head(_ k: Key) -> String { "\"district\": \(quoted(k.district)), \"year\": \(k.year), \"month\": \(k.month)" }
        func incident(_ map: [Key: Incident]) -> [String] {
            map.keys.sorted().map { k in
                let t = map[k]!
                let levels = ["一般", "较大", "重大", "特别重大"].map { "\(quoted($0)): \(t.levels[$0] ?? 0)" }.joined(separator: ", ")
                return "{\(head(k)), \"count\": \(t.count), \"deaths\": \(t.deaths), \"injuries\": \(t.injuries), "
                    + "\"loss_yuan\": \(quoted(moneyText(t.lossFen, wan: false))), \"levels\": {\(levels)}}"
            }
        }
        let sections: [(String, [String])] = [
            ("accidents", incident(accidents)),
            ("fires", incident(fires)),
            ("hazards", hazards.keys.sorted().map { k in
                let t = hazards[k]!
                return "{\(head(k)), \"found\": \(t.found), \"rectified\": \(t.rectified), \"major\": \(t.major), "
                    + "\"major_rectified\": \(t.majorRectified), \"listed\": \(t.listed), \"overdue\": \(t.overdue)}"
            }),
            ("inspections", inspections.keys.sorted().map { k in
                let t = inspections[k]!
                return "{\(head(k)), \"count\": \(t.count), \"hazards_found\": \(t.hazardsFound)}"
            }),
            ("penalties", penalties.keys.sorted().map { k in
                let t = penalties[k]!
                return "{\(head(k)), \"count\": \(t.count), \"fines_yuan\": \(quoted(moneyText(t.finesFen, wan: false))), "
                    + "\"pre\": \(t.pre), \"shutdowns\": \(t.shutdowns)}"
            }),
        ]
        return "{\n" + sections.map { name, rows in
            "\(indent)  \(quoted(name)): [\n" + rows.map { "\(indent)    " + $0 }.joined(separator: ",\n") + "\n\(indent)  ]"
        }.joined(separator: ",\n") + "\n\(indent)}"
    }
}

func quoted(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        .replacingOccurrences(of: "\n", with: "\\n") + "\""
}

import Foundation
