import RuntimeBundle

/// What changed between two runtime bundles, by meaning: objects matched by identity, field
/// changes with their old and new values, generated rules explained by their provider's change,
/// and changes of rule order with what they mean for calls. Secrets are never held: a password
/// is kept as its reference (`env`, `file`) or as `inline` without its text.
public struct BundleDifference: Hashable, Sendable {
    /// `sha256:…` of each side (see `BundleEncoding.digest(of:)`).
    public var oldDigest: String
    public var newDigest: String
    /// Per section (providers, extensions, inbound, outbound); within a section the objects
    /// present in the new bundle in its order, then the removed ones in the old bundle's order.
    public var changes: [ObjectChange]
    /// At most one per rule section whose order changed.
    public var orderChanges: [OrderChange]

    public init(oldDigest: String, newDigest: String, changes: [ObjectChange], orderChanges: [OrderChange]) {
        self.oldDigest = oldDigest
        self.newDigest = newDigest
        self.changes = changes
        self.orderChanges = orderChanges
    }

    /// No object changed and no order changed (the digests may still differ, e.g. when only
    /// `source` locations moved).
    public var isEmpty: Bool { changes.isEmpty && orderChanges.isEmpty }

    /// How many changes there are of `kind`.
    public func count(_ kind: ObjectChange.Kind) -> Int { changes.count { $0.kind == kind } }

    /// "4 changes (1 added, 1 removed, 1 renamed, 1 changed) and the order of outbound rules",
    /// or "no changes".
    public var summary: String { SummaryText.summary(self) }

    /// The changes of one section, in order.
    public func changes(in section: BundleSection) -> [ObjectChange] { changes.filter { $0.section == section } }
}

/// The four lists of a bundle, each with its own identity, and the registrar's settings (one
/// object, named `registrar`, without a source: it is compared field by field).
public enum BundleSection: String, CaseIterable, Hashable, Sendable {
    case providers
    case extensions
    case inbound
    case outbound
    case registrar

    /// The member that identifies an object of the section.
    public var identityKey: String { self == .extensions ? "number" : "name" }

    /// `provider`, `extension`, `inbound rule`, `outbound rule`.
    public var noun: String {
        switch self {
        case .providers: "provider"
        case .extensions: "extension"
        case .inbound: "inbound rule"
        case .outbound: "outbound rule"
        case .registrar: "registrar setting"
        }
    }

    /// `Providers`, `Extensions`, `Inbound rules`, `Outbound rules`.
    public var title: String {
        switch self {
        case .providers: "Providers"
        case .extensions: "Extensions"
        case .inbound: "Inbound rules"
        case .outbound: "Outbound rules"
        case .registrar: "Registrar"
        }
    }
}

/// One object that was added, removed, renamed or changed.
public struct ObjectChange: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case added
        case removed
        /// Equal in everything but its identity (and `source`); `fields` then lists nothing,
        /// except for a generated rule renamed with its provider.
        case renamed
        case changed
    }

    public var section: BundleSection
    public var kind: Kind
    /// The object's identity (name, or number for an extension): the new one, or for a removed
    /// object the old one.
    public var name: String
    /// The identity before a rename.
    public var oldName: String?
    /// Where the object is now (`file:line:col`); nil for a removed object.
    public var source: String?
    /// Where the object was; nil for an added object.
    public var oldSource: String?
    /// For a generated rule: the provider it is generated for (new side, or old for removed).
    public var generatedFor: String?
    /// Changed and renamed objects: every field that differs. Added explicit objects: every
    /// field, with `old` absent. Removed objects and added generated rules: none.
    public var fields: [FieldChange]
    /// Why a generated rule appeared, vanished or changed: its provider's change.
    public var causes: [Cause]

    public init(
        section: BundleSection, kind: Kind, name: String, oldName: String? = nil, source: String?,
        oldSource: String?, generatedFor: String? = nil, fields: [FieldChange] = [], causes: [Cause] = []
    ) {
        self.section = section
        self.kind = kind
        self.name = name
        self.oldName = oldName
        self.source = source
        self.oldSource = oldSource
        self.generatedFor = generatedFor
        self.fields = fields
        self.causes = causes
    }
}

extension ObjectChange {
    /// The notes after a change's line: whether it is a generated rule (and for which provider,
    /// unless a cause already names it) and where it is, or was; values put through `quote`.
    func notes(quote: (String) -> String) -> [String] {
        var notes: [String] = []
        if let generatedFor {
            notes.append(causes.contains { $0.provider == generatedFor } ? "generated" : "generated for \(quote(generatedFor))")
        }
        if let source {
            notes.append(quote(source))
        } else if let oldSource {
            notes.append("was " + quote(oldSource))
        }
        return notes
    }
}

/// One field of an object, by path (`lines`, `calls.incoming`, `servers[0].port`,
/// `trunk.allow[1]`, `routes[0].strip`), with its old and new value.
public struct FieldChange: Hashable, Sendable {
    public var path: String
    public var old: FieldValue
    public var new: FieldValue

    public init(path: String, old: FieldValue, new: FieldValue) {
        self.path = path
        self.old = old
        self.new = new
    }

    /// True when the field is a password: its values are references, never secret text.
    public var isSecret: Bool {
        if case .secret = old { return true }
        if case .secret = new { return true }
        return false
    }

    /// An inline secret replaced by another inline secret: both sides show as `(secret)`, and
    /// the change is that the hidden text differs.
    public var isHiddenSecretChange: Bool {
        old == new && old == .secret(.inline)
    }
}

/// A field's value on one side.
public enum FieldValue: Hashable, Sendable {
    /// The member is not in the object (shown as `(not set)`).
    case absent
    /// A scalar, a list of scalars, or an empty list or object.
    case value(JSONValue)
    /// A password, as its reference.
    case secret(SecretReference)
}

/// A secret as a diff may show it: the reference, never the secret.
public enum SecretReference: Hashable, Sendable {
    case env(String)
    case file(String)
    /// A plaintext password from the manifest; its text is never kept.
    case inline
}

/// Which calls a generated rule carries, and so which provider switch and `rules` member
/// decide whether it exists.
public enum CallDirection: String, Hashable, Sendable {
    case incoming
    case outgoing

    /// `inbound` or `outbound`: the member of a provider's `rules`.
    public var rulesMember: String { self == .incoming ? "inbound" : "outbound" }
}

/// Why a generated rule appeared, vanished or changed.
public enum Cause: Hashable, Sendable {
    case providerAdded(String)
    case providerRemoved(String)
    case providerRenamed(from: String, to: String)
    case providerEnabled(String)
    case providerDisabled(String)
    /// `calls.incoming` / `calls.outgoing` became true.
    case callsAllowed(provider: String, direction: CallDirection)
    /// `calls.incoming` / `calls.outgoing` became false.
    case callsRefused(provider: String, direction: CallDirection)
    /// `rules.inbound` / `rules.outbound` is now `value` (`auto` or `none`).
    case rulesSetting(provider: String, direction: CallDirection, value: String)
    /// An explicit rule of the generated rule's name now replaces it.
    case replacedByExplicitRule
    /// The explicit rule that replaced the generated one was removed, so it is generated again.
    case generatedAgain(provider: String)

    /// A stable identifier for programs: `provider_disabled`, `calls_refused`, …
    public var kind: String {
        switch self {
        case .providerAdded: "provider_added"
        case .providerRemoved: "provider_removed"
        case .providerRenamed: "provider_renamed"
        case .providerEnabled: "provider_enabled"
        case .providerDisabled: "provider_disabled"
        case .callsAllowed: "calls_allowed"
        case .callsRefused: "calls_refused"
        case .rulesSetting: "rules_setting"
        case .replacedByExplicitRule: "replaced_by_explicit_rule"
        case .generatedAgain: "generated_again"
        }
    }

    /// The provider the cause is about, if any.
    public var provider: String? {
        switch self {
        case .providerAdded(let name), .providerRemoved(let name), .providerEnabled(let name),
            .providerDisabled(let name), .generatedAgain(let name):
            name
        case .providerRenamed(_, let to): to
        case .callsAllowed(let provider, _), .callsRefused(let provider, _), .rulesSetting(let provider, _, _):
            provider
        case .replacedByExplicitRule: nil
        }
    }

    /// The sentence, with names in backticks: "provider `budget` now refuses outgoing calls".
    public var text: String { text(quote: Quoting.backticks) }

    /// The sentence, with names (and other values) put through `quote`.
    public func text(quote: (String) -> String) -> String {
        switch self {
        case .providerAdded(let name): "provider \(quote(name)) was added"
        case .providerRemoved(let name): "provider \(quote(name)) was removed"
        case .providerRenamed(let from, let to): "provider \(quote(from)) was renamed to \(quote(to))"
        case .providerEnabled(let name): "provider \(quote(name)) was enabled"
        case .providerDisabled(let name): "provider \(quote(name)) was disabled"
        case .callsAllowed(let provider, let direction): "provider \(quote(provider)) now accepts \(direction.rawValue) calls"
        case .callsRefused(let provider, let direction): "provider \(quote(provider)) now refuses \(direction.rawValue) calls"
        case .rulesSetting(let provider, let direction, let value):
            "\(quote("rules." + direction.rulesMember)) of provider \(quote(provider)) is now \(quote(value))"
        case .replacedByExplicitRule: "an explicit rule of the same name now replaces the generated one"
        case .generatedAgain(let provider): "the explicit rule was removed, so it is generated for provider \(quote(provider)) again"
        }
    }
}

/// The order of the rules present in both bundles changed. Rules are tried in order (inbound:
/// the first match wins; outbound: the first matching rule with a usable route), so this can
/// change where calls go even when no rule changed.
public struct OrderChange: Hashable, Sendable {
    /// `inbound` or `outbound`.
    public var section: BundleSection
    /// The rules present in both bundles (by their new names), in the old order.
    public var old: [String]
    /// The same rules in the new order.
    public var new: [String]
    /// The fewest rules that moved (the others kept their relative order), in the new order.
    public var moved: [String]
    /// What the new order means, one sentence each.
    public var effects: [OrderEffect]

    public init(section: BundleSection, old: [String], new: [String], moved: [String], effects: [OrderEffect]) {
        self.section = section
        self.old = old
        self.new = new
        self.moved = moved
        self.effects = effects
    }
}

/// One consequence of an order change.
public enum OrderEffect: Hashable, Sendable {
    /// The catch-all outbound rules (no prefix, no length bounds) now try their providers in
    /// another order; `onlyGenerated` when every catch-all rule is a generated one.
    case fallbackOrder(old: [String], new: [String], onlyGenerated: Bool)
    /// Two outbound rules that match some numbers in common swapped: `first` is now tried
    /// before `second`. The providers are their routes, in order.
    case outboundPrecedence(first: String, firstProviders: [String], second: String, secondProviders: [String])
    /// Two inbound rules that match some calls in common swapped: calls matching both now ring
    /// `first`'s extensions instead of `second`'s.
    case inboundPrecedence(first: String, firstExtensions: [String], second: String, secondExtensions: [String])
    /// Two rules swapped that no number (no call) matches both of: the swap changes nothing.
    case noOverlap(section: BundleSection, first: String, second: String)
    /// More swapped pairs than are described.
    case more(Int)

    public var kind: String {
        switch self {
        case .fallbackOrder: "fallback_order"
        case .outboundPrecedence: "outbound_precedence"
        case .inboundPrecedence: "inbound_precedence"
        case .noOverlap: "no_overlap"
        case .more: "more"
        }
    }

    /// The sentence, with names in backticks.
    public var text: String { text(quote: Quoting.backticks) }

    /// The sentence, with names put through `quote`.
    public func text(quote: (String) -> String) -> String {
        switch self {
        case .fallbackOrder(let old, let new, let onlyGenerated):
            let who = onlyGenerated ? "numbers that no explicit rule matches" : "numbers that no rule with a prefix or length matches"
            return "\(who) now go out through \(Self.chain(new, quote)) (was \(Self.chain(old, quote)))"
        case .outboundPrecedence(let first, let firstProviders, let second, let secondProviders):
            return "numbers that both \(quote(first)) and \(quote(second)) match now try \(quote(first)) "
                + "(through \(Self.list(firstProviders, quote))) before \(quote(second)) (through \(Self.list(secondProviders, quote)))"
        case .inboundPrecedence(let first, let firstExtensions, let second, let secondExtensions):
            return "calls that both \(quote(first)) and \(quote(second)) match now ring \(Self.list(firstExtensions, quote)) "
                + "(rule \(quote(first))) instead of \(Self.list(secondExtensions, quote)) (rule \(quote(second)))"
        case .noOverlap(let section, let first, let second):
            let what = section == .inbound ? "no call matches" : "no number matches"
            return "\(quote(first)) now comes before \(quote(second)), but \(what) both, so this changes nothing"
        case .more(let count):
            return "and \(count) more swapped pair\(count == 1 ? "" : "s") of rules"
        }
    }

    /// "`b` first, then `a`", "`a` first, then `b`, then `c`"; "no provider" when empty.
    static func chain(_ names: [String], _ quote: (String) -> String) -> String {
        let quoted = names.map(quote)
        switch quoted.count {
        case 0: return "no provider"
        case 1: return quoted[0] + " only"
        default: return quoted[0] + " first, then " + quoted.dropFirst().joined(separator: ", then ")
        }
    }

    static func list(_ names: [String], _ quote: (String) -> String) -> String {
        names.isEmpty ? "nothing" : names.map(quote).joined(separator: ", ")
    }
}

/// How names are quoted in sentences.
public enum Quoting {
    /// `name`, with control characters made visible.
    public static func backticks(_ text: String) -> String { "`" + PlainText.visible(text) + "`" }
}
