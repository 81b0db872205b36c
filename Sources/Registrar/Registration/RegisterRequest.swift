/// The parts of a REGISTER that RFC 3261 §10.3 decides on, taken out of the SIP message so the
/// registration logic can be tested without parsing.
public struct RegisterRequest: Sendable {
    /// One Contact of the request.
    public struct Contact: Sendable, Hashable {
        /// The URI as written.
        public var uri: String
        /// The URI in comparison form (the binding's identity).
        public var key: String
        /// The Contact's `expires` parameter, if any (it wins over the Expires header).
        public var expires: Int?
        /// `q` in thousandths, if given.
        public var qualityThousandths: Int?

        public init(uri: String, key: String, expires: Int?, qualityThousandths: Int?) {
            self.uri = uri
            self.key = key
            self.expires = expires
            self.qualityThousandths = qualityThousandths
        }
    }

    public enum Contacts: Sendable, Hashable {
        /// No Contact header: a query for the current bindings.
        case none
        /// `Contact: *`: remove every binding (valid only alone and with `Expires: 0`).
        case wildcard
        case list([Contact])
    }

    /// The host of the Request-URI (lowercase).
    public var requestDomain: String
    /// The AoR from the To header in canonical form (`sip:user@host`), and its user and host.
    public var addressOfRecord: String
    public var user: String
    public var domain: String
    public var contacts: Contacts
    /// The Expires header, if any.
    public var expires: Int?
    public var callID: String
    public var cseq: UInt32
    /// Option tags of the Require header.
    public var require: [String]
    public var source: PacketSource

    public init(
        requestDomain: String, addressOfRecord: String, user: String, domain: String, contacts: Contacts,
        expires: Int?, callID: String, cseq: UInt32, require: [String], source: PacketSource
    ) {
        self.requestDomain = requestDomain
        self.addressOfRecord = addressOfRecord
        self.user = user
        self.domain = domain
        self.contacts = contacts
        self.expires = expires
        self.callID = callID
        self.cseq = cseq
        self.require = require
        self.source = source
    }
}

/// What the registrar answers.
public enum RegisterOutcome: Sendable, Hashable {
    /// 200 OK listing every current binding of the AoR.
    case registered(addressOfRecord: String, bindings: [Binding], changes: [BindingChange])
    /// A final non-2xx response: status, reason, extra headers.
    case rejected(status: Int, reason: String, headers: [HeaderField])
    /// The change could not be stored (``BindingStore``): nothing was changed, and the phone
    /// gets 503 with Retry-After rather than a 200 for a binding that a restart would lose.
    case notStored(BindingStoreError)
}

public struct HeaderField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A binding added, refreshed or removed, for the one log line per registration change.
public enum BindingChange: Sendable, Hashable {
    case added(Binding)
    case refreshed(Binding)
    case removed(Binding)
}
