import Diagnostics
import YAMLSource

/// Decodes one entry of a trunk's `allow` list: `203.0.113.0/28`, `203.0.113.10:5060`,
/// `2001:db8::/48`, `[2001:db8::1]:5060`. Host names are refused: DNS would decide who may call.
/// The registrar's `limits.exempt` list takes the same networks, without a port.
struct AddressRangeDecoder {
    /// What the ranges are for: the wording of the messages, and whether a port is allowed.
    enum Purpose {
        /// A trunk's source addresses (a port may be given).
        case trunk
        /// Sources exempt from the registrar's limits (an address has no port there: limits
        /// count by address).
        case exemption
    }

    let sink: DiagnosticSink
    var purpose = Purpose.trunk

    func decode(_ node: YAMLNode, field: String) -> Located<AddressRange>? {
        guard let scalar = ScalarDecoder(sink: sink).string(node, field: field) else { return nil }
        let text = Substring(scalar.value)
        func fail(_ message: String, help: String? = nil) -> Located<AddressRange>? {
            sink.emit(.error(
                .invalidAddressRange, "`\(text)` is not a valid source address range: \(message)",
                at: scalar.span, help: help))
            return nil
        }

        // Split off a port: `[v6...]:port` or `v4...:port`.
        var body = text, portText: Substring?
        if body.first == "[" {
            guard let close = body.firstIndex(of: "]") else { return fail("the `[` is not closed") }
            let after = body[body.index(after: close)...]
            guard after.isEmpty || after.first == ":" else { return fail("unexpected text after `]`") }
            portText = after.isEmpty ? nil : after.dropFirst()
            body = body[body.index(after: body.startIndex)..<close]
        } else if !ASCII.containsPair(UInt8(ascii: ":"), in: body.utf8),
                  body.utf8.count(where: { $0 == UInt8(ascii: ":") }) == 1, let colon = body.firstIndex(of: ":") {
            portText = body[body.index(after: colon)...]
            body = body[..<colon]
        }
        var port: Int?
        if portText != nil, purpose == .exemption {
            return fail(
                "exempt sources are addresses or networks without a port",
                help: "remove the port: limits count requests by address, whatever the port")
        }
        if let portText {
            guard portText.utf8.allSatisfy(ASCII.isDigit), let value = Int(portText), ServerAddressDecoder.portRange.contains(value) else {
                return fail("the port `\(portText)` is not between 1 and 65535")
            }
            port = value
        }

        let addressText = body.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let address: IPAddress
        switch IPAddress.parse(addressText[0]) {
        case .success(let parsed):
            address = parsed
        case .failure(let reason):
            if reason == .notAnAddress, addressText[0].contains(where: \.isLetter), !addressText[0].contains(":" as Character) {
                return switch purpose {
                case .trunk: fail(
                    "trunk sources must be IP addresses, not host names",
                    help: "write the provider's signalling addresses, e.g. `203.0.113.0/28`; "
                        + "a host name would let whoever controls its DNS place calls through this trunk")
                case .exemption: fail(
                    "exempt sources must be IP addresses, not host names",
                    help: "write the monitoring or office network, e.g. `192.0.2.0/24`")
                }
            }
            return fail(HostName.Problem.invalidIPv4(reason).message)
        }
        var prefix = address.bitWidth
        if addressText.count == 2 {
            guard addressText[1].utf8.allSatisfy(ASCII.isDigit), let value = Int(addressText[1]),
                  (0...address.bitWidth).contains(value), !(addressText[1].count > 1 && addressText[1].first == "0")
            else {
                return fail("the prefix length `/\(addressText[1])` is not between 0 and \(address.bitWidth)")
            }
            prefix = value
        }
        if prefix == 0 {
            return switch purpose {
            case .trunk: fail(
                "`/0` would accept calls from any address on the internet",
                help: "list the provider's signalling networks; ask the provider for them")
            case .exemption: fail(
                "`/0` would exempt every address on the internet from the limits",
                help: "list the networks to exempt; set a limit higher instead of switching it off for everybody")
            }
        }
        let range = AddressRange(network: address, prefixLength: prefix, port: port)
        if let cleared = range.withHostBitsCleared {
            return fail(
                "the address has bits set beyond the /\(prefix) prefix",
                help: "write `\(cleared)` for the whole network, or the address alone for one host")
        }
        return Located(range, at: scalar.span)
    }
}
