import Diagnostics
import Foundation
import Testing

/// A small fixed run for the golden SARIF and GitHub outputs: an error with a label, a related
/// span in another file, a note and help; a warning with help; a note with a related span.
enum SmallFixture {
    static var report: DiagnosticReport {
        DiagnosticReport(diagnostics: Array(Fixture.diagnostics.prefix(3)), sources: Fixture.sources, fileCount: 2)
    }

    static let ruleHelp = [
        "SB2011": "Every provider, extension and rule has a name, and names are unique across all manifest files.",
    ]
    static let ruleHelpURIs = ["SB2011": "https://docs.example/switchboard/diagnostics#sb2011"]
    static let informationURI = "https://docs.example/switchboard"
}

@Suite struct SarifRendererTests {
    @Test func goldenSmallReport() {
        let renderer = SARIFRenderer(
            ruleHelp: SmallFixture.ruleHelp, ruleHelpURIs: SmallFixture.ruleHelpURIs,
            informationURI: SmallFixture.informationURI)
        #expect(renderer.render(SmallFixture.report) == #"""
            {
              "$schema" : "https://json.schemastore.org/sarif-2.1.0.json",
              "runs" : [
                {
                  "columnKind" : "unicodeCodePoints",
                  "results" : [
                    {
                      "level" : "warning",
                      "locations" : [
                        {
                          "message" : {
                            "text" : "plaintext password"
                          },
                          "physicalLocation" : {
                            "artifactLocation" : {
                              "uri" : "samples/broken/dup.yaml",
                              "uriBaseId" : "%SRCROOT%"
                            },
                            "region" : {
                              "endColumn" : 24,
                              "endLine" : 6,
                              "startColumn" : 15,
                              "startLine" : 6
                            }
                          }
                        }
                      ],
                      "message" : {
                        "text" : "password of provider `beta` is written in plain text\nhelp: use a reference: password: { env: BETA_PASSWORD }"
                      },
                      "ruleId" : "SB2020",
                      "ruleIndex" : 1
                    },
                    {
                      "level" : "note",
                      "locations" : [
                        {
                          "physicalLocation" : {
                            "artifactLocation" : {
                              "uri" : "samples/broken/dup.yaml",
                              "uriBaseId" : "%SRCROOT%"
                            },
                            "region" : {
                              "endColumn" : 20,
                              "endLine" : 9,
                              "startColumn" : 17,
                              "startLine" : 9
                            }
                          }
                        }
                      ],
                      "message" : {
                        "text" : "`yes` is read as the string \"yes\" here\nnote: YAML 1.1 reads `yes` as true;\nthis field wants true or false"
                      },
                      "relatedLocations" : [
                        {
                          "id" : 1,
                          "message" : {
                            "text" : "in this mapping"
                          },
                          "physicalLocation" : {
                            "artifactLocation" : {
                              "uri" : "samples/broken/dup.yaml",
                              "uriBaseId" : "%SRCROOT%"
                            },
                            "region" : {
                              "endColumn" : 10,
                              "endLine" : 8,
                              "startColumn" : 5,
                              "startLine" : 8
                            }
                          }
                        }
                      ],
                      "ruleId" : "SB2030",
                      "ruleIndex" : 2
                    },
                    {
                      "level" : "error",
                      "locations" : [
                        {
                          "message" : {
                            "text" : "defined again here"
                          },
                          "physicalLocation" : {
                            "artifactLocation" : {
                              "uri" : "samples/broken/dup.yaml",
                              "uriBaseId" : "%SRCROOT%"
                            },
                            "region" : {
                              "endColumn" : 15,
                              "endLine" : 12,
                              "startColumn" : 11,
                              "startLine" : 12
                            }
                          }
                        }
                      ],
                      "message" : {
                        "text" : "provider name `acme` is defined twice\nnote: names are unique across all manifest files\nhelp: rename one of them"
                      },
                      "relatedLocations" : [
                        {
                          "id" : 1,
                          "message" : {
                            "text" : "first defined here"
                          },
                          "physicalLocation" : {
                            "artifactLocation" : {
                              "uri" : "samples/office.yaml",
                              "uriBaseId" : "%SRCROOT%"
                            },
                            "region" : {
                              "endColumn" : 15,
                              "endLine" : 3,
                              "startColumn" : 11,
                              "startLine" : 3
                            }
                          }
                        }
                      ],
                      "ruleId" : "SB2011",
                      "ruleIndex" : 0
                    }
                  ],
                  "tool" : {
                    "driver" : {
                      "informationUri" : "https://docs.example/switchboard",
                      "name" : "switchboard",
                      "rules" : [
                        {
                          "fullDescription" : {
                            "text" : "Every provider, extension and rule has a name, and names are unique across all manifest files."
                          },
                          "help" : {
                            "text" : "Every provider, extension and rule has a name, and names are unique across all manifest files."
                          },
                          "helpUri" : "https://docs.example/switchboard/diagnostics#sb2011",
                          "id" : "SB2011",
                          "name" : "DuplicateName",
                          "shortDescription" : {
                            "text" : "duplicate name"
                          }
                        },
                        {
                          "id" : "SB2020",
                          "name" : "PlaintextSecret",
                          "shortDescription" : {
                            "text" : "plaintext secret"
                          }
                        },
                        {
                          "id" : "SB2030",
                          "name" : "YAML11BooleanWord",
                          "shortDescription" : {
                            "text" : "YAML 1.1 boolean word"
                          }
                        }
                      ]
                    }
                  }
                }
              ],
              "version" : "2.1.0"
            }

            """#)
    }

    @Test func emptyReport() {
        #expect(SARIFRenderer().render(DiagnosticReport(diagnostics: [], fileCount: 0)) == """
            {
              "$schema" : "https://json.schemastore.org/sarif-2.1.0.json",
              "runs" : [
                {
                  "columnKind" : "unicodeCodePoints",
                  "results" : [],
                  "tool" : {
                    "driver" : {
                      "name" : "switchboard",
                      "rules" : []
                    }
                  }
                }
              ],
              "version" : "2.1.0"
            }

            """)
    }

    @Test func oneRulePerCodeInCodeOrderAndResultsPointAtThem() throws {
        let log = SARIFRenderer().log(for: Fixture.report)
        let run = try #require(log.runs.first)
        #expect(log.runs.count == 1)
        let rules = run.tool.driver.rules
        #expect(rules.map(\.id) == ["SB0001", "SB2011", "SB2020", "SB2030", "SB2040", "SB2050", "SB2060", "SB2070", "SB2080"])
        #expect(run.results.count == Fixture.report.diagnostics.count)
        for (result, diagnostic) in zip(run.results, Fixture.report.diagnostics) {
            #expect(rules[result.ruleIndex].id == result.ruleId)
            #expect(result.ruleId == diagnostic.code.id)
            #expect(result.level == diagnostic.severity.rawValue)
            #expect(rules[result.ruleIndex].shortDescription.text == diagnostic.code.title)
        }
        // No long text was given: only the title.
        #expect(rules.allSatisfy { $0.fullDescription == nil && $0.help == nil && $0.helpUri == nil })
        #expect(run.tool.driver.informationUri == nil)
    }

    @Test func regionsCopyTheSpansAsTheyAre() throws {
        let run = try #require(SARIFRenderer().log(for: Fixture.report).runs.first)
        // Multi-line span: 13:13 to 14:23.
        let server = try #require(run.results.first { $0.ruleId == "SB2040" })
        let region = try #require(server.locations.first?.physicalLocation.region)
        #expect([region.startLine, region.startColumn, region.endLine, region.endColumn] as [Int] == [13, 13, 14, 23])
        // Zero-width span: endColumn equals startColumn.
        let credentials = try #require(run.results.first { $0.ruleId == "SB2050" })
        let point = try #require(credentials.locations.first?.physicalLocation.region)
        #expect([point.startLine, point.startColumn, point.endLine, point.endColumn] as [Int] == [15, 19, 15, 19])
        // A problem with the file as such: 1:1.
        let unreadable = try #require(run.results.first { $0.ruleId == "SB0001" })
        #expect(unreadable.locations.first?.physicalLocation.artifactLocation.uri == "samples/missing.yaml")
        #expect(unreadable.locations.first?.message == nil)
        #expect(unreadable.relatedLocations == nil)
    }

    @Test func relatedLocationsAreNumberedFromOne() throws {
        let related = [
            Diagnostic.Related("first", at: Fixture.span("a.yaml", 1, 1, 2)),
            Diagnostic.Related("second", at: Fixture.span("b.yaml", 2, 1, 2)),
        ]
        let report = DiagnosticReport(
            diagnostics: [.error(Fixture.duplicateName, "m", at: Fixture.span("c.yaml", 3, 1, 2), related: related)],
            fileCount: 3)
        let result = try #require(SARIFRenderer().log(for: report).runs.first?.results.first)
        #expect(result.relatedLocations?.map(\.id) == [1, 2])
        #expect(result.relatedLocations?.map(\.message?.text) == ["first", "second"])
        #expect(result.relatedLocations?.map(\.physicalLocation.artifactLocation.uri) == ["a.yaml", "b.yaml"])
    }

    @Test(arguments: [
        ("samples/office.yaml", "samples/office.yaml", "%SRCROOT%"),
        ("./a b.yaml", "./a%20b.yaml", "%SRCROOT%"),
        ("dir/ä.yaml", "dir/%C3%A4.yaml", "%SRCROOT%"),
        ("c:d,e.yaml", "c%3Ad,e.yaml", "%SRCROOT%"),
        ("100%.yaml", "100%25.yaml", "%SRCROOT%"),
        ("a#b?c.yaml", "a%23b%3Fc.yaml", "%SRCROOT%"),
        ("back\\slash.yaml", "back%5Cslash.yaml", "%SRCROOT%"),
        ("-", "-", "%SRCROOT%"),
        ("/abs/dir/x y.yaml", "file:///abs/dir/x%20y.yaml", nil),
    ] as [(String, String, String?)])
    func filePathsBecomeURIReferences(file: String, uri: String, base: String?) throws {
        let report = DiagnosticReport(
            diagnostics: [.error(Fixture.duplicateName, "m", at: .wholeFile(file))], fileCount: 1)
        let location = try #require(SARIFRenderer().log(for: report).runs.first?.results.first?.locations.first)
        #expect(location.physicalLocation.artifactLocation.uri == uri)
        #expect(location.physicalLocation.artifactLocation.uriBaseId == base)
        #expect(Self.isURIReference(uri))
    }

    /// RFC 3986 characters only, and every `%` starts an escape of two hex digits.
    static func isURIReference(_ text: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%")
        guard text.allSatisfy({ allowed.contains($0) }) else { return false }
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "%" {
            guard index + 2 < characters.count, characters[index + 1].isHexDigit, characters[index + 2].isHexDigit else {
                return false
            }
        }
        return true
    }

    @Test(arguments: [
        ("name defined twice", "NameDefinedTwice"),
        ("address is not host[:port]", "AddressIsNotHostPort"),
        ("caller ID is not E.164", "CallerIDIsNotE164"),
        ("YAML syntax error", "YAMLSyntaxError"),
        ("catch-all rule before specific rules", "CatchAllRuleBeforeSpecificRules"),
        ("credentials a trunk never uses", "CredentialsATrunkNeverUses"),
    ])
    func ruleNamesArePascalCaseTitles(title: String, name: String) {
        #expect(SARIFRenderer.ruleName(forTitle: title) == name)
    }

    @Test func specialCharactersInMessagesSurviveTheRoundTrip() throws {
        let message = "100% sure: a, b\nsecond line\r\nquote \" backslash \\ escape \u{1B} 東京 👍🏽"
        let report = DiagnosticReport(
            diagnostics: [.error(DiagnosticCode("SB2099", title: "test"), message, at: .wholeFile("dir/x.yaml"), help: "fix: it")],
            fileCount: 1)
        let output = SARIFRenderer().render(report)
        let decoded = try JSONDecoder().decode(SARIFRenderer.Log.self, from: Data(output.utf8))
        #expect(decoded == SARIFRenderer().log(for: report))
        #expect(decoded.runs.first?.results.first?.message.text == message + "\nhelp: fix: it")
        // Pretty-printing never breaks a line inside a string.
        #expect(!output.contains("second line\n"))
    }

    @Test func isDeterministic() {
        let shuffled = DiagnosticReport(diagnostics: Fixture.diagnostics.reversed(), sources: Fixture.sources, fileCount: 3)
        let renderer = SARIFRenderer(ruleHelp: ["SB2011": "long", "SB2080": "longer"])
        #expect(renderer.render(shuffled) == renderer.render(Fixture.report))
    }

    @Test func cutFilesKeepTheirSB0002Note() throws {
        let code = DiagnosticCode("SB2099", title: "test")
        let many = (1...4).map { Diagnostic.warning(code, "w\($0)", at: Fixture.span("a.yaml", $0, 1, 2)) }
        let report = DiagnosticReport(diagnostics: many, fileCount: 1, perFileLimit: 2)
        let run = try #require(SARIFRenderer().log(for: report).runs.first)
        #expect(run.results.map(\.ruleId) == ["SB2099", "SB2099", "SB0002"])
        #expect(run.results.last?.level == "note")
        #expect(run.tool.driver.rules.map(\.id) == ["SB0002", "SB2099"])
    }
}
