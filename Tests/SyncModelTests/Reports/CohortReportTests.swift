import Foundation
import SyncModel
import Testing

/// Report numbers on a small hand-made cohort, every expected number counted by hand.
@Suite("Cohort report")
struct CohortReportTests {
    static let participant = ReplicaID(high: 1, low: 1)
    static let trainer = ReplicaID(high: 9, low: 9)
    static let importer = ReplicaID(high: 5, low: 5)

    /// 2026-09-01 10:00 in Berlin (08:00 UTC), plus `hours`.
    static func time(hours: Double) -> Timestamp {
        Timestamp(millisecondsSince1970: 1_788_249_600_000 + Int64(hours * 3_600_000))
    }

    static func door(_ index: Int, _ street: String, outcome: String?, deleted: Bool = false) -> Record {
        var record = Record(
            id: UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", index))!,
            collection: RecordCollection.households, cohort: "quartier", owner: "import")
        record.write(["street": .string(street), "houseNumber": .string(String(index))], by: importer, at: time(hours: -24))
        if let outcome { record.write("outcome", .string(outcome), by: participant, at: time(hours: 1)) }
        if deleted { record.delete(by: trainer, at: time(hours: 2)) }
        return record
    }

    static func response(
        _ index: Int, owner: String, door: Record?, hours: Double, status: ResponseStatus, _ answers: [String: FieldValue]
    ) -> Record {
        var record = Record(
            id: UUID(uuidString: String(format: "10000000-0000-4000-8000-%012d", index))!,
            collection: RecordCollection.responses, cohort: "quartier", survey: "nachbarschaft-2026", surveyVersion: 1,
            owner: owner)
        var all = answers
        all[ResponseField.status] = .string(status.rawValue)
        all[ResponseField.createdAt] = .integer(time(hours: hours).millisecondsSince1970)
        if let door { all[ResponseField.household] = .string(door.id.uuidString) }
        record.write(all, by: participant, at: time(hours: hours))
        return record
    }

    let report: CohortReport
    let conflicted: Record

    init() throws {
        let doors = [
            Self.door(1, "Lindenstraße", outcome: "interviewed"),
            Self.door(2, "Lindenstraße", outcome: "not-home"),
            Self.door(3, "Am Mühlbach", outcome: nil),
            Self.door(4, "Am Mühlbach", outcome: "interviewed"),
            Self.door(5, "Kastanienweg", outcome: "refused", deleted: true),
        ]
        let first = Self.response(
            1, owner: "anna", door: doors[0], hours: 0, status: .final,
            [
                "wohndauer": "jahre_1_5", "alter": 30, "haushalt": 3, "kinder": 1, "probleme": ["verkehr", "muell"],
                "mitmachen": "ja", "kontakt": "0341 123456", "gefaellt": "Der Park", "zufriedenheit": 7.5,
                "standort": ["latitude": 51.3, "longitude": 12.3],
            ])
        var second = Self.response(
            2, owner: "anna", door: doors[3], hours: 2, status: .final,
            [
                "wohndauer": "ueber_15", "alter": 70, "haushalt": 1, "probleme": ["muell"], "mitmachen": "nein",
                "gefaellt": "Ruhe, \"Nachbarn\"", "zufriedenheit": 9, "standort": ["latitude": 51.4, "longitude": 12.2],
            ])
        // A trainer corrects the age while Anna changes it too: a conflict; the later write (72) shows.
        var corrected = second
        corrected.write("alter", 72, by: Self.trainer, at: Self.time(hours: 30))
        second.write("alter", 71, by: Self.participant, at: Self.time(hours: 29))
        second = try second.merging(corrected)
        conflicted = second
        let third = Self.response(
            3, owner: "ben", door: nil, hours: 24, status: .final,
            [
                "wohndauer": "jahre_1_5", "haushalt": 2, "probleme": ["sonstiges"], "probleme_sonstiges": "Baustelle",
                "mitmachen": "vielleicht", "gefaellt": "Spielplatz", "zufriedenheit": 4,
            ])
        // 23:30 UTC on 2 September is 01:30 on 3 September in Berlin.
        let draft = Self.response(4, owner: "ben", door: doors[0], hours: 39.5, status: .draft, ["wohndauer": "unter_1"])
        var deleted = Self.response(5, owner: "anna", door: doors[1], hours: 3, status: .final, ["wohndauer": "unter_1"])
        deleted.delete(by: Self.participant, at: Self.time(hours: 4))
        // Erased at a resident's request: counted, and nothing else of them anywhere in the report.
        var erased = Self.response(
            6, owner: "carla", door: doors[2], hours: 5, status: .final,
            ["wohndauer": "ueber_15", "gefaellt": "Geheim 0171 5550199", "zufriedenheit": 1])
        erased.erase(Erasure(erasedBy: "tina", erasedAt: Self.time(hours: 50)), by: Self.trainer)
        var erasedDoor = Self.door(99, "Geheimweg", outcome: "interviewed")
        erasedDoor.erase(Erasure(erasedBy: "tina", erasedAt: Self.time(hours: 50)), by: Self.trainer)
        report = CohortReport.make(
            records: doors + [first, second, third, draft, deleted, erased, erasedDoor], surveys: [try FixtureFiles.survey()])
    }

    var survey: SurveyReport { report.surveys[0] }
    func question(_ name: String) -> QuestionReport { survey.questions.first { $0.name == name }! }

    @Test
    func countsFinalDraftAndDeletedResponses() {
        #expect(report.surveys.map(\.survey) == ["nachbarschaft-2026"])
        #expect(survey.version == 1)
        #expect((survey.final, survey.drafts, survey.deleted) == (3, 1, 1))
    }

    @Test
    func countsErasedResponsesAndDoorsSeparatelyAndShowsNothingOfThem() throws {
        #expect(survey.erased == 1)
        #expect(report.households.erased == 1)
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        for trace in ["carla", "Geheim", "0171", "Geheimweg"] { #expect(!json.contains(trace), "\(trace)") }
    }

    @Test
    func groupsByParticipantStreetAndDay() {
        #expect(
            survey.participants == [
                GroupCount(name: "anna", final: 2, drafts: 0), GroupCount(name: "ben", final: 1, drafts: 1),
            ])
        #expect(
            survey.streets == [
                GroupCount(name: "", final: 1, drafts: 0), GroupCount(name: "Am Mühlbach", final: 1, drafts: 0),
                GroupCount(name: "Lindenstraße", final: 1, drafts: 1),
            ])
        #expect(
            survey.days == [
                GroupCount(name: "2026-09-01", final: 2, drafts: 0), GroupCount(name: "2026-09-02", final: 1, drafts: 0),
                GroupCount(name: "2026-09-03", final: 0, drafts: 1),
            ])
    }

    @Test
    func countsChoicesWithSelectMultiplePerChoice() {
        #expect(question("wohndauer").choices?.map(\.count) == [0, 2, 0, 1])
        #expect(
            question("probleme").choices?.map { "\($0.name)=\($0.count)" } == [
                "verkehr=1", "muell=2", "mieten=0", "gruenflaechen=0", "treffpunkte=0", "sicherheit=0", "sonstiges=1",
            ])
        #expect(question("mitmachen").choices?.first?.label == "Ja, gerne")
    }

    @Test(arguments: [
        ("kinder", 1, 1, 1), ("kontakt", 1, 1, 1), ("probleme_sonstiges", 1, 0, 2), ("alter", 2, 1, 0),
        ("anmerkungen", 0, 3, 0), ("wohndauer", 3, 0, 0),
    ])
    func separatesAnsweredSkippedAndNotRelevant(name: String, answered: Int, skipped: Int, notRelevant: Int) {
        let report = question(name)
        #expect((report.answered, report.skipped, report.notRelevant) == (answered, skipped, notRelevant))
    }

    @Test
    func summarizesNumbers() throws {
        let age = try #require(question("alter").numbers)
        #expect((age.count, age.min, age.max, age.mean, age.median) == (2, 30, 72, 51, 51))
        let satisfaction = try #require(question("zufriedenheit").numbers)
        #expect(satisfaction.count == 3)
        #expect((satisfaction.min, satisfaction.max, satisfaction.median) == (4, 9, 7.5))
        #expect(abs(satisfaction.mean! - 20.5 / 3) < 1e-9)
    }

    @Test
    func listsTextsAndBoxesGeopoints() throws {
        // In interview order: Anna's first (0 h) and second (2 h), then Ben's (24 h).
        #expect(question("gefaellt").texts == ["Der Park", "Ruhe, \"Nachbarn\"", "Spielplatz"])
        #expect(question("gefaellt").textCount == 3)
        let points = try #require(question("standort").geopoints)
        #expect(points.count == 2)
        #expect((points.minLatitude, points.maxLatitude, points.minLongitude, points.maxLongitude) == (51.3, 51.4, 12.2, 12.3))
    }

    @Test("A personal question is counted but its answers are not listed")
    func personalQuestionCountsOnly() throws {
        let kontakt = question("kontakt")
        #expect(kontakt.personal)
        #expect((kontakt.answered, kontakt.skipped, kontakt.notRelevant) == (1, 1, 1))
        #expect(kontakt.texts == nil)
        let encoded = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(!encoded.contains("0341 123456"), "the report's JSON holds no contact detail")
        #expect(question("gefaellt").personal == false)
    }

    @Test
    func summarizesHouseholdsWithoutDeletedDoors() {
        let doors = report.households
        #expect((doors.total, doors.visited, doors.coverage) == (4, 3, 0.75))
        #expect(doors.outcomes.map { "\($0.outcome)=\($0.count)" } == ["interviewed=2", "not-home=1", "refused=0", "revisit=0"])
        #expect(
            doors.streets == [
                StreetCoverage(street: "Am Mühlbach", total: 2, visited: 1),
                StreetCoverage(street: "Lindenstraße", total: 2, visited: 2),
            ])
    }

    @Test
    func listsOpenConflicts() {
        #expect(report.openConflicts.map(\.id) == [conflicted.id])
        #expect(report.openConflicts.first?.fields == ["alter"])
    }

    @Test
    func roundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(CohortReport.self, from: data) == report)
    }

    @Test("doors count by derived status and visits by outcome, separately; responses by review state")
    func countsStatusesVisitsAndReviews() throws {
        var door = Self.door(40, "Ahornweg", outcome: nil)
        for (index, outcome) in [VisitOutcome.notHome, .notHome, .interviewed].enumerated() {
            let at = Self.time(hours: Double(index))
            door.write(VisitField.entry("v\(index)"), Visit.makeEntry(at: at, by: "anna", outcome: outcome, note: nil), by: Self.participant, at: at)
        }
        var withdrawn = Self.door(41, "Ahornweg", outcome: nil)
        withdrawn.write(VisitField.entry("w"), Visit.makeEntry(at: Self.time(hours: 1), by: "anna", outcome: .refused, note: nil), by: Self.participant, at: Self.time(hours: 1))
        withdrawn.write(VisitField.withdrawal("w"), Visit.makeWithdrawal(at: Self.time(hours: 2), by: "anna"), by: Self.participant, at: Self.time(hours: 2))
        var asked = Self.response(50, owner: "anna", door: nil, hours: 1, status: .final, [:])
        let ask = ReviewMessage(id: "m", at: Self.time(hours: 3), by: "tina", role: "trainer", kind: .ask, text: "?")
        asked.write(ReviewField.message("m"), ask.fieldValue, by: Self.trainer, at: ask.at)
        let plain = Self.response(51, owner: "anna", door: nil, hours: 1, status: .final, [:])
        let report = CohortReport.make(records: [door, withdrawn, asked, plain], surveys: [])
        let doors = report.households
        #expect((doors.total, doors.visited) == (2, 1))
        #expect(doors.outcomes.map { "\($0.outcome)=\($0.count)" } == ["interviewed=1", "not-home=0", "refused=0", "revisit=0"])
        #expect(doors.visitOutcomes.map { "\($0.outcome)=\($0.count)" } == ["interviewed=1", "not-home=2", "refused=0", "revisit=0"])
        #expect(report.openConflicts.isEmpty)
        let reviews = try #require(report.surveys.first).reviews
        #expect(reviews.map { "\($0.state)=\($0.count)" } == ["none=1", "reviewed=0", "question-open=1", "answered=0", "closed=0"])
    }
}
