import Diagnostics

/// An internal extension: a number that registers at Switchboard with digest credentials.
public struct Extension: Sendable {
    /// The extension number, which is also its digest user name.
    public var number: Located<String>
    public var span: SourceSpan
    public var displayName: Located<String>?
    public var password: Located<SecretReference>?

    public init(number: Located<String>, span: SourceSpan) {
        self.number = number
        self.span = span
    }
}
