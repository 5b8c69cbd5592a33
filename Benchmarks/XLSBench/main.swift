// Legacy .xls reading benchmark: in one process, on one workbook, every sheet:
//   open  — XLSWorkbook(path:): read the file, assemble the Workbook stream from its sectors, parse
//           the globals (formats, XFs, the shared-string table, the sheet list)
//   read  — readRows on every sheet: every row delivered in order with typed values
// and prints wall and CPU seconds, rows/s and peak RSS. Median of --runs (default 3).
//
//   python3 Benchmarks/make_xls_200k.py /tmp/s1m/sheet-1m.xlsx /tmp/xls-200k/sheet-200k.xls
//   swift build -c release --product xls-bench && .build/release/xls-bench /tmp/xls-200k/sheet-200k.xls
import Foundation
import XLS
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
if let index = arguments.firstIndex(of: "--runs"), index + 1 < arguments.count {
    runs = Int(arguments[index + 1]) ?? 3
    arguments.removeSubrange(index...(index + 1))
}
guard let path = arguments.first else {
    print("usage: xls-bench FILE.xls [--runs N]")
    exit(2)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

var opens: [Double] = [], reads: [Double] = [], cpus: [Double] = []
var rows = 0, cells = 0
for _ in 0..<runs {
    let cpu = cpuSeconds()
    let start = seconds()
    let workbook = try XLSWorkbook(path: path)
    let opened = seconds()
    rows = 0
    cells = 0
    for sheet in workbook.sheets {
        try workbook.readRows(sheet) { row in
            rows += 1
            cells += row.cells.count
        }
    }
    let done = seconds()
    opens.append(opened - start)
    reads.append(done - opened)
    cpus.append(cpuSeconds() - cpu)
}
let total = median(zip(opens, reads).map { $0 + $1 })
print(String(format: "open   %.3f s", median(opens)))
print(String(format: "read   %.3f s", median(reads)))
print(String(format: "total  %.3f s wall, %.3f s CPU, %d rows, %d cells, %.0f rows/s, peak RSS %.0f MB (median of %d)",
             total, median(cpus), rows, cells, Double(rows) / total, peakRSSMegabytes(), runs))
