// libFuzzer target for ingest's value parsers (numbers, counts, money, dates, booleans, choices).
// Built by Fuzz/run-values.sh together with the parser sources; not part of the package.
import Model

/// Stops the run with a message libFuzzer reports as a crash, with the input that caused it.
func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func valuesFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    let cell = RawCell.text(text)

    // Numbers: whatever parses must print and parse back to the same value.
    if let p = NumberText.parse(text) {
        let again = NumberText.parse(p.value.text)
        fuzzCheck(again?.value.text == p.value.text, "number round trip: \(text) → \(p.value.text)")
    }
    if case .success(let n) = CountParser.parse(cell) {
        fuzzCheck(n >= 0, "negative count from \(text)")
        fuzzCheck(CountParser.parse(.text(String(n))) == .success(n), "count round trip \(text)")
    }
    for unit in [MoneyUnit.yuan, .wanYuan] {
        if case .success(let m) = MoneyParser.parse(cell, unit: unit) {
            fuzzCheck(m.fen >= 0, "negative money from \(text)")
            fuzzCheck(MoneyParser.parse(.text(m.yuanText + "元"), unit: .wanYuan) == .success(m), "money round trip \(text)")
        }
    }
    // Dates: a day in range that prints as ISO and parses back to itself.
    if case .success(let d) = DateParser.parse(cell) {
        fuzzCheck(DateParser.years.contains(d.year), "year out of range from \(text)")
        fuzzCheck(DateParser.parse(.text(d.description)) == .success(d), "date round trip \(text) → \(d)")
    }
    _ = ChoiceParser.boolean(cell)
    _ = ChoiceParser.status(cell)
    _ = ChoiceParser.level(cell)
    _ = MoneyUnit.fromUnitLine(text)
    _ = HeaderText(text)

    // The same bytes as a number cell (what a workbook stores).
    if size >= 8 {
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[i]) << (UInt64(i) * 8) }
        let d = Double(bitPattern: bits)
        _ = RawCell.number(d).display
        _ = RawCell.date(d, timeOnly: false).display
        _ = DateParser.parse(.number(d))
        _ = DateParser.parse(.date(d, timeOnly: false))
        if case .success(let n) = CountParser.parse(.number(d)) { fuzzCheck(Double(n) == d, "count from \(d)") }
        _ = MoneyParser.parse(.number(d), unit: .wanYuan)
    }
    return 0
}
