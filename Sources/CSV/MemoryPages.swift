import Foundation

/// Gives whole pages of a buffer back to the system while the buffer lives (madvise
/// MADV_DONTNEED): the parts of a large file's bytes, or of its decoded text, that ingest has
/// finished with. A file is read into memory rather than mapped (a mapped file that shrinks while
/// it is read raises SIGBUS), so without this a 200 MB CSV stayed resident beside its records to
/// the end. Released pages read as zeros: only ranges nothing reads again are given.
public enum MemoryPages {
    static let size = max(4096, Int(sysconf(Int32(_SC_PAGESIZE))))

    /// Releases the whole pages inside `range` of the buffer at `base`.
    public static func release(_ base: UnsafeRawPointer, _ range: Range<Int>) {
        let from = (Int(bitPattern: base) + range.lowerBound + size - 1) / size * size
        let to = (Int(bitPattern: base) + range.upperBound) / size * size
        guard to > from, let start = UnsafeMutableRawPointer(bitPattern: from) else { return }
        _ = madvise(start, to - from, Int32(MADV_DONTNEED))
    }
}
