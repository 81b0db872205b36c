/// How bad a diagnostic is. Errors fail `check`; warnings fail it only with `--strict`.
public enum Severity: String, Hashable, Sendable, Codable, CaseIterable {
    case error
    case warning
    case note
}
