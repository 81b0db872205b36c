/// A JSON document as a value: what the canonical writer prints and the digest is taken of.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    /// Keys in any order; the canonical writer sorts them.
    case object([String: JSONValue])
}
