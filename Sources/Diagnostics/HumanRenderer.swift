/// Diagnostics for people, in the style of rustc:
///
/// ```
/// error[SB2011]: provider name `acme` is defined twice
///   --> samples/broken/dup.yaml:12:11
///    |
/// 12 |   - name: acme
///    |           ^^^^ defined again here
///    |
///   ::: samples/office.yaml:3:11
///    |
///  3 |   - name: acme
///    |           ---- first defined here
///    = note: names are unique across all manifest files
///    = help: rename one of them
/// ```
///
/// The primary span is underlined with `^`, related spans with `-`. A related span in the file
/// of the primary one and within a few lines of it shares its snippet; any other gets a `:::`
/// block of its own (related spans near each other in one file share one). A span over several
/// lines is underlined to the end of its first line; an empty span gets one `^`. Tabs are shown
/// as spaces and wide characters are measured, so the carets stay under the right characters.
/// When the source of a place is not known (file not in the store, line past its end), only
/// its location is printed, followed by its label. A line longer than `maxQuotedScalars` is
/// quoted as a window around its first mark, cut with `…` on the side(s) left out, so a 1 MB line
/// costs one pass over it and a few hundred columns of output, not a megabyte of carets.
///
/// Diagnostics are separated by a blank line; the report's summary line ends the output.
public struct HumanRenderer: DiagnosticRenderer, Sendable {
    /// Whether to use ANSI colors (see `shouldUseColors(isTTY:environment:)`).
    public var colors: Bool
    /// Whether to end the output with the report's summary line.
    public var showsSummary: Bool

    /// A related span this many lines or fewer from a span of a snippet joins that snippet.
    static let nearbyLines = 4
    /// The most scalars of one source line a snippet shows; longer lines are cut around the marks.
    static let maxQuotedScalars = 120
    /// Scalars shown before the first mark of a cut line, so the mark has some context.
    static let contextBeforeMark = 30

    public init(colors: Bool, showsSummary: Bool = true) {
        self.colors = colors
        self.showsSummary = showsSummary
    }

    /// Colors go only to a terminal (`isTTY`), never when `NO_COLOR` is in the environment
    /// (whatever its value, see https://no-color.org), and never for `TERM=dumb`.
    public static func shouldUseColors(isTTY: Bool, environment: [String: String]) -> Bool {
        guard isTTY else { return false }
        if environment["NO_COLOR"] != nil { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }

    public func render(_ report: DiagnosticReport) -> String {
        var output = ""
        for (index, diagnostic) in report.diagnostics.enumerated() {
            if index > 0 { output += "\n" }
            output += render(diagnostic, sources: report.sources)
        }
        if showsSummary {
            if !output.isEmpty { output += "\n" }
            output += paint(report.summary, .bold) + "\n"
        }
        return output
    }

    /// The lines for one diagnostic, each ending with a line break.
    public func render(_ diagnostic: Diagnostic, sources: SourceStore) -> String {
        let blocks = Self.blocks(for: diagnostic, sources: sources)
        let largestLine = blocks.flatMap { $0.rows }.compactMap(\.lineNumber).max() ?? 1
        let gutter = String(largestLine).count
        let margin = String(repeating: " ", count: gutter)
        let severityStyle = Style(diagnostic.severity)

        var output = ""
        let messageLines = TerminalText.lines(diagnostic.message).map(TerminalText.sanitized)
        output += paint("\(diagnostic.severity.rawValue)[\(TerminalText.folded(diagnostic.code.id))]", severityStyle)
        output += paint(": " + messageLines.joined(separator: "\n"), .bold) + "\n"

        for (index, block) in blocks.enumerated() {
            if index > 0, blocks[index - 1].hasSnippet {
                output += margin + " " + paint("|", .gutter) + "\n"
            }
            let first = block.annotations[0]
            var location = margin + paint(index == 0 ? "-->" : ":::", .gutter) + " "
                + TerminalText.folded(first.span.description)
            if !block.hasSnippet, let label = first.label {
                location += ": " + TerminalText.folded(label)
            }
            output += location + "\n"
            guard block.hasSnippet, let source = sources[block.file] else { continue }
            output += margin + " " + paint("|", .gutter) + "\n"
            for row in block.rows {
                output += render(row, of: block, source: source, gutter: gutter, severityStyle: severityStyle)
            }
        }

        for (kind, text) in diagnostic.notes.map({ ("note", $0) }) + (diagnostic.help.map { [("help", $0)] } ?? []) {
            let prefix = margin + " " + paint("=", .gutter) + " " + paint(kind, .noteOrHelp) + ": "
            let indent = String(repeating: " ", count: gutter + 1 + "= \(kind): ".count)
            let lines = TerminalText.lines(text).map(TerminalText.sanitized)
            for (lineIndex, line) in lines.enumerated() {
                if line.isEmpty {
                    output += lineIndex == 0 ? String(prefix.dropLast()) : ""
                } else {
                    output += (lineIndex == 0 ? prefix : indent) + line
                }
                output += "\n"
            }
        }
        return output
    }

    // MARK: - Layout

    /// A place to point at: the primary span or a related one.
    struct Annotation {
        var span: SourceSpan
        var label: String?
        var isPrimary: Bool
    }

    enum Row {
        case source(Int)
        case gap

        var lineNumber: Int? {
            if case .source(let number) = self { number } else { nil }
        }
    }

    /// The places of one file shown under one location line.
    struct Block {
        var file: String
        var annotations: [Annotation]
        var hasSnippet: Bool

        /// The annotated lines in order, the one line between two of them, or a gap row for more.
        var rows: [Row] {
            guard hasSnippet else { return [] }
            let numbers = Set(annotations.map(\.span.start.line)).sorted()
            var rows: [Row] = []
            for (index, number) in numbers.enumerated() {
                if index > 0 {
                    let previous = numbers[index - 1]
                    if number - previous == 2 {
                        rows.append(.source(previous + 1))
                    } else if number - previous > 2 {
                        rows.append(.gap)
                    }
                }
                rows.append(.source(number))
            }
            return rows
        }

        func isNear(_ span: SourceSpan) -> Bool {
            annotations.contains { abs($0.span.start.line - span.start.line) <= HumanRenderer.nearbyLines }
        }
    }

    static func blocks(for diagnostic: Diagnostic, sources: SourceStore) -> [Block] {
        let annotations = [Annotation(span: diagnostic.span, label: diagnostic.label, isPrimary: true)]
            + diagnostic.related.map { Annotation(span: $0.span, label: $0.label, isPrimary: false) }
        var blocks: [Block] = []
        for annotation in annotations {
            let file = annotation.span.file
            let quotable = sources[file]?.line(annotation.span.start.line) != nil
            if quotable,
               let index = blocks.firstIndex(where: { $0.file == file && $0.hasSnippet && $0.isNear(annotation.span) }) {
                blocks[index].annotations.append(annotation)
            } else {
                blocks.append(Block(file: file, annotations: [annotation], hasSnippet: quotable))
            }
        }
        return blocks
    }

    /// A quoted line and the underline rows of the annotations that start on it.
    private func render(_ row: Row, of block: Block, source: SourceText, gutter: Int, severityStyle: Style) -> String {
        let margin = String(repeating: " ", count: gutter)
        guard case .source(let number) = row, let text = source.line(number) else {
            return paint("...", .gutter) + "\n"
        }
        let annotations = block.annotations.filter { $0.span.start.line == number }
        let line = QuotedLine(text, around: annotations.map(\.span.start.column).min())
        let numberText = String(repeating: " ", count: gutter - String(number).count) + String(number)
        var output = paint(numberText + " |", .gutter)
        output += line.display.isEmpty ? "\n" : " " + line.display + "\n"

        let marks = annotations.map { Mark($0, on: line, style: $0.isPrimary ? severityStyle : .secondary) }
        guard !marks.isEmpty else { return output }
        let underlinePrefix = margin + " " + paint("|", .gutter) + " "

        // The underline row: secondary marks first, so the primary one wins where they overlap.
        var cells = Cells()
        for mark in marks where !mark.isPrimary { cells.fill(mark.start, count: mark.width, with: "-", mark.style) }
        for mark in marks where mark.isPrimary { cells.fill(mark.start, count: mark.width, with: "^", mark.style) }
        let rightEdge = marks.map(\.end).max()!

        // The label of the rightmost mark goes on the underline row if nothing is right of it;
        // each other label gets a row of its own below, hanging from a `|` under its mark.
        var pending = marks.filter { $0.label != nil }.sorted { a, b in
            a.start != b.start ? a.start > b.start : (a.isPrimary && !b.isPrimary)
        }
        var inlineLabel = ""
        if let rightmost = pending.first, rightmost.end == rightEdge {
            inlineLabel = " " + paint(rightmost.label!, rightmost.style)
            pending.removeFirst()
        }
        output += underlinePrefix + cells.rendered(colors: colors) + inlineLabel + "\n"

        for (index, mark) in pending.enumerated() {
            var connectors = Cells()
            for hanging in pending[index...] { connectors.fill(hanging.start, count: 1, with: "|", hanging.style) }
            output += underlinePrefix + connectors.rendered(colors: colors) + "\n"
            var labelRow = Cells()
            for hanging in pending[(index + 1)...] where hanging.start < mark.start {
                labelRow.fill(hanging.start, count: 1, with: "|", hanging.style)
            }
            labelRow.fill(labelRow.count, count: mark.start - labelRow.count, with: " ", nil)
            output += underlinePrefix + labelRow.rendered(colors: colors) + paint(mark.label!, mark.style) + "\n"
        }
        return output
    }

    /// One source line as shown, with the terminal column at which each of its scalars starts.
    /// A line longer than `maxQuotedScalars` is shown as a window of that many scalars starting
    /// a little before `anchor` (a 1-based scalar column), with `…` where text is left out.
    struct QuotedLine {
        var display = ""
        /// `offsets[i]` is the terminal column (0-based) of the `i`th scalar shown; the last
        /// entry is where the shown scalars end.
        var offsets: [Int]
        /// The 1-based column of the first scalar shown.
        var firstColumn = 1
        /// Whether scalars after the window were left out.
        var isCutAtEnd = false

        init(_ text: Substring, around anchor: Int? = nil) {
            let scalars = text.unicodeScalars
            let limit = HumanRenderer.maxQuotedScalars
            var start = scalars.startIndex
            if scalars.count > limit {
                let total = scalars.count
                let wanted = max((anchor ?? 1) - HumanRenderer.contextBeforeMark, 1)
                firstColumn = min(wanted, total - limit + 1)
                start = scalars.index(start, offsetBy: firstColumn - 1)
                isCutAtEnd = firstColumn - 1 + limit < total
            }
            let isCutAtStart = firstColumn > 1
            if isCutAtStart { display = "…" }
            offsets = [isCutAtStart ? 1 : 0]
            for scalar in scalars[start...].prefix(limit) {
                let cell = TerminalText.cell(scalar)
                display += cell.text
                offsets.append(offsets.last! + cell.width)
            }
            if isCutAtEnd { display += "…" }
        }

        /// The scalars of the line up to the end of the window (a span running past the window
        /// is underlined to its edge).
        var scalarCount: Int { firstColumn - 1 + offsets.count - 1 }

        /// The terminal column of a 1-based scalar column; a column before the window is put
        /// at its start, one past the end of the window just after it.
        func terminalColumn(_ column: Int) -> Int {
            offsets[min(max(column - firstColumn + 1, 1), offsets.count) - 1]
        }
    }

    /// An underline: terminal columns `start..<end`, never empty.
    struct Mark {
        var start: Int
        var end: Int
        var label: String?
        var isPrimary: Bool
        var style: Style

        init(_ annotation: Annotation, on line: QuotedLine, style: Style) {
            let span = annotation.span
            let endColumn = span.end.line == span.start.line ? span.end.column : line.scalarCount + 1
            start = line.terminalColumn(span.start.column)
            end = max(line.terminalColumn(endColumn), start + 1)
            label = annotation.label.map(TerminalText.folded).flatMap { $0.isEmpty ? nil : $0 }
            isPrimary = annotation.isPrimary
            self.style = style
        }

        var width: Int { end - start }
    }

    /// A row of single-column ASCII cells, each with its own style.
    struct Cells {
        private var cells: [(character: Character, style: Style?)] = []

        var count: Int { cells.count }

        mutating func fill(_ start: Int, count: Int, with character: Character, _ style: Style?) {
            guard count > 0 else { return }
            if cells.count < start + count {
                cells += Array(repeating: (" ", nil), count: start + count - cells.count)
            }
            for index in start..<(start + count) { cells[index] = (character, style) }
        }

        func rendered(colors: Bool) -> String {
            var output = ""
            var index = 0
            while index < cells.count {
                let style = cells[index].style
                var run = ""
                while index < cells.count, cells[index].style == style {
                    run.append(cells[index].character)
                    index += 1
                }
                output += colors ? (style.map { $0.escape + run + Style.reset } ?? run) : run
            }
            return output
        }
    }

    // MARK: - Colors

    enum Style: Equatable {
        case error, warning, note, noteOrHelp, gutter, secondary, bold

        init(_ severity: Severity) {
            switch severity {
            case .error: self = .error
            case .warning: self = .warning
            case .note: self = .note
            }
        }

        static let reset = "\u{1B}[0m"

        var escape: String {
            switch self {
            case .error: "\u{1B}[1;31m"
            case .warning: "\u{1B}[1;33m"
            case .note, .noteOrHelp: "\u{1B}[1;36m"
            case .gutter, .secondary: "\u{1B}[1;34m"
            case .bold: "\u{1B}[1m"
            }
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        colors && !text.isEmpty ? style.escape + text + Style.reset : text
    }
}
