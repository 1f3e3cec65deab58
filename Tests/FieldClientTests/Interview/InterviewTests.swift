import Foundation
import SyncModel
import Testing
@testable import fieldclient

/// The terminal interview: retries on wrong answers, navigation, and an answer stored as it is given.
@Suite("Interview")
struct InterviewTests {
    let survey: SurveyDefinition
    let device: TestDevice

    init() throws {
        survey = try Fixtures.survey()
        device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey])
    }

    private func run(_ lines: [String], language: String? = nil) throws -> (InterviewResult, String) {
        final class Transcript: @unchecked Sendable { var text = "" }
        let transcript = Transcript()
        let interview = Interview(
            survey: survey, records: device.records, household: nil, input: ScriptedLines(lines),
            emit: { transcript.text += $0 }, language: language)
        return (try interview.run(), transcript.text)
    }

    @Test("a full interview with a wrong answer, a retry and back ends final")
    func fullInterview() throws {
        let (result, transcript) = try run([
            "25.11.2026",  // datum
            "",  // standort (optional)
            "9",  // wohndauer: no such choice
            "2",  // wohndauer
            "5",  // alter: out of range
            "34",  // alter retried
            "back",  // back to alter
            "35",  // alter again
            "3",  // haushalt
            "1",  // kinder
            "Die Nachbarn",  // gefaellt
            "1 3",  // probleme
            "7,5",  // zufriedenheit
            "3",  // mitmachen = nein
            "skip",  // anmerkungen
            "f",
        ])
        #expect(result.status == .final)
        #expect(transcript.contains("out of range"))
        #expect(transcript.contains("Wie lange wohnen Sie schon im Quartier?"))
        #expect(transcript.contains("1) Weniger als ein Jahr"))
        // A wrong number is answered with the choices' numbers and labels, not their codes.
        #expect(
            transcript.contains(
                "'9' is not one of the choices. Enter a number: 1 = Weniger als ein Jahr, 2 = 1 bis 5 Jahre"),
            "\(transcript)")
        #expect(!transcript.contains("jahre_1_5"))
        let id = try #require(result.id)
        let record = try #require(try device.store.record(id: id)).record
        #expect(record.value(of: "alter") == 35)
        #expect(record.value(of: "datum") == "2026-11-25")
        #expect(record.value(of: "probleme") == ["verkehr", "mieten"])
        #expect(record.value(of: "zufriedenheit") == 7.5)
        #expect(record.value(of: ResponseField.status) == "final")
        #expect(survey.validate(record.values, finalized: true).isEmpty)
    }

    @Test("a group's label is shown once as a heading; required_message and default are used")
    func groupHeadingRequiredMessageAndDefault() throws {
        let grouped = try SurveyDefinition.parse(
            """
            settings: { form_id: g, version: 1, form_title: G }
            survey:
              - { type: begin group, name: haushalt, label: Ihr Haushalt }
              - { type: integer, name: personen, label: Personen, required: yes, required_message: Bitte die Zahl eintragen., default: 2 }
              - { type: text, name: name, label: Name, required: yes, required_message: Ohne Namen geht es nicht. }
              - { type: end group }
              - { type: text, name: danke, label: Danke }
            """)
        let device = try TestDevice(participant: "anna", replicaSeed: 2, surveys: [grouped])
        final class Transcript: @unchecked Sendable { var text = "" }
        let transcript = Transcript()
        let interview = Interview(
            survey: grouped, records: device.records, household: nil, input: ScriptedLines(["", "skip", "Ayşe", "", "f"]),
            emit: { transcript.text += $0 })
        let result = try interview.run()
        #expect(transcript.text.components(separatedBy: "== Ihr Haushalt ==").count == 2)
        #expect(transcript.text.contains("Default: 2 (press Enter to take it)"))
        #expect(transcript.text.contains("Ohne Namen geht es nicht."))
        let id = try #require(result.id)
        let record = try #require(try device.store.record(id: id)).record
        #expect(record.value(of: "personen") == 2)
        #expect(record.value(of: "name") == "Ayşe")
    }

    @Test("quit keeps every answer given so far as a draft")
    func quitKeepsDraft() throws {
        let (result, _) = try run(["2026-11-25", "", "1", "quit"])
        #expect(result.quit)
        let id = try #require(result.id)
        let stored = try #require(try device.store.record(id: id))
        #expect(stored.record.value(of: "wohndauer") == "unter_1")
        #expect(stored.record.value(of: ResponseField.status) == "draft")
        // One creation plus one edit per further answer, each in its own transaction.
        #expect(stored.revision == 2)
    }

    @Test("the end of input stops like quit", arguments: [0, 1, 3])
    func endOfInput(answered: Int) throws {
        let (result, _) = try run(Array(["2026-11-25", "", "1"].prefix(answered)))
        #expect(result.quit)
        #expect((result.id != nil) == (answered > 0))
    }

    @Test("a required question cannot be skipped")
    func requiredCannotBeSkipped() throws {
        let (_, transcript) = try run(["skip", "", "2026-11-25", "quit"])
        #expect(transcript.contains("required and cannot be skipped"))
        #expect(transcript.contains("required; please answer it"))
    }

    @Test("an answer that no longer applies is cleared when the interview passes it")
    func irrelevantAnswerCleared() throws {
        let (first, _) = try run(["2026-11-25", "", "1", "", "3", "1", "back", "back", "1", "quit"])
        let id = try #require(first.id)
        let record = try #require(try device.store.record(id: id)).record
        #expect(record.value(of: "haushalt") == 1)
        #expect(record.value(of: "kinder") == .null)
    }

    @Test("started in English, the questions, choices, hints and constraint messages are English; answers stay codes")
    func startsInEnglish() throws {
        let (result, transcript) = try run(
            ["2026-11-25", "", "2", "", "3", "3", "quit"], language: "en")
        #expect(transcript.contains("[2/14] Date of the conversation *"))
        #expect(transcript.contains("2) 1 to 5 years"))
        #expect(transcript.contains("(Record at the front door; accuracy in metres.)"))
        #expect(transcript.contains("At least one adult must live in the household."))
        #expect(!transcript.contains("Wie lange wohnen"))
        let id = try #require(result.id)
        let record = try #require(try device.store.record(id: id)).record
        #expect(record.value(of: "wohndauer") == "jahre_1_5")
    }

    @Test("'lang en' switches for the rest of the interview, 'lang de' back; an unknown tag lists the languages")
    func switchesLanguage() throws {
        let (_, transcript) = try run(["2026-11-25", "lang tr", "lang en", "", "lang de", "quit"])
        #expect(transcript.contains("This survey has no language 'tr'. Languages: de (Deutsch, current), en (English)."))
        let english = transcript.components(separatedBy: "Questionnaire language: English (en).")
        #expect(english.count == 2)
        #expect(english[0].contains("[3/14] Standort"))
        #expect(english[1].contains("[3/14] Location"))
        #expect(english[1].contains("[4/14] How long have you lived in the neighbourhood? *"))
        // The opening line names the starting language too, so the switch back is the third part.
        let german = transcript.components(separatedBy: "Questionnaire language: Deutsch (de).")
        #expect(german.count == 3)
        #expect(german[2].contains("[4/14] Wie lange wohnen Sie schon im Quartier? *"))
        #expect(!german[2].contains("How long"))
    }
}
