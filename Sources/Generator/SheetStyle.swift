/// How one sheet is laid out and how its values are written: the quirks of INPUTS.md
/// §"Sheet shapes seen in real exports", drawn per sheet.
struct SheetStyle {
    enum DateStyle: CaseIterable { case excel, iso, slash, dot, chinese, compact, isoWithTime, slashWithTime }
    enum CountStyle: CaseIterable { case number, text, withUnit, fullWidth }
    enum MoneyStyle { case wanInHeader, yuanInHeader, unitLine, noUnit, yuanWithSeparators, wanInCell }
    enum BooleanStyle: CaseIterable { case yesNo, tick, letter }

    var titleRows = 0
    var fillLine = false
    var serialColumn = false
    var twoRowHeader = false
    var blankRows = false
    var totalRow = false
    var wrongTotal = false
    var fullWidthBrackets = false
    var headerLineBreak = false
    var useAliases = false
    var districtAliases = false
    var industryAliases = false
    var emptyZeros = false
    var dateStyle = DateStyle.excel
    var countStyle = CountStyle.number
    var moneyStyle = MoneyStyle.wanInHeader
    var booleanStyle = BooleanStyle.yesNo

    /// A style with every quirk drawn at random; `csv` keeps what only a workbook can hold out.
    static func random(_ r: inout SeededRandom, csv: Bool) -> SheetStyle {
        var s = SheetStyle()
        s.titleRows = r.weighted([5, 3, 2, 1])
        s.fillLine = r.chance(0.4)
        s.serialColumn = r.chance(0.6)
        s.twoRowHeader = !csv && r.chance(0.4)
        s.blankRows = r.chance(0.3)
        s.totalRow = r.chance(0.5)
        s.fullWidthBrackets = r.chance(0.5)
        s.headerLineBreak = !csv && r.chance(0.2)
        s.useAliases = r.chance(0.5)
        s.districtAliases = r.chance(0.3)
        s.industryAliases = r.chance(0.4)
        s.emptyZeros = r.chance(0.4)
        let dates = DateStyle.allCases.filter { !csv || $0 != .excel }
        s.dateStyle = csv ? r.pick(dates) : (r.chance(0.6) ? .excel : r.pick(dates))
        s.countStyle = r.chance(0.6) ? .number : r.pick(CountStyle.allCases)
        s.moneyStyle = r.pick([.wanInHeader, .yuanInHeader, .unitLine, .noUnit, .yuanWithSeparators, .wanInCell])
        s.booleanStyle = r.pick(BooleanStyle.allCases)
        return s
    }

    /// `(万元)` / `（元）` after a header.
    func unit(_ u: String) -> String { fullWidthBrackets ? "（\(u)）" : "(\(u))" }

    func dateCell(_ d: CivilDate, hour: Int = 9, minute: Int = 0) -> GeneratedCell {
        switch dateStyle {
        case .excel: return .date(d)
        case .iso: return .text(d.iso)
        case .slash: return .text("\(d.year)/\(d.month)/\(d.day)")
        case .dot: return .text("\(d.year).\(d.month).\(d.day)")
        case .chinese: return .text("\(d.year)年\(d.month)月\(d.day)日")
        case .compact: return .text("\(d.year)\(two(d.month))\(two(d.day))")
        case .isoWithTime: return .text("\(d.iso) \(two(hour)):\(two(minute))")
        case .slashWithTime: return .text("\(d.year)/\(d.month)/\(d.day) \(two(hour)):\(two(minute)):00")
        }
    }

    func countCell(_ n: Int, unit: String) -> GeneratedCell {
        if n == 0 && emptyZeros { return .empty }
        switch countStyle {
        case .number: return .integer(n)
        case .text: return .text(String(n))
        case .withUnit: return .text("\(n)\(unit)")
        case .fullWidth:
            return .text(String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) }))
        }
    }

    func booleanCell(_ b: Bool) -> GeneratedCell {
        switch booleanStyle {
        case .yesNo: return .text(b ? "是" : "否")
        case .tick: return b ? .text("√") : .text("×")
        case .letter: return .text(b ? "Y" : "N")
        }
    }
}
