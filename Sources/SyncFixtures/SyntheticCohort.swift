import Foundation
import SyncModel

/// A deterministic synthetic cohort: a door list, participants, and their survey responses,
/// some of them edited concurrently by the participant and a trainer. The same configuration
/// always yields the same records, byte for byte, so tests and benchmarks can share it.
public struct SyntheticCohort: Sendable {
    /// What to generate.
    public struct Configuration: Sendable {
        /// The cohort id written into every record.
        public var cohort: String
        /// How many participants collect responses.
        public var participants: Int
        /// How many responses each participant collects.
        public var responsesPerParticipant: Int
        /// How many doors the shared list has.
        public var households: Int
        /// The share of responses (0…1) that a trainer corrects while the participant adds a note.
        public var concurrentEditShare: Double
        /// The share of those concurrent edits that touch the same answer, leaving a conflict.
        public var conflictShare: Double
        /// The seed of every random choice.
        public var seed: UInt64
        /// The time of the first interview.
        public var start: Timestamp

        /// Creates a configuration; the defaults describe a small course cohort.
        public init(
            cohort: String = "quartier-2026", participants: Int = 12, responsesPerParticipant: Int = 20,
            households: Int = 120, concurrentEditShare: Double = 0.2, conflictShare: Double = 0.3, seed: UInt64 = 2026,
            start: Timestamp = Timestamp(millisecondsSince1970: 1_790_000_000_000)
        ) {
            self.cohort = cohort
            self.participants = participants
            self.responsesPerParticipant = responsesPerParticipant
            self.households = households
            self.concurrentEditShare = concurrentEditShare
            self.conflictShare = conflictShare
            self.seed = seed
            self.start = start
        }
    }

    /// One participant and the replica id of their laptop.
    public struct Participant: Hashable, Sendable {
        /// The participant's name, the `owner` of their responses.
        public var name: String
        /// Their laptop's replica id.
        public var replica: ReplicaID
    }

    /// The configuration used.
    public let configuration: Configuration
    /// The participants, in order.
    public let participants: [Participant]
    /// The trainer's replica id.
    public let trainerReplica: ReplicaID
    /// The shared door list, as records of ``SyncModel/RecordCollection/households``.
    public let households: [Record]
    /// The responses in their merged state, in creation order.
    public let responses: [Record]
    /// For each concurrently edited response: the participant's and the trainer's divergent states.
    public let divergentStates: [UUID: (participant: Record, trainer: Record)]

    /// Generates a cohort for `survey` that fills in answers valid for it.
    public init(configuration: Configuration = Configuration(), survey: SurveyDefinition) {
        var random = SplitMix64(seed: configuration.seed)
        self.configuration = configuration
        let streets = ["Lindenstraße", "Am Mühlbach", "Kastanienweg", "Goethestraße", "Brückenstraße", "Schulgasse"]
        let names = ["anna", "ben", "cem", "dora", "emil", "fatma", "gül", "hans", "ines", "jonas", "katrin", "lea"]
        participants = (0..<configuration.participants).map { index in
            let base = names[index % names.count]
            let name = index < names.count ? base : "\(base)\(index / names.count + 1)"
            return Participant(name: name, replica: ReplicaID.makeRandom(using: &random))
        }
        trainerReplica = ReplicaID.makeRandom(using: &random)
        let importer = ReplicaID.makeRandom(using: &random)
        let start = configuration.start

        households = (0..<configuration.households).map { index in
            var door = Record(
                id: Self.makeUUID(using: &random), collection: RecordCollection.households,
                cohort: configuration.cohort, owner: "import")
            door.write(
                [
                    "street": .string(streets[index % streets.count]),
                    "houseNumber": .string(String(index / streets.count + 1)),
                    "postcode": "04177",
                ], by: importer, at: start)
            return door
        }

        var responses: [Record] = []
        var divergent: [UUID: (participant: Record, trainer: Record)] = [:]
        responses.reserveCapacity(configuration.participants * configuration.responsesPerParticipant)
        for round in 0..<configuration.responsesPerParticipant {
            for participant in participants {
                let time = Timestamp(
                    millisecondsSince1970: start.millisecondsSince1970 + Int64(round) * 3_600_000
                        + Int64(random.index(below: 3_000_000)))
                var response = Record(
                    id: Self.makeUUID(using: &random), collection: RecordCollection.responses,
                    cohort: configuration.cohort, survey: survey.id, surveyVersion: survey.version,
                    owner: participant.name)
                var answers = Self.makeAnswers(for: survey, using: &random)
                answers["_status"] = "final"
                answers["_createdAt"] = .integer(time.millisecondsSince1970)
                if !households.isEmpty {
                    let door = households[random.index(below: households.count)]
                    answers["_household"] = .string(door.id.uuidString)
                }
                response.write(answers, by: participant.replica, at: time)

                if random.unit() < configuration.concurrentEditShare,
                    let corrected = survey.questions.first(where: { $0.type == .integer || $0.type == .text }),
                    let value = Self.makeValue(for: corrected, answers: answers, using: &random)
                {
                    var trainers = response
                    var participants = response
                    let later = Timestamp(millisecondsSince1970: time.millisecondsSince1970 + 86_400_000)
                    trainers.write(corrected.name, value, by: trainerReplica, at: later)
                    var note: [String: FieldValue] = ["_note": "Bewohner:in möchte zum Nachbarschaftstreffen eingeladen werden."]
                    if random.unit() < configuration.conflictShare,
                        let other = Self.makeValue(for: corrected, answers: answers, using: &random)
                    {
                        note[corrected.name] = other
                    }
                    participants.write(note, by: participant.replica, at: later)
                    divergent[response.id] = (participants, trainers)
                    response = try! participants.merging(trainers)  // same identity by construction
                }
                responses.append(response)
            }
        }
        self.responses = responses
        self.divergentStates = divergent
    }

    /// A version-4 UUID from the generator.
    static func makeUUID(using random: inout SplitMix64) -> UUID {
        UUID(bytes: (0..<16).map { _ in UInt8(truncatingIfNeeded: random.next()) }, version: 4)
    }

    /// Answers every relevant question in order with a value the survey accepts.
    static func makeAnswers(for survey: SurveyDefinition, using random: inout SplitMix64) -> [String: FieldValue] {
        var answers: [String: FieldValue] = [:]
        for question in survey.questions where question.type.takesAnswer {
            guard question.relevantCondition?.evaluate(answers: answers) ?? true else { continue }
            // Optional questions are sometimes skipped, as at a real door.
            if !question.required && random.index(below: 5) == 0 { continue }
            if let value = makeValue(for: question, answers: answers, using: &random) {
                answers[question.name] = value
            }
        }
        return answers
    }

    /// A value for `question` that passes its own checks, or nil when ten tries found none.
    static func makeValue(
        for question: Question, answers: [String: FieldValue], using random: inout SplitMix64
    ) -> FieldValue? {
        for _ in 0..<10 {
            let candidate = makeCandidate(for: question, using: &random)
            if question.check(candidate, answers: answers) == nil { return candidate }
        }
        return nil
    }

    private static func makeCandidate(for question: Question, using random: inout SplitMix64) -> FieldValue {
        let low = question.min ?? 0
        let high = question.max ?? Swift.max(low + 10, 100)
        switch question.type {
        case .integer:
            return .integer(Int64(low) + Int64(random.index(below: Int(Swift.max(1, high - low + 1)))))
        case .decimal:
            let unit = random.unit()
            return .decimal(((low + unit * (high - low)) * 10).rounded() / 10)
        case .selectOne:
            let choices = question.choices ?? []
            return .string(choices[random.index(below: choices.count)].name)
        case .selectMultiple:
            let choices = question.choices ?? []
            let picked = choices.filter { _ in random.index(below: 3) == 0 }
            return .array((picked.isEmpty ? [choices[0]] : picked).map { .string($0.name) })
        case .date:
            let day = 1 + random.index(below: 28)
            let month = 1 + random.index(below: 12)
            return .string(String(format: "2026-%02d-%02d", month, day))
        case .geopoint:
            return [
                "latitude": .decimal(51.33 + Double(random.index(below: 1_000)) / 100_000),
                "longitude": .decimal(12.36 + Double(random.index(below: 1_000)) / 100_000),
                "accuracy": .decimal(Double(3 + random.index(below: 20))),
            ]
        case .text:
            let phrases = [
                "Die Nachbarn grüßen sich, und der Spielplatz ist schön.",
                "Mehr Bänke und ein Treffpunkt für Ältere wären gut.",
                "Zu viel Verkehr in der Straße, \"Tempo 30\" fehlt.",
                "Der Park, die Bäckerei, der Wochenmarkt; alles nah.",
            ]
            let phrase = phrases[random.index(below: phrases.count)]
            return .string(String(phrase.prefix(question.maxLength ?? phrase.count)))
        case .note:
            return .null
        }
    }
}
