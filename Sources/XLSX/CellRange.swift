/// A rectangular range such as a merged area `A1:H1`.
public struct CellRange: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let first: CellReference
    public let last: CellReference

    public init(first: CellReference, last: CellReference) {
        // Normalised so that `first` is the top-left corner whichever way round it was written.
        self.first = CellReference(row: min(first.row, last.row), column: min(first.column, last.column))
        self.last = CellReference(row: max(first.row, last.row), column: max(first.column, last.column))
    }

    /// Parses `A1:H1` or a single cell `B2`; nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let first = CellReference(String(parts[0])),
              let last = CellReference(String(parts[parts.count - 1])) else { return nil }
        self.init(first: first, last: last)
    }

    public func contains(_ reference: CellReference) -> Bool {
        reference.row >= first.row && reference.row <= last.row
            && reference.column >= first.column && reference.column <= last.column
    }

    public var description: String {
        first == last ? first.description : "\(first):\(last)"
    }
}
