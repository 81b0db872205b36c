/// The randomness the client uses, injectable so a test can fix the jitter.
public struct RegistrationRandom: Sendable {
    /// A number in [0, 1): the jitter of backoffs and of the first attempt.
    public var fraction: @Sendable () -> Double
    /// `count` random bytes as lowercase hexadecimal: Call-ID, tags, branches, cnonces.
    public var hex: @Sendable (_ count: Int) -> String

    public init(fraction: @escaping @Sendable () -> Double, hex: @escaping @Sendable (Int) -> String) {
        self.fraction = fraction
        self.hex = hex
    }

    /// The system's generator (`SystemRandomNumberGenerator`, which reads the kernel's CSPRNG).
    public static let system = RegistrationRandom(
        fraction: { Double.random(in: 0..<1) },
        hex: { count in
            let digits = Array("0123456789abcdef".utf8)
            var text = [UInt8]()
            text.reserveCapacity(count * 2)
            for _ in 0..<count {
                let byte = UInt8.random(in: 0...255)
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
            return String(decoding: text, as: UTF8.self)
        })
}
