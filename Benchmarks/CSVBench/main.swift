// CSV reading benchmark (QUALITY.md: ≥ 250 MB/s UTF-8, ≥ 100 MB/s GB18030 wall, 2 cores, release).
// For each file, in one process, median of --runs (default 5):
//   map     — mapping the file and touching every page (a floor; CSVDocument(path:) reads the file: a
//             mapped file that shrinks while it is parsed raises SIGBUS)
//   open    — CSVDocument(path:): read, detect the encoding over the whole file, decode to UTF-8
//   records — open + forEachRecord touching every field's bytes (withUTF8Field): the headline figure
//   strings — open + forEachRecord making a String of every field (what a naive consumer pays)
// MB/s are of the file's bytes; wall and CPU seconds; rows/s; peak RSS.
//
//   python3 Benchmarks/CSVBench/make_csv_1m.py /tmp/csv-1m
//   swift build -c release --product csv-bench
//   .build/release/csv-bench /tmp/csv-1m/hazards-utf8.csv /tmp/csv-1m/hazards-gb18030.csv
import CSV
import Foundation

func seconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

#if os(Linux)
let selfUsage = RUSAGE_SELF.rawValue
#else
let selfUsage = RUSAGE_SELF
#endif

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(selfUsage, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(selfUsage, &usage)
    return Double(usage.ru_maxrss) / 1024
}

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 5
if let index = arguments.firstIndex(of: "--runs"), index + 1 < arguments.count {
    runs = Int(arguments[index + 1]) ?? 5
    arguments.removeSubrange(index...index + 1)
}
var phases = ["map", "open", "records", "strings"]
if let index = arguments.firstIndex(of: "--phases"), index + 1 < arguments.count {
    phases = arguments[index + 1].split(separator: ",").map(String.init)
    arguments.removeSubrange(index...index + 1)
}
guard !arguments.isEmpty else {
    print("usage: csv-bench [--runs N] [--phases map,open,records,strings] FILE.csv …")
    exit(2)
}

/// Runs `body` `runs` times; returns the median wall and CPU seconds and the last result.
func measure(runs: Int, _ body: () throws -> Int) rethrows -> (wall: Double, cpu: Double, result: Int) {
    var samples: [(Double, Double)] = []
    var result = 0
    for _ in 0..<runs {
        let w0 = seconds(), c0 = cpuSeconds()
        result = try body()
        samples.append((seconds() - w0, cpuSeconds() - c0))
    }
    samples.sort { $0.0 < $1.0 }
    let median = samples[samples.count / 2]
    return (median.0, median.1, result)
}

for path in arguments {
    let size = Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
    let document = try CSVDocument(path: path)
    print("\(path): \(Int(size)) bytes, \(document.encoding.rawValue), delimiter \(document.delimiter == 9 ? "tab" : String(UnicodeScalar(document.delimiter)))")
    print("  phase     wall s   cpu s    MB/s    rows/s")
    func report(_ phase: String, _ m: (wall: Double, cpu: Double, result: Int), rows: Bool) {
        let mbps = size / 1e6 / m.wall
        let rowRate = rows ? String(format: "%9.0f", Double(m.result) / m.wall) : (m.result < 0 ? "  failed" : "        -")
        print("  " + phase.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: "%7.3f %7.3f %7.1f ", m.wall, m.cpu, mbps) + rowRate)
    }
    for phase in phases {
        switch phase {
        case "map":
            report(phase, measure(runs: runs) {
                let fd = open(path, O_RDONLY)
                defer { close(fd) }
                let length = Int(size)
                guard let base = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return -1 }
                defer { munmap(base, length) }
                var sum = 0
                for page in stride(from: 0, to: length, by: 4096) { sum &+= Int(base.load(fromByteOffset: page, as: UInt8.self)) }
                return sum
            }, rows: false)
        case "open":
            report(phase, try measure(runs: runs) { try CSVDocument(path: path).delimiter == 0 ? 0 : 1 }, rows: false)
        case "records":
            var checksum = 0
            let m = try measure(runs: runs) {
                let doc = try CSVDocument(path: path)
                var records = 0
                try doc.forEachRecord { record in
                    records += 1
                    for i in 0..<record.count { checksum &+= record.withUTF8Field(i) { $0.count } }
                }
                return records
            }
            report(phase, m, rows: true)
        case "strings":
            var checksum = 0
            let m = try measure(runs: runs) {
                let doc = try CSVDocument(path: path)
                var records = 0
                try doc.forEachRecord { record in
                    records += 1
                    for i in 0..<record.count { checksum &+= record[i].utf8.count }
                }
                return records
            }
            report(phase, m, rows: true)
        default:
            print("  unknown phase \(phase)")
        }
    }
    print(String(format: "  peak RSS %.0f MB", peakRSSMegabytes()))
}
