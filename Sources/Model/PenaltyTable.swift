/// 行政处罚 cases (INPUTS.md §行政处罚), columnar.
public struct PenaltyTable: Sendable {
    public struct Flags: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// 事前处罚 = 是.
        public static let beforeAccident = Flags(rawValue: 1)
        /// 处罚种类 includes 责令停产(停业)整顿.
        public static let shutdown = Flags(rawValue: 2)
    }

    public private(set) var count = 0
    public private(set) var id: [Int32] = []
    /// 立案日期.
    public private(set) var date: [Day] = []
    public private(set) var district: [Int32] = []
    public private(set) var town: [Int32] = []
    public private(set) var industry: [Int32] = []
    public private(set) var unit: [Int32] = []
    /// 处罚种类 as written, code in `Dataset.labels`.
    public private(set) var penaltyKinds: [Int32] = []
    /// 罚款金额.
    public private(set) var fine: [Money] = []
    public private(set) var flags: [Flags] = []
    public private(set) var provenance: [Provenance] = []

    public init() {}

    public struct Record: Sendable {
        public var id: Int32 = StringDictionary.absent
        public var date: Day
        public var district: Int32 = StringDictionary.absent
        public var town: Int32 = StringDictionary.absent
        public var industry: Int32 = StringDictionary.absent
        public var unit: Int32 = StringDictionary.absent
        public var penaltyKinds: Int32 = StringDictionary.absent
        public var fine: Money = .zero
        public var flags: Flags = []
        public var provenance: Provenance

        public init(date: Day, provenance: Provenance) {
            self.date = date
            self.provenance = provenance
        }
    }

    public mutating func append(_ r: Record) {
        id.append(r.id); date.append(r.date); district.append(r.district); town.append(r.town)
        industry.append(r.industry); unit.append(r.unit); penaltyKinds.append(r.penaltyKinds)
        fine.append(r.fine); flags.append(r.flags); provenance.append(r.provenance)
        count += 1
    }

    public func record(at i: Int) -> Record {
        var r = Record(date: date[i], provenance: provenance[i])
        r.id = id[i]; r.district = district[i]; r.town = town[i]; r.industry = industry[i]; r.unit = unit[i]
        r.penaltyKinds = penaltyKinds[i]; r.fine = fine[i]; r.flags = flags[i]
        return r
    }

    public mutating func replace(at i: Int, with r: Record) {
        id[i] = r.id; date[i] = r.date; district[i] = r.district; town[i] = r.town; industry[i] = r.industry
        unit[i] = r.unit; penaltyKinds[i] = r.penaltyKinds; fine[i] = r.fine; flags[i] = r.flags
        provenance[i] = r.provenance
    }
}
