/// Decimal digits written straight into a byte buffer, for the short texts made once per object
/// of a large bundle (`file:line:col`, dotted IPv4 addresses, JSON numbers): string
/// interpolation of an integer cost hundreds of instructions in calls and appends.
package enum DecimalText {
    /// The most bytes `write` writes for one `Int`: a sign and 19 digits.
    package static let maxLength = 20

    /// Writes `value` in decimal (with `-` when negative) at `offset`, which must leave room for
    /// `maxLength` bytes; returns the offset just after it.
    package static func write(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        var position = offset
        if value < 0 {
            buffer[position] = UInt8(ascii: "-")
            position += 1
        }
        var magnitude = value.magnitude
        let start = position
        repeat {
            buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            position += 1
        } while magnitude > 0
        // The digits went in least significant first.
        buffer[start..<position].reverse()
        return position
    }

    /// A string of at most `capacity` ASCII bytes, written by `body`, which returns how many it wrote.
    package static func string(capacity: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) -> String {
        String(unsafeUninitializedCapacity: capacity, initializingUTF8With: body)
    }
}
