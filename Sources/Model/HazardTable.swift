/// 隐患 records (INPUTS.md §隐患), columnar.
public struct HazardTable: Sendable {
    /// Packed per-record booleans.
    public struct Flags: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// 隐患等级 = 重大.
        public static let major = Flags(rawValue: 1)
        /// 挂牌督办 = 是.
        public static let listed = Flags(rawValue: 2)
        /// 整改状态 says rectified (已整改/已完成/是/√).
        public static let statusRectified = Flags(rawValue: 4)
    }

    public private(set) var count = 0
    public private(set) var id: [Int32] = []
    /// 排查日期.
    public private(set) var date: [Day] = []
    public private(set) var district: [Int32] = []
    public private(set) var town: [Int32] = []
    public private(set) var industry: [Int32] = []
    public private(set) var unit: [Int32] = []
    /// 来源 (检查类型) code in `Dataset.labels`.
    public private(set) var source: [Int32] = []
    public private(set) var flags: [Flags] = []
    /// 整改期限, or nil.
    public private(set) var deadline = OptionalDayColumn()
    /// 整改完成日期, or nil.
    public private(set) var rectifiedOn = OptionalDayColumn()
    public private(set) var provenance: [Provenance] = []

    public init() {}

    public struct Record: Sendable {
        public var id: Int32 = StringDictionary.absent
        public var date: Day
        public var district: Int32 = StringDictionary.absent
        public var town: Int32 = StringDictionary.absent
        public var industry: Int32 = StringDictionary.absent
        public var unit: Int32 = StringDictionary.absent
        public var source: Int32 = StringDictionary.absent
        public var flags: Flags = []
        public var deadline: Day?
        public var rectifiedOn: Day?
        public var provenance: Provenance

        public init(date: Day, provenance: Provenance) {
            self.date = date
            self.provenance = provenance
        }
    }

    public mutating func append(_ r: Record) {
        id.append(r.id); date.append(r.date); district.append(r.district); town.append(r.town)
        industry.append(r.industry); unit.append(r.unit); source.append(r.source); flags.append(r.flags)
        deadline.append(r.deadline); rectifiedOn.append(r.rectifiedOn); provenance.append(r.provenance)
        count += 1
    }

    /// Rewrites every record in place (codes remapped when a file's table becomes the dataset's).
    public mutating func transformEach(_ body: (inout Record) -> Void) {
        for i in 0..<count {
            var r = record(at: i)
            body(&r)
            replace(at: i, with: r)
        }
    }

    public func record(at i: Int) -> Record {
        var r = Record(date: date[i], provenance: provenance[i])
        r.id = id[i]; r.district = district[i]; r.town = town[i]; r.industry = industry[i]; r.unit = unit[i]
        r.source = source[i]; r.flags = flags[i]; r.deadline = deadline[i]; r.rectifiedOn = rectifiedOn[i]
        return r
    }

    public mutating func replace(at i: Int, with r: Record) {
        id[i] = r.id; date[i] = r.date; district[i] = r.district; town[i] = r.town; industry[i] = r.industry
        unit[i] = r.unit; source[i] = r.source; flags[i] = r.flags; deadline[i] = r.deadline
        rectifiedOn[i] = r.rectifiedOn; provenance[i] = r.provenance
    }

    /// Rectified as of `asOf` (METRICS.md clarification): a completion date counts only when it is
    /// on or before the as-of date; a status without a date counts at any as-of date.
    public func isRectified(_ i: Int, asOf: Day) -> Bool {
        if let done = rectifiedOn[i] { return done <= asOf }
        return flags[i].contains(.statusRectified)
    }

    /// Not rectified as of `asOf` and its 整改期限 already passed (期限 < as-of date).
    public func isOverdue(_ i: Int, asOf: Day) -> Bool {
        guard let due = deadline[i] else { return false }
        return due < asOf && !isRectified(i, asOf: asOf)
    }
}
