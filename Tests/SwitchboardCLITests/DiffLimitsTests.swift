import ManifestCompiler
import Testing
@testable import SwitchboardCLI

/// `diff` of a git revision holds its manifests to the limits of a folder on disk, from the sizes
/// `git ls-tree -l` lists, before any blob is read.
@Suite struct DiffLimitsTests {
    private let limits = InputLimits(maxFileBytes: 100, maxFiles: 3, maxTotalBytes: 250)

    private func files(_ sizes: [Int]) -> [GitRepository.File] {
        sizes.enumerated().map { GitRepository.File(relativePath: "m\($0.offset).yaml", object: "0", size: $0.element) }
    }

    private func message(_ sizes: [Int]) -> String? {
        do {
            try GitRepository.checkLimits(files(sizes), limits: limits)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func withinTheLimits() {
        #expect(message([100, 100, 50]) == nil)
    }

    @Test func overEachLimit() {
        #expect(message([1, 1, 1, 1]) == "more than 3 manifest files (4)")
        #expect(message([10, 101]) == "m1.yaml is larger than 100 bytes (101 bytes)")
        #expect(message([100, 100, 51]) == "the manifest files add up to more than 250 bytes (251 bytes)")
    }
}
