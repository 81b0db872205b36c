/// A set of source addresses a trunk provider may send from: an address or CIDR block,
/// optionally bound to one source port.
public struct AddressRange: Sendable, Hashable, CustomStringConvertible {
    public var network: IPAddress
    public var prefixLength: Int
    public var port: Int?

    public init(network: IPAddress, prefixLength: Int, port: Int? = nil) {
        self.network = network
        self.prefixLength = prefixLength
        self.port = port
    }

    /// `203.0.113.0/28`, `[2001:db8::/48]:5060`; a single address without `/32` or `/128`.
    public var description: String {
        let isSingle = prefixLength == network.bitWidth
        let base = isSingle ? network.description : "\(network)/\(prefixLength)"
        guard let port else { return base }
        if case .v6 = network { return "[\(base)]:\(port)" }
        return "\(base):\(port)"
    }

    /// True when every address of `other` is also in `self` (ports ignored).
    public func contains(_ other: AddressRange) -> Bool {
        guard network.bitWidth == other.network.bitWidth, prefixLength <= other.prefixLength else {
            return false
        }
        return Self.prefixBitsEqual(network.bytes, other.network.bytes, prefixLength)
    }

    /// True when the two ranges share at least one address and could share a port.
    public func overlaps(_ other: AddressRange) -> Bool {
        if let port, let otherPort = other.port, port != otherPort { return false }
        return contains(other) || other.contains(self)
    }

    /// The network address with the host bits cleared, or nil if they are already clear.
    public var withHostBitsCleared: AddressRange? {
        var bytes = network.bytes
        for bit in prefixLength..<network.bitWidth {
            bytes[bit / 8] &= ~(UInt8(0x80) >> UInt8(bit % 8))
        }
        guard bytes != network.bytes else { return nil }
        let cleared: IPAddress = switch network {
        case .v4: .v4(bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        case .v6: .v6(bytes)
        }
        return AddressRange(network: cleared, prefixLength: prefixLength, port: port)
    }

    private static func prefixBitsEqual(_ lhs: [UInt8], _ rhs: [UInt8], _ bits: Int) -> Bool {
        let fullBytes = bits / 8
        if lhs[..<fullBytes] != rhs[..<fullBytes] { return false }
        let remaining = bits % 8
        guard remaining > 0 else { return true }
        let mask = UInt8(0xFF) << UInt8(8 - remaining)
        return lhs[fullBytes] & mask == rhs[fullBytes] & mask
    }
}
