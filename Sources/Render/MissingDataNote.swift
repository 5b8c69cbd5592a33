import Metrics

/// Data a part did not send for the period (`run --allow-missing`): the figures already read
/// 未报送 and region totals 「（不含临川县）」; this note says it once, under the title, so a reader
/// knows before the first figure which parts and registers the document lacks.
///
/// Templates see `未报送数据` (a list of `项.地区`, `项.类型`, `项.期间`) and `未报送说明` (one
/// sentence; empty text when every part reported). The region's documents list every pair, a
/// part's documents only its own. The shipped templates place it as they place `未计入说明`.
struct MissingDataNote {
    let pairs: [MissingData]
    let isRegion: Bool

    init(_ figures: Figures, scope: ScopeFigures) {
        isRegion = scope.kind == .region
        pairs = isRegion ? figures.missing : figures.missing.filter { $0.part == scope.scope }
    }

    /// 「注意：临川县未报送2025年事故、火灾数据，南山区未报送2025年隐患数据；文中相应数字标为“未报送”，合计不含这些数据。」
    var sentence: String {
        guard !pairs.isEmpty else { return "" }
        // One clause per part and period, its kinds joined: 临川县未报送2025年事故、火灾数据.
        var clauses: [(part: String, period: String, kinds: [String])] = []
        for pair in pairs {
            if let i = clauses.firstIndex(where: { $0.part == pair.part && $0.period == pair.period }) {
                clauses[i].kinds.append(pair.kind)
            } else {
                clauses.append((pair.part, pair.period, [pair.kind]))
            }
        }
        let said = clauses.map { "\($0.part)未报送\($0.period)\($0.kinds.joined(separator: "、"))数据" }.joined(separator: "，")
        return "注意：\(said)；文中相应数字标为“未报送”" + (isRegion ? "，合计不含这些数据。" : "。")
    }

    /// The template variables.
    var context: [String: Any] {
        [
            "未报送数据": pairs.map { ["地区": $0.part, "类型": $0.kind, "期间": $0.period] as [String: Any] },
            "未报送说明": sentence,
        ]
    }

    /// The element of `未报送数据`, for checking templates in runs where the list is empty.
    static var prototypes: [String: Any] { ["未报送数据": ["地区": "", "类型": "", "期间": ""] as [String: Any]] }
}
