import Diagnostics
import RuntimeBundle

/// The whole compiler: manifests in, the runtime bundle out — or no bundle and the reasons.
public struct BundleCompiler: Sendable {
    public struct Result: Sendable {
        /// The check that preceded lowering: diagnostics, sources, the expanded manifest.
        public var check: ManifestChecker.Result
        /// Nil when the manifests have errors: a bundle is never made from a broken manifest.
        public var bundle: SwitchboardBundle?
    }

    public var checker: ManifestChecker

    public init(checker: ManifestChecker = ManifestChecker()) {
        self.checker = checker
    }

    public func compile(_ inputs: [ManifestInput]) -> Result {
        lower(checker.check(inputs))
    }

    /// Finds the files of `paths` with `finder` and compiles them, decoding each file while the
    /// finder walks on (`ManifestChecker.check(finding:with:)`).
    public func compile(finding paths: [String], with finder: ManifestFileFinder) -> (found: ManifestFileFinder.Result, result: Result) {
        let (found, check) = checker.check(finding: paths, with: finder)
        return (found, lower(check))
    }

    private func lower(_ check: ManifestChecker.Result) -> Result {
        guard !check.hasErrors else { return Result(check: check, bundle: nil) }
        return Result(check: check, bundle: BundleLowering(root: check.root).lower(check.manifest))
    }
}
