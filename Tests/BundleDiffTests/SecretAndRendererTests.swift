import Foundation
import RuntimeBundle
import Testing
@testable import BundleDiff

private typealias F = Fixture

/// Every renderer, so a test can say "in any output".
private func everyOutput(_ difference: BundleDifference) -> [String] {
    [
        HumanDiffRenderer(colors: false).render(difference),
        HumanDiffRenderer(colors: true).render(difference),
        MarkdownDiffRenderer().render(difference),
        JSONDiffRenderer().render(difference),
        String(describing: difference),
        String(reflecting: difference),
    ]
}

@Suite struct SecretTests {
    static let oldSecret = "correct-horse-battery-staple"
    static let newSecret = "Tr0ub4dor&3"

    /// A pair of bundles where every kind of password change happens.
    static var pair: (old: SwitchboardBundle, new: SwitchboardBundle) {
        let old = F.bundle(
            providers: [
                F.provider("acme", password: .env("ACME_PASSWORD")),
                F.provider("budget", password: .inline(oldSecret)),
                F.provider("legacy", password: .file("/run/secrets/legacy")),
                F.provider("gone", password: .inline("gone-" + oldSecret)),
            ],
            extensions: [F.ext("100", password: .inline(oldSecret)), F.ext("101", password: .inline(oldSecret))])
        let new = F.bundle(
            providers: [
                F.provider("acme", password: .env("ACME_PW")),
                F.provider("budget", password: .inline(newSecret)),
                F.provider("legacy", password: .inline(newSecret)),
                F.provider("added", password: .inline("added-" + newSecret), lines: .limited(3)),
            ],
            extensions: [F.ext("100", password: .env("EXT_100")), F.ext("101", password: .inline(oldSecret))])
        return (old, new)
    }

    @Test func referencesShowSecretsDoNot() {
        let difference = BundleDiff.compare(old: Self.pair.old, new: Self.pair.new)
        let password = { (name: String) in
            difference.changes.first { $0.name == name }?.fields.first { $0.path == "password" }
        }
        #expect(password("acme") == FieldChange(path: "password", old: .secret(.env("ACME_PASSWORD")), new: .secret(.env("ACME_PW"))))
        #expect(password("budget") == FieldChange(path: "password", old: .secret(.inline), new: .secret(.inline)))
        #expect(password("budget")?.isHiddenSecretChange == true)
        #expect(password("legacy") == FieldChange(path: "password", old: .secret(.file("/run/secrets/legacy")), new: .secret(.inline)))
        #expect(password("100")?.new == .secret(.env("EXT_100")))
        #expect(password("added")?.new == .secret(.inline))
        #expect(difference.changes.first { $0.name == "101" } == nil, "the same inline secret is no change")

        let human = HumanDiffRenderer(colors: false).render(difference)
        #expect(human.contains("      password: env ACME_PASSWORD → env ACME_PW\n"))
        #expect(human.contains("      password: (secret) → (secret), changed\n"))
        #expect(human.contains("      password: file /run/secrets/legacy → (secret)\n"))
        let markdown = MarkdownDiffRenderer().render(difference)
        #expect(markdown.contains("| `password` | *(secret)* | *(secret)*, changed |"))
        #expect(markdown.contains("| `password` | `env ACME_PASSWORD` | `env ACME_PW` |"))
        let json = JSONDiffRenderer().render(difference)
        #expect(json.contains("\"secret_changed\": true"))
        #expect(json.contains("\"inline\": \"(secret)\""))
    }

    @Test func noInlineSecretTextInAnyOutput() {
        for (old, new) in [Self.pair, (Self.pair.new, Self.pair.old)] {
            let difference = BundleDiff.compare(old: old, new: new)
            #expect(!difference.isEmpty)
            for output in everyOutput(difference) {
                for secret in [Self.oldSecret, Self.newSecret, "Tr0ub4dor", "battery"] {
                    #expect(!output.contains(secret), "secret text in output:\n\(output)")
                }
            }
        }
    }

    @Test func secretsInsideWholeValuesAreMaskedToo() {
        let masked = FieldDiff.masked(.array([.object(["password": .object(["inline": .string(Self.oldSecret)])])]))
        #expect(ValueText.compactJSON(masked) == "[{\"password\": {\"inline\": \"(secret)\"}}]")
        #expect(FieldDiff.shown(.object(["inline": .string(Self.oldSecret)])) == .secret(.inline))
    }

    @Test func renameMatchingComparesInlineSecretsWithoutShowingThem() {
        let old = F.bundle(providers: [F.provider("acme", rules: ("none", "none"))], extensions: [F.ext("100", password: .inline(Self.oldSecret))])
        let same = F.bundle(providers: [F.provider("acme", rules: ("none", "none"))], extensions: [F.ext("200", password: .inline(Self.oldSecret))])
        let other = F.bundle(providers: [F.provider("acme", rules: ("none", "none"))], extensions: [F.ext("200", password: .inline(Self.newSecret))])
        #expect(BundleDiff.compare(old: old, new: same).changes.map(\.kind) == [.renamed])
        #expect(BundleDiff.compare(old: old, new: other).changes.map(\.kind) == [.added, .removed])
    }
}

@Suite struct RendererTests {
    private var difference: BundleDifference {
        let old = F.bundle(providers: [F.provider("a"), F.provider("b", lines: .limited(2))])
        var new = F.bundle(providers: [F.provider("b", lines: .limited(4)), F.provider("a")])
        new.providers[0].title = "Budget | backup `cheap`"
        return BundleDiff.compare(old: old, new: new)
    }

    @Test func humanOutputIsColouredOnlyWhenAsked() {
        let plain = HumanDiffRenderer(colors: false).render(difference)
        #expect(!plain.contains("\u{1B}"))
        let coloured = HumanDiffRenderer(colors: true).render(difference)
        #expect(coloured.contains("\u{1B}[32m"))
        #expect(coloured.contains("\u{1B}[1mProviders\u{1B}[0m"))
    }

    @Test func humanOutput() {
        let text = HumanDiffRenderer(colors: false).render(difference)
        #expect(text.hasPrefix("1 change (1 changed) and the order of inbound and outbound rules\nold sha256:"))
        #expect(text.contains("""

            Providers
              ~ b changed (providers.yaml:1:1)
                  title: (not set) → "Budget | backup `cheap`"
                  lines: 2 → 4

            Order of inbound rules
              was: inbound-a, inbound-b
              now: inbound-b, inbound-a
            """))
        #expect(text.contains("  · numbers that no explicit rule matches now go out through `b` first, then `a` (was `a` first, then `b`)\n"))
    }

    @Test func markdownHasHeadingSummarySectionsAndEscapedTables() {
        let text = MarkdownDiffRenderer().render(difference)
        #expect(text.hasPrefix("## Switchboard bundle diff\n\n**1 change (1 changed) and the order of inbound and outbound rules**\n"))
        #expect(text.contains("### Providers\n\n- **changed** `b` (`providers.yaml:1:1`)\n\n  | field | old | new |\n  | --- | --- | --- |\n"))
        #expect(text.contains("  | `title` | *(not set)* | ``\"Budget \\| backup `cheap`\"`` |\n"))
        #expect(text.contains("  | `lines` | `2` | `4` |\n"))
        #expect(text.contains("### Order of outbound rules\n"))
        #expect(text.contains("| was | `outbound-a`, `outbound-b` |"))
        #expect(text.contains("- numbers that no explicit rule matches now go out through `b` first, then `a` (was `a` first, then `b`)\n"))
        // Every table row has exactly its columns: no unescaped `|` inside a cell.
        for line in text.split(separator: "\n") where line.hasPrefix("  | `") {
            let unescaped = line.indices.filter { line[$0] == "|" && (($0 == line.startIndex) || line[line.index(before: $0)] != "\\") }
            #expect(unescaped.count == 4, "\(line)")
        }
    }

    @Test func markdownCodeSpans() {
        #expect(MarkdownDiffRenderer.code("acme") == "`acme`")
        #expect(MarkdownDiffRenderer.code("a`b") == "``a`b``")
        #expect(MarkdownDiffRenderer.code("`x`") == "`` `x` ``")
        #expect(MarkdownDiffRenderer.code("a|b", inTable: true) == "`a\\|b`")
        #expect(MarkdownDiffRenderer.code("a|b") == "`a|b`")
        #expect(MarkdownDiffRenderer.code("line\nbreak") == "`line\u{240A}break`")
    }

    @Test func jsonIsVersionedDeterministicAndParses() throws {
        let first = JSONDiffRenderer().render(difference)
        #expect(first == JSONDiffRenderer().render(difference))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect((object["old_digest"] as? String)?.hasPrefix("sha256:") == true)
        #expect((object["new_digest"] as? String)?.hasPrefix("sha256:") == true)
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == 1)
        #expect(changes[0]["kind"] as? String == "changed")
        #expect(changes[0]["section"] as? String == "providers")
        let fields = try #require(changes[0]["fields"] as? [[String: Any]])
        #expect(fields[0]["path"] as? String == "title")
        #expect(fields[0]["old"] == nil, "an absent value is left out")
        let orders = try #require(object["order_changes"] as? [[String: Any]])
        #expect(orders.map { $0["section"] as? String } == ["inbound", "outbound"])
        let effects = try #require(orders[1]["effects"] as? [[String: Any]])
        #expect(effects.first?["kind"] as? String == "fallback_order")
    }

    @Test func noChanges() {
        let bundle = F.bundle(providers: [F.provider("a")])
        let difference = BundleDiff.compare(old: bundle, new: bundle)
        #expect(HumanDiffRenderer(colors: false).render(difference) == "no changes: both bundles are \(difference.oldDigest)\n")
        #expect(MarkdownDiffRenderer().render(difference).contains("**No changes**"))
        #expect(JSONDiffRenderer().render(difference).contains("\"changes\": []"))
        #expect(JSONDiffRenderer().render(difference).contains("\"order_changes\": []"))
    }

    @Test func controlCharactersInSourcesAreMadeVisible() {
        let old = F.bundle(providers: [F.provider("a", lines: .limited(1))])
        let new = F.bundle(providers: [F.provider("a", lines: .limited(2), source: "evil\u{1B}[2Jname.yaml:1:1")])
        let difference = BundleDiff.compare(old: old, new: new)
        for output in [HumanDiffRenderer(colors: false).render(difference), MarkdownDiffRenderer().render(difference)] {
            #expect(!output.contains("\u{1B}"))
            #expect(output.contains("evil\u{241B}[2Jname.yaml"))
        }
    }
}
