import Testing
@testable import SwitchboardCLI

/// Each file of `samples/broken/` paired with exactly the diagnostics it must produce.
@Suite struct BrokenSamplesTests {
    static let expectations: [(file: String, diagnostics: [String])] = [
        ("yaml-1.1-traps.yaml", [
            "4:14: error[SB2005]", "8:12: error[SB2006]", "9:16: error[SB2041]", "10:30: error[SB2006]",
        ]),
        ("duplicate-key.yaml", ["8:5: error[SB1003]"]),
        ("typos.yaml", [
            "3:11: error[SB2030]", "5:11: error[SB2007]", "6:16: error[SB2007]", "7:5: error[SB2001]", "9:5: error[SB2001]",
        ]),
        ("uri-as-server.yaml", ["4:13: error[SB2021]", "5:12: error[SB2020]", "8:22: warning[SB2023]"]),
        ("trunk-mistakes.yaml", [
            "4:11: error[SB2031]", "6:12: warning[SB2032]", "7:15: warning[SB2032]", "7:15: warning[SB2050]",
            "13:11: error[SB2024]", "14:11: error[SB2024]",
        ]),
        ("standard-without-credentials.yaml", ["3:11: error[SB2030]", "6:12: error[SB2008]", "7:16: error[SB2041]"]),
        ("tab-indent.yaml", ["4:1: error[SB1001]"]),
        ("unclosed-quote.yaml", ["5:1: error[SB1001]"]),
        ("merge-key.yaml", ["2:1: error[SB2001]", "7:5: error[SB1006]", "8:11: error[SB2004]", "8:11: error[SB2030]"]),
        ("duplicate-names", ["main.yaml:2:11: error[SB2011]"]),
    ]

    @Test(arguments: expectations.map(\.file))
    func brokenSampleProducesExactlyItsDiagnostics(_ file: String) throws {
        let expected = try #require(Self.expectations.first { $0.file == file }).diagnostics
        let result = runCheck(["samples/broken/\(file)"])
        #expect(result.status == 1)
        let found = result.output.split(separator: "\n").map { line in
            // `samples/broken/x.yaml:4:14: error[SB2005]: message` → `4:14: error[SB2005]`
            let location = line.split(separator: ":", maxSplits: 3)
            let path = String(location[0]).replacingOccurrences(of: "samples/broken/\(file)/", with: "")
            let prefix = file.hasSuffix(".yaml") ? "" : path + ":"
            return prefix + "\(location[1]):\(location[2]):" + location[3].prefix { $0 != "]" } + "]"
        }
        #expect(found == expected)
    }

    @Test func everyBrokenSampleIsCovered() throws {
        let entries = try FileManager.default.contentsOfDirectory(atPath: samplePath("broken"))
        let covered = Set(Self.expectations.map(\.file)).union(["alias-bomb.yaml"])
        #expect(Set(entries) == covered)
    }

    @Test func aliasBombFailsFastWithTheBudgetError() {
        let result = runCheck(["samples/broken/alias-bomb.yaml"])
        #expect(result.status == 1)
        #expect(result.output.contains("alias-bomb.yaml:7:29: error[SB1005]"))
    }
}

import Foundation
