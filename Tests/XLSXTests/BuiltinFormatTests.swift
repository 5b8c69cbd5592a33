import Testing
@testable import XLSX

/// Excel's built-in number formats (ECMA-376 Part 1 §18.8.30, and the zh-CN meanings of the East Asian
/// ids 27–36 and 50–58): each id is classified as its format code reads, and the code itself, given as
/// a custom `<numFmt>`, is classified the same.
@Suite struct BuiltinFormatTests {
    /// id → the code Excel shows for it (zh-CN for the East Asian ids) and what that code displays.
    static let builtins: [(id: Int, code: String, kind: DateKind?)] = [
        (0, "General", nil), (1, "0", nil), (2, "0.00", nil), (3, "#,##0", nil), (4, "#,##0.00", nil),
        (5, "\"¥\"#,##0;\"¥\"\\-#,##0", nil), (6, "\"¥\"#,##0;[Red]\"¥\"\\-#,##0", nil),
        (7, "\"¥\"#,##0.00;\"¥\"\\-#,##0.00", nil), (8, "\"¥\"#,##0.00;[Red]\"¥\"\\-#,##0.00", nil),
        (9, "0%", nil), (10, "0.00%", nil), (11, "0.00E+00", nil), (12, "# ?/?", nil), (13, "# ??/??", nil),
        (14, "mm-dd-yy", .date), (15, "d-mmm-yy", .date), (16, "d-mmm", .date), (17, "mmm-yy", .date),
        (18, "h:mm AM/PM", .time), (19, "h:mm:ss AM/PM", .time), (20, "h:mm", .time), (21, "h:mm:ss", .time),
        (22, "m/d/yy h:mm", .dateTime),
        (23, "General", nil), (24, "General", nil), (25, "General", nil), (26, "General", nil),
        (27, "yyyy\"年\"m\"月\"", .date), (28, "m\"月\"d\"日\"", .date), (29, "m\"月\"d\"日\"", .date),
        (30, "m-d-yy", .date), (31, "yyyy\"年\"m\"月\"d\"日\"", .date),
        (32, "h\"时\"mm\"分\"", .time), (33, "h\"时\"mm\"分\"ss\"秒\"", .time),
        (34, "上午/下午h\"时\"mm\"分\"", .time), (35, "上午/下午h\"时\"mm\"分\"ss\"秒\"", .time),
        (36, "yyyy\"年\"m\"月\"", .date),
        (37, "#,##0 ;(#,##0)", nil), (38, "#,##0 ;[Red](#,##0)", nil), (39, "#,##0.00;(#,##0.00)", nil),
        (40, "#,##0.00;[Red](#,##0.00)", nil),
        (41, "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)", nil),
        (42, "_(\"$\"* #,##0_);_(\"$\"* \\(#,##0\\);_(\"$\"* \"-\"_);_(@_)", nil),
        (43, "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)", nil),
        (44, "_(\"$\"* #,##0.00_);_(\"$\"* \\(#,##0.00\\);_(\"$\"* \"-\"??_);_(@_)", nil),
        (45, "mm:ss", .time), (46, "[h]:mm:ss", .elapsed), (47, "mmss.0", .time), (48, "##0.0E+0", nil), (49, "@", nil),
        (50, "yyyy\"年\"m\"月\"", .date), (51, "m\"月\"d\"日\"", .date), (52, "yyyy\"年\"m\"月\"", .date),
        (53, "m\"月\"d\"日\"", .date), (54, "m\"月\"d\"日\"", .date),
        (55, "上午/下午h\"时\"mm\"分\"", .time), (56, "上午/下午h\"时\"mm\"分\"ss\"秒\"", .time),
        (57, "yyyy\"年\"m\"月\"", .date), (58, "m\"月\"d\"日\"", .date),
    ]

    @Test func everyIdFrom0To58IsListed() {
        #expect(BuiltinFormatTests.builtins.map(\.id) == Array(0...58))
    }

    @Test(arguments: BuiltinFormatTests.builtins.map(\.id))
    func builtinIdIsClassifiedAsItsCodeReads(_ id: Int) {
        let builtin = BuiltinFormatTests.builtins[id]
        #expect(NumberFormat.builtinDateKind(id) == builtin.kind, "id \(id)")
        #expect(NumberFormat.dateKind(code: builtin.code) == builtin.kind, "code of id \(id): \(builtin.code)")
    }

    @Test func localePrefixesKeepDatesAndTimes() {
        #expect(NumberFormat.dateKind(code: "[$-F800]dddd, mmmm dd, yyyy") == .date)
        #expect(NumberFormat.dateKind(code: "[$-F400]h:mm:ss AM/PM") == .time)
        #expect(NumberFormat.dateKind(code: "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"") == .date)
        #expect(NumberFormat.dateKind(code: "[DBNum1][$-804]h\"时\"mm\"分\"") == .time)
        #expect(NumberFormat.dateKind(code: "[DBNum2][$-804]0") == nil)
        #expect(NumberFormat.dateKind(code: "[$-zh-CN]yyyy/m/d h:mm") == .dateTime)
    }

    @Test func elapsedTimeFormats() {
        for code in ["[h]:mm:ss", "[h]:mm", "[hh]", "[mm]:ss", "[s]", "[ss].00", "[H]:MM:SS", "[Red][h]:mm"] {
            #expect(NumberFormat.dateKind(code: code) == .elapsed, "\(code)")
        }
        #expect(NumberFormat.dateKind(code: "yyyy-mm-dd [h]:mm") == .dateTime)   // beside a date it is a time of day
        #expect(NumberFormat.dateKind(code: "[Blue]0.00") == nil)
    }

    @Test func elapsedValuesPrintUnboundedHoursWithASign() {
        func shown(_ stored: Double) -> String {
            InspectFormat.render(.date(ExcelDate(stored: stored, date1904: false, kind: .elapsed)))
        }
        #expect(shown(1 + 2.5 / 24 + 1.75 / 1440) == "26:31:45")
        #expect(shown(58) == "1392:00:00")        // below 60: no 1900 leap-day shift for a duration
        #expect(shown(-0.0625) == "-01:30:00")
        #expect(shown(0) == "00:00:00")
        #expect(shown(-0.1 / 86_400) == "00:00:00") // rounds to zero: no sign
        #expect(shown(0.001) == "00:01:26")
        #expect(ExcelDate(stored: 2, date1904: true, kind: .elapsed).serial == 2)
    }
}
