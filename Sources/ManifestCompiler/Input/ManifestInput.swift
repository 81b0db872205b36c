/// One manifest file's bytes with the name diagnostics call it by.
public struct ManifestInput: Sendable {
    /// The path as the user named it, or as found below a named folder; `-` for standard input.
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }
}
