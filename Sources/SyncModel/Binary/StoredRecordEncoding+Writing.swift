import Foundation

extension StoredRecordEncoding {
    /// One entry of the edit table: a write's dot and the timestamp its siblings carry.
    private struct Edit: Comparable {
        var dot: Dot
        var timestamp: Timestamp

        static func < (lhs: Edit, rhs: Edit) -> Bool {
            (lhs.dot.replica, lhs.dot.counter, lhs.timestamp) < (rhs.dot.replica, rhs.dot.counter, rhs.timestamp)
        }
    }

    /// Writes `record` and returns the bytes it wrote per part.
    static func write(_ record: Record, into writer: inout StoredRecordWriter) -> StoredRecordSize {
        var size = StoredRecordSize()
        var mark = writer.count
        func take() -> Int {
            defer { mark = writer.count }
            return writer.count - mark
        }

        writer.byte(marker)
        writer.byte(formatVersion)
        size.header = take()

        writer.uuid(record.id)
        writer.string(record.collection)
        writer.string(record.cohort)
        writer.string(record.owner)
        writer.byte((record.survey == nil ? 0 : 1) | (record.surveyVersion == nil ? 0 : 2))
        if let survey = record.survey { writer.string(survey) }
        if let surveyVersion = record.surveyVersion { writer.zigzag(Int64(surveyVersion)) }
        size.identity = take()

        // The tables: every replica and every distinct (dot, timestamp) the record mentions.
        var replicas = Array(record.version.counters.keys)
        var edits: [Edit] = []
        edits.reserveCapacity(record.fields.count + record.deletion.siblings.count)
        for register in record.fields.values {
            for sibling in register.siblings { edits.append(Edit(dot: sibling.dot, timestamp: sibling.timestamp)) }
        }
        for sibling in record.deletion.siblings {
            edits.append(Edit(dot: sibling.dot, timestamp: sibling.timestamp))
            if let seen = sibling.value.seen { replicas.append(contentsOf: seen.counters.keys) }
        }
        edits.sort()
        edits = unique(edits)
        for edit in edits { replicas.append(edit.dot.replica) }
        replicas.sort()
        replicas = unique(replicas)

        writer.varint(replicas.count)
        for replica in replicas { writer.replica(replica) }
        size.replicaTable = take()

        writeCounters(record.version, replicas: replicas, into: &writer)
        size.versionVector = take()

        writer.varint(edits.count)
        var previous: Int64 = 0
        for edit in edits {
            writer.varint(position(of: edit.dot.replica, in: replicas))
            writer.varint(edit.dot.counter)
            writer.zigzag(edit.timestamp.millisecondsSince1970 &- previous)
            previous = edit.timestamp.millisecondsSince1970
        }
        size.editTable = take()

        writer.varint(record.fields.count)
        size.fieldNames += take()
        for (name, register) in record.fields.sorted(by: { $0.key < $1.key }) {
            writer.string(name)
            size.fieldNames += take()
            let siblings = register.siblings
            if siblings.count == 1 {
                let sibling = siblings[0]
                let index = position(of: Edit(dot: sibling.dot, timestamp: sibling.timestamp), in: edits)
                writer.varint(UInt64(index) << 1)
                size.siblingReferences += take()
                writeValue(sibling.value, into: &writer)
                size.values += take()
            } else {
                writer.varint(UInt64(siblings.count - 2) << 1 | 1)
                size.siblingReferences += take()
                for sibling in siblings {
                    writer.varint(position(of: Edit(dot: sibling.dot, timestamp: sibling.timestamp), in: edits))
                    size.siblingReferences += take()
                    writeValue(sibling.value, into: &writer)
                    size.values += take()
                }
            }
        }

        writer.varint(record.deletion.siblings.count)
        for sibling in record.deletion.siblings {
            writer.varint(position(of: Edit(dot: sibling.dot, timestamp: sibling.timestamp), in: edits))
            writer.byte((sibling.value.isDeleted ? 1 : 0) | (sibling.value.seen == nil ? 0 : 2))
            if let seen = sibling.value.seen { writeCounters(seen, replicas: replicas, into: &writer) }
        }
        size.deletion = take()
        if let erasure = record.erasure {
            writer.byte(erasureTag)
            writer.string(erasure.erasedBy)
            writer.zigzag(erasure.erasedAt.millisecondsSince1970)
            writer.string(erasure.reason)
            size.deletion += take()
        }
        return size
    }

    /// Writes one counter per replica of the table, 0 where the vector has none.
    private static func writeCounters(
        _ vector: VersionVector, replicas: [ReplicaID], into writer: inout StoredRecordWriter
    ) {
        for replica in replicas { writer.varint(vector[replica]) }
    }

    /// Writes a tagged value; object members in key order.
    private static func writeValue(_ value: FieldValue, into writer: inout StoredRecordWriter) {
        switch value {
        case .null: writer.byte(ValueTag.null)
        case .bool(let flag): writer.byte(flag ? ValueTag.true : ValueTag.false)
        case .integer(let number):
            writer.byte(ValueTag.integer)
            writer.zigzag(number)
        case .decimal(let number):
            writer.byte(ValueTag.decimal)
            writer.double(number)
        case .string(let text):
            writer.byte(ValueTag.string)
            writer.string(text)
        case .array(let elements):
            writer.byte(ValueTag.array)
            writer.varint(elements.count)
            for element in elements { writeValue(element, into: &writer) }
        case .object(let members):
            writer.byte(ValueTag.object)
            writer.varint(members.count)
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                writer.string(key)
                writeValue(member, into: &writer)
            }
        }
    }

    /// The sorted array without repeated neighbours.
    private static func unique<Element: Equatable>(_ sorted: [Element]) -> [Element] {
        guard sorted.count > 1 else { return sorted }
        var result: [Element] = []
        result.reserveCapacity(sorted.count)
        for element in sorted where result.last != element { result.append(element) }
        return result
    }

    /// The index of `element` in the sorted, duplicate-free `table`, which contains it.
    private static func position<Element: Comparable>(of element: Element, in table: [Element]) -> Int {
        var low = 0
        var high = table.count - 1
        while low < high {
            let middle = (low + high) / 2
            if table[middle] < element { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
