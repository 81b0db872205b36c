import Testing

/// The real binary: exit statuses, standard input, usage errors.
@Suite struct ExecutableTests {
    @Test func exitStatuses() throws {
        #expect(try runSwitchboard(["check", "samples/small-office"]).status == 0)
        #expect(try runSwitchboard(["check", "samples/broken/typos.yaml"]).status == 1)
        #expect(try runSwitchboard(["check", "no/such/path"]).status == 2)
    }

    @Test func usageErrorsExitTwo() throws {
        let noPaths = try runSwitchboard(["check"])
        #expect(noPaths.status == 2)
        #expect(noPaths.errors.contains("Usage"))
        #expect(try runSwitchboard(["check", "--format", "xml", "samples"]).status == 2)
    }

    @Test func standardInput() throws {
        let result = try runSwitchboard(["check", "--format", "short", "-"], stdin: "providers:\n  - name: Acme\n")
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n")
        #expect(lines.contains("-:2:11: error[SB2010]: provider name `Acme` is not a lowercase slug"))
        #expect(lines.allSatisfy { $0.hasPrefix("-:2:11: error[") }, "every diagnostic names standard input")
    }
}
