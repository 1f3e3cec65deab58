import Foundation

extension StoredRecordEncoding {
    /// Reads exactly one record; every count, index, tag and string is checked.
    static func read(_ reader: inout StoredRecordReader) throws -> Record {
        guard reader.remaining > 0 else { throw reader.failure(.notBinaryForm(firstByte: nil)) }
        let first = try reader.byte()
        guard first == marker else {
            throw StoredRecordDecodingError(.notBinaryForm(firstByte: first), at: 0)
        }
        let format = try reader.byte()
        guard format == formatVersion else { throw StoredRecordDecodingError(.unsupportedVersion(format), at: 1) }

        let id = try reader.uuid()
        let collection = try reader.string()
        let cohort = try reader.string()
        let owner = try reader.string()
        let flags = try reader.byte()
        guard flags & ~0b11 == 0 else { throw StoredRecordDecodingError(.invalidTag(flags), at: reader.offset - 1) }
        let survey = flags & 1 != 0 ? try reader.string() : nil
        var surveyVersion: Int?
        if flags & 2 != 0 {
            let start = reader.offset
            guard let number = Int(exactly: try reader.zigzag()) else {
                throw StoredRecordDecodingError(.numberOutOfRange, at: start)
            }
            surveyVersion = number
        }

        let replicaCount = try reader.count(minimumSize: 16)
        var replicas: [ReplicaID] = []
        replicas.reserveCapacity(replicaCount)
        for _ in 0..<replicaCount {
            let start = reader.offset
            let replica = try reader.replica()
            if let last = replicas.last, !(last < replica) {
                throw StoredRecordDecodingError(.unorderedReplicas, at: start)
            }
            replicas.append(replica)
        }
        let version = try readCounters(&reader, replicas: replicas)

        let editCount = try reader.count(minimumSize: 3)
        var edits: [(dot: Dot, timestamp: Timestamp)] = []
        edits.reserveCapacity(editCount)
        var previous: Int64 = 0
        for _ in 0..<editCount {
            let replica = try replicas[reader.index(below: replicas.count)]
            let start = reader.offset
            let counter = try reader.varint()
            guard counter > 0 else { throw StoredRecordDecodingError(.zeroCounter, at: start) }
            let delta = try reader.zigzag()
            previous = previous &+ delta
            edits.append((Dot(replica: replica, counter: counter), Timestamp(millisecondsSince1970: previous)))
        }

        let fieldCount = try reader.count(minimumSize: 3)
        var fields: [String: Register<FieldValue>] = [:]
        fields.reserveCapacity(fieldCount)
        for _ in 0..<fieldCount {
            let start = reader.offset
            let name = try reader.string()
            let headerStart = reader.offset
            let header = try reader.varint()
            var siblings: [Sibling<FieldValue>] = []
            if header & 1 == 0 {
                guard header >> 1 < UInt64(edits.count) else {
                    throw StoredRecordDecodingError(
                        .indexOutOfRange(index: header >> 1, count: edits.count), at: headerStart)
                }
                let edit = edits[Int(header >> 1)]
                siblings.append(Sibling(dot: edit.dot, value: try readValue(&reader, depth: 0), timestamp: edit.timestamp))
            } else {
                // Each further sibling takes at least an index byte and a tag byte.
                guard header >> 1 <= UInt64(reader.remaining / 2) else {
                    throw StoredRecordDecodingError(.countTooLarge((header >> 1) + 2), at: headerStart)
                }
                let count = Int(header >> 1) + 2
                siblings.reserveCapacity(count)
                for _ in 0..<count {
                    let siblingStart = reader.offset
                    let edit = try edits[reader.index(below: edits.count)]
                    if let last = siblings.last, !(last.dot < edit.dot) {
                        throw StoredRecordDecodingError(.unorderedSiblings, at: siblingStart)
                    }
                    siblings.append(
                        Sibling(dot: edit.dot, value: try readValue(&reader, depth: 0), timestamp: edit.timestamp))
                }
            }
            guard fields.updateValue(Register(orderedSiblings: siblings), forKey: name) == nil else {
                throw StoredRecordDecodingError(.duplicateKey(name), at: start)
            }
        }

        let deletionCount = try reader.count(minimumSize: 2)
        var deletions: [Sibling<Deletion>] = []
        deletions.reserveCapacity(deletionCount)
        for _ in 0..<deletionCount {
            let start = reader.offset
            let edit = try edits[reader.index(below: edits.count)]
            if let last = deletions.last, !(last.dot < edit.dot) {
                throw StoredRecordDecodingError(.unorderedSiblings, at: start)
            }
            let flags = try reader.byte()
            guard flags & ~0b11 == 0 else { throw StoredRecordDecodingError(.invalidTag(flags), at: reader.offset - 1) }
            let seen = flags & 2 != 0 ? try readCounters(&reader, replicas: replicas) : nil
            deletions.append(
                Sibling(dot: edit.dot, value: Deletion(isDeleted: flags & 1 != 0, seen: seen), timestamp: edit.timestamp))
        }

        var erasure: Erasure?
        if reader.peek() == erasureTag {
            _ = try reader.byte()
            let erasedBy = try reader.string()
            let erasedAt = Timestamp(millisecondsSince1970: try reader.zigzag())
            erasure = Erasure(erasedBy: erasedBy, erasedAt: erasedAt, reason: try reader.string())
            guard fields.isEmpty, deletions.isEmpty else {
                throw StoredRecordDecodingError(.invalidTag(erasureTag), at: reader.offset)
            }
        }
        guard reader.remaining == 0 else { throw reader.failure(.trailingBytes(reader.remaining)) }
        return Record(
            id: id, collection: collection, cohort: cohort, survey: survey, surveyVersion: surveyVersion, owner: owner,
            version: version, fields: fields, deletion: Register(orderedSiblings: deletions), erasure: erasure)
    }

    /// Reads one counter per replica of the table.
    private static func readCounters(_ reader: inout StoredRecordReader, replicas: [ReplicaID]) throws -> VersionVector {
        var counters: [ReplicaID: UInt64] = [:]
        counters.reserveCapacity(replicas.count)
        for replica in replicas {
            let counter = try reader.varint()
            if counter > 0 { counters[replica] = counter }
        }
        return VersionVector(counters)
    }

    /// Reads a tagged value, at most ``maximumNesting`` arrays and objects deep.
    private static func readValue(_ reader: inout StoredRecordReader, depth: Int) throws -> FieldValue {
        let start = reader.offset
        let tag = try reader.byte()
        switch tag {
        case ValueTag.null: return .null
        case ValueTag.false: return .bool(false)
        case ValueTag.true: return .bool(true)
        case ValueTag.integer: return .integer(try reader.zigzag())
        case ValueTag.decimal:
            // JSON has no NaN or infinity, and NaN is not even equal to itself: such bits are damage.
            let number = try reader.double()
            guard number.isFinite else { throw StoredRecordDecodingError(.numberOutOfRange, at: start) }
            return .decimal(number)
        case ValueTag.string: return .string(try reader.string())
        case ValueTag.array, ValueTag.object:
            guard depth < maximumNesting else { throw StoredRecordDecodingError(.nestingTooDeep, at: start) }
            if tag == ValueTag.array {
                let count = try reader.count(minimumSize: 1)
                var elements: [FieldValue] = []
                elements.reserveCapacity(count)
                for _ in 0..<count { elements.append(try readValue(&reader, depth: depth + 1)) }
                return .array(elements)
            }
            let count = try reader.count(minimumSize: 2)
            var members: [String: FieldValue] = [:]
            members.reserveCapacity(count)
            for _ in 0..<count {
                let keyStart = reader.offset
                let key = try reader.string()
                guard members.updateValue(try readValue(&reader, depth: depth + 1), forKey: key) == nil else {
                    throw StoredRecordDecodingError(.duplicateKey(key), at: keyStart)
                }
            }
            return .object(members)
        default:
            throw StoredRecordDecodingError(.invalidTag(tag), at: start)
        }
    }
}
