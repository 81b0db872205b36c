// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for Switchboard (docs/security.md#fuzzing). A package of its own because its
// executables only link with `-sanitize=fuzzer`: a plain `swift build` of the root stays as it is.
// Build and run them with `scripts/fuzz`.
//
// Each fuzzer is a Swift executable target that defines `LLVMFuzzerTestOneInput` and links
// `FuzzerGlue`, whose `<target>_main` (the entry point SwiftPM gives an executable) hands control
// to libFuzzer's driver.
let fuzzers: [(name: String, dependencies: [Target.Dependency])] = [
    ("ManifestFuzzer", [
        .product(name: "Diagnostics", package: "Switchboard"),
        .product(name: "ManifestCompiler", package: "Switchboard"),
        .product(name: "Routing", package: "Switchboard"),
        .product(name: "RuntimeBundle", package: "Switchboard"),
    ]),
    ("SIPFuzzer", [.product(name: "SIP", package: "Switchboard")]),
    ("RegistrarFuzzer", [
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ManifestCompiler", package: "Switchboard"),
        .product(name: "Registrar", package: "Switchboard"),
        .product(name: "RuntimeBundle", package: "Switchboard"),
        .product(name: "SIP", package: "Switchboard"),
        .product(name: "SIPDigest", package: "Switchboard"),
    ]),
    ("BundleFuzzer", [
        .product(name: "Routing", package: "Switchboard"),
        .product(name: "RuntimeBundle", package: "Switchboard"),
    ]),
]

let package = Package(
    name: "SwitchboardFuzz",
    platforms: [.macOS(.v15)],
    products: fuzzers.map { .executable(name: $0.name, targets: [$0.name]) },
    dependencies: [
        .package(name: "Switchboard", path: ".."),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .target(name: "FuzzerGlue"),
        .target(name: "FuzzSupport", dependencies: [.product(name: "SIP", package: "Switchboard")]),
    ] + fuzzers.map { fuzzer in
        .executableTarget(name: fuzzer.name, dependencies: ["FuzzerGlue", "FuzzSupport"] + fuzzer.dependencies)
    },
    swiftLanguageModes: [.v6]
)
