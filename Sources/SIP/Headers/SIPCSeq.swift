/// The CSeq header: a sequence number and the method (RFC 3261 §20.16), e.g. `CSeq: 4711 REGISTER`.
public struct SIPCSeq: Hashable, Sendable, CustomStringConvertible {
    /// Less than 2³¹ (RFC 3261 §8.1.1.5).
    public var sequenceNumber: UInt32
    public var method: SIPMethod

    public init(sequenceNumber: UInt32, method: SIPMethod) {
        self.sequenceNumber = sequenceNumber
        self.method = method
    }

    /// Parses `1*DIGIT LWS Method`; `nil` if malformed or the number is 2³¹ or more.
    public init?(_ text: String) {
        var scanner = ByteScanner(text)
        scanner.skipWhitespace()
        guard let number = DecimalParsing.parse(scanner.scan(.digit), maximum: Int(Int32.max)),
            scanner.skipWhitespace(),
            let method = scanner.scanToken()
        else { return nil }
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { return nil }
        self.init(sequenceNumber: UInt32(number), method: SIPMethod.lookup(method))
    }

    public var description: String { "\(sequenceNumber) \(method.rawValue)" }
}
