import SyncModel
import Testing

@Suite("Language: chosen from --lang, the program's variable, LC_ALL, LC_MESSAGES and LANG")
struct LanguageTests {
    @Test(
        "The first one set decides; German for de and de_*, English otherwise",
        arguments: [
            (nil, [:], Language.english),
            (nil, ["LANG": "de_DE.UTF-8"], .german),
            (nil, ["LANG": "C.UTF-8"], .english),
            (nil, ["LANG": "de_DE.UTF-8", "LC_ALL": "en_US.UTF-8"], .english),
            (nil, ["LANG": "en_US.UTF-8", "LC_MESSAGES": "de_AT.UTF-8"], .german),
            (nil, ["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": "de_CH"], .german),
            (nil, ["LANG": "en_US.UTF-8", "FIELDCLIENT_LANG": "de"], .german),
            (nil, ["LC_ALL": "de_DE.UTF-8", "FIELDCLIENT_LANG": "en"], .english),
            ("en", ["FIELDCLIENT_LANG": "de", "LANG": "de_DE.UTF-8"], .english),
            ("de", ["LANG": "C"], .german),
            (nil, ["LANG": "fr_FR.UTF-8"], .english),
            (nil, ["LANG": "POSIX"], .english),
        ] as [(String?, [String: String], Language)])
    func resolve(option: String?, environment: [String: String], expected: Language) {
        #expect(Language.resolve(option: option, environment: environment, variable: "FIELDCLIENT_LANG") == expected)
    }

    @Test("SYNCSERVER_LANG is read for the server's commands, not FIELDCLIENT_LANG")
    func serverVariable() {
        let environment = ["SYNCSERVER_LANG": "de", "FIELDCLIENT_LANG": "en", "LANG": "en_US.UTF-8"]
        #expect(Language.resolve(option: nil, environment: environment, variable: "SYNCSERVER_LANG") == .german)
    }

    @Test(
        "Accept-Language: the best German or English range by quality, English when neither is named",
        arguments: [
            ("de-DE,de;q=0.9,en;q=0.8", Language.german),
            ("en-US,en;q=0.9,de;q=0.8", .english),
            ("fr-FR,fr;q=0.9,de;q=0.5", .german),
            ("fr-FR", .english),
            ("en;q=0.4, de;q=0.7", .german),
            ("de;q=0, en", .english),
            ("", .english),
        ])
    func acceptLanguage(header: String, expected: Language) {
        #expect(Language.preferred(acceptLanguage: header) == expected)
    }
}
