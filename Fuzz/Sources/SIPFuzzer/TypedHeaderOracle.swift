import FuzzSupport
import SIP

/// Reads every typed header view a registrar uses; none may crash, and the Via, address and
/// URI values they produce must print as text that parses back to the same value (responses
/// and bindings are written from those descriptions).
enum TypedHeaderOracle {
    static func check(_ headers: SIPHeaders) {
        if let vias = try? headers.vias {
            for via in vias { roundTrip(via, SIPVia.init) }
        }
        _ = try? headers.topVia
        for name in [SIPHeaderName.from, .to] {
            if let addresses = try? headers.addresses(name: name) {
                for address in addresses { checkAddress(address) }
            }
        }
        if case .addresses(let addresses)? = try? headers.contact {
            for address in addresses { checkAddress(address) }
        }
        _ = try? headers.callID
        _ = try? headers.cseq
        _ = try? headers.maxForwards
        _ = try? headers.expires
        _ = try? headers.minExpires
        _ = try? headers.retryAfter
        _ = try? headers.contentLength
        _ = try? headers.require
        _ = try? headers.supported
        if let date = try? headers.date { roundTrip(date, SIPDate.init) }
        for name in [SIPHeaderName.authorization, .wwwAuthenticate, .proxyAuthorization, .proxyAuthenticate] {
            if let values = try? headers.authValues(name: name) {
                for value in values { roundTrip(value, SIPAuthHeaderValue.init) }
            }
        }
    }

    private static func checkAddress(_ address: SIPAddress) {
        roundTrip(address, SIPAddress.init)
        _ = address.tag
        _ = address.expires
        _ = address.q
        if let uri = address.uri.sipURI {
            roundTrip(uri, SIPURI.init)
            _ = uri.decodedUser
            _ = uri.transport
        }
    }

    private static func roundTrip<Value: Equatable & CustomStringConvertible>(_ value: Value, _ parse: (String) -> Value?) {
        let text = value.description
        let again = parse(text)
        fuzzCheck(again == value, "\(Value.self) does not parse back from its description \(text.debugDescription): \(String(describing: again))")
    }
}
