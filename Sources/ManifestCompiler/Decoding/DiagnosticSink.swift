import Diagnostics

/// Collects the diagnostics of one compile. A class, so the decoders of every file and stage
/// can report into the same place without threading an `inout` through every call.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func emit(contentsOf more: [Diagnostic]) {
        diagnostics.append(contentsOf: more)
    }
}
