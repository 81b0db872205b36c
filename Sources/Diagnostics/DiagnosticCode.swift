/// A stable identifier of one kind of problem, such as `SB2011`.
///
/// Codes never change meaning once released: scripts, suppressions and docs refer to them.
/// `SB0xxx` are about files and the run itself, `SB1xxx` about YAML, `SB2xxx` about the manifest.
/// Each stage declares its own codes as static members in an extension.
public struct DiagnosticCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The code as printed, e.g. `SB1003`.
    public let id: String
    /// A short, fixed summary of the kind of problem (the message of each diagnostic says more).
    public let title: String

    public init(_ id: String, title: String) {
        self.id = id
        self.title = title
    }

    public var description: String { id }

    public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id < rhs.id }
}

extension DiagnosticCode {
    /// A path named on the command line, or a file below it, cannot be read.
    public static let unreadableInput = DiagnosticCode("SB0001", title: "input cannot be read")
    /// More diagnostics were found in one file than are shown.
    public static let tooManyDiagnostics = DiagnosticCode("SB0002", title: "too many diagnostics in one file")
}
