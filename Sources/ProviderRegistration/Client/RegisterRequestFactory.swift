import SIP

/// Builds the REGISTER requests of one registration at one server (RFC 3261 §10.2): one Call-ID
/// and From tag for its whole life, the CSeq one higher on every request, a new Via branch on
/// every request. A registration at another server is a new one: a new factory.
struct RegisterRequestFactory: Sendable {
    let requestURI: SIPAnyURI
    /// `<sip:login@server-host>`: To and From.
    let addressOfRecord: SIPAddress
    /// Our Contact URI, with the provider's token as user part.
    let contactURI: SIPURI
    let via: (host: SIPHost, port: Int, transport: SIPTransport)
    let callID: String
    let fromTag: String
    private(set) var sequenceNumber: UInt32

    /// Our side of every request, checked once: the Contact host (the registration IP, else the
    /// listen address) and the Via sent-by host, as SIP hosts.
    struct Local: Sendable {
        let contactHost: SIPHost
        let viaHost: SIPHost
        let endpoint: RegistrationEndpoint
        let contactUser: String

        init(endpoint: RegistrationEndpoint, registrationIP: String?, contactUser: String) throws(InvalidAddress) {
            let contactHostText = registrationIP ?? endpoint.contactHost
            guard let contactHost = SIPHost(contactHostText.contains(":") ? "[\(contactHostText)]" : contactHostText),
                let viaHost = SIPHost(endpoint.viaHost.contains(":") ? "[\(endpoint.viaHost)]" : endpoint.viaHost)
            else {
                throw InvalidAddress(reason: "our address \(contactHostText) is not a valid SIP host")
            }
            self.contactHost = contactHost
            self.viaHost = viaHost
            self.endpoint = endpoint
            self.contactUser = contactUser
        }
    }

    /// Why the settings cannot make a request.
    struct InvalidAddress: Error {
        var reason: String
    }

    /// A new registration (new Call-ID, From tag and CSeq start) of `login` at `server`.
    init(server: RegistrationServer, local: Local, login: String, random: RegistrationRandom) {
        let transport = server.nextHop.transport
        requestURI = .sip(SIPURI(host: server.host, port: server.port))
        addressOfRecord = SIPAddress(uri: .sip(SIPURI(user: SIPURI.escapedUser(login), host: server.host)))
        var contactParameters = SIPParameters()
        if transport != .udp { contactParameters.set("transport", value: transport.rawValue.lowercased()) }
        contactURI = SIPURI(
            user: local.contactUser, host: local.contactHost, port: UInt16(local.endpoint.contactPort),
            parameters: contactParameters)
        via = (local.viaHost, local.endpoint.viaPort, transport)
        callID = random.hex(16) + "@switchboard"
        fromTag = random.hex(8)
        // RFC 3261 §8.1.1.5: any start below 2³¹; a small one leaves room for a long life.
        sequenceNumber = UInt32(random.hex(2), radix: 16).map { $0 + 1 } ?? 1
    }

    /// The next REGISTER: `expires` seconds asked for (0 removes our binding, and then the Contact
    /// says `expires=0` too), with the given authorization headers.
    mutating func next(
        expires: Int, branch: String, authorizations: [(SIPHeaderName, String)]
    ) -> (message: SIPMessage, cseq: UInt32) {
        sequenceNumber += 1
        var from = addressOfRecord
        from.tag = fromTag
        var contact = SIPAddress(uri: .sip(contactURI))
        if expires == 0 { contact.parameters.set("expires", value: "0") }
        let sentBy = via.host.text + ":\(via.port)"
        var headers = SIPHeaders([
            (.via, "SIP/2.0/\(via.transport.rawValue) \(sentBy);branch=\(branch);rport"),
            (.maxForwards, "70"),
            (.from, from.description),
            (.to, addressOfRecord.description),
            (.callID, callID),
            (.cseq, SIPCSeq(sequenceNumber: sequenceNumber, method: .register).description),
            (.contact, contact.description),
            (.expires, String(expires)),
        ])
        for (name, value) in authorizations { headers.add(name: name, value: value) }
        return (SIPMessage(method: .register, uri: requestURI, headers: headers), sequenceNumber)
    }
}
