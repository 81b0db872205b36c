/// What a command's runner does with its results (the manifest, the bundle, the sources) once it
/// has printed and written them.
///
/// A one-shot command process exits right after, and the exit hands all of its memory back to
/// the system at once. Freeing a compile of 10,000 providers object by object first took 20–40 ms
/// of a 0.5 s run, after all the work was done (clang skips the same work with `-disable-free`).
public enum ResultRetention: Sendable {
    /// Freed as usual: for callers that go on, like the tests.
    case free
    /// Never freed: for the command-line process, which exits next.
    case untilExit

    /// Ends the life of `results` as this retention says. Called last, so everything it is given
    /// stays alive until here, whatever the optimizer would otherwise free early.
    func end<Results>(_ results: Results) {
        guard case .untilExit = self else { return }
        _ = Unmanaged.passRetained(Kept(results))
    }

    /// Results handed to the process's end: a box that is retained and never released.
    private final class Kept<Results> {
        let results: Results

        init(_ results: Results) {
            self.results = results
        }
    }
}
