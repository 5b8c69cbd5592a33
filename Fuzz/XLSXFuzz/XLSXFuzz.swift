// libFuzzer target for the XLSX reader: each input is taken as a whole .xlsx package (the seed corpus
// is Tests/XLSXTests/Fixtures/*.xlsx) and, where it opens, every sheet is read on both the sequential
// and the chunked path. Any outcome but rows or a thrown error (a crash, a hang, a sanitizer report)
// is a finding. SwiftPM links an executable's `main` to `<module>_main`; for the target named
// `xlsx-fuzz` that is `xlsx_fuzz_main`, defined here to hand control to libFuzzer's driver.
// Built without -DXLSX_FUZZ (a plain `swift build`), the same program replays the files named on its
// command line once each — the way to reproduce a crash file without the fuzzer.
//
//   swift build -c release --product xlsx-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DXLSX_FUZZ
//   mkdir -p /tmp/xlsx-corpus && cp Tests/XLSXTests/Fixtures/*.xlsx /tmp/xlsx-corpus/
//   .build/release/xlsx-fuzz /tmp/xlsx-corpus -max_total_time=60 -rss_limit_mb=2048 -timeout=10
import XLSX
#if canImport(Glibc)
import Glibc
#endif

#if XLSX_FUZZ
typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: FuzzCallback) -> CInt

@_cdecl("xlsx_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, { data, size in fuzzOneInput(data, size) })
}
#else
@_cdecl("xlsx_fuzz_main")
public func replayMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    for path in CommandLine.arguments.dropFirst() {
        guard let file = fopen(path, "rb") else { continue }
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&block, 1, block.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: block[..<count])
        }
        fclose(file)
        bytes.withUnsafeBufferPointer { _ = fuzzOneInput($0.baseAddress, $0.count) }
        print("replayed \(path)")
    }
    return 0
}
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzedWorkbook(bytes: Array(UnsafeBufferPointer(start: data, count: size))).readEverything()
    return 0
}
