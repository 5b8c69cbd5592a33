/// The canonical 行业领域 names of INPUTS.md, in the order reports list them.
public enum IndustryList {
    public static let canonical = [
        "危险化学品", "非煤矿山", "煤矿", "冶金", "有色", "建材", "机械", "轻工", "纺织", "烟草", "商贸", "工贸其他",
        "建筑施工", "道路运输", "消防", "特种设备", "烟花爆竹", "民爆", "燃气", "渔业船舶", "水上交通", "其他",
    ]

    /// Where a name sorts: canonical names by their place in the list, any other name after them.
    public static func rank(_ name: String) -> Int {
        canonical.firstIndex(of: name) ?? canonical.count
    }
}
