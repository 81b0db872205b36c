import Diagnostics
import Foundation
import Testing

@Suite struct JSONRendererTests {
    @Test func decodesBackWithJSONSerialization() throws {
        let output = JSONRenderer().render(Fixture.report)
        #expect(output.hasSuffix("}\n"))
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
        let document = try #require(object as? [String: Any])
        #expect(Set(document.keys) == ["version", "diagnostics", "summary"])
        #expect(document["version"] as? Int == 1)

        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 3)
        #expect(summary["errors"] as? Int == 6)
        #expect(summary["warnings"] as? Int == 2)

        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 9)
        let duplicate = try #require(diagnostics.first { $0["code"] as? String == "SB2011" })
        #expect(duplicate["severity"] as? String == "error")
        #expect(duplicate["title"] as? String == "duplicate name")
        #expect(duplicate["message"] as? String == "provider name `acme` is defined twice")
        #expect(duplicate["label"] as? String == "defined again here")
        #expect(duplicate["notes"] as? [String] == ["names are unique across all manifest files"])
        #expect(duplicate["help"] as? String == "rename one of them")
        let location = try #require(duplicate["location"] as? [String: Any])
        #expect(location["file"] as? String == "samples/broken/dup.yaml")
        #expect(location["line"] as? Int == 12)
        #expect(location["column"] as? Int == 11)
        #expect(location["endLine"] as? Int == 12)
        #expect(location["endColumn"] as? Int == 15)
        let related = try #require(duplicate["related"] as? [[String: Any]])
        #expect(related.count == 1)
        #expect(related.first?["label"] as? String == "first defined here")
        let relatedLocation = try #require(related.first?["location"] as? [String: Any])
        #expect(relatedLocation["file"] as? String == "samples/office.yaml")
        #expect(relatedLocation["line"] as? Int == 3)

        // Absent label and help are left out, not null.
        let unreadable = try #require(diagnostics.first { $0["code"] as? String == "SB0001" })
        #expect(unreadable["label"] == nil)
        #expect(unreadable["help"] == nil)
        #expect(unreadable["related"] as? [Any] != nil)
        #expect(unreadable["notes"] as? [Any] != nil)
    }

    @Test func decodesBackIntoTheDocumentType() throws {
        let output = JSONRenderer().render(Fixture.report)
        let decoded = try JSONDecoder().decode(JSONRenderer.Document.self, from: Data(output.utf8))
        #expect(decoded == JSONRenderer().document(for: Fixture.report))
        #expect(decoded.diagnostics.map(\.code) == Fixture.report.diagnostics.map(\.code.id))
    }

    @Test func specialCharactersSurviveTheRoundTrip() throws {
        let message = "quote \" backslash \\ newline \n tab \t escape \u{1B} 東京 👍🏽 path a/b"
        let report = DiagnosticReport(
            diagnostics: [.error(DiagnosticCode("SB2099", title: "test"), message, at: .wholeFile("dir/ä.yaml"))],
            fileCount: 1
        )
        let output = JSONRenderer().render(report)
        #expect(output.contains("a/b"), "slashes are not escaped")
        let decoded = try JSONDecoder().decode(JSONRenderer.Document.self, from: Data(output.utf8))
        #expect(decoded.diagnostics.first?.message == message)
        #expect(decoded.diagnostics.first?.location.file == "dir/ä.yaml")
    }

    @Test func isDeterministic() {
        let shuffled = DiagnosticReport(diagnostics: Fixture.diagnostics.reversed(), sources: Fixture.sources, fileCount: 3)
        #expect(JSONRenderer().render(shuffled) == JSONRenderer().render(Fixture.report))
    }

    @Test func emptyReport() {
        #expect(JSONRenderer().render(DiagnosticReport(diagnostics: [], fileCount: 0)) == """
            {
              "diagnostics" : [],
              "summary" : {
                "errors" : 0,
                "files" : 0,
                "warnings" : 0
              },
              "version" : 1
            }

            """)
    }

    @Test func golden() {
        let report = DiagnosticReport(
            diagnostics: Fixture.diagnostics.filter { [Fixture.duplicateName, .unreadableInput, Fixture.yamlBoolean].contains($0.code) },
            sources: Fixture.sources, fileCount: 3
        )
        #expect(JSONRenderer().render(report) == #"""
            {
              "diagnostics" : [
                {
                  "code" : "SB2030",
                  "location" : {
                    "column" : 17,
                    "endColumn" : 20,
                    "endLine" : 9,
                    "file" : "samples/broken/dup.yaml",
                    "line" : 9
                  },
                  "message" : "`yes` is read as the string \"yes\" here",
                  "notes" : [
                    "YAML 1.1 reads `yes` as true;\nthis field wants true or false"
                  ],
                  "related" : [
                    {
                      "label" : "in this mapping",
                      "location" : {
                        "column" : 5,
                        "endColumn" : 10,
                        "endLine" : 8,
                        "file" : "samples/broken/dup.yaml",
                        "line" : 8
                      }
                    }
                  ],
                  "severity" : "note",
                  "title" : "YAML 1.1 boolean word"
                },
                {
                  "code" : "SB2011",
                  "help" : "rename one of them",
                  "label" : "defined again here",
                  "location" : {
                    "column" : 11,
                    "endColumn" : 15,
                    "endLine" : 12,
                    "file" : "samples/broken/dup.yaml",
                    "line" : 12
                  },
                  "message" : "provider name `acme` is defined twice",
                  "notes" : [
                    "names are unique across all manifest files"
                  ],
                  "related" : [
                    {
                      "label" : "first defined here",
                      "location" : {
                        "column" : 11,
                        "endColumn" : 15,
                        "endLine" : 3,
                        "file" : "samples/office.yaml",
                        "line" : 3
                      }
                    }
                  ],
                  "severity" : "error",
                  "title" : "duplicate name"
                },
                {
                  "code" : "SB0001",
                  "location" : {
                    "column" : 1,
                    "endColumn" : 1,
                    "endLine" : 1,
                    "file" : "samples/missing.yaml",
                    "line" : 1
                  },
                  "message" : "cannot read samples/missing.yaml: permission denied",
                  "notes" : [],
                  "related" : [],
                  "severity" : "error",
                  "title" : "input cannot be read"
                }
              ],
              "summary" : {
                "errors" : 2,
                "files" : 3,
                "warnings" : 0
              },
              "version" : 1
            }

            """#)
    }
}
