import Foundation
import Ingest

/// Files and rows read so far, from Ingest's per-file callback (called on the reading threads), as
/// the line a terminal shows: 「读取输入：12/39 个文件，8 261 行 …」.
public final class ReadProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var files = 0
    private var rows = 0
    private var lastShown = DispatchTime(uptimeNanoseconds: 0)
    private let show: @Sendable (String) -> Void

    public init(show: @escaping @Sendable (String) -> Void) { self.show = show }

    /// The callback to give `IngestOptions.progress`.
    public var callback: @Sendable (IngestOptions.FileDone) -> Void {
        { [self] done in record(done) }
    }

    func record(_ done: IngestOptions.FileDone) {
        lock.lock()
        files += 1
        rows += done.rows
        // At most ten lines a second (thousands of small files would otherwise flood the terminal),
        // and always the last. Shown under the lock, so lines never arrive out of order.
        let now = DispatchTime.now()
        if files == done.totalFiles || now.uptimeNanoseconds >= lastShown.uptimeNanoseconds + 100_000_000 {
            lastShown = now
            show("读取输入：\(files)/\(done.totalFiles) 个文件，\(rows) 行 … \(done.path)")
        }
        lock.unlock()
    }
}
