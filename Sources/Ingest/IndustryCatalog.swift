/// 行业领域 values mapped to the canonical list of INPUTS.md, with built-in and config aliases.
/// Unknown values are kept as written (and reported once per value by the caller).
struct IndustryCatalog: Sendable {
    static let canonical = ["危险化学品", "非煤矿山", "煤矿", "冶金", "有色", "建材", "机械", "轻工", "纺织",
                            "烟草", "商贸", "工贸其他", "建筑施工", "道路运输", "消防", "特种设备", "烟花爆竹",
                            "民爆", "燃气", "渔业船舶", "水上交通", "其他"]

    static let builtInAliases: [String: String] = [
        "危化品": "危险化学品", "危化": "危险化学品", "危险化学品企业": "危险化学品", "危化企业": "危险化学品",
        "化工": "危险化学品", "化工和危险化学品": "危险化学品", "化工危化": "危险化学品",
        "非煤": "非煤矿山", "非煤矿": "非煤矿山", "金属非金属矿山": "非煤矿山", "矿山": "非煤矿山",
        "煤炭": "煤矿", "煤矿企业": "煤矿",
        "钢铁": "冶金", "冶金工贸": "冶金",
        "有色金属": "有色",
        "建筑材料": "建材",
        "机械制造": "机械",
        "轻工业": "轻工",
        "纺织业": "纺织",
        "商贸流通": "商贸", "商贸服务": "商贸", "商业": "商贸", "商贸业": "商贸",
        "工贸": "工贸其他", "其他工贸": "工贸其他", "工贸行业": "工贸其他", "一般工贸": "工贸其他",
        "建筑": "建筑施工", "建筑业": "建筑施工", "建设工程": "建筑施工", "房屋建筑": "建筑施工",
        "房屋市政": "建筑施工", "建筑工程": "建筑施工", "房屋市政工程": "建筑施工",
        "道路交通": "道路运输", "交通运输": "道路运输", "道路运输业": "道路运输",
        "消防安全": "消防",
        "特种设备安全": "特种设备",
        "烟花": "烟花爆竹",
        "民用爆炸物品": "民爆", "民爆器材": "民爆", "民爆物品": "民爆",
        "城镇燃气": "燃气", "燃气行业": "燃气",
        "渔船": "渔业船舶", "渔业": "渔业船舶",
        "水上交通运输": "水上交通", "水运": "水上交通", "水路运输": "水上交通",
        "其它": "其他",
    ]

    private let map: [String: String]

    init(extraAliases: [String: String] = [:]) {
        var map: [String: String] = [:]
        for name in IndustryCatalog.canonical { map[PartResolver.key(name)] = name }
        for (alias, name) in IndustryCatalog.builtInAliases { map[PartResolver.key(alias)] = name }
        for (alias, name) in extraAliases {
            map[PartResolver.key(alias)] = name
            map[PartResolver.key(name)] = name
        }
        self.map = map
    }

    enum Resolution: Sendable, Equatable {
        case known(String)
        case unknown(String)
        case empty
    }

    /// Exact name or alias; then without a trailing 行业/领域/企业/业 (`危险化学品行业` → 危险化学品).
    func resolve(_ raw: String) -> Resolution {
        let k = PartResolver.key(raw)
        if k.isEmpty { return .empty }
        if let name = map[k] { return .known(name) }
        for suffix in ["行业", "领域", "企业", "类"] where k.hasSuffix(suffix) && k.count > suffix.count {
            if let name = map[String(k.dropLast(suffix.count))] { return .known(name) }
        }
        return .unknown(PartResolver.clean(raw))
    }
}
