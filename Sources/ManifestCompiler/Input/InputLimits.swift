/// How much input one run reads at most, so a hostile repository (a 10 GB file, a folder of a
/// million files) fails fast with a diagnostic naming the path instead of exhausting the memory of
/// a CI runner. Compiling costs about 16 times a file's size in memory (docs/security.md), so
/// these bound a run at a few GiB at worst.
public struct InputLimits: Hashable, Sendable {
    /// The largest manifest file, in bytes; a larger one is not read (`SB0001`).
    public var maxFileBytes: Int
    /// The most manifest files one run reads; the walk stops at the next one (`SB0001`).
    public var maxFiles: Int
    /// The most bytes of all manifest files together; files past it are not read (`SB0001`).
    public var maxTotalBytes: Int

    public init(maxFileBytes: Int = 64 << 20, maxFiles: Int = 100_000, maxTotalBytes: Int = 256 << 20) {
        self.maxFileBytes = maxFileBytes
        self.maxFiles = maxFiles
        self.maxTotalBytes = maxTotalBytes
    }

    /// 64 MiB a file, 100,000 files and 256 MiB in all: twice the largest manifest benchmarked
    /// (100,000 providers in 30 MB) and a hundred times a large repository.
    public static let `default` = InputLimits()

    /// `1048576` → `1 MiB`; `1048577` → `1048577 bytes`, so a limit reads as it was set.
    static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
