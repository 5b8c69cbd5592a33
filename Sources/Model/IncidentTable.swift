/// 事故 or 火灾 records, one typed column per field (INPUTS.md §事故, §火灾).
///
/// Counts are `Int32`, money is integer 分, dates are day numbers and text is dictionary codes into
/// the `Dataset`'s dictionaries, so a city's records are a handful of flat arrays.
public struct IncidentTable: Sendable {
    public private(set) var count = 0
    /// Code in `Dataset.identifiers`, or absent.
    public private(set) var id: [Int32] = []
    public private(set) var date: [Day] = []
    /// Codes in `Dataset.districts` / `Dataset.towns` / `Dataset.industries` (absent allowed except the part).
    public private(set) var district: [Int32] = []
    public private(set) var town: [Int32] = []
    public private(set) var industry: [Int32] = []
    /// Code in `Dataset.units` (单位名称).
    public private(set) var unit: [Int32] = []
    /// Codes in `Dataset.labels`: 事故类型 for accidents, 起火原因 and 起火场所 for fires.
    public private(set) var category: [Int32] = []
    public private(set) var place: [Int32] = []
    public private(set) var deaths: [Int32] = []
    public private(set) var missing: [Int32] = []
    public private(set) var seriousInjuries: [Int32] = []
    /// Injured per record as METRICS.md defines it: 受伤人数 when the sheet has it, else 重伤人数, else 0.
    public private(set) var injuries: [Int32] = []
    public private(set) var loss: [Money] = []
    /// The level used for metrics: as stated when the sheet has a level column, else derived.
    public private(set) var level: [AccidentLevel] = []
    public private(set) var provenance: [Provenance] = []

    public init() {}

    public struct Record: Sendable {
        public var id: Int32 = StringDictionary.absent
        public var date: Day
        public var district: Int32 = StringDictionary.absent
        public var town: Int32 = StringDictionary.absent
        public var industry: Int32 = StringDictionary.absent
        public var unit: Int32 = StringDictionary.absent
        public var category: Int32 = StringDictionary.absent
        public var place: Int32 = StringDictionary.absent
        public var deaths: Int32 = 0
        public var missing: Int32 = 0
        public var seriousInjuries: Int32 = 0
        public var injuries: Int32 = 0
        public var loss: Money = .zero
        public var level: AccidentLevel = .ordinary
        public var provenance: Provenance

        public init(date: Day, provenance: Provenance) {
            self.date = date
            self.provenance = provenance
        }
    }

    public mutating func append(_ r: Record) {
        id.append(r.id); date.append(r.date); district.append(r.district); town.append(r.town)
        industry.append(r.industry); unit.append(r.unit); category.append(r.category); place.append(r.place)
        deaths.append(r.deaths); missing.append(r.missing); seriousInjuries.append(r.seriousInjuries)
        injuries.append(r.injuries); loss.append(r.loss); level.append(r.level); provenance.append(r.provenance)
        count += 1
    }

    public func record(at i: Int) -> Record {
        var r = Record(date: date[i], provenance: provenance[i])
        r.id = id[i]; r.district = district[i]; r.town = town[i]; r.industry = industry[i]; r.unit = unit[i]
        r.category = category[i]; r.place = place[i]; r.deaths = deaths[i]; r.missing = missing[i]
        r.seriousInjuries = seriousInjuries[i]; r.injuries = injuries[i]; r.loss = loss[i]; r.level = level[i]
        return r
    }

    /// Replaces record `i` (a later file's record with the same id wins).
    public mutating func replace(at i: Int, with r: Record) {
        id[i] = r.id; date[i] = r.date; district[i] = r.district; town[i] = r.town; industry[i] = r.industry
        unit[i] = r.unit; category[i] = r.category; place[i] = r.place; deaths[i] = r.deaths; missing[i] = r.missing
        seriousInjuries[i] = r.seriousInjuries; injuries[i] = r.injuries; loss[i] = r.loss; level[i] = r.level
        provenance[i] = r.provenance
    }
}
