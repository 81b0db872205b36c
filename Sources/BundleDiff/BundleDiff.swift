import RuntimeBundle

/// Compares two runtime bundles by meaning (see `BundleDifference`). Pure: no I/O, and the same
/// two bundles always give the same difference.
public enum BundleDiff {
    public static func compare(old: SwitchboardBundle, new: SwitchboardBundle) -> BundleDifference {
        let providers = SectionMatch(
            section: .providers, old: old.providers.map(Item.init), new: new.providers.map(Item.init))
        var renamedProviders: [String: String] = [:]
        for pair in providers.renamed { renamedProviders[providers.old[pair.old].identity] = providers.new[pair.new].identity }
        let context = Context(old: old, new: new, renamedProviders: renamedProviders)

        let extensions = SectionMatch(
            section: .extensions, old: old.extensions.map(Item.init), new: new.extensions.map(Item.init))
        let inbound = SectionMatch(
            section: .inbound, old: old.inbound.map(Item.init), new: new.inbound.map(Item.init),
            renamedProviders: renamedProviders)
        let outbound = SectionMatch(
            section: .outbound, old: old.outbound.map(Item.init), new: new.outbound.map(Item.init),
            renamedProviders: renamedProviders)

        var changes: [ObjectChange] = []
        for match in [providers, extensions, inbound, outbound] {
            changes += match.changes(context: context)
        }
        if old.registrar != new.registrar {
            // One object on each side: its limits, field by field (`limits.ban_time: 900 → 60`).
            changes.append(ObjectChange(
                section: .registrar, kind: .changed, name: "registrar", source: nil, oldSource: nil,
                fields: FieldDiff.changes(old: old.registrar.jsonValue, new: new.registrar.jsonValue, ignoring: [])))
        }
        var orderChanges: [OrderChange] = []
        if let change = OrderAnalysis.inbound(match: inbound, old: old.inbound, new: new.inbound) {
            orderChanges.append(change)
        }
        if let change = OrderAnalysis.outbound(match: outbound, old: old.outbound, new: new.outbound) {
            orderChanges.append(change)
        }
        return BundleDifference(
            oldDigest: BundleEncoding.digest(of: old), newDigest: BundleEncoding.digest(of: new),
            changes: changes, orderChanges: orderChanges)
    }
}

/// What the causes of generated rules are looked up in.
struct Context {
    let oldProviders: [String: BundleProvider]
    let newProviders: [String: BundleProvider]
    /// Old name → new name, and back.
    let renamedProviders: [String: String]
    let formerNames: [String: String]

    init(old: SwitchboardBundle, new: SwitchboardBundle, renamedProviders: [String: String]) {
        self.renamedProviders = renamedProviders
        formerNames = Dictionary(renamedProviders.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        oldProviders = Dictionary(old.providers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        newProviders = Dictionary(new.providers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Why the generated rule for `provider` in `section` vanished (`appeared == false`) or
    /// appeared.
    func causes(provider: String, section: BundleSection, appeared: Bool) -> [Cause] {
        let direction: CallDirection = section == .inbound ? .incoming : .outgoing
        let before: BundleProvider?, after: BundleProvider?
        if appeared {
            after = newProviders[provider]
            if let oldName = formerNames[provider] {
                return [.providerRenamed(from: oldName, to: provider)]
            }
            before = oldProviders[provider]
            if before == nil { return [.providerAdded(provider)] }
        } else {
            before = oldProviders[provider]
            if let newName = renamedProviders[provider] {
                return [.providerRenamed(from: provider, to: newName)]
            }
            after = newProviders[provider]
            if after == nil { return [.providerRemoved(provider)] }
        }
        guard let before, let after else { return [] }
        var causes: [Cause] = []
        if before.enabled != after.enabled {
            causes.append(after.enabled ? .providerEnabled(provider) : .providerDisabled(provider))
        }
        let allowedBefore = direction == .incoming ? before.calls.incoming : before.calls.outgoing
        let allowedAfter = direction == .incoming ? after.calls.incoming : after.calls.outgoing
        if allowedBefore != allowedAfter {
            causes.append(allowedAfter ? .callsAllowed(provider: provider, direction: direction)
                : .callsRefused(provider: provider, direction: direction))
        }
        let rulesBefore = direction == .incoming ? before.rules.inbound : before.rules.outbound
        let rulesAfter = direction == .incoming ? after.rules.inbound : after.rules.outbound
        if rulesBefore != rulesAfter {
            causes.append(.rulesSetting(provider: provider, direction: direction, value: rulesAfter))
        }
        return causes
    }
}

/// One object of a section, as compared.
struct Item {
    var identity: String
    var json: JSONValue
    /// The object without its identity and `source`: what "equal but for the name" compares.
    var content: JSONValue
    var source: String
    var generatedFor: String?

    init(identityKey: String, json: JSONValue, generatedFor: String?) {
        guard case .object(var members) = json else { preconditionFailure("bundle objects are JSON objects") }
        if case .string(let identity)? = members[identityKey] { self.identity = identity } else { self.identity = "" }
        if case .string(let source)? = members["source"] { self.source = source } else { self.source = "" }
        self.json = json
        members[identityKey] = nil
        members["source"] = nil
        self.content = .object(members)
        self.generatedFor = generatedFor
    }

    init(_ provider: BundleProvider) { self.init(identityKey: "name", json: provider.jsonValue, generatedFor: nil) }
    init(_ item: BundleExtension) { self.init(identityKey: "number", json: item.jsonValue, generatedFor: nil) }
    init(_ rule: BundleInboundRule) { self.init(identityKey: "name", json: rule.jsonValue, generatedFor: rule.generatedFor) }
    init(_ rule: BundleOutboundRule) { self.init(identityKey: "name", json: rule.jsonValue, generatedFor: rule.generatedFor) }
}

/// The objects of one section of both bundles, paired: by identity first, then the removed and
/// added objects that are equal but for their identity as renames.
struct SectionMatch {
    struct Pair: Hashable {
        var old: Int
        var new: Int
    }

    let section: BundleSection
    let old: [Item]
    let new: [Item]
    /// Same identity on both sides.
    private(set) var same: [Pair] = []
    private(set) var renamed: [Pair] = []
    /// Indices into `old` / `new` of objects without a partner.
    private(set) var removed: [Int] = []
    private(set) var added: [Int] = []

    init(section: BundleSection, old: [Item], new: [Item], renamedProviders: [String: String] = [:]) {
        self.section = section
        self.old = old
        self.new = new

        let byIdentity = Self.pairFirst(Array(new.indices), key: { new[$0].identity }, in: Array(old.indices), key: { old[$0].identity })
        same = byIdentity.pairs.map { Pair(old: $0.partner, new: $0.lookup) }
        var unpairedNew = byIdentity.unpaired
        var unpairedOld = Self.removing(byIdentity.pairs.map(\.partner), from: Array(old.indices))

        // Renames: equal content, identity aside.
        let byContent = Self.pairFirst(unpairedOld, key: { old[$0].content }, in: unpairedNew, key: { new[$0].content })
        renamed = byContent.pairs.map { Pair(old: $0.lookup, new: $0.partner) }
        unpairedOld = byContent.unpaired
        unpairedNew = Self.removing(byContent.pairs.map(\.partner), from: unpairedNew)

        // Generated rules renamed with their provider: equal once the provider's old name is
        // replaced by its new one.
        if !renamedProviders.isEmpty {
            let translated = Self.pairFirst(
                unpairedOld,
                key: { index -> JSONValue? in
                    guard let provider = old[index].generatedFor, let newName = renamedProviders[provider] else { return nil }
                    return Self.replacingProvider(old[index].content, provider, with: newName)
                },
                in: unpairedNew,
                key: { new[$0].generatedFor != nil ? new[$0].content : nil })
            renamed += translated.pairs.map { Pair(old: $0.lookup, new: $0.partner) }
            unpairedOld = translated.unpaired
            unpairedNew = Self.removing(translated.pairs.map(\.partner), from: unpairedNew)
        }
        removed = unpairedOld
        added = unpairedNew
        renamed.sort { $0.new < $1.new }
    }

    /// Pairs each of `lookups`, in order, with the first of `pool` not yet taken whose key is
    /// equal; a nil key never pairs. Returns the pairs and the lookups left without a partner.
    static func pairFirst<Key: Hashable>(
        _ lookups: [Int], key lookupKey: (Int) -> Key?, in pool: [Int], key poolKey: (Int) -> Key?
    ) -> (pairs: [(lookup: Int, partner: Int)], unpaired: [Int]) {
        var candidates: [Key: ArraySlice<Int>] = [:]
        for index in pool {
            if let key = poolKey(index) { candidates[key, default: []].append(index) }
        }
        var pairs: [(lookup: Int, partner: Int)] = []
        var unpaired: [Int] = []
        for index in lookups {
            if let key = lookupKey(index), let partner = candidates[key]?.popFirst() {
                pairs.append((index, partner))
            } else {
                unpaired.append(index)
            }
        }
        return (pairs, unpaired)
    }

    /// `indices` without those in `taken`, in their order.
    static func removing(_ taken: [Int], from indices: [Int]) -> [Int] {
        let taken = Set(taken)
        return indices.filter { !taken.contains($0) }
    }

    /// `value` with every `provider` and `generated_for` member equal to `name` set to `newName`.
    static func replacingProvider(_ value: JSONValue, _ name: String, with newName: String) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                if (key == "provider" || key == "generated_for"), member == .string(name) {
                    result[key] = .string(newName)
                } else {
                    result[key] = replacingProvider(member, name, with: newName)
                }
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map { replacingProvider($0, name, with: newName) })
        default:
            return value
        }
    }

    /// Every pair of objects present in both bundles: same identity or renamed.
    var common: [Pair] { same + renamed }

    func changes(context: Context) -> [ObjectChange] {
        let ignored: Set<String> = [section.identityKey, "source"]
        var byNewIndex: [Int: ObjectChange] = [:]
        for pair in same {
            let before = old[pair.old], after = new[pair.new]
            guard before.content != after.content else { continue }
            var causes: [Cause] = []
            switch (before.generatedFor, after.generatedFor) {
            case (_?, nil): causes.append(.replacedByExplicitRule)
            case (nil, let provider?): causes.append(.generatedAgain(provider: provider))
            default: break
            }
            byNewIndex[pair.new] = ObjectChange(
                section: section, kind: .changed, name: after.identity, source: after.source, oldSource: before.source,
                generatedFor: after.generatedFor,
                fields: FieldDiff.changes(old: before.json, new: after.json, ignoring: ignored), causes: causes)
        }
        for pair in renamed {
            let before = old[pair.old], after = new[pair.new]
            var causes: [Cause] = []
            if let from = before.generatedFor, let to = after.generatedFor, from != to {
                causes.append(.providerRenamed(from: from, to: to))
            }
            byNewIndex[pair.new] = ObjectChange(
                section: section, kind: .renamed, name: after.identity, oldName: before.identity, source: after.source,
                oldSource: before.source, generatedFor: after.generatedFor,
                fields: FieldDiff.changes(old: before.json, new: after.json, ignoring: ignored), causes: causes)
        }
        for index in added {
            let item = new[index]
            let causes = item.generatedFor.map { context.causes(provider: $0, section: section, appeared: true) } ?? []
            let fields = item.generatedFor == nil ? FieldDiff.changes(old: nil, new: item.json, ignoring: ignored) : []
            byNewIndex[index] = ObjectChange(
                section: section, kind: .added, name: item.identity, source: item.source, oldSource: nil,
                generatedFor: item.generatedFor, fields: fields, causes: causes)
        }
        var result = byNewIndex.sorted { $0.key < $1.key }.map(\.value)
        for index in removed {
            let item = old[index]
            let causes = item.generatedFor.map { context.causes(provider: $0, section: section, appeared: false) } ?? []
            result.append(ObjectChange(
                section: section, kind: .removed, name: item.identity, source: nil, oldSource: item.source,
                generatedFor: item.generatedFor, causes: causes))
        }
        return result
    }
}
