/// One row of a sheet as streamed by `Workbook.readRows`.
public struct SheetRow {
    /// 1-based, as Excel shows it.
    public let number: Int
    /// Sparse, in ascending column order.
    public let cells: [Cell]

    public init(number: Int, cells: [Cell]) {
        self.number = number
        self.cells = cells
    }

    /// The value in a 0-based column, `.empty` when the row has no such cell.
    public subscript(column: Int) -> CellValue {
        var low = 0
        var high = cells.count
        while low < high {
            let middle = (low + high) / 2
            if cells[middle].column < column { low = middle + 1 } else { high = middle }
        }
        return low < cells.count && cells[low].column == column ? cells[low].value : .empty
    }
}
