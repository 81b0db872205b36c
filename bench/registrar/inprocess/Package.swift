// swift-tools-version: 6.0
import PackageDescription

// The REGISTER path of `switchboard serve` in one process, without sockets (docs/performance.md,
// "CPU per REGISTER, session 5"): a package of its own, like Fuzz/, so the root build stays as
// it is. Run it with `bench/registrar/inprocess/run`.
let package = Package(
    name: "RegisterInProcess",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Switchboard", path: "../../.."),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .executableTarget(name: "RegisterInProcess", dependencies: [
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Registrar", package: "Switchboard"),
            .product(name: "RuntimeBundle", package: "Switchboard"),
            .product(name: "SIP", package: "Switchboard"),
            .product(name: "SIPDigest", package: "Switchboard"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
