// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one target per stage (see docs/architecture.md):
// CLibYAML → YAMLSource → ManifestCompiler → RuntimeBundle → SwitchboardCLI → switchboard.
// Diagnostics is the value model every stage reports into. RuntimeBundle is the format the
// compiler writes and the registrar loads; it never depends on the compiler.
let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
        .library(name: "ManifestCompiler", targets: ["ManifestCompiler"]),
        .library(name: "RuntimeBundle", targets: ["RuntimeBundle"]),
        // For the fuzz targets in Fuzz/ (a nested package, see docs/security.md#fuzzing).
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
        .library(name: "SIP", targets: ["SIP"]),
        .library(name: "SIPDigest", targets: ["SIPDigest"]),
        .library(name: "Registrar", targets: ["Registrar"]),
        .library(name: "Routing", targets: ["Routing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
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
        // SQLite for the registrar's bindings (serve --bindings): Debian's libsqlite3, see the
        // README's dependency list for why not a Swift package.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "SQLite", dependencies: ["CSQLite"]),
        .target(name: "Diagnostics"),
        .target(name: "Hashing", dependencies: ["CLibCrypto"]),
        .target(name: "RuntimeBundle", dependencies: ["Hashing"]),
        .target(
            name: "Registrar",
            dependencies: [
                "RuntimeBundle", "Routing", "SIP", "SIPDigest", "SQLite",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ProviderRegistration",
            dependencies: [
                "RuntimeBundle", "SIP", "SIPDigest",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "BundleDiff", dependencies: ["RuntimeBundle"]),
        .target(name: "Routing", dependencies: ["RuntimeBundle"]),
        .target(name: "SIP"),
        .target(name: "SIPDigest", dependencies: ["Hashing"]),
        .target(name: "YAMLSource", dependencies: ["CLibYAML", "Diagnostics"]),
        .target(name: "ManifestCompiler", dependencies: ["YAMLSource", "Diagnostics", "RuntimeBundle"]),
        .target(
            name: "SwitchboardCLI",
            dependencies: [
                "Registrar",
                "ProviderRegistration",
                "SIPDigest",
                .product(name: "Logging", package: "swift-log"),
                "ManifestCompiler",
                "Diagnostics",
                "BundleDiff",
                "Routing",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "switchboard", dependencies: ["SwitchboardCLI"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"], exclude: ["Schemas"]),
        .testTarget(name: "YAMLSourceTests", dependencies: ["YAMLSource"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "SIPTests", dependencies: ["SIP"], exclude: ["Fixtures"]),
        .testTarget(name: "SIPDigestTests", dependencies: ["SIPDigest"]),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "RuntimeBundleTests", dependencies: ["RuntimeBundle"]),
        .testTarget(
            name: "RegistrarTests",
            dependencies: [
                "Registrar", "SIP", "SIPDigest", "RuntimeBundle", "SQLite", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ProviderRegistrationTests",
            dependencies: [
                "ProviderRegistration", "SIP", "SIPDigest", "RuntimeBundle",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "BundleDiffTests", dependencies: ["BundleDiff", "RuntimeBundle"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "RuntimeBundle"]),
        .testTarget(name: "ManifestCompilerTests", dependencies: ["ManifestCompiler", "YAMLSource", "RuntimeBundle"]),
        .testTarget(
            name: "SwitchboardCLITests",
            dependencies: [
                "SwitchboardCLI", "ManifestCompiler", "RuntimeBundle", "Routing", "Registrar", "ProviderRegistration", "SIP",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(name: "InteropTests", exclude: ["Peers"]),
    ],
    swiftLanguageModes: [.v6]
)
