import Foundation
import PropertyBased
import SyncFixtures
import SyncModel
import Testing

/// The report built one record at a time, as `fieldclient report` does on a large store.
@Suite("Cohort report builder")
struct CohortReportBuilderTests {
    /// Doors on two streets and twelve responses, some final, some drafts, one deleted.
    static func records() -> [Record] {
        let doors = [
            CohortReportTests.door(1, "Lindenstraße", outcome: "interviewed"),
            CohortReportTests.door(2, "Am Mühlbach", outcome: nil),
        ]
        var records = doors
        for index in 0..<12 {
            var response = CohortReportTests.response(
                index + 1, owner: index.isMultiple(of: 3) ? "ben" : "anna", door: doors[index % 2], hours: Double(12 - index),
                status: index.isMultiple(of: 4) ? .draft : .final,
                ["haushalt": .integer(Int64(index % 5 + 1)), "gefaellt": .string("Antwort \(index)"), "alter": .integer(Int64(20 + index))])
            if index == 7 { response.delete(by: CohortReportTests.participant, at: CohortReportTests.time(hours: 40)) }
            records.append(response)
        }
        return records
    }

    /// The report of `records` added one at a time.
    static func build(_ records: [Record]) throws -> CohortReport {
        var builder = CohortReportBuilder(surveys: [try FixtureFiles.survey()])
        for record in records { builder.add(record) }
        return builder.report
    }

    @Test("the report does not depend on the order the records come in", arguments: [1, 2, 3, 4])
    func orderDoesNotMatter(seed: UInt64) throws {
        let records = Self.records()
        var generator = SplitMix64(seed: seed)
        let forward = try Self.build(records)
        #expect(try Self.build(records.shuffled(using: &generator)) == forward)
        #expect(try Self.build(records.reversed()) == forward)
    }

    @Test("text answers are listed in interview order, drafts and deleted responses only counted")
    func textsInInterviewOrder() throws {
        let report = try Self.build(Self.records().reversed())
        let survey = try #require(report.surveys.first)
        // Response i starts at 12 - i hours: the last created is the first interviewed.
        let finals = (0..<12).filter { !$0.isMultiple(of: 4) && $0 != 7 }
        let gefaellt = try #require(survey.questions.first { $0.name == "gefaellt" })
        #expect(gefaellt.texts == finals.reversed().map { "Antwort \($0)" })
        #expect(gefaellt.textCount == finals.count)
        #expect((survey.final, survey.drafts, survey.deleted) == (finals.count, 3, 1))
        #expect(survey.streets.map(\.name) == ["Am Mühlbach", "Lindenstraße"])
        #expect(survey.streets.map { $0.final + $0.drafts } == [5, 6])
    }

    @Test(
        "a response counts under its door's street whether its door id is written in lower case (as fieldclient writes it) or upper case",
        arguments: [true, false])
    func doorIdInEitherCase(lowercase: Bool) throws {
        var door = Record(
            id: UUID(uuidString: "F38B2FFC-80A4-4F5A-91C9-BC701E7EA419")!, collection: RecordCollection.households,
            cohort: "quartier", owner: "import")
        door.write(["street": .string("Lindenstraße"), "houseNumber": .string("1")], by: CohortReportTests.importer, at: CohortReportTests.time(hours: -24))
        var response = CohortReportTests.response(1, owner: "anna", door: nil, hours: 1, status: .final, [:])
        let written = lowercase ? door.id.uuidString.lowercased() : door.id.uuidString
        response.write(ResponseField.household, .string(written), by: CohortReportTests.participant, at: CohortReportTests.time(hours: 2))
        let survey = try #require(Self.build([response, door]).surveys.first)
        #expect(survey.streets.map(\.name) == ["Lindenstraße"])
        #expect(survey.streets.map(\.final) == [1])
    }

    @Test("a builder that saw nothing reports every published survey with zero responses")
    func empty() throws {
        let report = try Self.build([])
        #expect(report.surveys.map(\.survey) == ["nachbarschaft-2026"])
        #expect(report.surveys[0].final == 0 && report.households.total == 0 && report.openConflicts.isEmpty)
    }

    @Test(
        "a text question lists its first answers in interview order, at most listedTexts, and counts all of them",
        arguments: [0, 1, 3, 99, 100, 101, 199, 200, 201, 450])
    func textsAreBounded(responses: Int) throws {
        // Response i starts at i hours: the higher i, the newer.
        let records = (0..<responses).map { index in
            CohortReportTests.response(
                index + 1, owner: "anna", door: nil, hours: Double(index), status: .final, ["gefaellt": .string("Antwort \(index)")])
        }
        var generator = SplitMix64(seed: UInt64(responses))
        let report = try Self.build(records.shuffled(using: &generator))
        let gefaellt = try #require(report.surveys.first?.questions.first { $0.name == "gefaellt" })
        let first = (0..<responses).prefix(CohortReport.listedTexts).map { "Antwort \($0)" }
        #expect(CohortReport.listedTexts == 100)
        #expect(gefaellt.texts == first)
        #expect(gefaellt.textCount == responses)
        #expect(gefaellt.answered == responses)
    }

    @Test("numbers are summarized from how often each value was given: the median and mean of all answers")
    func numbersFromTheirDistribution() throws {
        // Ages 20, 20, 20, 30, 40, 70: the median is the mean of the 3rd and 4th, (20 + 30) / 2.
        let ages: [Int64] = [70, 20, 40, 20, 30, 20]
        let records = ages.enumerated().map { index, age in
            CohortReportTests.response(index + 1, owner: "anna", door: nil, hours: Double(index), status: .final, ["alter": .integer(age)])
        }
        let numbers = try #require(try Self.build(records).surveys.first?.questions.first { $0.name == "alter" }?.numbers)
        #expect((numbers.count, numbers.min, numbers.max, numbers.mean, numbers.median) == (6, 20, 70, 200.0 / 6, 25))
        #expect(numbers.distribution == [
            NumberCount(value: 20, count: 3), NumberCount(value: 30, count: 1), NumberCount(value: 40, count: 1),
            NumberCount(value: 70, count: 1),
        ])
        // The JSON keeps the answers' list of earlier versions beside the distribution, and reads either.
        #expect(numbers.values == [20, 20, 20, 30, 40, 70])
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(numbers)) as? [String: Any]
        #expect(json?["values"] as? [Double] == [20, 20, 20, 30, 40, 70])
        #expect(try JSONDecoder().decode(NumberSummary.self, from: try JSONEncoder().encode(numbers)) == numbers)
        let earlier = Data(#"{"count": 6, "min": 20, "max": 70, "median": 25, "values": [20, 20, 20, 30, 40, 70]}"#.utf8)
        #expect(try JSONDecoder().decode(NumberSummary.self, from: earlier) == numbers)
    }

    /// A cohort of `size` responses from the synthetic generator, with doors, concurrent edits
    /// and some drafts and deleted responses, chosen by `seed`.
    static func cohort(seed: Int, size: Int) throws -> [Record] {
        let survey = try FixtureFiles.survey()
        let cohort = SyntheticCohort(
            configuration: .init(
                cohort: "k", participants: 3, responsesPerParticipant: size / 3 + 1, households: 12, seed: UInt64(seed)),
            survey: survey)
        var random = SplitMix64(seed: UInt64(seed) ^ 0x5EED)
        let trainer = ReplicaID(high: 9, low: 9)
        let later = Timestamp(millisecondsSince1970: cohort.configuration.start.millisecondsSince1970 + 10_000_000_000)
        let responses = cohort.responses.map { response in
            var changed = response
            switch random.index(below: 10) {
            case 0: changed.delete(by: trainer, at: later)
            case 1: changed.write(ResponseField.status, .string(ResponseStatus.draft.rawValue), by: trainer, at: later)
            default: break
            }
            return changed
        }
        return cohort.households + responses
    }

    /// What a question's report lists of its answers.
    struct ListedAnswers {
        var numbers: NumberSummary?
        var texts: [String]?
        var textCount: Int?
        var geopoints: GeopointSummary?
    }

    /// What the numbers, texts and locations of `records` are, computed from all answers at once
    /// (sorted, counted, boxed), independently of the builder: by question name.
    static func expectedAnswers(_ records: [Record], survey: SurveyDefinition) -> [String: ListedAnswers] {
        let finals = records.filter {
            $0.collection == RecordCollection.responses && !$0.isDeleted && !$0.isErased
                && $0.value(of: ResponseField.status) == .string(ResponseStatus.final.rawValue)
        }
        func start(_ record: Record) -> Int64 {
            if case .integer(let value)? = record.value(of: ResponseField.createdAt) { value } else { .min }
        }
        var expected: [String: ListedAnswers] = [:]
        for question in survey.questions where question.type.takesAnswer && !question.personal {
            var report = ListedAnswers()
            let answers = finals.compactMap { record in record.value(of: question.name).map { (record, $0) } }
                .filter { !$0.1.isUnanswered }
            switch question.type {
            case .integer, .decimal:
                let all = answers.compactMap { $0.1.numberValue }.sorted()
                var distribution: [NumberCount] = []
                for value in all {
                    if distribution.last?.value == value { distribution[distribution.count - 1].count += 1 } else {
                        distribution.append(NumberCount(value: value, count: 1))
                    }
                }
                let middle = all.count / 2
                var numbers = NumberSummary(counts: [:])
                numbers.count = all.count
                numbers.min = all.first
                numbers.max = all.last
                numbers.mean = all.isEmpty ? nil : all.reduce(0, +) / Double(all.count)
                numbers.median = all.isEmpty ? nil : all.count.isMultiple(of: 2) ? (all[middle - 1] + all[middle]) / 2 : all[middle]
                numbers.distribution = distribution
                report.numbers = numbers
            case .text:
                let texts = answers.compactMap { record, answer in answer.stringValue.map { (start(record), record.id.uuidString, $0) } }
                    .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                report.texts = texts.prefix(CohortReport.listedTexts).map(\.2)
                report.textCount = texts.count
            case .geopoint:
                let points = answers.compactMap { _, answer -> (Double, Double)? in
                    guard case .object(let members) = answer, let latitude = members["latitude"]?.numberValue,
                        let longitude = members["longitude"]?.numberValue
                    else { return nil }
                    return (latitude, longitude)
                }
                var box = GeopointSummary()
                box.count = points.count
                box.minLatitude = points.map(\.0).min()
                box.maxLatitude = points.map(\.0).max()
                box.minLongitude = points.map(\.1).min()
                box.maxLongitude = points.map(\.1).max()
                report.geopoints = box
            default:
                break
            }
            expected[question.name] = report
        }
        return expected
    }

    @Test("the streamed builder, fed a cohort in any order, lists the numbers, texts and locations computed from all answers at once")
    func streamedEqualsAllAtOnce() async throws {
        let survey = try FixtureFiles.survey()
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int(Int32.max)), Gen.int(in: 0...330)) { seed, size in
            let records = try Self.cohort(seed: seed, size: size)
            var order = SplitMix64(seed: UInt64(seed))
            let report = try Self.build(records.shuffled(using: &order))
            let expected = Self.expectedAnswers(records, survey: survey)
            for question in try #require(report.surveys.first).questions where !question.personal {
                let want = try #require(expected[question.name])
                #expect(question.texts == want.texts, "\(question.name)")
                #expect(question.textCount == want.textCount, "\(question.name)")
                #expect(question.geopoints == want.geopoints, "\(question.name)")
                #expect(question.numbers?.distribution == want.numbers?.distribution, "\(question.name)")
                #expect(question.numbers?.count == want.numbers?.count, "\(question.name)")
                #expect(question.numbers?.min == want.numbers?.min && question.numbers?.max == want.numbers?.max, "\(question.name)")
                #expect(question.numbers?.median == want.numbers?.median, "\(question.name)")
                // The mean is summed in another order than the one-by-one sum here: equal up to rounding.
                if let mean = question.numbers?.mean, let wanted = want.numbers?.mean {
                    #expect(abs(mean - wanted) <= 1e-12 * max(1, abs(wanted)), "\(question.name)")
                } else {
                    #expect(question.numbers?.mean == want.numbers?.mean, "\(question.name)")
                }
            }
        }
    }
}
