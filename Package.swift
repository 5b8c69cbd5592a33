// swift-tools-version:6.0
import PackageDescription

// One module per pipeline stage; dependencies point one way, down the pipeline:
// Zip → XLSX → XLS (legacy .xls/.et, same rows) → Ingest (with CSV, Model) → Metrics → Render → Pipeline → safetystats (CLI).
let package = Package(
    name: "SafetyStats",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "safetystats", targets: ["safetystats"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/stencilproject/Stencil.git", from: "0.15.1"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        .target(name: "Zip", dependencies: ["CZlib"]),
        .target(name: "XLSX", dependencies: ["Zip", "CLibXML2"]),
        // The CSV reader's vector kernels (UTF-8 validation, byte masks), AVX2 chosen by CPUID at run time.
        .target(name: "CTextScan"),
        // Files mapped read-only with a SIGBUS handler: a file truncated while it is read reads as zeros, then is reported.
        .target(name: "CMappedFile"),
        .target(name: "CSV", dependencies: ["CTextScan", "CMappedFile"], exclude: ["GB18030Tables.py"]),
        .target(name: "XLS", dependencies: ["XLSX", "CSV"]),
        .target(name: "Model"),
        // SHA-256 blocks through the x86 SHA extensions, chosen by CPUID at run time (Ingest's checksum).
        .target(name: "CSHA256"),
        .target(name: "Ingest", dependencies: [
            "Model", "XLSX", "XLS", "CSV", "CSHA256",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .target(name: "Metrics", dependencies: ["Model"]),
        .target(name: "Render", dependencies: [
            "Metrics", "Model", "XLSX", "Zip", "CSV",
            .product(name: "Stencil", package: "Stencil"),
        ]),
        .target(name: "Generator", dependencies: ["XLSX", "CSV", "Zip"]),
        .target(name: "Pipeline", dependencies: ["Ingest", "Metrics", "Render", "Model", "CSV"]),
        .executableTarget(name: "safetystats", dependencies: [
            "Pipeline", "Generator", "XLSX", "XLS", "CSV", "Ingest",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmarks (Benchmarks/*.md, BENCHMARKS.md): release builds of one reader each.
        .executableTarget(name: "xlsx-bench", dependencies: ["XLSX"], path: "Benchmarks/XLSXBench"),
        .executableTarget(name: "xls-bench", dependencies: ["XLS", "XLSX"], path: "Benchmarks/XLSBench"),
        .executableTarget(name: "csv-bench", dependencies: ["CSV"], path: "Benchmarks/CSVBench", exclude: ["make_csv_1m.py"]),

        .testTarget(name: "ZipTests", dependencies: ["Zip"], resources: [.copy("Fixtures")]),
        .testTarget(name: "XLSXTests", dependencies: ["XLSX", "Zip"], resources: [.copy("Fixtures")]),
        .testTarget(name: "XLSTests", dependencies: ["XLS", "XLSX"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CSVTests", dependencies: ["CSV"]),
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Model", "XLSX", "CSV"]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics", "Model", "Ingest"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Metrics", "Model", "XLSX", "Zip", "Ingest"], exclude: ["Fixtures"]),
        .testTarget(name: "GeneratorTests", dependencies: ["Generator", "XLSX", "CSV"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Generator", "Ingest", "Metrics", "Model", "Render", "Zip"],
                    exclude: ["Fixtures"]),
    ]
)
