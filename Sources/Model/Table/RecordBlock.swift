/// Records of one kind being built row by row, before they join their table: a fixed number of
/// rows in one typed buffer per column, as columnar engines build a vector of rows at a time.
/// Appending a row stores each value in place; the table takes the block in one bulk copy per
/// column (`RecordTable.append(block:)`). Appending to the table value by value cost, per value, a
/// growing array's checks and the implied-default bookkeeping: a tenth of turning rows into records.
///
/// A value type: a copy that appends gets buffers of its own first (a chunk's ingestor starts as a
/// copy of its sheet's).
public struct RecordBlock {
    public let capacity: Int
    public private(set) var count = 0
    private var storage: Storage

    /// The buffers, freed with the last copy that holds them.
    private final class Storage {
        let storages: UnsafeMutableBufferPointer<Column.Storage>
        /// One per column, `capacity` values of its storage's element type.
        let columns: UnsafeMutableBufferPointer<UnsafeMutableRawPointer>
        let parts: UnsafeMutablePointer<Int32>
        let provenance: UnsafeMutablePointer<Provenance>

        init(storages kinds: [Column.Storage], capacity: Int) {
            storages = .allocate(capacity: kinds.count)
            _ = storages.initialize(from: kinds)
            columns = .allocate(capacity: kinds.count)
            for (c, kind) in kinds.enumerated() {
                let raw = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(1, capacity * RecordBlock.elementSize(kind)), alignment: 8)
                // Bound to the element type `column(_:as:)` reads it as.
                switch kind {
                case .codes, .int32, .days: raw.bindMemory(to: Int32.self, capacity: capacity)
                case .int64: raw.bindMemory(to: Int64.self, capacity: capacity)
                case .bytes: raw.bindMemory(to: UInt8.self, capacity: capacity)
                case .decimals: raw.bindMemory(to: ExactDecimal.self, capacity: capacity)
                }
                columns[c] = raw
            }
            parts = .allocate(capacity: capacity)
            provenance = .allocate(capacity: capacity)
        }

        deinit {
            for c in columns.indices { columns[c].deallocate() }
            columns.deallocate()
            storages.deallocate()
            parts.deallocate()
            provenance.deallocate()
        }
    }

    public init(storages: [Column.Storage], capacity: Int) {
        self.capacity = Swift.max(1, capacity)
        storage = Storage(storages: storages, capacity: self.capacity)
    }

    public var isFull: Bool { count >= capacity }

    static func elementSize(_ storage: Column.Storage) -> Int {
        switch storage {
        case .codes, .int32, .days: return 4
        case .int64: return 8
        case .bytes: return 1
        case .decimals: return MemoryLayout<ExactDecimal>.stride
        }
    }

    /// Appends one record (`values`: one per column, as `RecordTable.append`); the block must not
    /// be full. A value of another type than its column's stores the column's default, as the
    /// table does.
    public mutating func append(_ values: [RowValue], part: Int32, provenance: Provenance) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storages: Array(storage.storages), capacity: capacity) }
        precondition(count < capacity, "a full block is emptied into its table first")
        let s = storage, i = count
        values.withUnsafeBufferPointer { values in
            for c in s.columns.indices {
                let p = s.columns[c]
                switch (s.storages[c], values[c]) {
                case (.codes, .code(let v)): p.storeBytes(of: v, toByteOffset: i * 4, as: Int32.self)
                case (.int32, .int(let v)): p.storeBytes(of: Int32(truncatingIfNeeded: v), toByteOffset: i * 4, as: Int32.self)
                case (.int64, .int(let v)): p.storeBytes(of: v, toByteOffset: i * 8, as: Int64.self)
                case (.bytes, .int(let v)): p.storeBytes(of: UInt8(truncatingIfNeeded: v), toByteOffset: i, as: UInt8.self)
                case (.days, .day(let d)): p.storeBytes(of: d?.number ?? OptionalDayColumn.none, toByteOffset: i * 4, as: Int32.self)
                case (.decimals, .decimal(let d)):
                    // Every zero is the table's one default zero.
                    let v = d.significand == 0 ? ExactDecimal(0) : d
                    p.storeBytes(of: v, toByteOffset: i * MemoryLayout<ExactDecimal>.stride, as: ExactDecimal.self)
                default: RecordBlock.storeDefault(s.storages[c], p, i)
                }
            }
        }
        s.parts[i] = part
        s.provenance[i] = provenance
        count += 1
    }

    private static func storeDefault(_ storage: Column.Storage, _ p: UnsafeMutableRawPointer, _ i: Int) {
        switch storage {
        case .codes: p.storeBytes(of: StringDictionary.absent, toByteOffset: i * 4, as: Int32.self)
        case .int32: p.storeBytes(of: Int32(0), toByteOffset: i * 4, as: Int32.self)
        case .int64: p.storeBytes(of: Int64(0), toByteOffset: i * 8, as: Int64.self)
        case .bytes: p.storeBytes(of: UInt8(0), toByteOffset: i, as: UInt8.self)
        case .days: p.storeBytes(of: OptionalDayColumn.none, toByteOffset: i * 4, as: Int32.self)
        case .decimals: p.storeBytes(of: ExactDecimal(0), toByteOffset: i * MemoryLayout<ExactDecimal>.stride, as: ExactDecimal.self)
        }
    }

    /// Column `c`'s values so far.
    func column<T>(_ c: Int, as type: T.Type) -> UnsafeBufferPointer<T> {
        UnsafeBufferPointer(start: storage.columns[c].assumingMemoryBound(to: T.self), count: count)
    }

    var parts: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: storage.parts, count: count) }
    var provenance: UnsafeBufferPointer<Provenance> { UnsafeBufferPointer(start: storage.provenance, count: count) }

    /// Empties the block (its buffers are kept for the next rows).
    public mutating func removeAll() { count = 0 }
}
