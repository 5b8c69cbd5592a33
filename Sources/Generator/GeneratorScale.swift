/// The data sets the generator writes (QUALITY.md §Benchmark data).
public enum GeneratorScale: String, CaseIterable, Sendable {
    /// 示例市: 6 districts, two years, a few thousand rows — the shipped `Inputs/`.
    case sample
    /// 10 districts × 2 years: ≈ 225 000 rows in ≈ 60 files, every quirk of INPUTS.md.
    case city
    /// 100 districts × 2 years: 10× the city.
    case province
    /// One XLSX sheet of 1 000 000 hazard rows (shared strings), and the same rows as CSV.
    case sheet1m = "sheet-1m"

    /// Records per district and year, by kind.
    var perDistrictYear: (accidents: Int, fires: Int, hazards: Int, inspections: Int, penalties: Int) {
        switch self {
        case .sample: return (8, 30, 500, 120, 32)
        case .city, .province: return (20, 100, 10_000, 1_000, 150)
        case .sheet1m: return (0, 0, 0, 0, 0)
        }
    }
}
