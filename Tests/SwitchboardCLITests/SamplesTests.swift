import Testing
@testable import SwitchboardCLI

@Suite struct SamplesTests {
    @Test(arguments: ["small-office", "multi-provider"])
    func shippedSamplesAreClean(_ sample: String) {
        let result = runCheck(["samples/\(sample)"], strict: true)
        #expect(result.output == "")
        #expect(result.status == 0)
    }
}
