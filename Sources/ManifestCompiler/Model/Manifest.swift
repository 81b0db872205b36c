import Diagnostics

/// Everything the manifest files of one run declare, merged across files and documents in the
/// order the files were given (folders in name order).
public struct Manifest: Sendable {
    public var providers: [Provider] = []

    public init() {}
}
