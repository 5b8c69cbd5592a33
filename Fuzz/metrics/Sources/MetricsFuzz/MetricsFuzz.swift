// libFuzzer target from CSV bytes to figures: ingest (kind detection, parsing, rejects, merge),
// the catalog's metrics and figures.json, on one file of any content. Built by Fuzz/run-metrics.sh.
//
// Every input must end in figures or a located error, never a crash, a trap on overflow, a hang or
// an allocation out of proportion to the input (issue 16: huge values, thousands of districts ×
// industries in a small file), and:
//   - every row read is accepted or rejected (conservation);
//   - each additive figure of the region is the sum of its parts' (when no sum overflowed);
//   - figures.json is written the same way twice.
import Foundation
import Ingest
import Metrics
import Model

func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

/// One folder for the whole process: the input is written to it as a CSV file for every run.
let folder: String = {
    let path = NSTemporaryDirectory() + "metrics-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    let file = folder + "/输入.csv"
    guard (try? bytes.write(to: URL(fileURLWithPath: file))) != nil else { return 0 }
    guard let result = try? Ingest.run(inputs: folder, options: IngestOptions(parallel: false)) else { return 0 }
    for f in result.files {
        for s in f.sheets { fuzzCheck(s.read == s.accepted + s.rejected, "conservation: \(f.path) \(s)") }
    }
    guard let period = try? ReportPeriod.resolve(for: result.dataset) else { return 0 }
    let figures = FiguresBuilder.compute(result.dataset, period: period)
    let text = FiguresJSON.text(figures)
    fuzzCheck(text == FiguresJSON.text(FiguresBuilder.compute(result.dataset, period: period)), "figures.json differs on rerun")
    guard figures.overflow == nil else { return 0 }
    let region = figures.regionScope
    for d in figures.declarations where d.isAdditive {
        guard let r = region.metric(d.id), r.hasValue, r.incomplete.isEmpty else { continue }
        var sum = ExactDecimal(0)
        for part in figures.parts {
            guard let m = part.metric(d.id), m.hasValue else { continue }
            sum = ExactDecimal.difference(sum, ExactDecimal(significand: -m.value.significand, exponent: m.value.exponent))
        }
        fuzzCheck(ExactDecimal.difference(r.value, sum).significand == 0, "\(d.id): region \(r.value) ≠ parts \(sum)")
    }
    return 0
}

/// libFuzzer's driver, entered from this executable's `main` (SwiftPM links an executable target's
/// entry point under the module's name).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("MetricsFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
