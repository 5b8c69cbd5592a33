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

    // The same text as a CSV reader's bytes (`.utf8`, valid UTF-8 as the reader's text is): every
    // parser must read it as it reads the `String`.
    var utf8Bytes = Array(text.utf8)
    utf8Bytes.withUnsafeMutableBufferPointer { b in
        guard !text.isEmpty else { return }
        let borrowed = RawCell.utf8(FieldBytes(UnsafeBufferPointer(b)))
        fuzzCheck(borrowed.isBlank == cell.isBlank, "isBlank of bytes: \(text)")
        fuzzCheck(borrowed.display == cell.display, "display of bytes: \(text)")
        fuzzCheck(CountParser.parse(borrowed) == CountParser.parse(cell), "count of bytes: \(text)")
        for unit in [MoneyUnit.yuan, .wanYuan, .yiYuan] {
            fuzzCheck(MoneyParser.parse(borrowed, unit: unit) == MoneyParser.parse(cell, unit: unit), "money of bytes: \(text)")
        }
        fuzzCheck(DateParser.parse(borrowed) == DateParser.parse(cell), "date of bytes: \(text)")
        fuzzCheck(ChoiceParser.boolean(borrowed) == ChoiceParser.boolean(cell), "boolean of bytes: \(text)")
        fuzzCheck(ChoiceParser.status(borrowed) == ChoiceParser.status(cell), "status of bytes: \(text)")
        fuzzCheck(ChoiceParser.level(borrowed) == ChoiceParser.level(cell), "level of bytes: \(text)")
    }
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
