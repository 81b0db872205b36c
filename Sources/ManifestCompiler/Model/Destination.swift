import Diagnostics

/// How the extensions of a destination ring.
public enum RingStrategy: String, CaseIterable, Sendable, Hashable {
    /// All at once; the first to answer takes the call.
    case together
    /// One after another, in the order listed.
    case inOrder = "in_order"
}

/// Where an inbound call goes: one or more extensions.
public struct Destination: Sendable {
    public var extensions: [Located<String>]
    public var ring: Located<RingStrategy>?
    public var span: SourceSpan

    public init(extensions: [Located<String>], ring: Located<RingStrategy>?, span: SourceSpan) {
        self.extensions = extensions
        self.ring = ring
        self.span = span
    }
}
