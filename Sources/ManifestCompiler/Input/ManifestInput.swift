/// One manifest file's bytes with the name diagnostics call it by.
public struct ManifestInput: Sendable {
    /// The path as the user named it, or as found below a named folder; `-` for standard input.
    public var name: String
    public var bytes: [UInt8]
    /// Where the file is on disk; nil for standard input and for inputs made in memory.
    public var path: String?

    public init(name: String, bytes: [UInt8], path: String? = nil) {
        self.name = name
        self.bytes = bytes
        self.path = path
    }

    public init(name: String, text: String, path: String? = nil) {
        self.init(name: name, bytes: Array(text.utf8), path: path)
    }
}
