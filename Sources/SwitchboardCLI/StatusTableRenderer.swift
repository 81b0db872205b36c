import BundleDiff
import Foundation
import Registrar

/// The list view of `switchboard status`: one line per provider (name, type, state, last response
/// code, next attempt, busy/total lines, detail), columns aligned, then a summary. Colours only
/// mark the state, and only when asked for. Text that came over the wire (names, details) is
/// shown with control characters made visible, so it cannot drive the terminal.
struct StatusTableRenderer {
    var colors: Bool

    func render(_ report: StatusReport) -> String {
        var header = Row.header
        // The detail column only when some provider has one.
        if !report.providers.contains(where: { $0.detail != nil }) { header.detail = "" }
        let rows = [header] + report.providers.map(Row.init)
        let widths = (0..<Row.paddedColumns).map { column in rows.map { $0.cells[column].count }.max() ?? 0 }
        var output = ""
        for (index, row) in rows.enumerated() {
            var line = ""
            for (column, cell) in row.cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count + 2)
                line += (column == Row.stateColumn && index > 0 ? paint(cell, row.state) : cell) + padding
            }
            line += row.detail
            output += line.trimmingTrailingSpaces() + "\n"
        }
        return output + "\n" + summary(report)
    }

    /// The state counts, the providers that are not registered, and the registrar's own facts.
    func summary(_ report: StatusReport) -> String {
        let count = report.providers.count
        var counts: [String] = []
        for state in ProviderState.allCases {
            let number = report.providers.count { $0.state == state }
            if number > 0 { counts.append("\(number) \(state.label)") }
        }
        var output = "\(count) provider\(count == 1 ? "" : "s")" + (counts.isEmpty ? "" : ": " + counts.joined(separator: ", ")) + "\n"
        let unregistered = report.unregisteredProviders.map { PlainText.visible($0.name) }
        if !unregistered.isEmpty {
            output += "not registered: " + unregistered.joined(separator: ", ") + "\n"
        }
        let registrations = report.registrations
        output += "serve up \(Self.duration(report.uptimeSeconds)), SIP on "
            + (report.listen.isEmpty ? "nothing" : report.listen.map(PlainText.visible).joined(separator: ", "))
            + "; \(registrations.extensions) extension\(registrations.extensions == 1 ? "" : "s") registered"
            + " (\(registrations.bindings) binding\(registrations.bindings == 1 ? "" : "s"))\n"
        output += "bundle \(Self.shortDigest(report.bundle.digest)) loaded \(Self.timestamp(report.bundle.loadedAt))\n"
        // Only when something is banned or locked: a quiet line is no news.
        if let security = report.security, security.bannedSources > 0 || security.lockedUsers > 0 {
            output += "flood control: \(security.bannedSources) source\(security.bannedSources == 1 ? "" : "s") banned, "
                + "\(security.lockedUsers) user\(security.lockedUsers == 1 ? "" : "s") locked\n"
        }
        return output
    }

    /// One line of the table, as plain text cells.
    struct Row {
        static let paddedColumns = 6
        static let stateColumn = 2
        static let header = Row(cells: ["PROVIDER", "TYPE", "STATE", "LAST", "NEXT", "LINES"], detail: "DETAIL", state: nil)

        /// The padded columns, in order.
        var cells: [String]
        /// The last column, not padded.
        var detail: String
        var state: ProviderState?

        init(cells: [String], detail: String, state: ProviderState?) {
            self.cells = cells
            self.detail = detail
            self.state = state
        }

        init(_ provider: ProviderStatus) {
            let limit = switch provider.lines.limit {
            case .limited(let count): String(count)
            case .unlimited: "unlimited"
            }
            self.init(
                cells: [
                    PlainText.visible(provider.name), provider.type.rawValue, provider.state.label,
                    provider.lastResponse.map { String($0.code) } ?? "-",
                    provider.nextAttemptIn.map { $0 > 0 ? "in \(StatusTableRenderer.duration($0))" : "now" } ?? "-",
                    "\(provider.lines.busy)/\(limit)",
                ],
                detail: provider.detail.map(PlainText.visible) ?? "", state: provider.state)
        }
    }

    /// The state in its colour: green registered, yellow on its way, red stopped, cyan trunk,
    /// dim disabled.
    private func paint(_ text: String, _ state: ProviderState?) -> String {
        guard colors, let state else { return text }
        let code = switch state {
        case .registered: "32"
        case .registering, .backingOff, .idle: "33"
        case .failed, .forbidden, .unsupported: "31"
        case .trunk: "36"
        case .disabled: "2"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// `42s`, `9m 05s`, `2h 03m`, `3d 04h`: two units at most, the larger first.
    static func duration(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m \(two(seconds % 60))s"
        case ..<86400: return "\(seconds / 3600)h \(two(seconds % 3600 / 60))m"
        default: return "\(seconds / 86400)d \(two(seconds % 86400 / 3600))h"
        }
    }

    /// `sha256:290b5a82c3f4` — enough to tell bundles apart at a glance; the JSON has it whole.
    static func shortDigest(_ digest: String) -> String {
        let visible = PlainText.visible(digest)
        guard let colon = visible.firstIndex(of: ":") else { return String(visible.prefix(19)) }
        return String(visible[...colon]) + String(visible[visible.index(after: colon)...].prefix(12))
    }

    /// `2025-06-01 10:00:00 UTC`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withSpaceBetweenDateAndTime, .withTime, .withColonSeparatorInTime]
        return formatter.string(from: date) + " UTC"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
