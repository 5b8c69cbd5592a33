/// The fictional region a data set describes: its name, districts (with the aliases its config
/// lists) and years.
struct RegionPlan {
    struct District {
        let name: String
        let aliases: [String]
    }

    let name: String
    let districts: [District]
    let years: [Int]

    static func make(_ scale: GeneratorScale) -> RegionPlan {
        let years = [2024, 2025]
        switch scale {
        case .sample:
            return RegionPlan(name: "示例市", districts: named(["东城区", "西湖区", "南山区", "北江区", "青峰县", "临川县"]), years: years)
        case .city, .sheet1m:
            return RegionPlan(name: "示例市", districts: named(["东城区", "西湖区", "南山区", "北江区", "青峰县", "临川县",
                                                              "金沙区", "白云区", "石门县", "安平县"]), years: years)
        case .province:
            let first = ["安", "宝", "长", "丰", "福", "广", "海", "和", "华", "建", "江", "金", "康", "乐", "临", "龙", "明", "南", "宁", "平"]
            let second = ["城", "川", "丰", "河", "湖", "林", "宁", "平", "山", "阳"]
            var names: [String] = []
            for a in first {
                for b in second where a != b && names.count < 100 {
                    names.append(a + b + (names.count % 4 == 3 ? "县" : "区"))
                }
            }
            return RegionPlan(name: "示例省", districts: named(names), years: years)
        }
    }

    /// Each district's short name (without 区/县) is its alias, as districts write themselves.
    static func named(_ names: [String]) -> [District] {
        names.map { District(name: $0, aliases: [String($0.dropLast())]) }
    }
}
