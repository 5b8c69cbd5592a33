import Ingest
import Model

/// Builds small datasets by hand for metric tests: every record in one file, every part having
/// sent every register (see `TestData`).
struct DatasetBuilder {
    private var data: TestData

    init(level: RegionConfig.Level = .city, parts: [String] = ["东城区", "西湖区"]) {
        data = TestData(name: "示例市", level: level, parts: parts)
    }

    var dataset: Dataset { data.dataset }

    var targets: [Target] {
        get { data.records.targets }
        set { data.records.targets = newValue }
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    mutating func accident(_ district: String, _ date: Day, deaths: Int32 = 0, injuries: Int32 = 0, lossWan: String = "0",
                           industry: String? = nil, level: AccidentLevel = .ordinary) {
        data.accident(district, date, deaths: deaths, injuries: injuries, lossWan: lossWan, industry: industry, level: level, file: "t.xlsx")
    }

    mutating func fire(_ district: String, _ date: Day, deaths: Int32 = 0) {
        data.fire(district, date, deaths: deaths, file: "t.xlsx")
    }

    mutating func hazard(_ district: String, _ date: Day, rectifiedOn: Day? = nil, status: Bool = false,
                         deadline: Day? = nil, major: Bool = false, listed: Bool = false) {
        data.hazard(district, date, rectifiedOn: rectifiedOn, status: status, deadline: deadline, major: major, listed: listed, file: "t.xlsx")
    }

    mutating func inspection(_ district: String, _ date: Day, unit: String) {
        data.inspection(district, date, unit: unit, file: "t.xlsx")
    }

    mutating func penalty(_ district: String, _ date: Day, fineYuan: String = "0", industry: String? = nil,
                          pre: Bool = false, shutdown: Bool = false) {
        data.penalty(district, date, fineYuan: fineYuan, industry: industry, pre: pre, shutdown: shutdown, file: "t.xlsx")
    }
}
