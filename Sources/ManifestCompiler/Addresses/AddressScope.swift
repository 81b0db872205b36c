/// Where an address can be reached from, for warnings about addresses a provider cannot reach.
public enum AddressScope: Equatable, Sendable {
    case global
    case privateNetwork
    case loopback
    case linkLocal
    case sharedCarrierGradeNAT
    case unspecified
    case multicast

    /// The name used in messages: "a private (RFC 1918) address".
    public var phrase: String {
        switch self {
        case .global: "a public address"
        case .privateNetwork: "a private-network address"
        case .loopback: "a loopback address"
        case .linkLocal: "a link-local address"
        case .sharedCarrierGradeNAT: "a carrier-grade NAT (RFC 6598) address"
        case .unspecified: "the unspecified address"
        case .multicast: "a multicast address"
        }
    }
}

extension IPAddress {
    /// The scope of the address per the IANA special-purpose registries (the ranges that matter
    /// for telling whether a provider on the internet can reach it).
    public var scope: AddressScope {
        switch self {
        case .v4(let value):
            func inRange(_ base: UInt32, _ prefix: Int) -> Bool {
                let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefix)
                return value & mask == base
            }
            if value == 0 { return .unspecified }
            if inRange(0x7F00_0000, 8) { return .loopback }
            if inRange(0x0A00_0000, 8) || inRange(0xAC10_0000, 12) || inRange(0xC0A8_0000, 16) {
                return .privateNetwork
            }
            if inRange(0xA9FE_0000, 16) { return .linkLocal }
            if inRange(0x6440_0000, 10) { return .sharedCarrierGradeNAT }
            if inRange(0xE000_0000, 4) { return .multicast }
            return .global
        case .v6(let bytes):
            if bytes.allSatisfy({ $0 == 0 }) { return .unspecified }
            if bytes.dropLast().allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return .loopback }
            if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return .linkLocal }
            if bytes[0] & 0xFE == 0xFC { return .privateNetwork }
            if bytes[0] == 0xFF { return .multicast }
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
                let v4 = bytes[12...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                return IPAddress.v4(v4).scope
            }
            return .global
        }
    }
}
