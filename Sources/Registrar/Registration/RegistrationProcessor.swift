/// RFC 3261 §10.3 for one REGISTER, after authentication: each numbered step below is the
/// step of the RFC. Step 3 (authentication) happens before, in `RequestProcessor`, because it
/// needs the credentials of the bundle; steps 1 and 2 are repeated here so the logic is complete
/// on its own.
public struct RegistrationProcessor: Sendable {
    public var policy: RegistrarPolicy
    public let location: LocationService

    /// Option tags this registrar supports (none: every Require gets 420).
    public static let supportedExtensions: Set<String> = []

    public init(policy: RegistrarPolicy, location: LocationService) {
        self.policy = policy
        self.location = location
    }

    /// Processes `request` for the authenticated `user`, at `now` (seconds since the epoch).
    public func process(_ request: RegisterRequest, authenticatedUser: String, now: UInt64) -> RegisterOutcome {
        // Step 1: the Request-URI must name a domain this registrar serves.
        guard policy.domains.contains(request.requestDomain) else {
            return .rejected(status: 404, reason: "Not Found", headers: [])
        }
        // Step 2: extensions the client requires and we do not support.
        let unsupported = request.require.filter { !Self.supportedExtensions.contains($0.lowercased()) }
        if !unsupported.isEmpty {
            return .rejected(status: 420, reason: "Bad Extension", headers: [HeaderField("Unsupported", unsupported.joined(separator: ", "))])
        }
        // Step 4: the authenticated user may change only its own AoR.
        guard request.user == authenticatedUser else {
            return .rejected(status: 403, reason: "Forbidden", headers: [])
        }
        // Step 5: the AoR must be in a domain we serve.
        guard policy.domains.contains(request.domain) else {
            return .rejected(status: 404, reason: "Not Found", headers: [])
        }
        switch request.contacts {
        case .none:
            // A query: list the bindings, change nothing.
            return .registered(addressOfRecord: request.addressOfRecord,
                               bindings: location.lookup(request.addressOfRecord, now: now), changes: [])
        case .wildcard:
            return removeAll(request, now: now)
        case .list(let contacts):
            return register(contacts, request: request, now: now)
        }
    }

    /// Step 6: `Contact: *` removes every binding, if it comes alone with `Expires: 0` and the
    /// Call-ID/CSeq rule allows it.
    private func removeAll(_ request: RegisterRequest, now: UInt64) -> RegisterOutcome {
        guard request.expires == 0 else {
            return .rejected(status: 400, reason: "Invalid Request", headers: [])
        }
        return storing(request.addressOfRecord, now: now) { bindings -> RegisterOutcome in
            if bindings.contains(where: { $0.callID == request.callID && $0.cseq >= request.cseq }) {
                return .rejected(status: 500, reason: "Server Internal Error", headers: [HeaderField("Retry-After", "1")])
            }
            let removed = bindings
            bindings.removeAll()
            return .registered(addressOfRecord: request.addressOfRecord, bindings: [], changes: removed.map(BindingChange.removed))
        }
    }

    /// Step 7: each contact is added, refreshed or removed; all or nothing.
    private func register(_ contacts: [RegisterRequest.Contact], request: RegisterRequest, now: UInt64) -> RegisterOutcome {
        var expiries: [Int] = []
        for contact in contacts {
            let expires = contact.expires ?? request.expires ?? policy.defaultExpires
            if expires != 0 && expires < policy.minExpires {
                return .rejected(status: 423, reason: "Interval Too Brief", headers: [HeaderField("Min-Expires", String(policy.minExpires))])
            }
            expiries.append(min(expires, policy.maxExpires))
        }
        return storing(request.addressOfRecord, now: now) { bindings -> RegisterOutcome in
            var updated = bindings
            var changes: [BindingChange] = []
            for (contact, expires) in zip(contacts, expiries) {
                let existing = updated.firstIndex { $0.contactKey == contact.key }
                if let existing, updated[existing].callID == request.callID, updated[existing].cseq >= request.cseq {
                    // An old or repeated request of the same registration: the update fails.
                    return .rejected(status: 500, reason: "Server Internal Error", headers: [HeaderField("Retry-After", "1")])
                }
                if expires == 0 {
                    if let existing { changes.append(.removed(updated.remove(at: existing))) }
                    continue
                }
                let binding = Binding(
                    contact: contact.uri, contactKey: contact.key, qualityThousandths: contact.qualityThousandths ?? 1000,
                    expiresAt: now + UInt64(expires), callID: request.callID, cseq: request.cseq, source: request.source)
                if let existing {
                    updated[existing] = binding
                    changes.append(.refreshed(binding))
                } else {
                    updated.append(binding)
                    changes.append(.added(binding))
                }
            }
            guard updated.count <= policy.maxContactsPerAddressOfRecord else {
                return .rejected(status: 503, reason: "Service Unavailable", headers: [HeaderField("Retry-After", String(policy.retryAfter))])
            }
            bindings = updated
            return .registered(addressOfRecord: request.addressOfRecord, bindings: LocationService.ordered(updated), changes: changes)
        }
    }

    /// One atomic update of the AoR; a change the store refused becomes ``RegisterOutcome/notStored(_:)``.
    private func storing(
        _ addressOfRecord: String, now: UInt64, _ change: (inout [Binding]) -> RegisterOutcome
    ) -> RegisterOutcome {
        do {
            return try location.update(addressOfRecord, now: now, change)
        } catch {
            return .notStored(error)
        }
    }
}
