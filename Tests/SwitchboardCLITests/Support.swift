import Foundation
import ManifestCompiler
@testable import SwitchboardCLI

/// The package's root folder, found from this file, so tests read the shipped samples.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func samplePath(_ relative: String) -> String {
    packageRoot.appendingPathComponent("samples").appendingPathComponent(relative).path
}

/// Runs `check` in-process with a captured console; file names in the output are relative to
/// the package root so expectations do not depend on where the checkout is.
func runCheck(
    _ paths: [String], format: DiagnosticFormat = .short, strict: Bool = false, color: ColorChoice = .never
) -> (status: Int32, output: String, errors: String) {
    let console = Console.capturing()
    let status = CheckRunner(
        format: format, strict: strict, color: color, environment: [:],
        finder: ManifestFileFinder(baseDirectory: packageRoot.path))
        .run(paths: paths, console: console)
    return (status.rawValue, console.output, console.errors)
}

/// The built `switchboard` executable, in the products folder that holds the test bundle.
var switchboardExecutable: URL {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    return testBinary.deletingLastPathComponent().appendingPathComponent("switchboard")
}

/// Runs the real executable and returns its exit status and both streams.
func runSwitchboard(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, output: String, errors: String) {
    let process = Process()
    process.executableURL = switchboardExecutable
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let output = Pipe(), errors = Pipe(), input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}
