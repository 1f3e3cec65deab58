import Foundation
import Spreadsheet
import SyncFixtures
import SyncModel
import Testing

@Suite("XLSForm workbook")
struct XLSFormWorkbookTests {
    static let settings: (name: String, rows: [[TestCell?]]) = (
        "settings", [["form_title", "form_id", "version"], ["Test", "test", 1]]
    )

    /// A workbook with `survey` rows under `header`, the colour choices and the settings.
    static func workbook(
        header: [TestCell?] = ["type", "name", "label"], _ rows: [[TestCell?]], strings: TestWorkbook.StringStyle = .shared
    ) throws -> Data {
        try TestWorkbook(
            sheets: [
                ("survey", [header] + rows),
                ("choices", [["list_name", "name", "label"], ["farben", "rot", "Rot"], ["farben", "gruen", "Grün"]]),
                settings,
            ],
            strings: strings
        ).data()
    }

    static func message(_ data: Data) -> String? {
        do {
            _ = try XLSFormWorkbook.survey(from: data)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("the fixture survey as a workbook publishes the same survey as its YAML")
    func fixtureWorkbookMatchesYAML() throws {
        let yaml = try SurveyDefinition.parse(RepositoryFiles.fixture("nachbarschaftsbefragung.yaml"))
        let workbook = try XLSFormWorkbook.survey(from: RepositoryFiles.fixture("nachbarschaftsbefragung.xlsx"))
        #expect(workbook == yaml)
        #expect(workbook.questions.count == 14)
    }

    @Test("scripts/make-fixture-xlsx.py writes a workbook that publishes the YAML's survey",
        .enabled(if: ProcessInfo.processInfo.environment["QS_OPENPYXL_PYTHON"] != nil, "needs QS_OPENPYXL_PYTHON (scripts/test sets it)"))
    func fixtureScriptWritesEquivalentWorkbook() throws {
        let python = try #require(ProcessInfo.processInfo.environment["QS_OPENPYXL_PYTHON"])
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("fixture-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            RepositoryFiles.root.appendingPathComponent("scripts/make-fixture-xlsx.py").path,
            RepositoryFiles.root.appendingPathComponent("Fixtures/nachbarschaftsbefragung.yaml").path, output.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let yaml = try SurveyDefinition.parse(RepositoryFiles.fixture("nachbarschaftsbefragung.yaml"))
        #expect(try XLSFormWorkbook.survey(from: Data(contentsOf: output)) == yaml)
    }

    @Test("reads a workbook with shared or inline strings alike", arguments: [
        TestWorkbook.StringStyle.shared, .inline,
    ])
    func readsBothStringStyles(style: TestWorkbook.StringStyle) throws {
        let survey = try XLSFormWorkbook.survey(
            from: Self.workbook([["select_one farben", "farbe", "Lieblingsfarbe?"], ["integer", "alter", "Alter"]], strings: style))
        #expect(survey.questions.map(\.name) == ["farbe", "alter"])
        #expect(survey.questions[0].choices?.map(\.label) == ["Rot", "Grün"])
    }

    @Test("flattens groups: the group's label becomes the heading and its relevance applies to its members")
    func flattensGroups() throws {
        let survey = try XLSFormWorkbook.survey(
            from: Self.workbook(
                header: ["type", "name", "label", "relevant"],
                [
                    ["integer", "alter", "Alter", nil],
                    ["begin group", "haushalt", "Ihr Haushalt", "${alter} >= 18"],
                    ["integer", "personen", "Personen", nil],
                    ["begin_group", "kinder_block", nil, nil],
                    ["integer", "kinder", "Kinder", "${personen} > 1"],
                    ["end_group", nil, nil, nil],
                    ["end group", nil, nil, nil],
                    ["text", "danke", "Danke", nil],
                ]))
        #expect(survey.questions.map(\.name) == ["alter", "personen", "kinder", "danke"])
        #expect(survey.questions.map(\.group) == [nil, "Ihr Haushalt", "Ihr Haushalt", nil])
        #expect(survey.questions[1].relevant == "${alter} >= 18")
        #expect(survey.questions[2].relevant == "(${alter} >= 18) and (${personen} > 1)")
        #expect(survey.relevance(of: ["alter": .integer(30), "personen": .integer(3)]).relevant.contains("kinder"))
        #expect(!survey.relevance(of: ["alter": .integer(15), "personen": .integer(3)]).relevant.contains("kinder"))
    }

    @Test("understands old spellings: upper-case sheets and headers, `list name`, `label:English`, `select one from`")
    func readsOldSpellings() throws {
        let data = try TestWorkbook(sheets: [
            ("SURVEY", [["TYPE", "Name", "label:English"], ["select one from farben", "farbe", "Colour?"], [], ["text", "x", "X"]]),
            ("Choices", [["list name", "name", "label:English"], ["farben", "rot", "Red"]]),
            ("SETTINGS", [["Form_Title", "form_id", "version"], ["Old", "old", .number("2026112501")]]),
        ]).data()
        let survey = try XLSFormWorkbook.survey(from: data)
        #expect(survey.version == 2026112501)
        #expect(survey.questions.map(\.label) == ["Colour?", "X"])
        #expect(survey.questions[0].type == .selectOne)
        #expect(survey.questions[0].choices?.first?.label == "Red")
    }

    @Test("ignores extra sheets and columns and skips empty rows, naming the real row in messages")
    func ignoresExtrasAndNamesRealRows() throws {
        let data = try TestWorkbook(sheets: [
            ("Anleitung", [["Bitte nicht löschen"]]),
            ("survey", [
                ["type", "name", "label", "media::image", "bemerkung"], ["text", "a", "A", "bild.png", "intern"], [], [],
                ["integer", "b", nil],
            ]),
            Self.settings,
        ]).data()
        #expect(Self.message(data) == "Sheet 'survey', row 5 ('b') has no label. Add the question text in the `label` column.")
        let fixed = try TestWorkbook(sheets: [
            ("survey", [["type", "name", "label", "bemerkung"], ["text", "a", "A", "intern"], [], ["integer", "b", "B"]]),
            Self.settings,
        ]).data()
        #expect(try XLSFormWorkbook.survey(from: fixed).questions.map(\.name) == ["a", "b"])
    }

    @Test("refuses unsupported types by sheet, row, column and value, listing what is supported", arguments: [
        "begin repeat", "calculate", "select_one_from_file strassen.csv", "image", "start", "select_one farben or_other",
    ])
    func refusesUnsupportedTypes(type: String) throws {
        let message = try #require(
            Self.message(try Self.workbook([["text", "a", "A"], [.text(type), "b", "B"], ["end repeat", nil, nil]])))
        #expect(message.hasPrefix("Sheet 'survey', row 3 ('b'), column `type`: '\(type)' is not supported"), "\(message)")
        if !type.hasPrefix("select_one ") {
            #expect(message.contains("Supported types: text, integer, decimal, select_one LISTNAME"), "\(message)")
            #expect(message.contains("begin group, end group"), "\(message)")
        }
    }

    @Test("refuses columns of unsupported features when they are filled", arguments: [
        ("choice_filter", "farbe = 'rot'"), ("repeat_count", "3"), ("calculation", "1 + 1"), ("read_only", "yes"),
    ])
    func refusesUnsupportedColumns(column: String, value: String) throws {
        let message = try #require(
            Self.message(
                try Self.workbook(header: ["type", "name", "label", .text(column)], [["text", "a", "A", .text(value)]])))
        #expect(message.hasPrefix("Sheet 'survey', row 2 ('a'), column `\(column)`: the value '\(value)'"), "\(message)")
    }

    @Test("reads formulas by their cached result, merged cells by their first cell and dates typed as numbers as numbers")
    func readsFormulasMergedCellsAndDates() throws {
        var workbook = TestWorkbook(sheets: [
            ("survey", [
                ["type", "name", "label", "default"],
                ["text", "a", .formula("=\"Stra\"&\"ße?\"", cached: "Straße?"), nil],
                ["note", "hinweis", "Ein langer Hinweis über drei Spalten", nil],
                ["integer", "jahr", .number("46357"), .number("46357")],
                ["date", "datum", "Datum", .uncachedFormula("=TODAY()")],
            ]),
            Self.settings,
        ])
        workbook.worksheetTail = #"<mergeCells count="1"><mergeCell ref="C3:D3"/></mergeCells>"#
        let survey = try XLSFormWorkbook.survey(from: workbook.data())
        #expect(survey.questions.map(\.label) == ["Straße?", "Ein langer Hinweis über drei Spalten", "46357", "Datum"])
        #expect(survey.questions[2].defaultValue == "46357")
        #expect(survey.questions[3].defaultValue == nil)
        let dated = try TestWorkbook(sheets: [
            ("survey", [["type", "name", "label", "default"], ["date", "datum", "Datum", .number("46357")]]), Self.settings,
        ]).data()
        #expect(
            Self.message(dated)?.hasPrefix("Sheet 'survey', row 2 ('datum'): the default '46357' is not a valid answer") == true)
    }

    @Test("refuses unbalanced groups, naming the row")
    func refusesUnbalancedGroups() throws {
        #expect(
            Self.message(try Self.workbook([["begin group", "g", "G"], ["text", "a", "A"]]))
                == "Sheet 'survey', row 2 ('g'): the group 'g' begins here but never ends. "
                + "Add a row with type `end group` after its last question.")
        #expect(
            Self.message(try Self.workbook([["text", "a", "A"], ["end group", nil, nil]]))?
                .hasPrefix("Sheet 'survey', row 3, column `type`: 'end group' has no matching 'begin group'") == true)
    }

    @Test("reads required_message and default, and refuses a default that is no valid answer")
    func readsRequiredMessageAndDefault() throws {
        let header: [TestCell?] = ["type", "name", "label", "required", "required_message", "default"]
        let survey = try XLSFormWorkbook.survey(
            from: Self.workbook(header: header, [["integer", "n", "N", .boolean(true), "Bitte ausfüllen", 2]]))
        #expect(survey.questions[0].required)
        #expect(survey.questions[0].requiredMessage == "Bitte ausfüllen")
        #expect(survey.questions[0].defaultValue == "2")
        #expect(
            Self.message(try Self.workbook(header: header, [["integer", "n", "N", nil, nil, "viele"]]))?
                .hasPrefix("Sheet 'survey', row 2 ('n'): the default 'viele' is not a valid answer") == true)
    }

    @Test("passes language columns through as the YAML reader sees them")
    func passesLanguageColumnsThrough() throws {
        let survey = try XLSFormWorkbook.survey(
            from: Self.workbook(
                header: ["type", "name", "label::English (en)", "label::Deutsch (de)"], [["text", "a", "Name?", "Name?!"]]))
        let yaml = try SurveyDefinition.parse(
            """
            settings: { form_title: Test, form_id: test, version: 1 }
            survey:
              - { type: text, name: a, "label::English (en)": "Name?", "label::Deutsch (de)": "Name?!" }
            choices:
              - { list_name: farben, name: rot, label: Rot }
              - { list_name: farben, name: gruen, label: Grün }
            """)
        #expect(survey == yaml)
        #expect(Set(survey.questions[0].labels.translations.values).union([survey.questions[0].label]) == ["Name?", "Name?!"])
    }

    @Test("says which sheet is missing", arguments: [
        (["choices", "settings"], "The workbook has no sheet named 'survey'"),
        (["survey", "choices"], "The workbook has no sheet named 'settings'"),
    ])
    func namesMissingSheets(sheets: [String], expected: String) throws {
        let data = try TestWorkbook(sheets: sheets.map { ($0, [["type", "name", "label"], ["text", "a", "A"]]) }).data()
        #expect(Self.message(data)?.hasPrefix(expected) == true, "\(Self.message(data) ?? "published")")
    }

    @Test("a trainer in a German locale reads the refusals of a workbook in German, naming sheet, row and column")
    func germanRefusals() throws {
        func german(_ data: Data) -> String? {
            do {
                _ = try XLSFormWorkbook.survey(from: data)
                return nil
            } catch {
                return error.message(in: .german)
            }
        }
        let noSurvey = try TestWorkbook(sheets: [("choices", [["list_name"]]), ("settings", [["form_id"]])]).data()
        #expect(
            german(noSurvey) == "Die Arbeitsmappe hat kein Blatt namens 'survey' (ihre Blätter: choices, settings). "
                + "Ein XLSForm braucht die Blätter `survey`, `choices` und `settings`.")
        let noSettings = try TestWorkbook(sheets: [("survey", [["type", "name", "label"], ["text", "a", "A"]])]).data()
        #expect(german(noSettings)?.hasPrefix("Die Arbeitsmappe hat kein Blatt namens 'settings'. Legen Sie es an") == true)
        let feature = try Self.workbook(header: ["type", "name", "label", "calculation"], [["text", "a", "A", "1 + 1"]])
        #expect(
            german(feature) == "Blatt 'survey', Zeile 2 ('a'), Spalte `calculation`: Der Wert '1 + 1' nutzt eine Funktion, "
                + "die QuartierSync nicht kennt (choice_filter, repeat_count, calculation, trigger, read_only). "
                + "Leeren Sie die Zelle oder entfernen Sie die Spalte.")
        let choices = try TestWorkbook(sheets: [
            ("survey", [["type", "name", "label"], ["select_one farben", "a", "A"]]),
            ("choices", [["list_name", "name", "label"], ["farben", "rot", "Rot"], [nil, nil, nil], ["farben", "rot", "Rot!"]]),
            Self.settings,
        ]).data()
        #expect(
            german(choices) == "Blatt 'choices', Zeile 4: Die Antwortmöglichkeit 'rot' steht zweimal in der Liste 'farben' "
                + "(auch in Blatt 'choices', Zeile 2). Jede Antwortmöglichkeit einer Liste braucht einen eigenen Namen.")
        #expect(german(Data("PK\u{3}\u{4}garbage".utf8))?.hasPrefix("Die Datei ist keine Excel-Arbeitsmappe (.xlsx)") == true)
        let fixture = try RepositoryFiles.fixture("nachbarschaftsbefragung.xlsx")
        let cut = try #require(german(fixture.prefix(fixture.count / 2)))
        #expect(cut.hasPrefix("Die Datei ist keine Excel-Arbeitsmappe") || cut.hasPrefix("Die Arbeitsmappe ist beschädigt"), "\(cut)")
        let rows: [[TestCell?]] = (0..<6_000).map { [.text("text"), .text("q\($0)"), .text("Frage \($0)")] }
        #expect(
            german(try Self.workbook(rows)) == "Das Blatt 'survey' hat 6000 Zeilen; ein Fragebogen darf höchstens 5000 haben. "
                + "Prüfen Sie, ob das Blatt nur den Fragebogen enthält.")
    }

    @Test("a workbook with damaged bytes publishes or is refused, and never crashes", arguments: Array(UInt64(1)...8))
    func damagedBytesNeverCrash(seed: UInt64) throws {
        let fixture = [UInt8](try RepositoryFiles.fixture("nachbarschaftsbefragung.xlsx"))
        var random = SplitMix64(seed: seed)
        for _ in 0..<100 {
            var bytes = fixture
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            do {
                #expect(try XLSFormWorkbook.survey(from: Data(bytes)).questions.count == 14)
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test("refuses a damaged or foreign file as a survey error, not a crash")
    func refusesDamagedFiles() throws {
        let fixture = try RepositoryFiles.fixture("nachbarschaftsbefragung.xlsx")
        for data in [Data("PK\u{3}\u{4}garbage".utf8), fixture.prefix(fixture.count / 2), fixture.prefix(100)] {
            let message = try #require(Self.message(data))
            #expect(message.contains(".xlsx") || message.contains("damaged"), "\(message)")
        }
    }

    @Test("refuses survey sheets of 6,000 and of 100,000 rows with their size, without crashing", arguments: [
        (6_000, "The sheet 'survey' has 6000 rows; a survey may have at most 5000. Check that the sheet holds only the questionnaire."),
        (100_000, "The sheet 'survey' has 100000 rows; a survey may have at most 5000."),
    ])
    func refusesHugeSurveySheets(count: Int, expected: String) throws {
        let rows: [[TestCell?]] = (0..<count).map { [.text("text"), .text("q\($0)"), .text("Frage \($0)")] }
        let message = try #require(Self.message(try Self.workbook(rows)))
        #expect(message.hasPrefix(expected), "\(message)")
    }
}
