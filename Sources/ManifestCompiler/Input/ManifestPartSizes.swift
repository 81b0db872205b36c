/// How large a manifest file must be to be read in parts on all cores (`ManifestParts`), and how
/// large its parts are at least.
public struct ManifestPartSizes: Sendable {
    public var minimumFileBytes: Int
    public var minimumPartBytes: Int

    public init(minimumFileBytes: Int, minimumPartBytes: Int) {
        self.minimumFileBytes = minimumFileBytes
        self.minimumPartBytes = minimumPartBytes
    }

    /// 128 KiB (about 400 providers) and parts of 64 KiB: a check of 1,000 providers in one
    /// file (300 KB) took 68 instead of 81 ms in four parts on two cores. Below that, the
    /// parse takes a few milliseconds, and handing parts to other threads would save less
    /// than it costs.
    public static let `default` = ManifestPartSizes(minimumFileBytes: 128 * 1024, minimumPartBytes: 64 * 1024)
    /// Every file read whole.
    public static let never = ManifestPartSizes(minimumFileBytes: .max, minimumPartBytes: .max)
}
