

/// A date-styled number. `serial` counts days since 1899-12-30 (so 1 = 1899-12-31, 43831 = 2020-01-01),
/// already corrected for the 1904 date system and for Excel's fictitious 1900-02-29; the fraction is the
/// time of day. For `DateKind.elapsed` the serial is the duration in days exactly as stored (no date
/// system applies to a duration).
public struct ExcelDate: Sendable, Equatable {
    public let serial: Double
    public let kind: DateKind

    public init(serial: Double, kind: DateKind) {
        self.serial = serial
        self.kind = kind
    }

    /// Days from 1899-12-30 to 1904-01-01: the offset of the 1904 date system.
    static let offset1904 = 1462.0

    /// Converts a stored cell value to a corrected serial.
    /// 1900 system: Excel counts 1900-02-29 (stored 60), which never existed, so stored values below 60
    /// are one day behind the real calendar; they are moved forward (as openpyxl and calamine do).
    /// Public for the legacy .xls reader, which stores numbers the same way.
    public init(stored: Double, date1904: Bool, kind: DateKind) {
        if kind == .elapsed {
            serial = stored
        } else if date1904 {
            serial = stored + ExcelDate.offset1904
        } else if stored > 0 && stored < 60 {
            serial = stored + 1
        } else {
            serial = stored
        }
        self.kind = kind
    }

    /// Days since 1899-12-30 of a calendar date (proleptic Gregorian).
    public static func serial(year: Int, month: Int, day: Int) -> Int {
        daysFromCivil(year: year, month: month, day: day) - daysFromCivil(year: 1899, month: 12, day: 30)
    }

    /// The value Excel stores for a corrected serial: shifted back for the 1904 system, or for dates
    /// before 1900-03-01 in the 1900 system (where Excel's count includes its fictitious 1900-02-29).
    static func stored(serial: Double, date1904: Bool) -> Double {
        if date1904 { return serial - offset1904 }
        return serial > 0 && serial < 61 ? serial - 1 : serial
    }

    /// A duration's sign and its whole hours, minutes and seconds, rounded to the second.
    public var elapsed: (negative: Bool, hours: Int, minute: Int, second: Int)? {
        guard serial.isFinite, abs(serial) < 1e12 else { return nil }
        let seconds = Int((abs(serial) * 86_400).rounded())
        return (serial < 0 && seconds > 0, seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// Calendar fields rounded to the nearest second, or nil outside years 1–9999.
    public var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)? {
        guard serial.isFinite, serial > -693_500, serial < 2_958_466 else { return nil }
        let seconds = Int((serial * 86_400).rounded())
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = ExcelDate.civilFromDays(days + ExcelDate.daysFromCivil(year: 1899, month: 12, day: 30))
        guard year >= 1, year <= 9999 else { return nil }
        return (year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    // Howard Hinnant's days-from-civil algorithms: exact integer arithmetic, no Foundation calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
