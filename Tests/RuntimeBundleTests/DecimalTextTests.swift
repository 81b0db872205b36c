import Testing
@testable import RuntimeBundle

@Suite struct DecimalTextTests {
    @Test(arguments: [0, 7, 9, 10, 99, 100, 65_535, -1, -10, 1_234_567_890, Int.max, Int.min])
    func writesWhatStringInterpolationWrites(_ value: Int) {
        let text = DecimalText.string(capacity: 2 + 2 * DecimalText.maxLength) { buffer in
            buffer[0] = UInt8(ascii: "<")
            let end = DecimalText.write(value, into: buffer, at: 1)
            buffer[end] = UInt8(ascii: ">")
            return end + 1
        }
        #expect(text == "<\(value)>")
    }

    @Test func theLongestNumbersFitTheirRoom() {
        for value in [Int.max, Int.min] {
            let text = DecimalText.string(capacity: DecimalText.maxLength) { DecimalText.write(value, into: $0, at: 0) }
            #expect(text == String(value))
        }
    }
}
