import Foundation

/// Gives whole pages of a buffer back to the system while the buffer lives (madvise
/// MADV_DONTNEED): the parts of a large file's bytes, or of its decoded text, that ingest has
/// finished with; without this a 200 MB CSV stayed resident beside its records to the end.
/// Released pages of an array read as zeros (a mapped file's, as the file again): only ranges
/// nothing reads again are given.
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
