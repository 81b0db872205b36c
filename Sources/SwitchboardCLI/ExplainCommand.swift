import ArgumentParser
import Diagnostics
import ManifestCompiler

/// `switchboard explain CODE` — the long explanation of a diagnostic code, with an example that
/// triggers it, the example fixed, and what `check` reports for the example.
public struct ExplainCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a diagnostic code, with an example that triggers it and the fix.",
        discussion: """
            CODE is written as printed (SB2011), in lower case (sb2011), or as its number (2011).
            Exit status: 0 explained or listed, 2 unknown code or usage error.
            """
    )

    @Argument(help: "The diagnostic code to explain, e.g. SB2011.")
    public var code: String?

    @Flag(help: "List every diagnostic code with its title.")
    public var list = false

    public init() {}

    public func validate() throws {
        switch (code, list) {
        case (nil, false): throw ValidationError("name a diagnostic code, e.g. `switchboard explain SB2011`, or use --list")
        case (_?, true): throw ValidationError("a code and --list exclude each other")
        default: break
        }
    }

    public func run() throws {
        let runner = ExplainRunner()
        let status = list ? runner.list(console: .standard()) : runner.explain(code ?? "", console: .standard())
        if status != ExitStatus.success { throw status }
    }
}

/// The work of `explain`, apart from argument parsing so tests can run it with a captured console.
public struct ExplainRunner {
    /// Prose is wrapped to this many columns; examples and diagnostics are printed as they are.
    public static let width = 80
    static let indent = "    "

    public init() {}

    /// Prints the explanation of `query` (`SB2011`, `sb2011`, `2011`), or an error naming the
    /// closest code when there is none.
    public func explain(_ query: String, console: Console) -> ExitCode {
        guard let entry = DiagnosticCatalog.explanation(for: query) else {
            let shown = DiagnosticCatalog.normalizedID(query) ?? query
            var message = "switchboard: unknown diagnostic code `\(shown)`"
            if let closest = DiagnosticCatalog.closestCode(to: query) {
                message += "; did you mean `\(closest.id)` (\(closest.title))?"
            }
            console.writeError(message + "\n")
            console.writeError("every code and its title: `switchboard explain --list`\n")
            return ExitStatus.usageOrIO
        }
        console.write(render(entry))
        return ExitStatus.success
    }

    /// One line per code: `SB2011  error    name defined twice`.
    public func list(console: Console) -> ExitCode {
        let severityWidth = Severity.allCases.map(\.rawValue.count).max() ?? 0
        for entry in DiagnosticCatalog.all {
            let severity = entry.severity.rawValue
            console.write("\(entry.code.id)  \(severity)\(String(repeating: " ", count: severityWidth - severity.count))  \(entry.code.title)\n")
        }
        return ExitStatus.success
    }

    /// The whole explanation of one entry.
    func render(_ entry: DiagnosticExplanation) -> String {
        var sections = ["\(entry.code.id): \(entry.code.title)", Self.wrap(entry.summary)]
        if let bad = entry.badExample {
            sections.append("Example that triggers it:\n\n" + Self.indented(Self.visible(bad)))
            sections.append("`switchboard check --format short` reports for it:\n\n" + Self.indented(checked(bad)))
        }
        if let command = entry.commandExample {
            sections.append("Example that triggers it:\n\n" + Self.indented(command))
        }
        if let fixed = entry.fixedExample {
            sections.append("Fixed:\n\n" + Self.indented(Self.visible(fixed)))
        }
        if !entry.notes.isEmpty {
            sections.append("Notes:\n\n" + entry.notes.map { Self.wrap($0, first: "  - ", rest: "    ") }.joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// The diagnostics the checker reports for an example, in the short format: computed on every
    /// run, so the printed output is always what `check` says.
    func checked(_ example: String) -> String {
        let result = ManifestChecker().check([ManifestInput(name: DiagnosticExplanation.exampleFileName, text: example)])
        let report = DiagnosticReport(diagnostics: result.diagnostics, sources: result.sources, fileCount: 1)
        return ShortRenderer().render(report)
    }

    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : indent + $0 }
            .joined(separator: "\n")
            .trimmingTrailingNewlines()
    }

    /// Example text with control characters shown as their Control Pictures (`␛` for ESC), so an
    /// example about a control character cannot send it to the terminal.
    static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result.unicodeScalars.append(scalar)
            case 0x00..<0x20: result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result += "\u{2421}"
            case 0x80...0x9F: result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A paragraph wrapped at `width` columns, at spaces outside `code spans`, so a value to copy
    /// is never split across lines.
    static func wrap(_ text: String, first: String = "", rest: String = "") -> String {
        var words: [String] = []
        var inCode = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if inCode, let last = words.popLast() {
                words.append(last + " " + word)
            } else {
                words.append(String(word))
            }
            if word.count(where: { $0 == "`" }) % 2 == 1 { inCode.toggle() }
        }
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in words {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
