// libFuzzer target for the zip reader (and, through a round trip, the writer).
// Built by Fuzz/run-zip.sh together with Sources/Zip into one module; not part of the package.
import Dispatch

/// Stops the run with a message libFuzzer reports as a crash, with the input that caused it.
func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

/// Small limits, so that a bomb the fuzzer builds is refused in microseconds, not after gigabytes.
let fuzzLimits = ZipLimits(maxEntrySize: 1 << 20, maxTotalSize: 4 << 20, maxCompressionRatio: 100,
                           ratioCheckThreshold: 64 << 10)

@_cdecl("LLVMFuzzerTestOneInput")
public func zipFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    readHostile(bytes)
    roundTrip(bytes)
    return 0
}

/// The input as an archive: whatever it holds, the reader either refuses it with a ZipError or
/// returns exactly the declared bytes with a matching CRC — never a crash, hang or huge allocation.
func readHostile(_ bytes: [UInt8]) {
    let archive: ZipArchive
    do {
        archive = try ZipArchive(bytes: bytes, limits: fuzzLimits)
    } catch {
        fuzzCheck(!error.description.isEmpty, "empty description")
        return
    }
    // An archive that opens has no two entries sharing bytes (the "better zip bomb"): checked here
    // with the weaker bound that a local header is at least 30 bytes before its data.
    let starts = archive.entries.filter { e in
        e.localHeaderOffset >= 0 && e.localHeaderOffset + 4 <= bytes.count
            && bytes[e.localHeaderOffset..<(e.localHeaderOffset + 4)].elementsEqual([0x50, 0x4B, 0x03, 0x04])
    }.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
    for (a, b) in zip(starts, starts.dropFirst()) {
        fuzzCheck(b.localHeaderOffset >= a.localHeaderOffset + 30 + a.compressedSize,
                  "\(a.path) at \(a.localHeaderOffset) (+\(a.compressedSize)) overlaps \(b.path) at \(b.localHeaderOffset)")
    }
    for entry in archive.entries.prefix(64) {
        // Every entry can be found by its own name.
        fuzzCheck(archive.entry(entry.path) != nil, "entry(\(entry.path)) not found")
        do {
            let whole = try archive.read(entry)
            fuzzCheck(whole.count == entry.uncompressedSize, "\(entry.path): \(whole.count) bytes, declared \(entry.uncompressedSize)")
            fuzzCheck(CRC32.checksum(whole) == entry.crc32, "\(entry.path): CRC not checked")
            fuzzCheck(whole.count <= fuzzLimits.maxEntrySize, "\(entry.path): over the entry limit")
        } catch {
            fuzzCheck(!error.description.isEmpty, "empty description")
        }
    }
    // Streaming stops at once when the consumer throws, and the consumer's error comes back as is.
    struct Stop: Error {}
    for entry in archive.entries.prefix(8) {
        var chunks = 0
        do {
            try archive.stream(entry) { _ in chunks += 1; throw Stop() }
        } catch is Stop {
            fuzzCheck(chunks == 1, "stream went on after the consumer threw")
        } catch {
            fuzzCheck(error is ZipError, "stream threw \(error)")
        }
    }
    // Parts are read from several threads at once in the XLSX reader.
    let entries = Array(archive.entries.prefix(4))
    DispatchQueue.concurrentPerform(iterations: entries.count) { i in
        _ = try? archive.read(entries[i])
    }
}

/// The input cut into named parts, written by ZipWriter and read back: the same names and bytes
/// in the same order, whatever the names hold.
func roundTrip(_ bytes: [UInt8]) {
    guard let first = bytes.first else { return }
    let count = Int(first % 5)
    var parts: [(name: String, content: [UInt8], store: Bool)] = []
    var rest = bytes.dropFirst()
    for i in 0..<count {
        let nameLength = min(Int(rest.first ?? 0) % 24, max(rest.count - 1, 0))
        rest = rest.dropFirst()
        let name = String(decoding: rest.prefix(nameLength), as: UTF8.self)
        rest = rest.dropFirst(nameLength)
        let contentLength = i == count - 1 ? rest.count : min(rest.count, Int(rest.first ?? 0) * 7)
        parts.append((name, Array(rest.prefix(contentLength)), i % 2 == 1))
        rest = rest.dropFirst(contentLength)
    }
    var writer = ZipWriter()
    for part in parts { writer.add(path: part.name, bytes: part.content, store: part.store) }
    let archiveBytes = writer.finish()
    do {
        let archive = try ZipArchive(bytes: archiveBytes)
        fuzzCheck(archive.entries.count == parts.count, "wrote \(parts.count) entries, read \(archive.entries.count)")
        for (entry, part) in zip(archive.entries, parts) {
            fuzzCheck(entry.path == part.name, "name \(part.name) read back as \(entry.path)")
            fuzzCheck(try archive.read(entry) == part.content, "\(part.name): content differs")
        }
    } catch {
        fuzzCheck(false, "our own archive refused: \(error)")
    }
}
