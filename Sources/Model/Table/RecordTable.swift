/// The records of one kind, one typed column per declared field (in the kind's field order),
/// plus the resolved part of each record and where it came from.
///
/// The part is resolved once at ingest (区县 at level 市, 镇街 at level 区/县; from the folder or
/// file name when the row names none), so every consumer reads one column instead of deciding
/// again which field is the part.
public struct RecordTable: Sendable {
    /// Index into `Catalog.kinds`.
    public let kind: Int
    public private(set) var count = 0
    public private(set) var columns: [Column]
    /// Code in `Dataset.parts`.
    public private(set) var part: [Int32] = []
    public private(set) var provenance: [Provenance] = []

    public init(kind: Int, storages: [Column.Storage]) {
        self.kind = kind
        columns = storages.map(Column.init(storage:))
    }

    public init(kind: Int, catalog: Catalog) {
        self.init(kind: kind, storages: catalog.kinds[kind].fields.map { catalog.fields[$0].type.storage })
    }

    /// Appends one record; `values` has one value per column.
    public mutating func append(_ values: [RowValue], part: Int32, provenance: Provenance) {
        // One uniqueness check for the row, not one per column.
        columns.withUnsafeMutableBufferPointer { columns in
            for c in columns.indices { columns[c].append(values[c]) }
        }
        self.part.append(part)
        self.provenance.append(provenance)
        count += 1
    }

    /// Appends every record of `other` (a table of the same kind), codes rewritten per column
    /// through `maps[c]` (nil: as they are) and the part through `partMap` (nil: as they are): a chunk of a sheet,
    /// read on another core, joining its file's table in row order.
    public mutating func append(contentsOf other: RecordTable, columns maps: [[Int32]?], part partMap: [Int32]?) {
        for c in columns.indices { columns[c].append(contentsOf: other.columns[c], codeMap: maps[c]) }
        if let partMap {
            for p in other.part { part.append(p >= 0 && Int(p) < partMap.count ? partMap[Int(p)] : p) }
        } else {
            part.append(contentsOf: other.part)
        }
        provenance.append(contentsOf: other.provenance)
        count += other.count
    }

    /// Appends every record of `block` (of this table's kind), in order: the same table as
    /// appending them one by one.
    public mutating func append(block: RecordBlock) {
        guard block.count > 0 else { return }
        for c in columns.indices { columns[c].append(block: block, column: c) }
        part.append(contentsOf: block.parts)
        provenance.append(contentsOf: block.provenance)
        count += block.count
    }

    /// Room for `rows` records in every column that stores values, the parts and provenance: a
    /// table whose size is known roughly in advance (a large file's rows, joined chunk by chunk)
    /// grows once instead of by doubling, each doubling copying it and leaving room unused.
    public mutating func reserveCapacity(_ rows: Int) {
        guard rows > count else { return }
        for c in columns.indices { columns[c].reserveCapacity(rows) }
        part.reserveCapacity(rows)
        provenance.reserveCapacity(rows)
    }

    /// The values of record `i`, one per column.
    public func values(at i: Int) -> [RowValue] { columns.map { $0.value(i) } }

    /// Replaces record `i` (a later file's record with the same id wins).
    public mutating func replace(at i: Int, with values: [RowValue], part: Int32, provenance: Provenance) {
        for c in columns.indices { columns[c].set(i, values[c]) }
        self.part[i] = part
        self.provenance[i] = provenance
    }

    /// Rewrites codes in place: `maps[c]` for column c (nil: untouched), `partMap` for the part,
    /// `provenance` for every record's origin (nil: unchanged) — a file's table becoming the
    /// dataset's without a copy. A map that sends every code to itself (the first file's
    /// dictionaries, adopted as they are) is not applied: checking it costs its length, applying
    /// it a pass over a million records.
    public mutating func remap(columns maps: [[Int32]?], part partMap: [Int32], provenance transform: ((Provenance) -> Provenance)?) {
        func changes(_ map: [Int32]) -> Bool { map.indices.contains { map[$0] != Int32(truncatingIfNeeded: $0) } }
        for c in columns.indices { if let map = maps[c], changes(map) { columns[c].remapCodes(map) } }
        if changes(partMap) {
            for i in part.indices where part[i] >= 0 && Int(part[i]) < partMap.count { part[i] = partMap[Int(part[i])] }
        }
        if let transform { for i in provenance.indices { provenance[i] = transform(provenance[i]) } }
    }

    /// Keeps only the records for which `keep` is true, in order (a superseded file's records go).
    public mutating func filter(_ keep: (Int) -> Bool) {
        let kept = (0..<count).filter(keep)
        guard kept.count != count else { return }
        var table = RecordTable(kind: kind, storages: columns.map(\.storage))
        for i in kept { table.append(values(at: i), part: part[i], provenance: provenance[i]) }
        self = table
    }
}
