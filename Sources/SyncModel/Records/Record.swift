import Foundation

/// One replicated record: a survey response or a door of the shared household list.
///
/// Its identity (id, collection, cohort, survey, owner) never changes. Its content is a map
/// of multi-value registers that share one causal context, ``version``, plus a deletion
/// register. Any two states of the same record merge deterministically, and merging is
/// commutative, associative and idempotent; see docs/PROTOCOL.md.
public struct Record: Hashable, Sendable, Identifiable {
    /// The id chosen by the creating replica, so records can be created offline.
    public let id: UUID
    /// The collection, e.g. ``RecordCollection/responses`` or ``RecordCollection/households``.
    public let collection: String
    /// The cohort the record belongs to; it never moves to another.
    public let cohort: String
    /// For responses: the survey id.
    public let survey: String?
    /// For responses: the survey version the response was collected with.
    public let surveyVersion: Int?
    /// The participant who created the record.
    public let owner: String
    /// The causal context: how many writes of each replica this state has seen.
    public internal(set) var version: VersionVector
    /// The fields, each a multi-value register of JSON values.
    public internal(set) var fields: [String: Register<FieldValue>]
    /// The deletion register: empty, deleted, restored, or concurrent deletes and restores.
    public internal(set) var deletion: Register<Deletion>
    /// The erasure, when the record was erased: then it has no fields and no deletion register.
    public internal(set) var erasure: Erasure?

    /// Creates an empty record that has seen no write yet.
    public init(
        id: UUID, collection: String, cohort: String, survey: String? = nil, surveyVersion: Int? = nil,
        owner: String
    ) {
        self.id = id
        self.collection = collection
        self.cohort = cohort
        self.survey = survey
        self.surveyVersion = surveyVersion
        self.owner = owner
        self.version = VersionVector()
        self.fields = [:]
        self.deletion = Register()
        self.erasure = nil
    }

    /// Creates a record from all of its parts, e.g. when decoding or in tests.
    public init(
        id: UUID, collection: String, cohort: String, survey: String?, surveyVersion: Int?, owner: String,
        version: VersionVector, fields: [String: Register<FieldValue>], deletion: Register<Deletion>,
        erasure: Erasure? = nil
    ) {
        self.id = id
        self.collection = collection
        self.cohort = cohort
        self.survey = survey
        self.surveyVersion = surveyVersion
        self.owner = owner
        self.version = version
        self.erasure = erasure
        if erasure != nil {
            self.fields = [:]
            self.deletion = Register()
        } else {
            self.fields = fields.values.contains(where: \.isEmpty) ? fields.filter { !$0.value.isEmpty } : fields
            self.deletion = deletion
        }
    }

    /// The identity that two states of one record must share to merge.
    public var identity: RecordIdentity {
        RecordIdentity(
            id: id, collection: collection, cohort: cohort, survey: survey, surveyVersion: surveyVersion,
            owner: owner)
    }
}

extension Record: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, collection, cohort, survey, surveyVersion, owner, version, fields
        case deletion = "deleted"
        case erasure = "erased"
    }

    /// Decodes a record; empty registers are dropped.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(UUID.self, forKey: .id),
            collection: try container.decode(String.self, forKey: .collection),
            cohort: try container.decode(String.self, forKey: .cohort),
            survey: try container.decodeIfPresent(String.self, forKey: .survey),
            surveyVersion: try container.decodeIfPresent(Int.self, forKey: .surveyVersion),
            owner: try container.decode(String.self, forKey: .owner),
            version: try container.decode(VersionVector.self, forKey: .version),
            fields: try container.decodeIfPresent([String: Register<FieldValue>].self, forKey: .fields) ?? [:],
            deletion: try container.decodeIfPresent(Register<Deletion>.self, forKey: .deletion) ?? Register(),
            erasure: try container.decodeIfPresent(Erasure.self, forKey: .erasure))
    }

    /// Encodes a record; an empty deletion register, absent survey keys and a missing erasure are omitted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(collection, forKey: .collection)
        try container.encode(cohort, forKey: .cohort)
        try container.encodeIfPresent(survey, forKey: .survey)
        try container.encodeIfPresent(surveyVersion, forKey: .surveyVersion)
        try container.encode(owner, forKey: .owner)
        try container.encode(version, forKey: .version)
        try container.encode(fields, forKey: .fields)
        if !deletion.isEmpty { try container.encode(deletion, forKey: .deletion) }
        try container.encodeIfPresent(erasure, forKey: .erasure)
    }
}
