// XLSX reading benchmark: in one process, on one workbook's first sheet (or --sheet N):
//   inflate   — zlib inflate of the sheet part only
//   floor     — inflate → libxml2 push SAX2 parser with no-op callbacks, one thread
//   read      — Workbook.readRows: every row delivered in order with typed values (all cores)
// and prints wall and CPU seconds, MB/s of sheet XML, rows/s and peak RSS. Median of --runs (default 3).
//
//   python3 Benchmarks/make_sheet_1m.py /tmp/sheet-1m.xlsx
//   swift build -c release --product xlsx-bench && .build/release/xlsx-bench /tmp/sheet-1m.xlsx
import Foundation
import XLSX

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
var runs = 3
var sheetNumber = 1
if let index = arguments.firstIndex(of: "--runs"), index + 1 < arguments.count {
    runs = Int(arguments[index + 1]) ?? 3
    arguments.removeSubrange(index...(index + 1))
}
if let index = arguments.firstIndex(of: "--sheet"), index + 1 < arguments.count {
    sheetNumber = Int(arguments[index + 1]) ?? 1
    arguments.removeSubrange(index...(index + 1))
}
guard let path = arguments.first else {
    print("usage: xlsx-bench FILE.xlsx [--sheet N] [--runs N]")
    exit(2)
}

do {
    var xmlBytes = 0
    var rows = 0
    var cells = 0
    var results: [String: [(wall: Double, cpu: Double)]] = [:]
    let order = ["read", "floor", "inflate"]
    for _ in 0..<runs {
        for name in order {
            // A fresh Workbook per run: the shared-string table and styles are part of the cost.
            let startWall = seconds()
            let startCPU = cpuSeconds()
            let workbook = try Workbook(path: path)
            guard let sheet = workbook.sheet(at: sheetNumber) else {
                print("no sheet \(sheetNumber)")
                exit(2)
            }
            switch name {
            case "read":
                rows = 0
                cells = 0
                var checksum = 0.0
                try workbook.readRows(sheet) { row in
                    rows += 1
                    cells += row.cells.count
                    for cell in row.cells {
                        if case .number(let value) = cell.value { checksum += value }
                    }
                }
                if checksum.isNaN { print("") }
            case "floor":
                xmlBytes = try workbook.benchmarkFloor(sheet)
            default:
                xmlBytes = try workbook.benchmarkInflate(sheet)
            }
            results[name, default: []].append((seconds() - startWall, cpuSeconds() - startCPU))
        }
    }
    let megabytes = Double(xmlBytes) / 1e6
    print("sheet XML \(String(format: "%.1f", megabytes)) MB, \(rows) rows, \(cells) cells, \(runs) runs (median)")
    print("phase     wall s   cpu s   MB/s XML   rows/s")
    for name in order.reversed() {
        let walls = results[name, default: []].map(\.wall).sorted()
        let cpus = results[name, default: []].map(\.cpu).sorted()
        let wall = walls[walls.count / 2]
        let cpu = cpus[cpus.count / 2]
        let rate = name == "read" ? String(format: "%9.0f", Double(rows) / wall) : "        -"
        print(name.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: " %7.2f %7.2f %10.0f", wall, cpu, megabytes / wall) + " " + rate)
    }
    print(String(format: "peak RSS %.0f MB (whole process)", peakRSSMegabytes()))
} catch {
    print("error: \(error)")
    exit(1)
}
