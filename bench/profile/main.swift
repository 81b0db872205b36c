// The compiler pipeline without the CLI, for profilers: `bench/profile/build` compiles it against
// the package's own compiler modules. valgrind crashes when the `switchboard` executable exits
// (its `async` main parks the main thread in libdispatch), so callgrind and massif run this
// instead. It does what `CheckRunner` and `CompileRunner` do on a clean run, minus printing and
// the atomic rename.
//
//     profile check PATH           read, decode, validate (what `switchboard check` does)
//     profile compile PATH [OUT]   and lower, encode and hash the bundle, and write it to OUT if given
//                                  (in place, with `write(2)`: never an atomic rename, which would
//                                  replace a device such as `/dev/null` with a regular file)
//     profile phases PATH          the wall time of each phase (find, check, find+check as the CLI
//                                  runs them (decoding while finding), compile, encode, and the
//                                  bare YAML reader), for comparing changes on a busy machine
//     profile sizes                 the in-memory sizes of the main model types
import Diagnostics
import Foundation
import ManifestCompiler
import RuntimeBundle
import YAMLSource

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: profile check|compile|phases PATH [OUT] | profile sizes\n".utf8))
    exit(2)
}
switch arguments[1] {
case "sizes":
    print("Provider \(MemoryLayout<Provider>.stride) B, SourceSpan \(MemoryLayout<SourceSpan>.stride) B, "
        + "YAMLNode \(MemoryLayout<YAMLNode>.stride) B, YAMLMapping.Entry \(MemoryLayout<YAMLMapping.Entry>.stride) B")
case "check":
    let found = ManifestFileFinder().find([arguments[2]])
    let result = ManifestChecker().check(found.inputs)
    let report = DiagnosticReport(diagnostics: found.problems + result.diagnostics, sources: result.sources, fileCount: found.inputs.count)
    FileHandle.standardError.write(Data((report.summary + "\n").utf8))
case "phases":
    // Wall time of each phase, in milliseconds: compile's lowering is `compile` minus `check`
    // (each is run once on its own), and `read` is the bare YAML reader on the first file.
    func milliseconds(_ work: () -> Void) -> Double {
        let elapsed = ContinuousClock().measure(work).components
        return Double(elapsed.seconds) * 1e3 + Double(elapsed.attoseconds) / 1e15
    }
    var inputs: [ManifestInput] = []
    let find: Double = milliseconds { inputs = ManifestFileFinder().find([arguments[2]]).inputs }
    let check: Double = milliseconds { _ = ManifestChecker().check(inputs) }
    var bundle: SwitchboardBundle?
    let compile: Double = milliseconds { bundle = BundleCompiler().compile(inputs).bundle }
    let encode: Double = milliseconds { _ = bundle.map(BundleEncoding.encode) }
    let read: Double = milliseconds { _ = YAMLReader().read(inputs[0].bytes, file: inputs[0].name) }
    // Last, like `check`, after the first phases warmed the threads and the heap up.
    let findAndCheck: Double = milliseconds { _ = ManifestChecker().check(finding: [arguments[2]], with: ManifestFileFinder()) }
    print(String(
        format: "find %.1f  check %.1f  find+check %.1f  compile %.1f (lowering %.1f)  encode %.1f  read %.1f ms",
        find, check, findAndCheck, compile, compile - check, encode, read))
default:
    let found = ManifestFileFinder().find([arguments[2]])
    let result = BundleCompiler().compile(found.inputs)
    let report = DiagnosticReport(
        diagnostics: found.problems + result.check.diagnostics, sources: result.check.sources, fileCount: found.inputs.count)
    guard let bundle = result.bundle else {
        FileHandle.standardError.write(Data((report.summary + "; no bundle\n").utf8))
        exit(1)
    }
    let encoded = BundleEncoding.encode(bundle)
    if arguments.count > 3 {
        let output = arguments[3]
        let descriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let written = encoded.bytes.withUnsafeBytes { descriptor >= 0 ? write(descriptor, $0.baseAddress, $0.count) : -1 }
        guard written == encoded.bytes.count, close(descriptor) == 0 else {
            FileHandle.standardError.write(Data("cannot write \(output)\n".utf8))
            exit(2)
        }
    }
    FileHandle.standardError.write(Data("compiled \(bundle.providers.count) providers, \(encoded.digest)\n".utf8))
}
