// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one target per stage (see docs/architecture.md):
// CLibYAML → YAMLSource → ManifestCompiler → RuntimeBundle → SwitchboardCLI → switchboard.
// Diagnostics is the value model every stage reports into. RuntimeBundle is the format the
// compiler writes and the registrar loads; it never depends on the compiler.
let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
        .library(name: "ManifestCompiler", targets: ["ManifestCompiler"]),
        .library(name: "RuntimeBundle", targets: ["RuntimeBundle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "Diagnostics"),
        .target(name: "Hashing", dependencies: ["CLibCrypto"]),
        .target(name: "RuntimeBundle", dependencies: ["Hashing"]),
        .target(name: "YAMLSource", dependencies: ["CLibYAML", "Diagnostics"]),
        .target(name: "ManifestCompiler", dependencies: ["YAMLSource", "Diagnostics", "RuntimeBundle"]),
        .target(
            name: "SwitchboardCLI",
            dependencies: [
                "ManifestCompiler",
                "Diagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "switchboard", dependencies: ["SwitchboardCLI"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "YAMLSourceTests", dependencies: ["YAMLSource"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "RuntimeBundleTests", dependencies: ["RuntimeBundle"]),
        .testTarget(name: "ManifestCompilerTests", dependencies: ["ManifestCompiler", "YAMLSource", "RuntimeBundle"]),
        .testTarget(
            name: "SwitchboardCLITests",
            dependencies: ["SwitchboardCLI", "ManifestCompiler", "RuntimeBundle"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
