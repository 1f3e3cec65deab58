import Testing

@testable import fieldclient

@Suite("LeadingOptions: shared options written before the command")
struct LeadingOptionsTests {
    @Test(
        "Options before the command move behind its name; everything else stays as written",
        arguments: [
            (["--store", "/tmp/s", "join", "URL", "CODE"], ["join", "--store", "/tmp/s", "URL", "CODE"]),
            (["--json", "--lang", "de", "status"], ["status", "--json", "--lang", "de"]),
            (["--lang=en", "--allow-insecure", "sync", "--page-size", "5"], ["sync", "--lang=en", "--allow-insecure", "--page-size", "5"]),
            (["status", "--store", "/tmp/s"], ["status", "--store", "/tmp/s"]),
            (["--lang", "de", "--help"], ["--help"]),
            (["--help"], ["--help"]),
            ([], []),
        ] as [([String], [String])])
    func reorder(arguments: [String], expected: [String]) {
        #expect(LeadingOptions.reorder(arguments) == expected)
    }

    @Test(
        "--lang is found anywhere before --",
        arguments: [
            (["status", "--lang", "de"], "de"), (["--lang=en", "list"], "en"), (["list"], nil),
            (["record", "--", "--lang", "de"], nil),
        ] as [([String], String?)])
    func language(arguments: [String], expected: String?) {
        #expect(LeadingOptions.language(in: arguments) == expected)
    }
}
