/// The outcome of a run: every diagnostic in source order, the sources to quote from, and
/// counts that decide the exit status.
///
/// The report keeps at most `perFileLimit` diagnostics of each file and replaces the rest by one
/// `SB0002` note, placed right after the shown diagnostics of that file, so a file of garbage
/// cannot bury the output; the counts still include all.
public struct DiagnosticReport: Sendable {
    public static let defaultPerFileLimit = 50

    /// The diagnostics to show, in source order, with one `SB0002` note after each file whose
    /// diagnostics were cut.
    public let diagnostics: [Diagnostic]
    public let sources: SourceStore
    /// Errors found, including those not shown.
    public let errorCount: Int
    /// Warnings found, including those not shown.
    public let warningCount: Int
    /// Diagnostics found but not shown because of the per-file limit (of any severity).
    public let hiddenCount: Int
    /// How many files the run read, for the summary line.
    public let fileCount: Int

    public init(
        diagnostics: [Diagnostic],
        sources: SourceStore = SourceStore(),
        fileCount: Int,
        perFileLimit: Int = DiagnosticReport.defaultPerFileLimit
    ) {
        let sorted = diagnostics.sorted()
        errorCount = sorted.count { $0.severity == .error }
        warningCount = sorted.count { $0.severity == .warning }
        self.sources = sources
        self.fileCount = fileCount

        let limit = max(0, perFileLimit)
        var shown: [Diagnostic] = []
        var hiddenTotal = 0
        // Sorting puts each file's diagnostics next to each other.
        var groupStart = sorted.startIndex
        while groupStart < sorted.endIndex {
            let file = sorted[groupStart].span.file
            var groupEnd = groupStart
            while groupEnd < sorted.endIndex, sorted[groupEnd].span.file == file { groupEnd += 1 }
            let group = sorted[groupStart..<groupEnd]
            shown.append(contentsOf: group.prefix(limit))
            let hidden = group.count - min(limit, group.count)
            if hidden > 0 {
                let firstHidden = group[group.startIndex + limit]
                shown.append(Diagnostic(
                    .note, .tooManyDiagnostics,
                    "\(hidden) more diagnostic\(hidden == 1 ? "" : "s") in \(file) not shown",
                    at: firstHidden.span,
                    label: "the first one not shown",
                    help: "fix the problems above and run again; the first ones often cause the rest"
                ))
                hiddenTotal += hidden
            }
            groupStart = groupEnd
        }
        self.diagnostics = shown
        self.hiddenCount = hiddenTotal
    }

    public var hasErrors: Bool { errorCount > 0 }

    /// `3 files checked: 2 errors, 1 warning`.
    public var summary: String {
        "\(fileCount) file\(fileCount == 1 ? "" : "s") checked: "
            + "\(errorCount) error\(errorCount == 1 ? "" : "s"), "
            + "\(warningCount) warning\(warningCount == 1 ? "" : "s")"
    }
}
