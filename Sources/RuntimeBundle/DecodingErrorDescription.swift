extension DecodingError {
    /// Where decoding failed and why, for error messages: `missing .providers[2].name`,
    /// `.providers[0].lines: lines is a positive number or "unlimited"`.
    public var locatedDescription: String {
        switch self {
        case .keyNotFound(let key, let context):
            "missing \(Self.path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            "\(Self.path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            String(describing: self)
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
