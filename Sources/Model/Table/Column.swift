/// One typed column of a record table: dictionary codes, integers, money in 分, flags, days or
/// exact decimals — flat arrays, as columnar engines keep them. Only the array of the column's
/// storage is used.
///
/// A column holds only the rows up to its last non-default value (absent code, 0, no day): the
/// rest are implied. Registers leave many declared columns empty (镇街 at level 市, 隐患描述 of
/// records that have ids), and at a million rows each such column would cost 4 MB for nothing.
public struct Column: Sendable {
    public enum Storage: Sendable, Equatable {
        /// `Int32` codes into a dataset dictionary; `StringDictionary.absent` for none.
        case codes
        /// Counts and years.
        case int32
        /// Money in 分.
        case int64
        /// Booleans (0/1), levels (0…3, `Column.noLevel` for none), rectification status.
        case bytes
        /// Optional days.
        case days
        case decimals
    }

    /// A level column's value when the cell named no level.
    public static let noLevel: UInt8 = 255

    public let storage: Storage
    public private(set) var count = 0
    @usableFromInline var codes: [Int32] = []
    @usableFromInline var int32s: [Int32] = []
    @usableFromInline var int64s: [Int64] = []
    @usableFromInline var bytes: [UInt8] = []
    @usableFromInline var days = OptionalDayColumn()
    @usableFromInline var decimals: [ExactDecimal] = []

    public init(storage: Storage) { self.storage = storage }

    @inlinable public func code(_ i: Int) -> Int32 { i < codes.count ? codes[i] : StringDictionary.absent }
    @inlinable public func int32(_ i: Int) -> Int32 { i < int32s.count ? int32s[i] : 0 }
    @inlinable public func int64(_ i: Int) -> Int64 { i < int64s.count ? int64s[i] : 0 }
    @inlinable public func byte(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }
    @inlinable public func day(_ i: Int) -> Day? { i < days.count ? days[i] : nil }
    @inlinable public func decimal(_ i: Int) -> ExactDecimal { i < decimals.count ? decimals[i] : ExactDecimal(0) }

    /// The value of row `i` as a 64-bit integer, for sums and numeric comparisons (days as day
    /// numbers, `Int64.min` for no day; decimals rounded to an integer: use `decimal` for them).
    @inlinable
    public func integer(_ i: Int) -> Int64 {
        switch storage {
        case .codes: return Int64(code(i))
        case .int32: return Int64(int32(i))
        case .int64: return int64(i)
        case .bytes: return Int64(byte(i))
        case .days: return day(i).map { Int64($0.number) } ?? Int64.min
        case .decimals: return decimal(i).rescaled(toExponent: 0) ?? 0
        }
    }

    public func value(_ i: Int) -> RowValue {
        switch storage {
        case .codes: return .code(code(i))
        case .int32: return .int(Int64(int32(i)))
        case .int64: return .int(int64(i))
        case .bytes: return .int(Int64(byte(i)))
        case .days: return .day(day(i))
        case .decimals: return .decimal(decimal(i))
        }
    }

    /// The value an implied row of a column with this storage holds (the empty cell's value).
    public static func emptyValue(_ storage: Storage) -> RowValue {
        switch storage {
        case .codes: return .code(StringDictionary.absent)
        case .int32, .int64, .bytes: return .int(0)
        case .days: return .day(nil)
        case .decimals: return .decimal(ExactDecimal(0))
        }
    }

    /// Whether `value` is what an implied row holds.
    static func isDefault(_ value: RowValue) -> Bool {
        switch value {
        case .code(let c): return c == StringDictionary.absent
        case .int(let v): return v == 0
        case .day(let d): return d == nil
        case .decimal(let d): return d.significand == 0
        }
    }

    /// The stored arrays reach row `n` (exclusive): implied rows become real ones.
    mutating func materialize(upTo n: Int) {
        switch storage {
        case .codes: while codes.count < n { codes.append(StringDictionary.absent) }
        case .int32: while int32s.count < n { int32s.append(0) }
        case .int64: while int64s.count < n { int64s.append(0) }
        case .bytes: while bytes.count < n { bytes.append(0) }
        case .days: while days.count < n { days.append(nil) }
        case .decimals: while decimals.count < n { decimals.append(ExactDecimal(0)) }
        }
    }

    mutating func append(_ value: RowValue) {
        count += 1
        // One switch for the common cases (the value of the column's own type): a default is
        // implied, anything else is stored after the implied rows before it.
        switch (storage, value) {
        case (.codes, .code(let c)):
            if c == StringDictionary.absent { return }
            if codes.count < count - 1 { materialize(upTo: count - 1) }
            codes.append(c)
        case (.int32, .int(let v)):
            if v == 0 { return }
            if int32s.count < count - 1 { materialize(upTo: count - 1) }
            int32s.append(Int32(truncatingIfNeeded: v))
        case (.int64, .int(let v)):
            if v == 0 { return }
            if int64s.count < count - 1 { materialize(upTo: count - 1) }
            int64s.append(v)
        case (.bytes, .int(let v)):
            if v == 0 { return }
            if bytes.count < count - 1 { materialize(upTo: count - 1) }
            bytes.append(UInt8(truncatingIfNeeded: v))
        default:
            if Column.isDefault(value) { return }
            materialize(upTo: count - 1)
            store(value)
        }
    }

    private mutating func store(_ value: RowValue) {
        switch (storage, value) {
        case (.codes, .code(let c)): codes.append(c)
        case (.int32, .int(let v)): int32s.append(Int32(truncatingIfNeeded: v))
        case (.int64, .int(let v)): int64s.append(v)
        case (.bytes, .int(let v)): bytes.append(UInt8(truncatingIfNeeded: v))
        case (.days, .day(let d)): days.append(d)
        case (.decimals, .decimal(let d)): decimals.append(d)
        default: materialize(upTo: count)      // a value of another type: the default
        }
    }

    mutating func set(_ i: Int, _ value: RowValue) {
        if Column.isDefault(value) && !isStored(i) { return }
        materialize(upTo: i + 1)
        switch (storage, value) {
        case (.codes, .code(let c)): codes[i] = c
        case (.int32, .int(let v)): int32s[i] = Int32(truncatingIfNeeded: v)
        case (.int64, .int(let v)): int64s[i] = v
        case (.bytes, .int(let v)): bytes[i] = UInt8(truncatingIfNeeded: v)
        case (.days, .day(let d)): days[i] = d
        case (.decimals, .decimal(let d)): decimals[i] = d
        default: break
        }
    }

    private func isStored(_ i: Int) -> Bool {
        switch storage {
        case .codes: return i < codes.count
        case .int32: return i < int32s.count
        case .int64: return i < int64s.count
        case .bytes: return i < bytes.count
        case .days: return i < days.count
        case .decimals: return i < decimals.count
        }
    }

    /// Appends every row of `other` (same storage), codes rewritten through `codeMap` (a chunk's
    /// dictionary codes become its file's): the same column as appending its values one by one.
    mutating func append(contentsOf other: Column, codeMap: [Int32]?) {
        let stored = other.storedCount
        if stored > 0 {
            materialize(upTo: count)
            switch storage {
            case .codes:
                if let map = codeMap {
                    map.withUnsafeBufferPointer { map in
                        codes.append(contentsOf: other.codes.lazy.map { c in c >= 0 && Int(c) < map.count ? map[Int(c)] : c })
                    }
                } else {
                    codes.append(contentsOf: other.codes)
                }
            case .int32: int32s.append(contentsOf: other.int32s)
            case .int64: int64s.append(contentsOf: other.int64s)
            case .bytes: bytes.append(contentsOf: other.bytes)
            case .days: days.append(contentsOf: other.days)
            case .decimals: decimals.append(contentsOf: other.decimals)
            }
        }
        count += other.count
    }

    /// Appends column `c` of `block`: its values up to its last non-default one are stored, the
    /// rest implied, as appending them one by one leaves them.
    mutating func append(block: RecordBlock, column c: Int) {
        switch storage {
        case .codes: take(block.column(c, as: Int32.self), into: \.codes, empty: StringDictionary.absent)
        case .int32: take(block.column(c, as: Int32.self), into: \.int32s, empty: 0)
        case .int64: take(block.column(c, as: Int64.self), into: \.int64s, empty: 0)
        case .bytes: take(block.column(c, as: UInt8.self), into: \.bytes, empty: 0)
        case .days: take(block.column(c, as: Int32.self), into: \.days.numbers, empty: OptionalDayColumn.none)
        case .decimals: take(block.column(c, as: ExactDecimal.self), into: \.decimals, empty: ExactDecimal(0))
        }
        count += block.count
    }

    /// Stores `values` up to the last one that is not `empty` after the rows so far (the rest
    /// stay implied).
    private mutating func take<T: Equatable>(_ values: UnsafeBufferPointer<T>, into array: WritableKeyPath<Column, [T]>, empty: T) {
        var end = values.count
        while end > 0 && values[end - 1] == empty { end -= 1 }
        guard end > 0 else { return }
        materialize(upTo: count)
        self[keyPath: array].append(contentsOf: UnsafeBufferPointer(rebasing: values[..<end]))
    }

    /// Room for `rows` rows in the storage array, when it holds any yet (a column of implied
    /// defaults so far stays empty).
    mutating func reserveCapacity(_ rows: Int) {
        guard storedCount > 0 else { return }
        switch storage {
        case .codes: codes.reserveCapacity(rows)
        case .int32: int32s.reserveCapacity(rows)
        case .int64: int64s.reserveCapacity(rows)
        case .bytes: bytes.reserveCapacity(rows)
        case .days: days.reserveCapacity(rows)
        case .decimals: decimals.reserveCapacity(rows)
        }
    }

    /// Rows held in the storage array (the rest are implied defaults).
    private var storedCount: Int {
        switch storage {
        case .codes: return codes.count
        case .int32: return int32s.count
        case .int64: return int64s.count
        case .bytes: return bytes.count
        case .days: return days.count
        case .decimals: return decimals.count
        }
    }

    /// Rewrites every code through `map` (a file's dictionary codes become the dataset's).
    mutating func remapCodes(_ map: [Int32]) {
        guard storage == .codes else { return }
        for i in codes.indices where codes[i] >= 0 && Int(codes[i]) < map.count { codes[i] = map[Int(codes[i])] }
    }
}

/// One cell of a record as ingest builds it and the merge moves it.
public enum RowValue: Sendable, Equatable, Hashable {
    case code(Int32)
    case int(Int64)
    case day(Day?)
    case decimal(ExactDecimal)
}
