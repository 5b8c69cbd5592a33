// swift-tools-version:6.0
import PackageDescription

// The CSV-to-figures fuzz target (Fuzz/run-metrics.sh): a package of its own beside the main one,
// so that the whole pipeline below Render — CSV, Ingest with its TOML parser, Model, Metrics — is
// built with libFuzzer's instrumentation, and libFuzzer supplies `main`. The main package is reached
// through a link Fuzz/run-metrics.sh makes, so that its name does not depend on the checkout's folder.
let package = Package(
    name: "MetricsFuzz",
    dependencies: [.package(path: "../../.build-fuzz/metrics/SafetyStats")],
    targets: [
        .executableTarget(name: "MetricsFuzz", dependencies: [.product(name: "Pipeline", package: "SafetyStats")],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
)
